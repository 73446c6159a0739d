package dev.resilint.live.map.ecs;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;

/**
 * {@code DescribeClusters} items as {@code AWS::ECS::Cluster}: the name, capacity providers, default
 * capacity provider strategy, settings and tags. A template's {@code Ref} to a cluster returns its
 * name, {@code Fn::GetAtt Arn} its ARN: both identify it.
 */
public final class EcsClusterMapper {

    public static final String TYPE = "AWS::ECS::Cluster";

    private EcsClusterMapper() {
    }

    public static LiveResource map(Scope scope, Cluster c) {
        Props p = Props.map()
                .put("ClusterName", c.clusterName())
                .refs("CapacityProviders", c.capacityProviders(), CapacityProviderMapper.TYPE)
                .list("DefaultCapacityProviderStrategy", EcsServiceMapper.strategy(c.defaultCapacityProviderStrategy()))
                .list("ClusterSettings", settings(c.settings()))
                .tags("Tags", Tags.of(c.tags(), t -> t.key(), t -> t.value()));
        return LiveResource.of(TYPE, c.clusterArn(), c.clusterName(), scope, p.build(), ids(c.clusterArn(), c.clusterName()));
    }

    /** A cluster known only by the ARN {@code ListClusters} gave (its description could not be read). */
    public static LiveResource listed(Scope scope, String clusterArn) {
        String name = EcsArns.lastSegment(clusterArn);
        return LiveResource.of(TYPE, clusterArn, name, scope, Props.map().put("ClusterName", name).build(),
                ids(clusterArn, name));
    }

    private static java.util.Map<String, String> ids(String arn, String name) {
        return Ids.of(name, "", arn, "Arn");
    }

    private static List<Node> settings(List<ClusterSetting> settings) {
        return settings.stream().map(s -> (Node) Props.map().put("Name", s.nameAsString()).put("Value", s.value())
                .build()).toList();
    }
}
