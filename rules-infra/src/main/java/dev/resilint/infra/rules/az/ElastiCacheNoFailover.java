package dev.resilint.infra.rules.az;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AZ06: an ElastiCache cache that does not survive the loss of a node or an Availability Zone.
 *
 * <p>Fires on
 * <ul>
 *   <li>an {@code AWS::ElastiCache::ReplicationGroup} without {@code AutomaticFailoverEnabled: true}
 *       and {@code MultiAZEnabled: true} (both default to false), or with a single node:
 *       {@code NumCacheClusters: 1}, {@code ReplicasPerNodeGroup: 0}, or a
 *       {@code NodeGroupConfiguration} whose every shard has {@code ReplicaCount: 0};</li>
 *   <li>an {@code AWS::ElastiCache::CacheCluster} running Redis or Valkey that no replication group of
 *       the template uses as its {@code PrimaryClusterId}: a standalone node, without replica or
 *       failover;</li>
 *   <li>a Memcached {@code AWS::ElastiCache::CacheCluster} of several nodes ({@code NumCacheNodes} over
 *       1) without {@code AZMode: cross-az}: ElastiCache puts every node in one zone when neither
 *       {@code AZMode} nor {@code PreferredAvailabilityZones} says otherwise.</li>
 * </ul>
 * One finding per resource, naming every cause. Quiet when a deciding value cannot be known (a
 * replication group is judged on the settings that are known to be off), for single-node
 * Memcached clusters (which cannot be spread), for {@code AWS::ElastiCache::ServerlessCache}
 * (multi-AZ by design) and for resources whose condition is false.
 */
public final class ElastiCacheNoFailover implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ06", ElastiCacheNoFailover.class)
            .severity(Severity.WARNING)
            .summary("An ElastiCache cache does not fail over automatically to another node or Availability Zone.")
            .rationale("A cache that sits on one node, or whose replicas are not promoted automatically, is down "
                    + "when that node or its Availability Zone fails: every request then misses, the load falls "
                    + "on the database behind it, and sessions or counters kept only in the cache are lost. With "
                    + "a replica in another zone and automatic failover, ElastiCache promotes the replica within "
                    + "a minute or so.")
            .remediation("Use a replication group with at least one replica (`NumCacheClusters: 2` or more, or "
                    + "`ReplicasPerNodeGroup: 1` or more), `AutomaticFailoverEnabled: true` and "
                    + "`MultiAZEnabled: true`, instead of a standalone Redis or Valkey cache cluster. Spread "
                    + "Memcached nodes with `AZMode: cross-az`, or use `AWS::ElastiCache::ServerlessCache`.")
            .wellArchitected("REL10-BP01")
            .anchors("CFG elasticache-repl-grp-auto-failover-enabled", "NAG AEC4")
            .tags("availability-zone", "cache")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster")
            .build();

    private static final String REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
    private static final String CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        for (Resource r : graph.resources()) {
            if (!graph.mayExist(r)) {
                continue;
            }
            if (r.type().equals(REPLICATION_GROUP)) {
                replicationGroup(graph, context, r);
            } else if (r.type().equals(CACHE_CLUSTER)) {
                cacheCluster(graph, context, r);
            }
        }
    }

    // ---------------------------------------------------------------- replication groups

    private static void replicationGroup(GraphView graph, RuleContext context, Resource group) {
        if (engine(graph, group, "redis").equals(Optional.of("memcached"))) {
            return; // not a valid replication group; any other engine (redis, valkey, unknown) replicates alike
        }
        List<String> causes = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String where = null;

        Optional<String> single = singleNode(graph, group);
        if (single.isPresent()) {
            where = single.get();
            causes.add(single.get().equals("NumCacheClusters") ? "it has a single node (NumCacheClusters: 1)"
                    : single.get().equals("ReplicasPerNodeGroup")
                            ? "its shards have no replicas (ReplicasPerNodeGroup: 0)"
                    : "its shards have no replicas (ReplicaCount: 0 in every node group)");
            fixes.add(single.get().equals("NumCacheClusters") ? "add a replica (NumCacheClusters: 2 or more)"
                    : "add a replica to each shard (1 or more)");
        }
        for (String flag : List.of("AutomaticFailoverEnabled", "MultiAZEnabled")) {
            Value value = graph.property(group, flag);
            if (value.isFalseOrAbsent()) {
                where = where != null ? where : flag;
                causes.add(value.isAbsent() ? flag + " is not set (default false)" : flag + " is false");
                fixes.add("set " + flag + ": true");
            }
        }
        if (causes.isEmpty()) {
            return;
        }
        context.report(group.locateProperty(where), "ElastiCache replication group " + group.displayName()
                + " does not fail over automatically to another Availability Zone: " + join(causes)
                + ", so when its primary node or that node's zone fails the cache is down until the node is "
                + "replaced; " + join(fixes));
    }

    /**
     * The property that provably leaves the group with one node per shard: {@code NumCacheClusters}
     * of 1, {@code ReplicasPerNodeGroup} of 0, or {@code NodeGroupConfiguration} with only zero
     * {@code ReplicaCount}s.
     */
    private static Optional<String> singleNode(GraphView graph, Resource group) {
        if (graph.property(group, "NumCacheClusters").asLong().equals(Optional.of(1L))) {
            return Optional.of("NumCacheClusters");
        }
        if (graph.property(group, "ReplicasPerNodeGroup").asLong().equals(Optional.of(0L))) {
            return Optional.of("ReplicasPerNodeGroup");
        }
        Optional<List<Value>> shards = graph.property(group, "NodeGroupConfiguration").asList();
        if (shards.isPresent() && !shards.get().isEmpty() && shards.get().stream().allMatch(shard ->
                shard.asMap().flatMap(m -> m.get("ReplicaCount")).map(Symbols::valueOf)
                        .flatMap(Value::asLong).equals(Optional.of(0L)))) {
            return Optional.of("NodeGroupConfiguration");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- cache clusters

    private static void cacheCluster(GraphView graph, RuleContext context, Resource cluster) {
        Optional<String> engine = engine(graph, cluster, null);
        if (engine.isEmpty()) {
            return;
        }
        if (engine.get().equals("redis") || engine.get().equals("valkey")) {
            if (standalone(graph, cluster)) {
                String name = engine.get().equals("redis") ? "Redis" : "Valkey";
                context.report(cluster.locateProperty("Engine"), name + " cache cluster " + cluster.displayName()
                        + " is a single node without replica or automatic failover, so the cache is down when "
                        + "that node or its Availability Zone fails; use an AWS::ElastiCache::ReplicationGroup with "
                        + "NumCacheClusters: 2 or more, AutomaticFailoverEnabled: true and MultiAZEnabled: true");
            }
        } else if (engine.get().equals("memcached")) {
            memcached(graph, context, cluster);
        }
    }

    private static void memcached(GraphView graph, RuleContext context, Resource cluster) {
        Optional<Long> nodes = graph.property(cluster, "NumCacheNodes").asLong();
        if (nodes.isEmpty() || nodes.get() < 2) {
            return;
        }
        Value mode = graph.property(cluster, "AZMode");
        String state;
        if (mode.isAbsent()) {
            Value preferred = graph.property(cluster, "PreferredAvailabilityZones");
            if (!preferred.isAbsent()) {
                AzSet zones = graph.zonesOfZoneNames(preferred);
                if (zones.exact().isEmpty() || zones.exact().get().size() != 1) {
                    return; // several zones listed, or unknown
                }
                state = "AZMode is not set and PreferredAvailabilityZones names only "
                        + zones.exact().get().iterator().next();
            } else {
                state = "AZMode is not set and defaults to single-az";
            }
        } else if (mode.asString().map(m -> m.trim().equalsIgnoreCase("single-az")).orElse(false)) {
            state = "AZMode: single-az";
        } else {
            return; // cross-az, or unknown
        }
        context.report(cluster.locateProperty("AZMode"), "Memcached cache cluster " + cluster.displayName() + " has "
                + nodes.get() + " nodes all in one Availability Zone (" + state + "), so a failure of that zone "
                + "loses the whole cache; set AZMode: cross-az");
    }

    /**
     * True when no replication group of the template provably or possibly uses the cluster as its
     * {@code PrimaryClusterId}.
     */
    private static boolean standalone(GraphView graph, Resource cluster) {
        Value clusterName = null;
        for (Resource group : graph.ofType(REPLICATION_GROUP)) {
            if (!graph.mayExist(group)) {
                continue;
            }
            Value primary = graph.property(group, "PrimaryClusterId");
            for (Value option : primary.possibilities()) {
                if (option instanceof Value.Absent) {
                    continue;
                }
                if (!(option instanceof Value.Known)) {
                    return false; // unknown: it might be this cluster
                }
                Optional<Symbols.ResourceRef> ref = option.asResourceRef();
                if (ref.isPresent()) {
                    if (ref.get().resourceId().equals(cluster.id())) {
                        return false;
                    }
                    continue;
                }
                Optional<String> literal = option.asString();
                if (literal.isEmpty()) {
                    return false;
                }
                clusterName = clusterName != null ? clusterName : graph.property(cluster, "ClusterName");
                if (clusterName.isAbsent()) {
                    continue; // a generated name, which a literal cannot know
                }
                Optional<String> name = clusterName.asString();
                if (name.isEmpty() || name.get().trim().equalsIgnoreCase(literal.get().trim())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The engine in lower case, {@code dflt} when not set; empty when it cannot be known. */
    private static Optional<String> engine(GraphView graph, Resource r, String dflt) {
        Value engine = graph.property(r, "Engine");
        if (engine.isAbsent()) {
            return Optional.ofNullable(dflt);
        }
        return engine.asString().map(e -> e.trim().toLowerCase(Locale.ROOT));
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
