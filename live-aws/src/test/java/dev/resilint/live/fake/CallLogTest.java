package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The call log (call budgets, IAM actions) and the fake's own problem reports. */
class CallLogTest {
    private static final List<String> ACCOUNTS = List.of("810000000001", "820000000002");
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    @Test
    void theLogCountsCallsPerAccountRegionAndOperationAndNamesTheirIamActions() {
        FAKE.account("820000000002").region("us-east-1").items("ec2", "DescribeSubnets", List.of(
            Map.of("SubnetId", "s1"), Map.of("SubnetId", "s2"), Map.of("SubnetId", "s3")));
        FAKE.inject(Fault.error("AccessDenied", 403).on("autoscaling").account("810000000001").region("us-east-1"));
        for (String account : ACCOUNTS) {
            for (String region : REGIONS) {
                FAKE.client(Ec2Client.builder(), account, region).describeSubnetsPaginator().stream().forEach(p -> { });
                try {
                    FAKE.client(AutoScalingClient.builder(), account, region).describeAutoScalingGroups();
                } catch (RuntimeException denied) {
                    assertThat(account + region).isEqualTo("810000000001us-east-1");
                }
            }
        }

        assertThat(FAKE.calls().count("820000000002", "us-east-1", "ec2", "DescribeSubnets")).isEqualTo(2);
        assertThat(FAKE.calls().count("810000000001", "eu-west-1", "ec2", "DescribeSubnets")).isEqualTo(1);
        assertThat(FAKE.calls().count("ec2", "DescribeSubnets")).isEqualTo(5);
        assertThat(FAKE.calls().counts()).containsExactly(Map.entry("autoscaling:DescribeAutoScalingGroups", 4L),
                                                          Map.entry("ec2:DescribeSubnets", 5L));
        assertThat(FAKE.calls().calls(c -> !c.succeeded())).singleElement().satisfies(c -> {
            assertThat(c.account()).isEqualTo("810000000001");
            assertThat(c.region()).isEqualTo("us-east-1");
            assertThat(c.status()).isEqualTo(403);
            assertThat(c.errorCode()).isEqualTo("AccessDenied");
        });
        Set<String> policy = Set.of("ec2:DescribeSubnets", "autoscaling:DescribeAutoScalingGroups", "ec2:DescribeRegions");
        assertThat(policy).containsAll(FAKE.calls().iamActions());
        assertThat(FAKE.calls().iamActions()).containsExactly("autoscaling:DescribeAutoScalingGroups", "ec2:DescribeSubnets");
    }

    @Test
    void anUnansweredDetailCallFailsLoudlyAndIsReported() {
        assertThatThrownBy(() -> FAKE.client(DynamoDbClient.builder(), "810000000001", "eu-west-1")
                                     .describeContinuousBackups(b -> b.tableName("orders")))
            .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FakeAwsNoAnswer");
                assertThat(e.awsErrorDetails().errorMessage()).contains("DescribeContinuousBackups", "orders");
            });
        assertThat(FAKE.problems()).singleElement().asString().contains("no answer for dynamodb DescribeContinuousBackups");
    }

    @Test
    void answersThatDoNotFitTheModelAreRefusedAtRegistrationOrReported() {
        FakeRegion region = FAKE.account("810000000001").region("eu-west-1");

        assertThatThrownBy(() -> region.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetID", "s1"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no member 'SubnetID'")
            .hasMessageContaining("SubnetId");
        assertThatThrownBy(() -> region.items("ec2", "DescribeSubnets", List.of(Map.of("AvailableIpAddressCount", "many"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AvailableIpAddressCount");
        assertThatThrownBy(() -> region.items("dynamodb", "DescribeTable", List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a list operation");
        assertThatThrownBy(() -> region.items("ecs", "ListServices", "clusterArn", "x", List.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no input member 'clusterArn'");

        region.handler("dynamodb", "DescribeTable", in -> Map.of("Tabel", Map.of()));
        assertThatThrownBy(() -> FAKE.client(DynamoDbClient.builder(), "810000000001", "eu-west-1")
                                     .describeTable(b -> b.tableName("t")))
            .isInstanceOfSatisfying(DynamoDbException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FakeAwsBadAnswer"));
        assertThat(FAKE.problems()).singleElement().asString().contains("no member 'Tabel'");
    }

    @Test
    void requestsTheFakeCannotRouteAreAnsweredAndReported() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest unsigned = HttpRequest.newBuilder(FAKE.endpoint()).POST(HttpRequest.BodyPublishers.ofString("Action=X")).build();
        HttpRequest unknownTarget = HttpRequest.newBuilder(FAKE.endpoint())
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + FakeAws.accessKeyId("810000000001")
                                     + "/20240101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
            .header("X-Amz-Target", "DynamoDB_20120810.Frobnicate")
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpRequest unknownPath = HttpRequest.newBuilder(URI.create(FAKE.endpoint() + "/2015-03-31/nothing"))
            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + FakeAws.accessKeyId("810000000001")
                                     + "/20240101/eu-west-1/lambda/aws4_request, SignedHeaders=host, Signature=0")
            .GET().build();

        HttpResponse<String> noAuth = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noOperation = http.send(unknownTarget, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noRoute = http.send(unknownPath, HttpResponse.BodyHandlers.ofString());

        assertThat(noAuth.statusCode()).isEqualTo(403);
        assertThat(noAuth.body()).contains("<Code>MissingAuthenticationToken</Code>");
        assertThat(noOperation.statusCode()).isEqualTo(400);
        assertThat(noOperation.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(FAKE.problems()).hasSize(3);
        assertThat(FAKE.calls().calls()).extracting(Call::service, Call::operation).containsExactly(
            org.assertj.core.groups.Tuple.tuple("unknown", "unknown"),
            org.assertj.core.groups.Tuple.tuple("dynamodb", "Frobnicate"),
            org.assertj.core.groups.Tuple.tuple("lambda", "GET /2015-03-31/nothing"));
    }
}
