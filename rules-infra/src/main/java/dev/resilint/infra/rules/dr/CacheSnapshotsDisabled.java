package dev.resilint.infra.rules.dr;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ElastiCaches;
import java.util.List;
import java.util.Optional;

/**
 * DR06: a Redis or Valkey cache that takes no automatic snapshots, so data kept only in the cache
 * (sessions, counters, queues) is gone when its nodes are lost. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class CacheSnapshotsDisabled extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR06", CacheSnapshotsDisabled.class)
            .severity(Severity.WARNING)
            .summary("A Redis or Valkey ElastiCache cache keeps no automatic snapshots.")
            .rationale("Redis and Valkey are often more than a cache: sessions, rate-limit counters, leaderboards "
                    + "and queues live only there. Without automatic snapshots (`SnapshotRetentionLimit` 0, the "
                    + "default of cache clusters and replication groups), losing the nodes, a failed engine "
                    + "upgrade or a `FLUSHALL` by mistake leaves nothing to restore from. Memcached keeps no data "
                    + "worth restoring and cannot snapshot, so it is not judged.")
            .remediation("Set `SnapshotRetentionLimit` to 1 or more days (up to 35) and, optionally, a "
                    + "`SnapshotWindow` outside peak hours.")
            .wellArchitected("REL09-BP01", "REL09-BP03")
            .anchors(Reference.awsConfig("elasticache-redis-cluster-automatic-backup-check"),
                    Reference.cdkNag("AwsSolutions-AEC5"))
            .tags("backup", "cache")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ElastiCaches.REPLICATION_GROUP, ElastiCaches.CACHE_CLUSTER, ElastiCaches.SERVERLESS_CACHE)
            .firesOn("An `AWS::ElastiCache::ReplicationGroup` whose `Engine` is `redis` (the default) or `valkey`, "
                            + "with `SnapshotRetentionLimit` not set (ElastiCache's default is 0: no automatic "
                            + "backups) or 0, in every possibility.",
                    "A Redis or Valkey `AWS::ElastiCache::CacheCluster` that no replication group of the template "
                            + "uses as its `PrimaryClusterId`, with `SnapshotRetentionLimit` not set (default 0) or 0.",
                    "A Redis or Valkey `AWS::ElastiCache::ServerlessCache` with `SnapshotRetentionLimit: 0`.")
            .quietWhen("Memcached caches, which have no snapshots.",
                    "A cache cluster that a replication group of the template uses, or may use, as its primary: "
                            + "the group's settings decide.",
                    "A serverless cache without `SnapshotRetentionLimit`: the API model states no default for "
                            + "serverless caches, so an unset limit is not taken as proof.",
                    "The engine or the retention limit cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    private static final String LIMIT = "SnapshotRetentionLimit";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        String kind;
        boolean unsetCounts = true;
        Optional<String> engine;
        switch (r.type()) {
            case ElastiCaches.REPLICATION_GROUP -> {
                engine = ElastiCaches.engine(graph, r, "redis");
                kind = "replication group";
            }
            case ElastiCaches.CACHE_CLUSTER -> {
                engine = ElastiCaches.engine(graph, r, null);
                kind = "cache cluster";
                if (engine.isPresent() && ElastiCaches.redisLike(engine.get()) && !ElastiCaches.standalone(graph, r)) {
                    return; // judged through its replication group
                }
            }
            default -> {
                engine = ElastiCaches.engine(graph, r, null);
                kind = "serverless cache";
                unsetCounts = false;
            }
        }
        if (engine.isEmpty() || !ElastiCaches.redisLike(engine.get())) {
            return;
        }
        Value limit = graph.property(r, LIMIT);
        if (limit.isAbsent() && !unsetCounts) {
            return;
        }
        Optional<List<Long>> days = limit.readEach(o -> o instanceof Value.Absent ? Optional.of(0L) : o.asLong());
        if (days.isEmpty() || !days.get().stream().allMatch(d -> d == 0)) {
            return;
        }
        String state = limit.isAbsent() ? LIMIT + " is not set (default 0: automatic backups are off)"
                : LIMIT + " is 0 (automatic backups are off)";
        context.report(r.locateProperty(LIMIT), ElastiCaches.engineName(engine.get()) + " " + kind + " "
                + r.displayName() + " keeps no automatic snapshots: " + state + ", so data held only in the cache "
                + "cannot be restored after the nodes are lost or the data is flushed; set " + LIMIT
                + " to 1 or more days");
    }
}
