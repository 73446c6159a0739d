package dev.resilint.live.map.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.MinimumHealthyHosts;
import software.amazon.awssdk.services.codedeploy.model.MinimumHealthyHostsPerZone;
import software.amazon.awssdk.services.codedeploy.model.TimeBasedLinear;
import software.amazon.awssdk.services.codedeploy.model.TrafficRoutingConfig;
import software.amazon.awssdk.services.codedeploy.model.ZonalConfig;

class DeploymentConfigMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");

    @Test
    void trafficRoutingHostsAndZonesInCloudFormationsShape() {
        DeploymentConfigInfo c = DeploymentConfigInfo.builder().deploymentConfigName("slow").deploymentConfigId("id-1")
                .computePlatform("Lambda")
                .trafficRoutingConfig(TrafficRoutingConfig.builder().type("TimeBasedLinear")
                        .timeBasedLinear(TimeBasedLinear.builder().linearPercentage(10).linearInterval(3).build()).build())
                .minimumHealthyHosts(MinimumHealthyHosts.builder().type("HOST_COUNT").value(2).build())
                .zonalConfig(ZonalConfig.builder().monitorDurationInSeconds(120L)
                        .minimumHealthyHostsPerZone(MinimumHealthyHostsPerZone.builder().type("FLEET_PERCENT").value(50)
                                .build()).build())
                .build();

        LiveResource r = DeploymentConfigMapper.map(SCOPE, "slow", c);

        assertThat(r.type()).isEqualTo("AWS::CodeDeploy::DeploymentConfig");
        assertThat(r.arn()).isEqualTo("arn:aws:codedeploy:eu-west-1:111122223333:deploymentconfig:slow");
        assertThat(r.name()).isEqualTo("slow");
        assertThat(r.identifiers()).isEqualTo(Map.of("slow", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of(
                "DeploymentConfigName", "slow", "ComputePlatform", "Lambda",
                "MinimumHealthyHosts", Map.of("Type", "HOST_COUNT", "Value", 2L),
                "TrafficRoutingConfig", Map.of("Type", "TimeBasedLinear",
                        "TimeBasedLinear", Map.of("LinearPercentage", 10L, "LinearInterval", 3L)),
                "ZonalConfig", Map.of("MonitorDurationInSeconds", 120L,
                        "MinimumHealthyHostsPerZone", Map.of("Type", "FLEET_PERCENT", "Value", 50L))));
    }

    @Test
    void whatTheApiLeavesOutStaysAbsentAndAListedConfigurationHasItsName() {
        assertThat(PlainTrees.of(DeploymentConfigMapper.map(SCOPE, "bare", DeploymentConfigInfo.builder().build())))
                .isEqualTo(Map.of("DeploymentConfigName", "bare"));
        assertThat(PlainTrees.of(DeploymentConfigMapper.listed(SCOPE, "unread")))
                .isEqualTo(Map.of("DeploymentConfigName", "unread"));
    }

    @Test
    void aGroupRefersToACustomConfigurationByNameAndNamesAPredefinedOnePlainly() {
        DeploymentGroupInfo custom = DeploymentGroupInfo.builder().applicationName("shop").deploymentGroupName("a")
                .deploymentConfigName("slow").build();
        DeploymentGroupInfo predefined = custom.toBuilder().deploymentConfigName("CodeDeployDefault.AllAtOnce").build();

        assertThat(PlainTrees.at(DeploymentGroupMapper.map(SCOPE, custom), "DeploymentConfigName"))
                .isEqualTo(Ref.to("slow", "AWS::CodeDeploy::DeploymentConfig"));
        assertThat(PlainTrees.at(DeploymentGroupMapper.map(SCOPE, predefined), "DeploymentConfigName"))
                .isEqualTo("CodeDeployDefault.AllAtOnce");
        assertThat(DeploymentConfigMapper.isPredefined("CodeDeployDefault.LambdaCanary10Percent5Minutes")).isTrue();
        assertThat(DeploymentConfigMapper.isPredefined("my-canary")).isFalse();
    }
}
