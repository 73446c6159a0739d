package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElastiCacheNoFailoverTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Env: {Type: String}
              Failover: {Type: String, AllowedValues: ['true', 'false']}
              Nodes: {Type: Number}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the Properties key of {@link #group} or {@link #cluster} (line 12). */
    private static final String ON_PROPERTIES = "  # expect AZ06";

    /** The findings, which must be the ones that {@code # expect} markers in the template name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new ElastiCacheNoFailover(), HEAD + resources.indent(2));
    }

    private static List<Finding> group(String properties) {
        return group("", properties);
    }

    /** A replication group Cache; {@code marker} goes on its Properties line. */
    private static List<Finding> group(String marker, String properties) {
        return check("Cache:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:" + marker + "\n"
                + ("ReplicationGroupDescription: sessions\nEngine: redis\nCacheNodeType: cache.t4g.medium\n"
                        + properties).indent(4));
    }

    private static List<Finding> cluster(String properties) {
        return cluster("", properties);
    }

    /** A cache cluster Cache; {@code marker} goes on its Properties line. */
    private static List<Finding> cluster(String marker, String properties) {
        return check("Cache:\n  Type: AWS::ElastiCache::CacheCluster\n  Properties:" + marker + "\n"
                + ("CacheNodeType: cache.t4g.medium\n" + properties).indent(4));
    }

    private static String path(Finding f) {
        return ((Location.Template) f.location()).logicalPath();
    }

    @Test
    void firesOnASingleNodeGroupWithoutFailoverAndPointsAtTheNodeCount() {
        List<Finding> findings = group("NumCacheClusters: 1  # expect AZ06\nAutomaticFailoverEnabled: false\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ06");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("ElastiCache replication group Cache does not fail over automatically "
                    + "to another Availability Zone: it has a single node (NumCacheClusters: 1), "
                    + "AutomaticFailoverEnabled is false and MultiAZEnabled is not set (default false), so when its "
                    + "primary node or that node's zone fails the cache is down until the node is replaced; add a "
                    + "replica (NumCacheClusters: 2 or more), set AutomaticFailoverEnabled: true and set "
                    + "MultiAZEnabled: true");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Cache/Properties/NumCacheClusters");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void quietOnAReplicatedGroupWithAutomaticMultiAzFailover() {
        assertThat(group("NumCacheClusters: 2\nAutomaticFailoverEnabled: true\nMultiAZEnabled: true\n")).isEmpty();
        assertThat(group("NumNodeGroups: 3\nReplicasPerNodeGroup: 1\nAutomaticFailoverEnabled: 'true'\n"
                + "MultiAZEnabled: 'true'\n")).isEmpty();
    }

    @Test
    void firesWhenEitherFlagIsOff() {
        List<Finding> findings = group(ON_PROPERTIES, "NumCacheClusters: 2\nAutomaticFailoverEnabled: true\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("another Availability Zone: MultiAZEnabled is not set (default false), so")
                    .endsWith("; set MultiAZEnabled: true");
            assertThat(path(f)).isEqualTo("Resources/Cache/Properties/MultiAZEnabled");
        });
        assertThat(group(ON_PROPERTIES, "NumCacheClusters: 2\nMultiAZEnabled: true\n")).singleElement()
                .satisfies(f -> assertThat(path(f)).endsWith("AutomaticFailoverEnabled"));
    }

    @Test
    void firesOnShardsWithoutReplicas() {
        assertThat(group("NumNodeGroups: 2\nReplicasPerNodeGroup: 0  # expect AZ06\nAutomaticFailoverEnabled: true\n"
                + "MultiAZEnabled: true\n")).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("its shards have no replicas (ReplicasPerNodeGroup: 0)");
                    assertThat(path(f)).endsWith("ReplicasPerNodeGroup");
                });
        assertThat(group("NodeGroupConfiguration: [{ReplicaCount: 0}, {ReplicaCount: '0'}]  # expect AZ06\n"
                + "AutomaticFailoverEnabled: true\nMultiAZEnabled: true\n")).hasSize(1);
        assertThat(group("NodeGroupConfiguration: [{ReplicaCount: 0}, {ReplicaCount: 1}]\n"
                + "AutomaticFailoverEnabled: true\nMultiAZEnabled: true\n")).isEmpty();
    }

    @Test
    void quietWhenTheDecidingValuesAreUnknown() {
        assertThat(group("NumCacheClusters: 2\nAutomaticFailoverEnabled: !Ref Failover\nMultiAZEnabled: true\n"))
                .isEmpty(); // the allowed values 'true' and 'false' disagree
        assertThat(group("NumCacheClusters: 2\nAutomaticFailoverEnabled: !Ref Env\nMultiAZEnabled: true\n"))
                .isEmpty();
        assertThat(check("Cache:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties: {Engine: !Ref Env, "
                + "NumCacheClusters: 2, MultiAZEnabled: true, ReplicationGroupDescription: d}  # expect AZ06\n"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("AutomaticFailoverEnabled is not set")); // any engine
        assertThat(group("NumCacheClusters: !Ref Nodes\nAutomaticFailoverEnabled: true\n"
                + "MultiAZEnabled: !If [Prod, true, false]\n")).isEmpty();
        assertThat(group("NumCacheClusters: !Ref Nodes\nAutomaticFailoverEnabled: !If [Prod, false, true]\n"
                + "MultiAZEnabled: !If [Prod, false, !Ref AWS::NoValue]  # expect AZ06\n")).singleElement()
                .satisfies(f -> assertThat(path(f)).endsWith("MultiAZEnabled"));
    }

    @Test
    void firesOnAStandaloneRedisOrValkeyCluster() {
        assertThat(cluster("Engine: redis  # expect AZ06\nNumCacheNodes: 1\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Redis cache cluster Cache is a single node without replica")
                    .contains("use an AWS::ElastiCache::ReplicationGroup");
            assertThat(path(f)).isEqualTo("Resources/Cache/Properties/Engine");
        });
        assertThat(cluster("Engine: Valkey  # expect AZ06\nNumCacheNodes: 1\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Valkey cache cluster Cache"));
        assertThat(cluster("Engine: !Ref Env\nNumCacheNodes: 1\n")).isEmpty();
    }

    @Test
    void quietOnARedisClusterThatAReplicationGroupBuildsOn() {
        String primary = """
                Primary:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: redis, NumCacheNodes: 1, CacheNodeType: cache.t4g.small, ClusterName: %s}
                Group:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:
                    ReplicationGroupDescription: built on Primary
                    PrimaryClusterId: %s
                    NumCacheClusters: 2
                    AutomaticFailoverEnabled: true
                    MultiAZEnabled: true
                """;
        assertThat(check(primary.formatted("primary", "!Ref Primary"))).isEmpty();
        assertThat(check(primary.formatted("primary", "Primary"))).isEmpty();
        assertThat(check(primary.formatted("primary", "!Ref Env"))).isEmpty();
        // the finding is about Primary, which no group builds on: the group names another cluster
        assertThat(check(primary.formatted("primary", "other")
                .replace("ClusterName: primary}", "ClusterName: primary}  # expect AZ06"))).hasSize(1);
    }

    @Test
    void firesOnMemcachedNodesInOneZone() {
        assertThat(cluster(ON_PROPERTIES, "Engine: memcached\nNumCacheNodes: 3\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Memcached cache cluster Cache has 3 nodes all in one Availability Zone "
                    + "(AZMode is not set and defaults to single-az), so a failure of that zone loses the whole "
                    + "cache; set AZMode: cross-az");
            assertThat(path(f)).isEqualTo("Resources/Cache/Properties/AZMode");
        });
        assertThat(cluster("Engine: memcached\nNumCacheNodes: '2'\nAZMode: single-az  # expect AZ06\n")).hasSize(1);
        assertThat(cluster(ON_PROPERTIES, "Engine: memcached\nNumCacheNodes: 2\n"
                + "PreferredAvailabilityZones: [us-east-1a, us-east-1a]\n"))
                .hasSize(1);
    }

    @Test
    void quietOnMemcachedAcrossZonesOrWithOneNode() {
        assertThat(cluster("Engine: memcached\nNumCacheNodes: 3\nAZMode: cross-az\n")).isEmpty();
        assertThat(cluster("Engine: memcached\nNumCacheNodes: 1\n")).isEmpty();
        assertThat(cluster("Engine: memcached\nNumCacheNodes: !Ref Nodes\n")).isEmpty();
        assertThat(cluster("Engine: memcached\nNumCacheNodes: 3\nAZMode: !If [Prod, cross-az, single-az]\n"))
                .isEmpty();
        assertThat(cluster("Engine: memcached\nNumCacheNodes: 2\n"
                + "PreferredAvailabilityZones: [us-east-1a, us-east-1b]\n"))
                .isEmpty();
    }

    @Test
    void serverlessCachesAndCachesNeverCreatedAreNotJudged() {
        assertThat(check("Cache:\n  Type: AWS::ElastiCache::ServerlessCache\n  Properties: {Engine: redis, "
                + "ServerlessCacheName: sessions}\n")).isEmpty();
        assertThat(check("Cache:\n  Type: AWS::ElastiCache::CacheCluster\n  Condition: Never\n"
                + "  Properties: {Engine: redis, NumCacheNodes: 1, CacheNodeType: cache.t4g.small}\n")).isEmpty();
    }

    @Test
    void judgesTemplatesWithTheSamTransform(@TempDir Path dir) {
        Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                  Cache:
                    Type: AWS::ElastiCache::CacheCluster
                    Properties: {Engine: redis, NumCacheNodes: 1, CacheNodeType: cache.t4g.micro}  # expect AZ06
                """, "AZ06");
    }
}
