package dev.resilint.live.map.codedeploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.Alarm;
import software.amazon.awssdk.services.codedeploy.model.AlarmConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackConfiguration;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.AutoScalingGroup;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentOption;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStyle;
import software.amazon.awssdk.services.codedeploy.model.DeploymentType;
import software.amazon.awssdk.services.codedeploy.model.ECSService;

class DeploymentGroupMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");

    @Test
    void rollbackAlarmsStyleAndTargets() {
        DeploymentGroupInfo g = DeploymentGroupInfo.builder().applicationName("shop").deploymentGroupName("prod")
                .deploymentConfigName("CodeDeployDefault.OneAtATime")
                .serviceRoleArn("arn:aws:iam::111122223333:role/codedeploy")
                .autoRollbackConfiguration(AutoRollbackConfiguration.builder().enabled(true)
                        .events(AutoRollbackEvent.DEPLOYMENT_FAILURE, AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM).build())
                .alarmConfiguration(AlarmConfiguration.builder().enabled(true).ignorePollAlarmFailure(false)
                        .alarms(Alarm.builder().name("errors").build()).build())
                .deploymentStyle(DeploymentStyle.builder().deploymentType(DeploymentType.BLUE_GREEN)
                        .deploymentOption(DeploymentOption.WITH_TRAFFIC_CONTROL).build())
                .autoScalingGroups(AutoScalingGroup.builder().name("web").build())
                .ecsServices(ECSService.builder().clusterName("main").serviceName("api").build())
                .build();

        LiveResource r = DeploymentGroupMapper.map(SCOPE, g);

        assertThat(r.type()).isEqualTo("AWS::CodeDeploy::DeploymentGroup");
        assertThat(r.arn()).isEqualTo("arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:shop/prod");
        assertThat(r.name()).isEqualTo("shop/prod");
        assertThat(r.identifiers()).isEqualTo(Map.of("prod", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of(
                "ApplicationName", Ref.to("shop", "AWS::CodeDeploy::Application"),
                "DeploymentGroupName", "prod",
                "DeploymentConfigName", "CodeDeployDefault.OneAtATime",
                "ServiceRoleArn", "arn:aws:iam::111122223333:role/codedeploy",
                "AutoRollbackConfiguration", Map.of("Enabled", true,
                        "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")),
                "AlarmConfiguration", Map.of("Enabled", true, "IgnorePollAlarmFailure", false,
                        "Alarms", List.of(Map.of("Name", "errors"))),
                "DeploymentStyle", Map.of("DeploymentType", "BLUE_GREEN", "DeploymentOption", "WITH_TRAFFIC_CONTROL"),
                "AutoScalingGroups", List.of(Ref.to("web", "AWS::AutoScaling::AutoScalingGroup")),
                "ECSServices", List.of(Map.of("ClusterName", Ref.to("main", "AWS::ECS::Cluster"),
                        "ServiceName", Ref.to("api", "AWS::ECS::Service")))));
    }

    @Test
    void whatTheApiLeavesOutStaysAbsentAndAListedGroupHasItsNames() {
        DeploymentGroupInfo bare = DeploymentGroupInfo.builder().applicationName("shop").deploymentGroupName("dev")
                .alarmConfiguration(AlarmConfiguration.builder().enabled(false).build()).build();

        assertThat(PlainTrees.of(DeploymentGroupMapper.map(SCOPE, bare))).isEqualTo(Map.of(
                "ApplicationName", Ref.to("shop", "AWS::CodeDeploy::Application"), "DeploymentGroupName", "dev",
                "AlarmConfiguration", Map.of("Enabled", false)));
        assertThat(PlainTrees.of(DeploymentGroupMapper.listed(SCOPE, "shop", "dev"))).isEqualTo(Map.of(
                "ApplicationName", Ref.to("shop", "AWS::CodeDeploy::Application"), "DeploymentGroupName", "dev"));
    }
}
