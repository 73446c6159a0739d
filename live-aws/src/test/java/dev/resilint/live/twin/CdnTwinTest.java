package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.model.Scope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CloudFront distribution with a cache policy behavior, a managed policy behavior and a legacy
 * behavior without TTLs, and two custom cache policies, one with contradictory TTLs: CA01 gets the
 * same findings from the template and from the account, where CloudFront is read once, in the
 * account's global scope, however many regions are scanned.
 */
class CdnTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String DISTRIBUTION = "arn:aws:cloudfront::111122223333:distribution/E1";
    static final String POLICY = "arn:aws:cloudfront::111122223333:cache-policy/";
    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Short:
                Type: AWS::CloudFront::CachePolicy
                Properties:
                  CachePolicyConfig:
                    Name: short
                    MinTTL: 1
                    DefaultTTL: 60
                    MaxTTL: 3600
                    ParametersInCacheKeyAndForwardedToOrigin:
                      EnableAcceptEncodingGzip: true
                      HeadersConfig: {HeaderBehavior: none}
                      CookiesConfig: {CookieBehavior: none}
                      QueryStringsConfig: {QueryStringBehavior: none}
              Broken:
                Type: AWS::CloudFront::CachePolicy
                Properties:
                  CachePolicyConfig:
                    Name: broken
                    MinTTL: 3600
                    DefaultTTL: 60
                    MaxTTL: 86400
                    ParametersInCacheKeyAndForwardedToOrigin:
                      EnableAcceptEncodingGzip: false
                      HeadersConfig: {HeaderBehavior: none}
                      CookiesConfig: {CookieBehavior: none}
                      QueryStringsConfig: {QueryStringBehavior: none}
              Site:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: web, DomainName: origin.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]
                    DefaultCacheBehavior: {TargetOriginId: web, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: !Ref Short}
                    CacheBehaviors:
                      - {PathPattern: /static/*, TargetOriginId: web, ViewerProtocolPolicy: redirect-to-https,
                         CachePolicyId: %s}
                      - {PathPattern: /legacy/*, TargetOriginId: web, ViewerProtocolPolicy: allow-all,
                         ForwardedValues: {QueryString: false}}
                      - {PathPattern: /chosen/*, TargetOriginId: web, ViewerProtocolPolicy: allow-all,
                         ForwardedValues: {QueryString: false}, MinTTL: 0, DefaultTTL: 600, MaxTTL: 3600}
            """.formatted(CACHING_OPTIMIZED);

    static Map<String, Object> policy(String id, String name, long min, long dflt, long max) {
        return Map.of("Type", "custom", "CachePolicy", Map.of("Id", id, "LastModifiedTime", "2025-01-01T00:00:00Z",
                "CachePolicyConfig", Map.of("Name", name, "MinTTL", min, "DefaultTTL", dflt, "MaxTTL", max,
                        "ParametersInCacheKeyAndForwardedToOrigin", Map.of("EnableAcceptEncodingGzip", true,
                                "HeadersConfig", Map.of("HeaderBehavior", "none"),
                                "CookiesConfig", Map.of("CookieBehavior", "none"),
                                "QueryStringsConfig", Map.of("QueryStringBehavior", "none")))));
    }

    static Map<String, Object> behavior(String path, Object... more) {
        Map<String, Object> b = Trees.map("PathPattern", path, "TargetOriginId", "web", "ViewerProtocolPolicy", "allow-all");
        b.putAll(Trees.map(more));
        return b;
    }

    /** CloudFront as the account serves it (in us-east-1), with the legacy behavior's TTLs as {@code legacyTtls}. */
    static void serve(Map<String, Object> legacyTtls) {
        FakeRegion us = FAKE.account(ACCOUNT).region("us-east-1");
        Map<String, Object> legacy = behavior("/legacy/*", "ForwardedValues", Map.of("QueryString", false,
                "Cookies", Map.of("Forward", "none")));
        legacy.putAll(legacyTtls);
        us.items("cloudfront", "ListDistributions", List.of(Trees.map("Id", "E1", "ARN", DISTRIBUTION,
                "DomainName", "d1.cloudfront.net", "Status", "Deployed", "Enabled", true, "Comment", "",
                "Origins", Map.of("Items", List.of(Map.of("Id", "web", "DomainName", "origin.example.com",
                        "CustomOriginConfig", Map.of("HTTPPort", 80, "HTTPSPort", 443,
                                "OriginProtocolPolicy", "https-only")))),
                "DefaultCacheBehavior", Map.of("TargetOriginId", "web", "ViewerProtocolPolicy", "redirect-to-https",
                        "CachePolicyId", "cp-short"),
                "CacheBehaviors", Map.of("Items", List.of(
                        behavior("/static/*", "ViewerProtocolPolicy", "redirect-to-https", "CachePolicyId", CACHING_OPTIMIZED),
                        legacy,
                        behavior("/chosen/*", "ForwardedValues", Map.of("QueryString", false), "MinTTL", 0,
                                "DefaultTTL", 600, "MaxTTL", 3600))))));
        us.listHandler("cloudfront", "ListCachePolicies", input -> "custom".equals(input.get("Type"))
                ? List.of(policy("cp-short", "short", 1, 60, 3600), policy("cp-broken", "broken", 3600, 60, 86400))
                : List.of());
    }

    @Test
    void ca01GetsTheSameFindingsInTheGlobalScopeOnly() {
        serve(Map.of("MinTTL", 0));
        Twin twin = Twin.of(TEMPLATE).is("Site", DISTRIBUTION).is("Short", POLICY + "cp-short")
                .is("Broken", POLICY + "cp-broken");

        Set<String> expected = twin.templateFindings(dir);
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, "eu-west-1", "us-east-1"));
        Set<String> actual = twin.liveFindings(results);

        assertThat(FAKE.problems()).isEmpty();
        assertThat(actual).isEqualTo(expected).containsExactly("CA01 Broken", "CA01 Site");
        List<Finding> ca01 = results.findings().stream().filter(f -> f.ruleId().equals("CA01")).toList();
        // once per account, not per region: the legacy behavior and the broken policy
        assertThat(ca01).hasSize(2).allSatisfy(f -> assertThat(((Location.Live) f.location()).region())
                .isEqualTo(Scope.GLOBAL));
        assertThat(FAKE.calls().calls(c -> c.service().equals("cloudfront"))).isNotEmpty()
                .allSatisfy(c -> assertThat(c.region()).isEqualTo("us-east-1"));
        assertThat(FAKE.calls().count("cloudfront", "ListDistributions")).isEqualTo(1);
        assertThat(results.notes()).anyMatch(n -> n.startsWith("scanned 111122223333/global"));
    }

    /**
     * Where the template and the account may differ, for the integrator: CloudFront is believed to answer
     * a legacy behavior with the TTLs it applies (0, 86400, 31536000) even when nobody set them. They are
     * then explicit live, and CA01, which fires on a behavior without {@code DefaultTTL}, stays quiet on it.
     */
    @Test
    void aLegacyBehaviorAnsweredWithCloudFrontsDefaultTtlsIsQuietLiveWhereTheTemplateFires() {
        serve(Map.of("MinTTL", 0, "DefaultTTL", 86400, "MaxTTL", 31536000));
        Twin twin = Twin.of(TEMPLATE).is("Site", DISTRIBUTION).is("Short", POLICY + "cp-short")
                .is("Broken", POLICY + "cp-broken");

        Set<String> template = twin.templateFindings(dir);
        Set<String> live = twin.liveFindings(Scans.run(Scans.caller(FAKE, ACCOUNT, "eu-west-1")));

        assertThat(template).containsExactly("CA01 Broken", "CA01 Site");
        assertThat(live).containsExactly("CA01 Broken");
    }
}
