package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 (REST-XML, path-style against the fake): operations on one path told apart by their query literal
 * ({@code ?versioning}, {@code ?logging}, {@code ?tagging}), {@code ListBuckets} paged by
 * {@code ContinuationToken} with its {@code bucket-region} filter bound to the query string, and S3's
 * {@code <Error>} bodies.
 */
class S3ProtocolTest {
    private static final String ACCOUNT = "545454545454";
    private static final String REGION = "eu-west-3";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private static FakeRegion region() {
        return FAKE.account(ACCOUNT).region(REGION);
    }

    @Test
    void listBucketsPagesByContinuationTokenAndSendsTheRegionFilter() {
        List<Object> regionsAsked = new ArrayList<>();
        region().listHandler("s3", "ListBuckets", input -> {
            regionsAsked.add(input.get("BucketRegion"));
            return List.of(Map.of("Name", "orders-a", "BucketRegion", REGION),
                           Map.of("Name", "orders-b", "BucketRegion", REGION),
                           Map.of("Name", "orders-c", "BucketRegion", REGION, "CreationDate", "2024-01-01T00:00:00Z"));
        });
        S3Client s3 = FAKE.client(S3Client.builder(), ACCOUNT, REGION);

        List<ListBucketsResponse> pages = s3.listBucketsPaginator(r -> r.bucketRegion(REGION).maxBuckets(1000))
                                            .stream().toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).continuationToken()).isNotBlank();
        assertThat(pages.stream().flatMap(p -> p.buckets().stream()).map(Bucket::name))
            .containsExactly("orders-a", "orders-b", "orders-c");
        assertThat(pages.get(1).buckets().get(0).bucketRegion()).isEqualTo(REGION);
        assertThat(regionsAsked).containsOnly(REGION).hasSize(2);
        assertThat(FAKE.calls().iamActions()).containsExactly("s3:ListAllMyBuckets");
    }

    @Test
    void bucketDetailsAreRoutedByTheirQueryLiteral() {
        region().answer("s3", "GetBucketVersioning", "Bucket", "orders", Map.of("Status", "Suspended"))
                .answer("s3", "GetBucketLogging", "Bucket", "orders",
                        Map.of("LoggingEnabled", Map.of("TargetBucket", "orders-logs", "TargetPrefix", "s3/")))
                .answer("s3", "GetBucketTagging", "Bucket", "orders",
                        Map.of("TagSet", List.of(Map.of("Key", "aws-cdk:auto-delete-objects", "Value", "true"),
                                                 Map.of("Key", "team", "Value", "orders"))))
                .answer("s3", "GetBucketVersioning", "Bucket", "never-versioned", Map.of());
        S3Client s3 = FAKE.client(S3Client.builder(), ACCOUNT, REGION);

        GetBucketLoggingResponse logging = s3.getBucketLogging(r -> r.bucket("orders"));

        assertThat(s3.getBucketVersioning(r -> r.bucket("orders")).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
        assertThat(s3.getBucketVersioning(r -> r.bucket("never-versioned")).status()).isNull();
        assertThat(logging.loggingEnabled().targetBucket()).isEqualTo("orders-logs");
        assertThat(logging.loggingEnabled().targetPrefix()).isEqualTo("s3/");
        assertThat(s3.getBucketTagging(r -> r.bucket("orders")).tagSet())
            .extracting(t -> t.key() + "=" + t.value()).containsExactly("aws-cdk:auto-delete-objects=true", "team=orders");
        assertThat(FAKE.calls().iamActions())
            .containsExactly("s3:GetBucketLogging", "s3:GetBucketTagging", "s3:GetBucketVersioning");
    }

    @Test
    void errorsAreS3ErrorBodiesTheSdkReadsAsModelledExceptions() {
        region().fail("s3", "GetBucketVersioning", "Bucket", "gone",
                      new AwsError("NoSuchBucket", 404, "The specified bucket does not exist"))
                .fail("s3", "GetBucketTagging", "Bucket", "untagged",
                      new AwsError("NoSuchTagSet", 404, "The TagSet does not exist"));
        FAKE.inject(Fault.error("AccessDenied", 403).on("s3", "GetBucketLogging"));
        S3Client s3 = FAKE.client(S3Client.builder(), ACCOUNT, REGION);

        assertThatThrownBy(() -> s3.getBucketVersioning(r -> r.bucket("gone")))
            .isInstanceOfSatisfying(NoSuchBucketException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
        assertThatThrownBy(() -> s3.getBucketTagging(r -> r.bucket("untagged")))
            .isInstanceOfSatisfying(S3Exception.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet"));
        assertThatThrownBy(() -> s3.getBucketLogging(r -> r.bucket("orders")))
            .isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.statusCode()).isEqualTo(403);
            });
    }
}
