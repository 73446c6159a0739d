package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSnapshotsDisabledTest {

    private static final String HEAD = """
            Parameters:
              Days: {Type: Number}
            Conditions:
              Never: !Equals [a, b]
              Maybe: !Equals [!Ref Days, '3']
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new CacheSnapshotsDisabled(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnAReplicationGroupWithoutRetentionNamingTheDefault() {
        assertThat(check("""
                Sessions:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:  # expect DR06
                    ReplicationGroupDescription: sessions
                    CacheNodeType: cache.t4g.small
                """)).singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("DR06");
                    assertThat(f.message()).startsWith("Redis replication group Sessions keeps no automatic snapshots")
                            .contains("SnapshotRetentionLimit is not set (default 0").contains("set SnapshotRetentionLimit to 1");
                });
    }

    @Test
    void pointsAtAnExplicitZeroWithLineAndColumn() {
        assertThat(check("""
                Sessions:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:
                    ReplicationGroupDescription: sessions
                    Engine: valkey
                    SnapshotRetentionLimit: 0  # expect DR06
                """)).singleElement().satisfies(f -> {
                    Location.Template at = (Location.Template) f.location();
                    assertThat(at.line()).isEqualTo(12);
                    assertThat(at.column()).isEqualTo(7);
                    assertThat(at.logicalPath()).isEqualTo("Resources/Sessions/Properties/SnapshotRetentionLimit");
                    assertThat(f.message()).startsWith("Valkey replication group").contains("is 0");
                });
    }

    @Test
    void quietWithRetentionOrUnknownRetention() {
        assertThat(check("""
                A:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: a, SnapshotRetentionLimit: 7}
                B:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: b, SnapshotRetentionLimit: !Ref Days}
                C:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: c, SnapshotRetentionLimit: !If [Maybe, 3, 0]}
                D:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: d, Engine: !Ref Days}
                """)).isEmpty();
    }

    @Test
    void firesWhenEveryBranchIsOff() {
        check("""
                A:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:
                    ReplicationGroupDescription: a
                    SnapshotRetentionLimit: !If [Maybe, 0, !Ref AWS::NoValue]  # expect DR06
                """);
    }

    @Test
    void standaloneRedisClusterFiresButMemberAndMemcachedDoNot() {
        check("""
                Alone:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties:  # expect DR06
                    Engine: redis
                    CacheNodeType: cache.t4g.small
                    NumCacheNodes: 1
                Primary:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: redis, CacheNodeType: cache.t4g.small, NumCacheNodes: 1}
                Group:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties:
                    ReplicationGroupDescription: g
                    PrimaryClusterId: !Ref Primary
                    SnapshotRetentionLimit: 5
                Mem:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: memcached, CacheNodeType: cache.t4g.small, NumCacheNodes: 2}
                MemGroup:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: m, Engine: memcached}
                """);
    }

    @Test
    void serverlessFiresOnlyOnAnExplicitZero() {
        check("""
                Off:
                  Type: AWS::ElastiCache::ServerlessCache
                  Properties:
                    Engine: valkey
                    ServerlessCacheName: off
                    SnapshotRetentionLimit: 0  # expect DR06
                Unset:
                  Type: AWS::ElastiCache::ServerlessCache
                  Properties: {Engine: redis, ServerlessCacheName: unset}
                Memcached:
                  Type: AWS::ElastiCache::ServerlessCache
                  Properties: {Engine: memcached, ServerlessCacheName: m, SnapshotRetentionLimit: 0}
                """);
    }

    @Test
    void quietWhenTheConditionIsProvablyFalse() {
        assertThat(check("""
                Sessions:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Condition: Never
                  Properties: {ReplicationGroupDescription: s}
                """)).isEmpty();
    }
}
