package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis replication group on a parameter group that sets {@code maxmemory-policy: volatile-lru}, a
 * standalone Redis node on one that sets {@code allkeys-lru}, and a Valkey node on ElastiCache's
 * default group: CA05 gets the same findings from the template and from the account, where a
 * replication group's parameter group is the one its nodes name.
 */
class EvictionPolicyTwinTest {

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
              SessionParams:
                Type: AWS::ElastiCache::ParameterGroup
                Properties:
                  CacheParameterGroupFamily: redis7
                  Description: sessions
                  Properties: {maxmemory-policy: volatile-lru, timeout: '300'}
              CounterParams:
                Type: AWS::ElastiCache::ParameterGroup
                Properties:
                  CacheParameterGroupFamily: redis7
                  Description: counters
                  Properties: {maxmemory-policy: allkeys-lru}
              Sessions:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties: {ReplicationGroupId: sessions, ReplicationGroupDescription: sessions, Engine: redis,
                  CacheNodeType: cache.r7g.large, NumCacheClusters: 2, AutomaticFailoverEnabled: true,
                  MultiAZEnabled: true, SnapshotRetentionLimit: 7, CacheParameterGroupName: !Ref SessionParams}
              Counters:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: counters, Engine: redis, CacheNodeType: cache.t4g.small, NumCacheNodes: 1,
                  SnapshotRetentionLimit: 1, CacheParameterGroupName: !Ref CounterParams}
              Plain:
                Type: AWS::ElastiCache::CacheCluster
                Properties: {ClusterName: plain, Engine: valkey, CacheNodeType: cache.t4g.small, NumCacheNodes: 1,
                  SnapshotRetentionLimit: 1}
            """;

    static Map<String, Object> cluster(String id, String engine, String group, String parameters) {
        Map<String, Object> c = Trees.map("CacheClusterId", id, "ARN", ARN + "cluster:" + id, "Engine", engine,
                "CacheClusterStatus", "available", "NumCacheNodes", 1, "CacheNodeType", "cache.t4g.small",
                "PreferredAvailabilityZone", "eu-west-1a", "SnapshotRetentionLimit", 1,
                "CacheNodes", List.of(Map.of("CacheNodeId", "0001", "CustomerAvailabilityZone", "eu-west-1a")),
                "CacheParameterGroup", Map.of("CacheParameterGroupName", parameters, "ParameterApplyStatus", "in-sync"));
        if (group != null) {
            c.put("ReplicationGroupId", group);
        }
        return c;
    }

    static Map<String, Object> parameterGroup(String name, String family) {
        return Map.of("CacheParameterGroupName", name, "CacheParameterGroupFamily", family, "Description", name,
                "ARN", ARN + "parametergroup:" + name);
    }

    static void serve(FakeRegion eu) {
        eu.items("elasticache", "DescribeReplicationGroups", List.of(Trees.map("ReplicationGroupId", "sessions",
                "ARN", ARN + "replicationgroup:sessions", "Status", "available", "Engine", "redis",
                "AutomaticFailover", "enabled", "MultiAZ", "enabled", "ClusterEnabled", false, "ClusterMode", "disabled",
                "SnapshotRetentionLimit", 7, "MemberClusters", List.of("sessions-001", "sessions-002"),
                "NodeGroups", List.of(Map.of("NodeGroupId", "0001", "NodeGroupMembers", List.of(
                        Trees.map("CacheClusterId", "sessions-001", "CacheNodeId", "0001",
                                "PreferredAvailabilityZone", "eu-west-1a", "CurrentRole", "primary"),
                        Trees.map("CacheClusterId", "sessions-002", "CacheNodeId", "0001",
                                "PreferredAvailabilityZone", "eu-west-1b", "CurrentRole", "replica")))))));
        List<Map<String, Object>> standalone = List.of(cluster("counters", "redis", null, "counter-params"),
                cluster("plain", "valkey", null, "default.valkey8"));
        List<Map<String, Object>> all = new java.util.ArrayList<>(standalone);
        all.add(cluster("sessions-001", "redis", "sessions", "session-params"));
        all.add(cluster("sessions-002", "redis", "sessions", "session-params"));
        // as ElastiCache does: the groups' members only when they are asked for
        eu.listHandler("elasticache", "DescribeCacheClusters", in ->
                "true".equals(String.valueOf(in.get("ShowCacheClustersNotInReplicationGroups"))) ? standalone : all);
        eu.items("elasticache", "DescribeCacheParameterGroups", List.of(parameterGroup("session-params", "redis7"),
                parameterGroup("counter-params", "redis7"), parameterGroup("default.valkey8", "valkey8")));
        eu.items("elasticache", "DescribeCacheParameters", "CacheParameterGroupName", "session-params", List.of(
                Map.of("ParameterName", "maxmemory-policy", "ParameterValue", "volatile-lru", "Source", "user"),
                Map.of("ParameterName", "timeout", "ParameterValue", "300", "Source", "user")));
        eu.items("elasticache", "DescribeCacheParameters", "CacheParameterGroupName", "counter-params", List.of(
                Map.of("ParameterName", "maxmemory-policy", "ParameterValue", "allkeys-lru", "Source", "user")));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("SessionParams", ARN + "parametergroup:session-params")
                .is("CounterParams", ARN + "parametergroup:counter-params")
                .is("Sessions", ARN + "replicationgroup:sessions").is("Counters", ARN + "cluster:counters")
                .is("Plain", ARN + "cluster:plain")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("AZ06 Counters", "AZ06 Plain", "CA05 SessionParams");
        // ElastiCache's default group is read without its parameters
        assertThat(FAKE.calls().count("elasticache", "DescribeCacheParameters")).isEqualTo(2);
    }
}
