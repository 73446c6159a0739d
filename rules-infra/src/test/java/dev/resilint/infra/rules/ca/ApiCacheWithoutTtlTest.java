package dev.resilint.infra.rules.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCacheWithoutTtlTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Flag: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new ApiCacheWithoutTtl(), HEADER + resources.indent(2));
    }

    /** A stage Live whose Properties key is on line 11; the given properties start on line 14. */
    private static List<Finding> stage(String properties) {
        return check("""
                Live:
                  Type: AWS::ApiGateway::Stage
                  Properties:
                    RestApiId: api-1
                    StageName: live
                """ + properties.indent(4));
    }

    @Test
    void firesOnACacheClusterThatNoMethodUses() {
        List<Finding> findings = stage("CacheClusterEnabled: true  # expect CA02\nCacheClusterSize: '0.5'\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CA02");
            assertThat(f.message()).isEqualTo("API Gateway stage Live has a cache cluster (CacheClusterEnabled: true) "
                    + "but no method setting with CachingEnabled: true, so nothing is cached while the cluster is "
                    + "billed; add a MethodSettings entry with CachingEnabled: true and CacheTtlInSeconds above 0, or "
                    + "switch the cache cluster off");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Live/Properties/CacheClusterEnabled");
            assertThat(loc.column()).isEqualTo(7);
        });
        assertThat(stage("""
                CacheClusterEnabled: 'true'  # expect CA02
                MethodSettings:
                  - {ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 100}
                  - {ResourcePath: /~1orders, HttpMethod: GET, CachingEnabled: false}
                """)).hasSize(1);
    }

    @Test
    void quietWhenAMethodCachesWithATtl() {
        assertThat(stage("""
                CacheClusterEnabled: true
                MethodSettings:
                  - {ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheTtlInSeconds: 60}
                """)).isEmpty();
        assertThat(stage("""
                CacheClusterEnabled: true
                MethodSettings:
                  - {ResourcePath: /~1orders, HttpMethod: GET, CachingEnabled: 'true'}
                """)).isEmpty(); // no TTL means API Gateway's 300 s
        assertThat(stage("CacheClusterEnabled: false\n")).isEmpty();
        assertThat(stage("")).isEmpty();
    }

    @Test
    void firesPerMethodSettingThatCachesForZeroSeconds() {
        List<Finding> findings = stage("""
                CacheClusterEnabled: true
                MethodSettings:
                  - ResourcePath: /~1orders
                    HttpMethod: GET
                    CachingEnabled: true
                    CacheTtlInSeconds: 0  # expect CA02
                  - ResourcePath: /~1items
                    HttpMethod: GET
                    CachingEnabled: true
                    CacheTtlInSeconds: '0'  # expect CA02
                  - ResourcePath: /~1users
                    HttpMethod: GET
                    CachingEnabled: true
                    CacheTtlInSeconds: 30
                """);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).message()).isEqualTo("API Gateway stage Live caches GET /~1orders with "
                + "CacheTtlInSeconds: 0, so responses expire as soon as they are cached; set CacheTtlInSeconds above 0 "
                + "(API Gateway's default is 300) or switch caching off for it");
        assertThat(findings.get(0).location().column()).isEqualTo(11);
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
    }

    @Test
    void quietWhenTheDecidingValuesAreUnknown() {
        assertThat(stage("CacheClusterEnabled: !Ref Flag\n")).isEmpty();
        assertThat(stage("""
                CacheClusterEnabled: true
                MethodSettings:
                  - {ResourcePath: /*, HttpMethod: '*', CachingEnabled: !Ref Flag}
                """)).isEmpty();
        assertThat(stage("""
                CacheClusterEnabled: true
                MethodSettings: !If
                  - Prod
                  - [{ResourcePath: /*, HttpMethod: '*', CachingEnabled: true}]
                  - []
                """)).isEmpty();
        assertThat(stage("""
                CacheClusterEnabled: true
                MethodSettings:
                  - !If [Prod, {ResourcePath: /*, HttpMethod: '*', CachingEnabled: true}, !Ref AWS::NoValue]
                """)).isEmpty();
        assertThat(stage("""
                MethodSettings:
                  - {ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheTtlInSeconds: !Ref Flag}
                """)).isEmpty();
    }

    @Test
    void firesWhenNoBranchCaches() {
        assertThat(stage("""
                CacheClusterEnabled: true  # expect CA02
                MethodSettings: !If
                  - Prod
                  - [{ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 10}]
                  - !Ref AWS::NoValue
                """)).hasSize(1);
    }

    @Test
    void judgesTheStageADeploymentCreates() {
        String deployment = """
                Deployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties:
                    RestApiId: api-1
                    StageName: prod
                    StageDescription:
                %s
                """;
        List<Finding> findings = check(deployment.formatted("      CacheClusterEnabled: true  # expect CA02"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("API Gateway deployment Deployment (stage prod) has a cache cluster");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Deployment/Properties/StageDescription/CacheClusterEnabled");
        });
        assertThat(check(deployment.formatted("      CacheClusterEnabled: true\n      CachingEnabled: true")))
                .isEmpty();
        assertThat(check(deployment.formatted(
                "      CacheClusterEnabled: true\n      CachingEnabled: true\n"
                        + "      CacheTtlInSeconds: 0  # expect CA02")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("caches every method with CacheTtlInSeconds: 0");
                });
        assertThat(check(deployment.formatted("      MethodSettings: [{ResourcePath: /*, HttpMethod: '*', "
                + "CachingEnabled: true, CacheTtlInSeconds: 0}]  # expect CA02"))).hasSize(1);
        assertThat(check("""
                Deployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties: {RestApiId: api-1}
                """)).isEmpty();
    }

    @Test
    void skipsResourcesThatAreNeverCreated() {
        assertThat(check("""
                Live:
                  Type: AWS::ApiGateway::Stage
                  Condition: Never
                  Properties: {RestApiId: api-1, CacheClusterEnabled: true}
                """)).isEmpty();
    }

    @Test
    void samApiStages() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    CacheClusterEnabled: true%s
                    CacheClusterSize: '0.5'
                Resources:
                  PartnerApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                %s
                """;
        // CacheClusterEnabled in Globals
        assertThat(Expect.analyzed(dir, sam.formatted("  # expect CA02", ""), "CA02")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).startsWith("API Gateway stage PartnerApiv1Stage has a cache cluster");
                    assertThat(f.location().column()).isEqualTo(5);
                });
        assertThat(Expect.analyzed(dir, sam.formatted("", """
                      MethodSettings:
                        - ResourcePath: /*
                          HttpMethod: '*'
                          CachingEnabled: true
                          CacheTtlInSeconds: 0  # expect CA02
                """), "CA02")).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("caches * /* with CacheTtlInSeconds: 0");
                    assertThat(f.location().column()).isEqualTo(11);
                });
        assertThat(Expect.analyzed(dir, sam.formatted("", """
                      MethodSettings:
                        - {ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheTtlInSeconds: 60}
                """), "CA02")).isEmpty();
    }
}
