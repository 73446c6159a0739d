package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ElastiCache replication groups (with replicas and failover, a single node, without Multi-AZ,
 * sharded with and without replicas, one built on an existing cluster) and cache clusters (a
 * standalone Valkey node, Memcached in one zone, across zones, a single Memcached node): written as a
 * template and served by the fake account, they get the same findings from AZ06. The account lists
 * the groups' nodes as cache clusters too; they are the groups', not cache clusters of their own.
 * DR06 judges the same caches, and two serverless caches, on their snapshot retention.
 */
class ElastiCacheTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:elasticache:eu-west-1:111122223333:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Sessions:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: sessions, ReplicationGroupDescription: sessions, Engine: valkey,
                  CacheNodeType: cache.r7g.large, NumCacheClusters: 2, AutomaticFailoverEnabled: true, MultiAZEnabled: true,
                  SnapshotRetentionLimit: 7}
              Single:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: single, ReplicationGroupDescription: single, Engine: redis,
                  CacheNodeType: cache.t4g.small, NumCacheClusters: 1, AutomaticFailoverEnabled: false}
              NoMultiAz:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: nomaz, ReplicationGroupDescription: no multi-az, Engine: redis,
                  CacheNodeType: cache.t4g.small, NumCacheClusters: 2, AutomaticFailoverEnabled: true}
              Shards:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: shards, ReplicationGroupDescription: shards, Engine: redis,
                  CacheNodeType: cache.r7g.large, NumNodeGroups: 2, ReplicasPerNodeGroup: 1,
                  AutomaticFailoverEnabled: true, MultiAZEnabled: true}
              Bare:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupId: bare
                  ReplicationGroupDescription: shards without replicas
                  CacheNodeType: cache.r7g.large
                  AutomaticFailoverEnabled: true
                  MultiAZEnabled: false
                  NodeGroupConfiguration: [{NodeGroupId: '0001', ReplicaCount: 0}, {NodeGroupId: '0002', ReplicaCount: 0}]
              Primary:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: primary-node, Engine: redis, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}
              Promoted:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: promoted, ReplicationGroupDescription: built on a cluster,
                  PrimaryClusterId: !Ref Primary, AutomaticFailoverEnabled: true, MultiAZEnabled: true}
              Lonely:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: lonely, Engine: valkey, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}
              Memo:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: memo, Engine: memcached, CacheNodeType: cache.t4g.small, NumCacheNodes: 3}
              Spread:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: spread, Engine: memcached, CacheNodeType: cache.t4g.small, NumCacheNodes: 3,
                  AZMode: cross-az}
              Solo:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: solo, Engine: memcached, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}
              Kept:
                Type: AWS::ElastiCache::ServerlessCache
                Properties: {ServerlessCacheName: kept, Engine: valkey, SnapshotRetentionLimit: 3}
              Unsaved:
                Type: AWS::ElastiCache::ServerlessCache
                Properties: {ServerlessCacheName: unsaved, Engine: redis, SnapshotRetentionLimit: 0}
            """;

    private static Map<String, Object> member(String cluster, String zone, String role) {
        Map<String, Object> m = Trees.map("CacheClusterId", cluster, "CacheNodeId", "0001",
                "PreferredAvailabilityZone", zone);
        if (role != null) {
            m.put("CurrentRole", role);
        }
        return m;
    }

    private static Map<String, Object> group(String id, String failover, String multiAz, boolean sharded,
            List<List<Map<String, Object>>> shards) {
        List<Map<String, Object>> nodeGroups = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            nodeGroups.add(Map.of("NodeGroupId", String.format("%04d", i + 1), "NodeGroupMembers", shards.get(i)));
            shards.get(i).forEach(m -> members.add((String) m.get("CacheClusterId")));
        }
        return Trees.map("ReplicationGroupId", id, "ARN", ARN + "replicationgroup:" + id, "Status", "available",
                "Engine", "redis", "AutomaticFailover", failover, "MultiAZ", multiAz, "ClusterEnabled", sharded,
                "ClusterMode", sharded ? "enabled" : "disabled", "MemberClusters", members, "NodeGroups", nodeGroups);
    }

    private static Map<String, Object> cluster(String id, String engine, String group, String... zones) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < zones.length; i++) {
            nodes.add(Map.of("CacheNodeId", String.format("%04d", i + 1), "CustomerAvailabilityZone", zones[i]));
        }
        Map<String, Object> c = Trees.map("CacheClusterId", id, "ARN", ARN + "cluster:" + id, "Engine", engine,
                "CacheClusterStatus", "available", "NumCacheNodes", zones.length, "CacheNodeType", "cache.t4g.small",
                "PreferredAvailabilityZone", List.of(zones).stream().distinct().count() > 1 ? "Multiple" : zones[0],
                "CacheNodes", nodes);
        if (group != null) {
            c.put("ReplicationGroupId", group);
        }
        return c;
    }

    /** The same caches as the account serves them. */
    static void serve(FakeRegion eu) {
        Map<String, Object> sessions = group("sessions", "enabled", "enabled", false, List.of(List.of(
                member("sessions-001", "eu-west-1a", "primary"), member("sessions-002", "eu-west-1b", "replica"))));
        sessions.put("SnapshotRetentionLimit", 7);
        eu.items("elasticache", "DescribeServerlessCaches", List.of(
                Trees.map("ServerlessCacheName", "kept", "ARN", ARN + "serverlesscache:kept", "Engine", "valkey",
                        "Status", "available", "SnapshotRetentionLimit", 3),
                Trees.map("ServerlessCacheName", "unsaved", "ARN", ARN + "serverlesscache:unsaved", "Engine", "redis",
                        "Status", "available", "SnapshotRetentionLimit", 0)));
        eu.items("elasticache", "DescribeReplicationGroups", List.of(
                sessions,
                group("single", "disabled", "disabled", false, List.of(List.of(
                        member("single-001", "eu-west-1a", "primary")))),
                group("nomaz", "enabled", "disabled", false, List.of(List.of(
                        member("nomaz-001", "eu-west-1a", "primary"), member("nomaz-002", "eu-west-1a", "replica")))),
                group("shards", "enabled", "enabled", true, List.of(
                        List.of(member("shards-0001-001", "eu-west-1a", null), member("shards-0001-002", "eu-west-1b", null)),
                        List.of(member("shards-0002-001", "eu-west-1b", null), member("shards-0002-002", "eu-west-1c", null)))),
                group("bare", "enabled", "disabled", true, List.of(
                        List.of(member("bare-0001-001", "eu-west-1a", null)),
                        List.of(member("bare-0002-001", "eu-west-1b", null)))),
                group("promoted", "enabled", "enabled", false, List.of(List.of(
                        member("primary-node", "eu-west-1a", "primary"), member("promoted-002", "eu-west-1b", "replica"))))));
        eu.items("elasticache", "DescribeCacheClusters", List.of(
                cluster("sessions-001", "valkey", "sessions", "eu-west-1a"),
                cluster("sessions-002", "valkey", "sessions", "eu-west-1b"),
                cluster("single-001", "redis", "single", "eu-west-1a"),
                cluster("nomaz-001", "redis", "nomaz", "eu-west-1a"),
                cluster("nomaz-002", "redis", "nomaz", "eu-west-1a"),
                cluster("shards-0001-001", "redis", "shards", "eu-west-1a"),
                cluster("bare-0001-001", "redis", "bare", "eu-west-1a"),
                cluster("primary-node", "redis", "promoted", "eu-west-1a"),
                cluster("promoted-002", "redis", "promoted", "eu-west-1b"),
                cluster("lonely", "valkey", null, "eu-west-1a"),
                cluster("memo", "memcached", null, "eu-west-1a", "eu-west-1a", "eu-west-1a"),
                cluster("spread", "memcached", null, "eu-west-1a", "eu-west-1b", "eu-west-1c"),
                cluster("solo", "memcached", null, "eu-west-1c")));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        String group = ARN + "replicationgroup:";
        var findings = Twin.of(TEMPLATE)
                .is("Sessions", group + "sessions").is("Single", group + "single").is("NoMultiAz", group + "nomaz")
                .is("Shards", group + "shards").is("Bare", group + "bare").is("Promoted", group + "promoted")
                .is("Primary", ARN + "cluster:primary-node").is("Lonely", ARN + "cluster:lonely")
                .is("Memo", ARN + "cluster:memo").is("Spread", ARN + "cluster:spread").is("Solo", ARN + "cluster:solo")
                .is("Kept", ARN + "serverlesscache:kept").is("Unsaved", ARN + "serverlesscache:unsaved")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("AZ06 Bare", "AZ06 Lonely", "AZ06 Memo", "AZ06 NoMultiAz", "AZ06 Single",
                // every Redis or Valkey cache without snapshots but Sessions (7 days) and Kept (3 days)
                "DR06 Bare", "DR06 Lonely", "DR06 NoMultiAz", "DR06 Promoted", "DR06 Shards", "DR06 Single",
                "DR06 Unsaved");
    }
}
