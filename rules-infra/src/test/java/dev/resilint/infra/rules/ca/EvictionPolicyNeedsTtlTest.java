package dev.resilint.infra.rules.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvictionPolicyNeedsTtlTest {

    private static final String HEAD = """
            Parameters:
              Policy: {Type: String}
            Conditions:
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new EvictionPolicyNeedsTtl(), HEAD + resources.indent(2));
    }

    private static final String CACHE = """
            Sessions:
              Type: AWS::ElastiCache::ReplicationGroup
              Properties:
                ReplicationGroupDescription: sessions
                CacheParameterGroupName: !Ref Params
            """;

    @Test
    void firesOnAVolatilePolicyUsedByARedisCache() {
        List<Finding> findings = check("""
                Params:
                  Type: AWS::ElastiCache::ParameterGroup
                  Properties:
                    CacheParameterGroupFamily: redis7
                    Description: sessions
                    Properties:
                      maxmemory-policy: volatile-lru  # expect CA05
                """ + CACHE);
        assertThat(findings).singleElement().satisfies(f -> {
            Location.Template at = (Location.Template) f.location();
            assertThat(at.column()).isEqualTo(9);
            assertThat(at.logicalPath()).isEqualTo("Resources/Params/Properties/Properties/maxmemory-policy");
            assertThat(f.message()).startsWith("ElastiCache parameter group Params sets maxmemory-policy: volatile-lru")
                    .contains("once Sessions fills").contains("allkeys-lru");
        });
    }

    @Test
    void quietForAllKeysPoliciesUnknownPoliciesAndMemcached() {
        for (String policy : List.of("allkeys-lru", "noeviction", "!Ref Policy")) {
            assertThat(check("""
                    Params:
                      Type: AWS::ElastiCache::ParameterGroup
                      Properties:
                        CacheParameterGroupFamily: valkey8
                        Description: p
                        Properties: {maxmemory-policy: %s}
                    """.formatted(policy) + CACHE)).isEmpty();
        }
        assertThat(check("""
                Params:
                  Type: AWS::ElastiCache::ParameterGroup
                  Properties:
                    CacheParameterGroupFamily: memcached1.6
                    Description: p
                    Properties: {maxmemory-policy: volatile-lru}
                Mem:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: memcached, CacheParameterGroupName: !Ref Params, NumCacheNodes: 1}
                """)).isEmpty();
    }

    @Test
    void quietWhenNoCacheUsesTheGroupOrTheUserIsNeverCreated() {
        String group = """
                Params:
                  Type: AWS::ElastiCache::ParameterGroup
                  Properties:
                    CacheParameterGroupFamily: redis7
                    Description: p
                    Properties: {maxmemory-policy: volatile-ttl}
                """;
        assertThat(check(group)).isEmpty();
        assertThat(check(group + """
                Sessions:
                  Type: AWS::ElastiCache::CacheCluster
                  Condition: Never
                  Properties: {Engine: redis, CacheParameterGroupName: !Ref Params, NumCacheNodes: 1}
                Default:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: redis, NumCacheNodes: 1}
                """)).isEmpty();
    }

    @Test
    void namesEveryCacheCluster(@TempDir Path dir) {
        assertThat(check("""
                Params:
                  Type: AWS::ElastiCache::ParameterGroup
                  Properties:
                    CacheParameterGroupFamily: redis6.x
                    Description: p
                    Properties:
                      maxmemory-policy: volatile-lfu  # expect CA05
                A:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: redis, CacheParameterGroupName: !Ref Params, NumCacheNodes: 1}
                B:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties: {Engine: valkey, CacheParameterGroupName: !Ref Params, NumCacheNodes: 1}
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("once A, B fill with keys"));
    }
}
