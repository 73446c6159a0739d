package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ElastiCaches;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AZ06: an ElastiCache cache that does not survive the loss of a node or an Availability Zone: a
 * replication group without automatic Multi-AZ failover or replicas, a standalone Redis or Valkey
 * node, or Memcached nodes all in one zone. What it fires on and when it stays quiet, case by
 * case, is in its {@link #METADATA}.
 */
public final class ElastiCacheNoFailover extends ResourceRule {

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
            .anchors(Reference.awsConfig("elasticache-repl-grp-auto-failover-enabled"), Reference.cdkNag("AwsSolutions-AEC4"))
            .tags("availability-zone", "cache")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster")
            .firesOn("An `AWS::ElastiCache::ReplicationGroup` without `AutomaticFailoverEnabled: true` and "
                            + "`MultiAZEnabled: true` (both default to false), or with a single node: "
                            + "`NumCacheClusters: 1`, `ReplicasPerNodeGroup: 0`, or a `NodeGroupConfiguration` whose "
                            + "every shard has `ReplicaCount: 0`. One finding per group, naming every cause.",
                    "An `AWS::ElastiCache::CacheCluster` running Redis or Valkey that no replication group of the "
                            + "template uses as its `PrimaryClusterId` (a reference to it, or its literal "
                            + "`ClusterName`): a standalone node, without replica or failover.",
                    "A Memcached `AWS::ElastiCache::CacheCluster` of several nodes (`NumCacheNodes` over 1) without "
                            + "`AZMode: cross-az`: ElastiCache puts every node in one zone when neither `AZMode` nor "
                            + "`PreferredAvailabilityZones` says otherwise, or when `PreferredAvailabilityZones` "
                            + "names a single zone.")
            .quietWhen("A deciding value cannot be known; a replication group is judged on the settings that are "
                            + "known to be off.",
                    "A replication group whose `Engine` is `memcached` (not a valid replication group).",
                    "A Redis or Valkey cache cluster that a replication group of the template may use as its "
                            + "primary (a `PrimaryClusterId` that cannot be known, or a literal that may be the "
                            + "cluster's name).",
                    "A single-node Memcached cluster, which cannot be spread; a Memcached cluster with `AZMode: "
                            + "cross-az`, or with `PreferredAvailabilityZones` listing several zones.",
                    "An `AWS::ElastiCache::ServerlessCache`, which is multi-AZ by design.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals(ElastiCaches.REPLICATION_GROUP)) {
            replicationGroup(graph, context, r);
        } else {
            cacheCluster(graph, context, r);
        }
    }

    // ---------------------------------------------------------------- replication groups

    private static void replicationGroup(GraphView graph, RuleContext context, Resource group) {
        if (ElastiCaches.engine(graph, group, "redis").equals(Optional.of("memcached"))) {
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
        Optional<String> engine = ElastiCaches.engine(graph, cluster, null);
        if (engine.isEmpty()) {
            return;
        }
        if (engine.get().equals("redis") || engine.get().equals("valkey")) {
            if (ElastiCaches.standalone(graph, cluster)) {
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

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
