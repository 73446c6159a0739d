package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Results;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CloudFront distributions with custom error responses: one caches 503s for five minutes (and a
 * 404 for an hour, which is fine), the other keeps 5xx errors short or on CloudFront's 10-second
 * default. CA03 gets the same findings from the template and from the account, whose
 * {@code ListDistributions} carries the error responses.
 */
class ErrorCachingTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String PINNED = "arn:aws:cloudfront::111122223333:distribution/E1";
    static final String SHORT = "arn:aws:cloudfront::111122223333:distribution/E2";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Pinned:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: web, DomainName: origin.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]
                    DefaultCacheBehavior: {TargetOriginId: web, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: cp-1}
                    CustomErrorResponses:
                      - {ErrorCode: 503, ErrorCachingMinTTL: 300, ResponseCode: 503, ResponsePagePath: /sorry.html}
                      - {ErrorCode: 404, ErrorCachingMinTTL: 3600}
              Short:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: web, DomainName: origin.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]
                    DefaultCacheBehavior: {TargetOriginId: web, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: cp-1}
                    CustomErrorResponses:
                      - {ErrorCode: 500, ErrorCachingMinTTL: 5}
                      - {ErrorCode: 502}
            """;

    static Map<String, Object> distribution(String id, String arn, List<Map<String, Object>> errors) {
        return Trees.map("Id", id, "ARN", arn, "DomainName", id.toLowerCase() + ".cloudfront.net", "Status", "Deployed",
                "Enabled", true, "Comment", "",
                "Origins", Map.of("Items", List.of(Map.of("Id", "web", "DomainName", "origin.example.com",
                        "CustomOriginConfig", Map.of("HTTPPort", 80, "HTTPSPort", 443,
                                "OriginProtocolPolicy", "https-only")))),
                "DefaultCacheBehavior", Map.of("TargetOriginId", "web", "ViewerProtocolPolicy", "redirect-to-https",
                        "CachePolicyId", "cp-1"),
                "CustomErrorResponses", Map.of("Quantity", errors.size(), "Items", errors));
    }

    static void serve() {
        FakeRegion us = FAKE.account(ACCOUNT).region("us-east-1");
        us.items("cloudfront", "ListDistributions", List.of(
                distribution("E1", PINNED, List.of(
                        Map.of("ErrorCode", 503, "ErrorCachingMinTTL", 300, "ResponseCode", "503",
                                "ResponsePagePath", "/sorry.html"),
                        Map.of("ErrorCode", 404, "ErrorCachingMinTTL", 3600, "ResponseCode", "",
                                "ResponsePagePath", ""))),
                distribution("E2", SHORT, List.of(
                        Map.of("ErrorCode", 500, "ErrorCachingMinTTL", 5),
                        Map.of("ErrorCode", 502)))));
        us.items("cloudfront", "ListCachePolicies", List.of());
    }

    @Test
    void ca03GetsTheSameFindingsFromTheTemplateAndTheAccount() {
        serve();
        Twin twin = Twin.of(TEMPLATE).is("Pinned", PINNED).is("Short", SHORT);

        Set<String> template = twin.templateFindings(dir);
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, "us-east-1"));
        Set<String> live = twin.liveFindings(results);

        assertThat(FAKE.problems()).isEmpty();
        assertThat(template).contains("CA03 Pinned").doesNotContain("CA03 Short");
        assertThat(live).filteredOn(f -> f.startsWith("CA03")).containsExactly("CA03 Pinned");
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("CA03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("caches 503 errors for 300 seconds"));
    }

    @Test
    void deniedDistributionsAreNotEvaluated() {
        serve();
        FAKE.inject(Fault.error("AccessDenied", 403).on("cloudfront", "ListDistributions"));
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, "us-east-1"));
        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("CA03"));
        assertThat(results.notEvaluated()).anySatisfy(g -> {
            assertThat(g.ruleId()).isEqualTo("CA03");
            assertThat(g.scope()).contains(ACCOUNT);
            assertThat(g.detail()).contains("ListDistributions");
        });
    }
}
