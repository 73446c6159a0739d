package dev.resilint.live.map.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.CacheBehaviors;
import software.amazon.awssdk.services.cloudfront.model.CachePolicy;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyConfig;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.Origins;

/** The CloudFront mappers: {@code AWS::CloudFront::Distribution} and {@code CachePolicy}. */
class CloudFrontMappersTest {

    static final Scope GLOBAL = new Scope("111122223333", Scope.GLOBAL);
    static final String ARN = "arn:aws:cloudfront::111122223333:distribution/E1";

    @Test
    void quantityItemsListsBecomePlainListsAndTheCachePolicyIsAReference() {
        DistributionSummary d = DistributionSummary.builder().id("E1").arn(ARN).domainName("d1.cloudfront.net")
                .enabled(true).comment("").webACLId("")
                .origins(Origins.builder().quantity(1).items(Origin.builder().id("api").domainName("api.example.com")
                        .originPath("").customOriginConfig(CustomOriginConfig.builder().httpPort(80).httpsPort(443)
                                .originProtocolPolicy("https-only").originReadTimeout(30).build()).build()).build())
                .defaultCacheBehavior(DefaultCacheBehavior.builder().targetOriginId("api")
                        .viewerProtocolPolicy("redirect-to-https").cachePolicyId("cp-1").compress(true)
                        .allowedMethods(AllowedMethods.builder().quantity(2).itemsWithStrings("GET", "HEAD")
                                .cachedMethods(CachedMethods.builder().quantity(2).itemsWithStrings("GET", "HEAD").build())
                                .build()).build())
                .cacheBehaviors(CacheBehaviors.builder().quantity(1).items(CacheBehavior.builder().pathPattern("/legacy/*")
                        .targetOriginId("api").viewerProtocolPolicy("allow-all").cachePolicyId("")
                        .forwardedValues(ForwardedValues.builder().queryString(true).build())
                        .minTTL(0L).defaultTTL(86400L).maxTTL(31536000L).build()).build())
                .build();

        LiveResource r = DistributionMapper.map(GLOBAL, d, TagLookup.of(Map.of(ARN, Map.of("team", "edge"))));

        assertThat(r.type()).isEqualTo("AWS::CloudFront::Distribution");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.name()).isEqualTo("E1 (d1.cloudfront.net)");
        assertThat(r.identifiers()).isEqualTo(Map.of("E1", "", "d1.cloudfront.net", "DomainName"));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of(
                "DistributionConfig", Map.of(
                        "Enabled", true,
                        "Origins", List.of(Map.of("Id", "api", "DomainName", "api.example.com",
                                "CustomOriginConfig", Map.of("HTTPPort", 80L, "HTTPSPort", 443L,
                                        "OriginProtocolPolicy", "https-only", "OriginReadTimeout", 30L))),
                        "DefaultCacheBehavior", Map.of("TargetOriginId", "api", "ViewerProtocolPolicy", "redirect-to-https",
                                "CachePolicyId", Ref.to("cp-1", "AWS::CloudFront::CachePolicy"), "Compress", true,
                                "AllowedMethods", List.of("GET", "HEAD"), "CachedMethods", List.of("GET", "HEAD")),
                        "CacheBehaviors", List.of(Map.of("PathPattern", "/legacy/*", "TargetOriginId", "api",
                                "ViewerProtocolPolicy", "allow-all", "ForwardedValues", Map.of("QueryString", true),
                                "MinTTL", 0L, "DefaultTTL", 86400L, "MaxTTL", 31536000L)),
                        // the summary has no logging settings: unknown, never "no logging"
                        "Logging", Map.of("Bucket", "NOT_COLLECTED\u0000ListDistributions does not return a distribution's "
                                + "access-log bucket (DistributionConfig.Logging), which the live scan does not read")),
                "Tags", List.of(Map.of("Key", "team", "Value", "edge"))));
    }

    @Test
    void aCachePolicyWithItsTtls() {
        LiveResource r = CachePolicyMapper.map(GLOBAL, CachePolicy.builder().id("cp-1").cachePolicyConfig(
                CachePolicyConfig.builder().name("short").comment("c").minTTL(3600L).defaultTTL(60L).maxTTL(86400L)
                        .build()).build());

        assertThat(r.type()).isEqualTo("AWS::CloudFront::CachePolicy");
        assertThat(r.arn()).isEqualTo("arn:aws:cloudfront::111122223333:cache-policy/cp-1");
        assertThat(r.name()).isEqualTo("short (cp-1)");
        assertThat(r.identifiers()).isEqualTo(Map.of("cp-1", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("CachePolicyConfig", Map.of("Name", "short", "Comment", "c",
                "MinTTL", 3600L, "DefaultTTL", 60L, "MaxTTL", 86400L)));
    }
}
