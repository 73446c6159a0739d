package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAccount;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.s3.BucketMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * S3 buckets: listed per region ({@code ListBuckets} with {@code BucketRegion}, as S3 filters it), each
 * with its versioning, logging and (when needed) tags; DR05 over them, and what a denied call leaves
 * unjudged.
 */
class S3CollectorTest {

    static final String ACCOUNT = "432109876543";
    static final String EU = "eu-west-1";
    static final String US = "us-east-1";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    static String arn(String name) {
        return "arn:aws:s3:::" + name;
    }

    /**
     * The account's buckets as S3 holds them: {@code ListBuckets} answers those of the region it is
     * asked for. In eu-west-1: {@code orders} (versioned), {@code invoices} (never versioned),
     * {@code archive} (suspended), {@code logs} (never versioned; {@code orders} logs to it) and
     * {@code scratch} (never versioned, tagged for CDK's auto-delete); in us-east-1: {@code assets}
     * (never versioned).
     */
    static FakeAccount serve() {
        FakeAccount account = FAKE.account(ACCOUNT);
        List<Map<String, Object>> all = List.of(bucket("orders", EU), bucket("invoices", EU), bucket("archive", EU),
                bucket("logs", EU), bucket("scratch", EU), bucket("assets", US));
        account.listHandler("s3", "ListBuckets", in -> {
            assertThat(in.get("BucketRegion")).as("ListBuckets is filtered by region").isNotNull();
            return all.stream().filter(b -> b.get("BucketRegion").equals(in.get("BucketRegion"))).toList();
        });
        for (Map<String, Object> b : all) {
            String name = (String) b.get("Name");
            account.answer("s3", "GetBucketVersioning", "Bucket", name, switch (name) {
                case "orders" -> Map.of("Status", "Enabled");
                case "archive" -> Map.of("Status", "Suspended");
                default -> Map.of();
            });
            account.answer("s3", "GetBucketLogging", "Bucket", name, name.equals("orders")
                    ? Map.of("LoggingEnabled", Map.of("TargetBucket", "logs", "TargetPrefix", "orders/"))
                    : Map.of());
            if (name.equals("scratch")) {
                account.answer("s3", "GetBucketTagging", "Bucket", name, Map.of("TagSet",
                        List.of(Map.of("Key", "aws-cdk:auto-delete-objects", "Value", "true"))));
            } else {
                account.fail("s3", "GetBucketTagging", "Bucket", name,
                        new AwsError("NoSuchTagSet", 404, "The TagSet does not exist"));
            }
        }
        return account;
    }

    static Map<String, Object> bucket(String name, String region) {
        return Map.of("Name", name, "BucketRegion", region, "CreationDate", "2024-03-01T00:00:00Z");
    }

    @Test
    void readsTheBucketsOfTheScopesRegionWithTheirDetails() {
        serve();
        FAKE.pageSize(2);

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);

        assertThat(run.arns()).containsExactly(arn("archive"), arn("invoices"), arn("logs"), arn("orders"),
                arn("scratch"));
        assertThat(PropsText.of(run.resource(arn("orders")).properties())).isEqualTo("{BucketName: \"orders\", "
                + "VersioningConfiguration: {Status: \"Enabled\"}, LoggingConfiguration: "
                + "{DestinationBucketName: ref(AWS::S3::Bucket)\"logs\", LogFilePrefix: \"orders/\"}}");
        assertThat(PropsText.of(run.resource(arn("archive")).properties()))
                .isEqualTo("{BucketName: \"archive\", VersioningConfiguration: {Status: \"Suspended\"}}");
        assertThat(PropsText.of(run.resource(arn("scratch")).properties())).isEqualTo("{BucketName: \"scratch\", "
                + "Tags: [{Key: \"aws-cdk:auto-delete-objects\", Value: \"true\"}]}");
        assertThat(run.completeness().get(BucketMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().count("s3", "ListBuckets")).isEqualTo(3);
        assertThat(FAKE.calls().count("s3", "GetBucketVersioning")).isEqualTo(5);
        assertThat(FAKE.calls().count("s3", "GetBucketLogging")).isEqualTo(5);
        // a versioned bucket needs no tags unless tags are read for every resource
        assertThat(FAKE.calls().count("s3", "GetBucketTagging")).isEqualTo(4);
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void withTagsReadEveryBucketsTagsAreRead() {
        serve();

        ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, true);

        assertThat(FAKE.calls().count("s3", "GetBucketTagging")).isEqualTo(5);
    }

    @Test
    void dr05FlagsTheUnversionedBucketsOfEachRegionInItsOwnScope() {
        serve();

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU, US));

        assertThat(results.notEvaluated()).isEmpty();
        assertThat(ScanOfOne.findings(results)).filteredOn(f -> f.startsWith("DR05 "))
                .containsExactly("DR05 " + arn("archive"), "DR05 " + arn("assets"), "DR05 " + arn("invoices"));
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("DR05")).allSatisfy(f -> {
            Location.Live at = (Location.Live) f.location();
            assertThat(at.region()).isEqualTo(at.arn().endsWith(":assets") ? US : EU);
            assertThat(at.account()).isEqualTo(ACCOUNT);
        });
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("DR05"))
                .extracting(f -> f.message()).contains("S3 bucket invoices has no VersioningConfiguration "
                        + "(versioning is off unless enabled), so an overwrite or a delete destroys the only copy of "
                        + "an object; set VersioningConfiguration.Status: Enabled");
        assertThat(FAKE.calls().count("s3", "ListBuckets")).as("3 pages in eu-west-1, 1 in us-east-1").isEqualTo(4);
    }

    @Test
    void accessDeniedOnListBucketsLeavesTheTypeUnreadInTheAccount() {
        serve();
        FAKE.inject(Fault.error("AccessDenied", 403).on("s3", "ListBuckets"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU, US));

        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("DR05 "));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("DR05"))
                .extracting(n -> n.scope() + " " + n.resourceType() + " " + n.reason())
                .containsExactlyInAnyOrder(ACCOUNT + "/" + EU + " AWS::S3::Bucket ACCESS_DENIED",
                        ACCOUNT + "/" + US + " AWS::S3::Bucket ACCESS_DENIED");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("DR05"))
                .allSatisfy(n -> assertThat(n.detail()).contains("ListBuckets").contains("AccessDenied"));
        assertThat(FAKE.calls().count("s3", "GetBucketVersioning")).isZero();
    }

    @Test
    void accessDeniedOnOneBucketsVersioningIsNotEvaluatedForThatBucketOnly() {
        serve().fail("s3", "GetBucketVersioning", "Bucket", "invoices",
                new AwsError("AccessDenied", 403, "Access Denied"));

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);
        assertThat(run.completeness().get(BucketMapper.TYPE)).isEmpty();
        assertThat(PropsText.of(run.resource(arn("invoices")).properties())).contains("VersioningConfiguration");

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU));
        assertThat(ScanOfOne.findings(results)).filteredOn(f -> f.startsWith("DR05 "))
                .containsExactly("DR05 " + arn("archive"));
        List<NotEvaluated> gaps = new ArrayList<>(results.notEvaluated());
        assertThat(gaps).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("DR05");
            assertThat(n.subject()).isEqualTo(arn("invoices"));
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + EU);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("GetBucketVersioning").contains("AccessDenied");
        });
    }

    @Test
    void anUnreadLogTargetLeavesTheOtherUnversionedBucketsUnjudged() {
        serve().fail("s3", "GetBucketLogging", "Bucket", "orders", new AwsError("AccessDenied", 403, "Access Denied"));

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);
        assertThat(run.resource(arn("orders")).unread()).isEmpty();

        // orders may send its logs to any of them: none is flagged, each is not evaluated, naming orders
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU));
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("DR05 "));
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly(
                "DR05 AWS::S3::Bucket " + arn("archive") + " ACCESS_DENIED",
                "DR05 AWS::S3::Bucket " + arn("invoices") + " ACCESS_DENIED",
                "DR05 AWS::S3::Bucket " + arn("logs") + " ACCESS_DENIED");
        assertThat(results.notEvaluated()).allSatisfy(n ->
                assertThat(n.detail()).contains("where bucket orders sends its access logs").contains("GetBucketLogging"));
    }

    @Test
    void deniedTagsOfAnUnversionedBucketLeaveItUnjudgedAndAVanishedBucketIsGone() {
        serve().fail("s3", "GetBucketTagging", "Bucket", "invoices", new AwsError("AccessDenied", 403, "Access Denied"))
                .fail("s3", "GetBucketVersioning", "Bucket", "archive",
                        new AwsError("NoSuchBucket", 404, "The specified bucket does not exist"));

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);
        assertThat(run.arns()).doesNotContain(arn("archive"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU));
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("DR05 "));
        assertThat(ScanOfOne.notEvaluated(results))
                .containsExactly("DR05 AWS::S3::Bucket " + arn("invoices") + " ACCESS_DENIED");
    }

    @Test
    void aDistributionOfTheAccountMayLogToAnyBucketSoUnversionedOnesAreNotEvaluated() {
        serve();
        FAKE.account(ACCOUNT).region(US).items("cloudfront", "ListDistributions", List.of(Map.of("Id", "E1",
                "ARN", "arn:aws:cloudfront::" + ACCOUNT + ":distribution/E1", "DomainName", "d1.cloudfront.net",
                "Status", "Deployed", "Enabled", true, "Comment", "",
                "Origins", Map.of("Items", List.of(Map.of("Id", "web", "DomainName", "origin.example.com",
                        "CustomOriginConfig", Map.of("HTTPPort", 80, "HTTPSPort", 443, "OriginProtocolPolicy", "https-only")))),
                "DefaultCacheBehavior", Map.of("TargetOriginId", "web", "ViewerProtocolPolicy", "redirect-to-https",
                        "CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6"))));

        // the distribution is read once, in the account's global scope, and handed to each region's graph;
        // its summary does not say where it logs (logs is still exempt: orders sends its logs there)
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU));

        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("DR05 "));
        assertThat(ScanOfOne.notEvaluated(results)).filteredOn(n -> n.startsWith("DR05 ")).containsExactly(
                "DR05 AWS::S3::Bucket " + arn("archive") + " ERROR",
                "DR05 AWS::S3::Bucket " + arn("invoices") + " ERROR");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("DR05"))
                .allSatisfy(n -> assertThat(n.detail()).contains("ListDistributions does not return"));
        assertThat(FAKE.calls().count("cloudfront", "ListDistributions")).isEqualTo(1);
    }

    static final String THUMBS = "arn:aws:lambda:eu-west-1:432109876543:function:thumbs";

    @Test
    void notificationsAreReadPerBucketAndNameTheirFunctionQueueAndTopic() {
        serve().answer("s3", "GetBucketNotificationConfiguration", "Bucket", "orders", Map.of(
                "LambdaFunctionConfigurations", List.of(Map.of("Id", "thumbs", "LambdaFunctionArn", THUMBS,
                        "Events", List.of("s3:ObjectCreated:*")))));

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);

        assertThat(PropsText.of(PropsText.at(run.resource(arn("orders")).properties(), "NotificationConfiguration")))
                .isEqualTo("{LambdaConfigurations: [{Event: \"s3:ObjectCreated:*\", Function: ref(AWS::Lambda::Function|"
                        + "AWS::Lambda::Alias|AWS::Lambda::Version)\"" + THUMBS + "\"}]}");
        // a bucket without notifications has none, as a template that does not set them
        assertThat(PropsText.of(run.resource(arn("invoices")).properties())).doesNotContain("NotificationConfiguration");
        assertThat(FAKE.calls().count("s3", "GetBucketNotificationConfiguration")).isEqualTo(5);
        assertThat(FAKE.calls().iamActions()).contains("s3:GetBucketNotification");
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void deniedNotificationsAreUnknownForThatBucketAndItsFunctionIsStillJudgedThroughItsS3Permission() {
        serve().fail("s3", "GetBucketNotificationConfiguration", "Bucket", "orders",
                new AwsError("AccessDenied", 403, "Access Denied"));
        var eu = FAKE.account(ACCOUNT).region(EU);
        eu.items("lambda", "ListFunctions", List.of(Map.of("FunctionName", "thumbs", "FunctionArn", THUMBS,
                "Timeout", 30, "MemorySize", 128)));
        eu.answer("lambda", "GetPolicy", "FunctionName", THUMBS, Map.of("Policy", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"s3\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"s3.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + THUMBS + "\","
                + "\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::orders\"}}}]}"));

        ScanOfOne run = ScanOfOne.of(FAKE, new S3Collector(), ACCOUNT, EU, false);
        assertThat(PropsText.of(PropsText.at(run.resource(arn("orders")).properties(), "NotificationConfiguration")))
                .isEqualTo("unknown(ACCESS_DENIED)");
        assertThat(run.resource(arn("orders")).unread()).isEmpty();
        assertThat(run.completeness().get(BucketMapper.TYPE)).isEmpty();

        // S3 can invoke thumbs only through its permission for s3.amazonaws.com, which was read
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, EU));
        assertThat(ScanOfOne.findings(results)).contains("MQ04 " + THUMBS, "DR05 " + arn("archive"),
                "DR05 " + arn("invoices"));
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("MQ04")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("by the Lambda permission thumbs s3 for "
                        + "s3.amazonaws.com"));
        assertThat(results.notEvaluated()).isEmpty();
    }
}
