package dev.resilint.live.map.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.Tag;

class EcsClusterMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:ecs:eu-west-1:111122223333:cluster/web";

    @Test
    void nameCapacityProvidersSettingsAndTags() {
        Cluster c = Cluster.builder().clusterArn(ARN).clusterName("web").status("ACTIVE")
                .capacityProviders("web-asg", "FARGATE")
                .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("web-asg")
                        .weight(1).build())
                .settings(ClusterSetting.builder().name("containerInsights").value("enabled").build())
                .tags(Tag.builder().key("team").value("web").build()).build();

        LiveResource r = EcsClusterMapper.map(SCOPE, c);

        assertThat(r.type()).isEqualTo("AWS::ECS::Cluster");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.identifiers()).isEqualTo(Map.of("web", "", ARN, "Arn"));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of(
                "ClusterName", "web",
                "CapacityProviders", List.of(Ref.to("web-asg", "AWS::ECS::CapacityProvider"),
                        Ref.to("FARGATE", "AWS::ECS::CapacityProvider")),
                "DefaultCapacityProviderStrategy", List.of(Map.of(
                        "CapacityProvider", Ref.to("web-asg", "AWS::ECS::CapacityProvider"), "Weight", 1L)),
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled")),
                "Tags", List.of(Map.of("Key", "team", "Value", "web"))));
    }

    @Test
    void aClusterKnownByItsArnHasItsName() {
        LiveResource r = EcsClusterMapper.listed(SCOPE, ARN);

        assertThat(r.name()).isEqualTo("web");
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("ClusterName", "web"));
        assertThat(r.identifiers()).isEqualTo(Map.of("web", "", ARN, "Arn"));
    }
}
