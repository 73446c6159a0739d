package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * ElastiCache replication groups. Nodes per shard come from {@code NumCacheClusters}, else
 * {@code ReplicasPerNodeGroup} + 1 (0 replicas when unset). With one node per shard, or without
 * {@code AutomaticFailoverEnabled}, the primary's zone takes the group down (the primary in its
 * {@code PreferredCacheClusterAZs} zone, else one AWS picks among its subnet group's zones). With
 * replicas, automatic failover and {@code MultiAZEnabled}, a replica in another zone takes over;
 * without {@code MultiAZEnabled} the replicas survive only when {@code PreferredCacheClusterAZs}
 * puts them in different zones. {@code NodeGroupConfiguration} is not simulated.
 */
final class ElastiCacheTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource group : graph.existing(TierTypes.CACHE_GROUP)) {
            Optional<Long> nodes = nodesPerShard(graph, group);
            String loss = nodes.equals(Optional.of(1L)) ? "single node" : "primary without automatic failover";
            tiers.add(new Tier(graph.name(group), group.type(), graph.file(), placement(graph, group, nodes), loss));
        }
        return tiers;
    }

    private static Placement placement(SimulationGraph graph, Resource group, Optional<Long> nodes) {
        if (nodes.isEmpty()) {
            return Placement.unknown("its number of nodes per shard cannot be known");
        }
        if (nodes.get() <= 1) {
            return primary(graph, group, "one node");
        }
        Optional<Boolean> failover = flag(graph.view().property(group, "AutomaticFailoverEnabled"));
        Optional<Boolean> multiAz = flag(graph.view().property(group, "MultiAZEnabled"));
        if (failover.isEmpty() || multiAz.isEmpty()) {
            return Placement.unknown("AutomaticFailoverEnabled or MultiAZEnabled cannot be known");
        }
        if (!failover.get()) {
            return primary(graph, group, "primary without automatic failover");
        }
        if (multiAz.get()) {
            return Placement.everyZone(nodes.get() + " nodes per shard, Multi-AZ with automatic failover");
        }
        AzSet preferred = graph.view().zonesOfZoneNames(graph.view().property(group, "PreferredCacheClusterAZs"));
        Optional<List<Value>> listed = graph.view().property(group, "PreferredCacheClusterAZs").asList();
        if (preferred.exact().isPresent() && preferred.exact().get().size() >= 2 && listed.isPresent()
                && listed.get().size() == new HashSet<>(preferred.exact().get()).size()) {
            return Placement.everyZone("automatic failover; PreferredCacheClusterAZs: " + preferred.describe());
        }
        return Placement.unknown("automatic failover without MultiAZEnabled: the replicas may share the primary's zone");
    }

    /** The primary's zone: the first of {@code PreferredCacheClusterAZs}, else one of the subnet group's. */
    private static Placement primary(SimulationGraph graph, Resource group, String what) {
        Value preferred = graph.view().property(group, "PreferredCacheClusterAZs");
        Optional<String> zoneProperty = Optional.empty();
        if (!preferred.isAbsent()) {
            zoneProperty = Optional.of("PreferredCacheClusterAZs/0");
        }
        return SingleZone.place(graph, group, zoneProperty, "CacheSubnetGroupName", TierTypes.CACHE_SUBNET_GROUP, what);
    }

    private static Optional<Long> nodesPerShard(SimulationGraph graph, Resource group) {
        Value clusters = graph.view().property(group, "NumCacheClusters");
        if (!clusters.isAbsent()) {
            return clusters.asLong();
        }
        if (!graph.view().property(group, "NodeGroupConfiguration").isAbsent()) {
            return Optional.empty();
        }
        Value replicas = graph.view().property(group, "ReplicasPerNodeGroup");
        return replicas.isAbsent() ? Optional.of(1L) : replicas.asLong().map(r -> r + 1);
    }

    /** A boolean that defaults to false. */
    private static Optional<Boolean> flag(Value value) {
        return value.isFalseOrAbsent() ? Optional.of(Boolean.FALSE) : value.asBoolean();
    }
}
