package dev.resilint.infra.rules.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFrontCacheWithoutTtlTest {

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              PolicyId: {Type: String}
              Ttl: {Type: Number}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new CloudFrontCacheWithoutTtl(), HEADER + resources.indent(2));
    }

    /**
     * A distribution Cdn: DefaultCacheBehavior key on line 15, its extra keys from line 17, then the
     * rest of DistributionConfig.
     */
    private static List<Finding> distribution(String defaultBehavior, String rest) {
        return check("""
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Properties:
                    DistributionConfig:
                      Enabled: true
                      DefaultCacheBehavior:
                        TargetOriginId: web
                """ + defaultBehavior.indent(8) + rest.indent(6));
    }

    @Test
    void firesOnADefaultBehaviorWithoutPolicyOrTtl() {
        assertThat(check("""
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Properties:
                    DistributionConfig:
                      Enabled: true
                      DefaultCacheBehavior:  # expect CA01
                        TargetOriginId: web
                        ForwardedValues: {QueryString: false}
                """)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CA01");
            assertThat(f.message()).isEqualTo("CloudFront distribution Cdn: the default cache behavior has neither "
                    + "CachePolicyId nor DefaultTTL, so it caches on CloudFront's legacy defaults (a day for responses "
                    + "without Cache-Control); attach a cache policy (CachePolicyId) or set an explicit DefaultTTL");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Cdn/Properties/DistributionConfig/DefaultCacheBehavior");
            assertThat(loc.column()).isEqualTo(9);
        });
    }

    @Test
    void quietWithAPolicyOrAnExplicitTtl() {
        assertThat(distribution("CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n", "")).isEmpty();
        assertThat(distribution("DefaultTTL: 60\n", "")).isEmpty();
        assertThat(distribution("DefaultTTL: 0\n", "")).isEmpty();
        assertThat(distribution("CachePolicyId: !Ref PolicyId\n", "")).isEmpty();
    }

    @Test
    void quietWhenThePolicyIsConditional() {
        assertThat(distribution("CachePolicyId: !If [Prod, 658327ea-f89d-4fab-a63d-7e88639e58f6, "
                + "!Ref AWS::NoValue]\n", "")).isEmpty();
        assertThat(check("""
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Properties:
                    DistributionConfig:
                      DefaultCacheBehavior: !If [Prod, !Ref AWS::NoValue, {TargetOriginId: web}]
                """)).isEmpty();
    }

    @Test
    void firesPerOrderedBehaviorAtItsPathPattern() {
        List<Finding> findings = distribution("CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad\n", """
                CacheBehaviors:
                  - PathPattern: /api/*
                    TargetOriginId: web
                    CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
                  - PathPattern: /static/*  # expect CA01
                    TargetOriginId: web
                    ForwardedValues: {QueryString: false}
                  - TargetOriginId: web
                    PathPattern: /img/*  # expect CA01
                    MaxTTL: 600
                  - PathPattern: /docs/*
                    TargetOriginId: web
                    DefaultTTL: 3600
                """);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).message()).isEqualTo("CloudFront distribution Cdn: the /static/* cache behavior "
                + "has neither CachePolicyId nor DefaultTTL, so it caches on CloudFront's legacy defaults (a day for "
                + "responses without Cache-Control); attach a cache policy (CachePolicyId) or set an explicit "
                + "DefaultTTL");
        assertThat(findings.get(0).location().column()).isEqualTo(13);
        assertThat(findings.get(1).message()).contains("the /img/* cache behavior");
        assertThat(findings.get(1).location().column()).isEqualTo(13);
        assertThat(findings).extracting(f -> ((Location.Template) f.location()).logicalPath()).containsOnly(
                "Resources/Cdn/Properties/DistributionConfig/CacheBehaviors");
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
    }

    @Test
    void fingerprintsFollowThePathPatternNotThePosition() {
        String one = """
                CacheBehaviors:
                  - {PathPattern: /a/*, TargetOriginId: web}  # expect CA01
                  - {PathPattern: /b/*, TargetOriginId: web, DefaultTTL: 5}
                """;
        String swapped = """
                CacheBehaviors:
                  - {PathPattern: /b/*, TargetOriginId: web, DefaultTTL: 5}
                  - {PathPattern: /a/*, TargetOriginId: web}  # expect CA01
                """;
        Finding a = distribution("DefaultTTL: 1\n", one).get(0);
        Finding b = distribution("DefaultTTL: 1\n", swapped).get(0);
        assertThat(a.location().line()).isNotEqualTo(b.location().line());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void quietWhenTheOrderedBehaviorsAreUnknown() {
        assertThat(distribution("DefaultTTL: 1\n", """
                CacheBehaviors: !If
                  - Prod
                  - [{PathPattern: /a/*, TargetOriginId: web}]
                  - [{PathPattern: /b/*, TargetOriginId: web}]
                """)).isEmpty();
        assertThat(distribution("DefaultTTL: 1\n", """
                CacheBehaviors:
                  - !If [Prod, {PathPattern: /a/*, TargetOriginId: web}, !Ref AWS::NoValue]
                  - {PathPattern: /b/*, TargetOriginId: web, CachePolicyId: !If [Prod, p1, !Ref AWS::NoValue]}
                """)).isEmpty();
    }

    private static List<Finding> policy(String ttls) {
        return check("""
                Policy:
                  Type: AWS::CloudFront::CachePolicy
                  Properties:
                    CachePolicyConfig:
                      Name: web
                """ + ttls.indent(6));
    }

    @Test
    void firesOnCachePolicyTtlsOutOfOrder() {
        List<Finding> findings = policy("MinTTL: 600\nDefaultTTL: 60  # expect CA01\nMaxTTL: 3600\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("CloudFront cache policy Policy: MinTTL 600 is above DefaultTTL 60; "
                    + "keep MinTTL <= DefaultTTL <= MaxTTL");
            assertThat(f.location().column()).isEqualTo(9);
        });
        assertThat(policy("MinTTL: 0\nDefaultTTL: 86400  # expect CA01\nMaxTTL: '3600'\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("DefaultTTL 86400 is above MaxTTL 3600"));
        assertThat(policy("MinTTL: 7200\nMaxTTL: 3600  # expect CA01\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MinTTL 7200 is above MaxTTL 3600"));
    }

    @Test
    void quietOnConsistentPartialOrUnknownTtls() {
        assertThat(policy("MinTTL: 1\nDefaultTTL: 86400\nMaxTTL: 31536000\n")).isEmpty();
        assertThat(policy("MinTTL: 0\nDefaultTTL: 0\nMaxTTL: 0\n")).isEmpty();
        assertThat(policy("MinTTL: 100000\n")).isEmpty(); // CloudFront raises the missing ones
        assertThat(policy("MinTTL: 600\nDefaultTTL: !Ref Ttl\nMaxTTL: 3600\n")).isEmpty();
        assertThat(policy("MinTTL: 600\nDefaultTTL: !If [Prod, 60, 6000]\nMaxTTL: 86400\n")).isEmpty();
    }

    @Test
    void skipsResourcesThatAreNeverCreated() {
        assertThat(check("""
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Condition: Never
                  Properties:
                    DistributionConfig:
                      DefaultCacheBehavior: {TargetOriginId: web}
                """)).isEmpty();
    }
}
