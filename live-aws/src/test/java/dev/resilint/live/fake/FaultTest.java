package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Injected faults as the SDK meets them: retried throttling, 5xx, malformed bodies, looping tokens, latency, hangs. */
class FaultTest {
    private static final String ACCOUNT = "666666666666";
    private static final String REGION = "eu-west-3";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private record Probe(String service, String operation, String code, Consumer<FakeAws> call) {
    }

    @Test
    void throttlingInEachProtocolIsRetriedByTheSdk() {
        List<Probe> probes = List.of(
            new Probe("ec2", "DescribeSubnets", "RequestLimitExceeded",
                      f -> f.client(Ec2Client.builder(), ACCOUNT, REGION).describeSubnets()),
            new Probe("autoscaling", "DescribeAutoScalingGroups", "Throttling",
                      f -> f.client(AutoScalingClient.builder(), ACCOUNT, REGION).describeAutoScalingGroups()),
            new Probe("dynamodb", "ListTables", "ThrottlingException",
                      f -> f.client(DynamoDbClient.builder(), ACCOUNT, REGION).listTables()),
            new Probe("sqs", "ListQueues", "RequestThrottled",
                      f -> f.client(SqsClient.builder(), ACCOUNT, REGION).listQueues()),
            new Probe("lambda", "ListFunctions", "TooManyRequestsException",
                      f -> f.client(LambdaClient.builder(), ACCOUNT, REGION).listFunctions()),
            new Probe("cloudfront", "ListDistributions", "Throttling",
                      f -> f.client(CloudFrontClient.builder(), ACCOUNT, "us-east-1").listDistributions()));
        for (Probe probe : probes) {
            Fault fault = FAKE.inject(Fault.throttle().on(probe.service(), probe.operation()).times(2));

            probe.call().accept(FAKE);

            assertThat(fault.fired()).as(probe.service()).isEqualTo(2);
            assertThat(FAKE.calls().calls(c -> c.service().equals(probe.service())))
                .as(probe.service()).extracting(Call::errorCode).containsExactly(probe.code(), probe.code(), null);
        }
    }

    @Test
    void throttlingPastTheAttemptsSurfacesAsAThrottlingException() {
        FAKE.inject(Fault.throttle().on("ec2"));

        assertThatThrownBy(() -> FAKE.client(Ec2Client.builder(), ACCOUNT, REGION).describeInstances())
            .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
                assertThat(e.statusCode()).isEqualTo(503);
            });
        assertThat(FAKE.calls().count("ec2", "DescribeInstances")).isEqualTo(3);
    }

    @Test
    void aSeededFractionThrottlesTheSameCallsEveryRun() {
        Fault fault = FAKE.inject(Fault.throttle(0.5, 7).on("sts", "GetCallerIdentity"));
        StsClient sts = FAKE.configure(StsClient.builder(), FakeAws.credentials(ACCOUNT), REGION)
                            .overrideConfiguration(o -> o.retryStrategy(FakeClients.retryStrategy(20))).build();
        Random replay = new Random(7);
        int expectedThrottles = 0;
        for (int call = 0; call < 20; call++) {
            while (replay.nextDouble() < 0.5) {
                expectedThrottles++;
            }
        }

        for (int call = 0; call < 20; call++) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(ACCOUNT);
        }

        assertThat(expectedThrottles).isPositive();
        assertThat(fault.fired()).isEqualTo(expectedThrottles);
        assertThat(FAKE.calls().count("sts", "GetCallerIdentity")).isEqualTo(20 + expectedThrottles);
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsAreNot() {
        FAKE.inject(Fault.error("InternalFailure", 500).on("rds").times(1));
        FAKE.inject(Fault.error("ServiceUnavailable", 503).on("rds").times(1));
        FAKE.inject(Fault.error("AccessDenied", 403).on("autoscaling"));

        FAKE.client(RdsClient.builder(), ACCOUNT, REGION).describeDBInstances();
        assertThatThrownBy(() -> FAKE.client(AutoScalingClient.builder(), ACCOUNT, REGION).describeAutoScalingGroups())
            .isInstanceOf(AwsServiceException.class);

        assertThat(FAKE.calls().count("rds", "DescribeDBInstances")).isEqualTo(3);
        assertThat(FAKE.calls().count("autoscaling", "DescribeAutoScalingGroups")).isEqualTo(1);
    }

    @Test
    void faultsApplyOnlyInTheirScope() {
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).account("777777777777").region(REGION));

        FAKE.client(Ec2Client.builder(), ACCOUNT, REGION).describeSubnets();
        FAKE.client(Ec2Client.builder(), "777777777777", "eu-west-1").describeSubnets();
        assertThatThrownBy(() -> FAKE.client(Ec2Client.builder(), "777777777777", REGION).describeSubnets())
            .isInstanceOf(AwsServiceException.class);
    }

    @Test
    void aMalformedBodyIsAClientSideFailureNotAServiceError() {
        FAKE.inject(Fault.malformedBody().on("ec2"));
        FAKE.inject(Fault.malformedBody().on("dynamodb"));

        assertThatThrownBy(() -> FAKE.client(Ec2Client.builder(), ACCOUNT, REGION).describeSubnets())
            .isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> FAKE.client(DynamoDbClient.builder(), ACCOUNT, REGION).listTables())
            .isInstanceOf(SdkClientException.class);
    }

    @Test
    void aRepeatingTokenMakesTheSdkPaginatorLoop() {
        List<Map<String, Object>> subnets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            subnets.add(Map.of("SubnetId", "subnet-" + i));
        }
        FAKE.account(ACCOUNT).region(REGION).items("ec2", "DescribeSubnets", subnets);
        FAKE.inject(Fault.repeatingToken().on("ec2", "DescribeSubnets"));

        List<DescribeSubnetsResponse> pages = FAKE.client(Ec2Client.builder(), ACCOUNT, REGION)
                                                  .describeSubnetsPaginator().stream().limit(6).toList();

        assertThat(pages).hasSize(6);
        assertThat(pages.subList(1, 6)).allSatisfy(p -> assertThat(p.nextToken()).isEqualTo(pages.get(0).nextToken()));
        assertThat(pages.get(5).subnets()).extracting(s -> s.subnetId()).containsExactly("subnet-3", "subnet-4");
    }

    @Test
    void latencyDelaysEachCall() {
        FAKE.inject(Fault.latency(Duration.ofMillis(150)).on("sts"));
        StsClient sts = FAKE.client(StsClient.builder(), ACCOUNT, REGION);

        long start = System.nanoTime();
        sts.getCallerIdentity();
        sts.getCallerIdentity();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aHangingCallEndsByTheClientTimeoutAndLeavesNoThreadBehind() {
        FakeAws fake = FakeAws.start();
        try {
            fake.inject(Fault.hang().on("rds"));
            RdsClient rds = fake.configure(RdsClient.builder(), FakeAws.credentials(ACCOUNT), REGION)
                                .overrideConfiguration(o -> o.retryStrategy(FakeClients.retryStrategy(1))
                                                             .apiCallAttemptTimeout(Duration.ofMillis(300)))
                                .build();
            long start = System.nanoTime();

            assertThatThrownBy(rds::describeDBInstances).isInstanceOf(SdkException.class);

            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
            assertThat(fake.calls().calls()).singleElement().satisfies(c -> assertThat(c.errorCode()).isEqualTo("hang"));
            assertThat(liveThreads(fake)).isNotEmpty();
        } finally {
            fake.close();
        }
        assertThat(liveThreads(fake)).isEmpty();
    }

    private static List<Thread> liveThreads(FakeAws fake) {
        return Thread.getAllStackTraces().keySet().stream()
                     .filter(t -> t.getName().startsWith(fake.threadNamePrefix()) && t.isAlive()).toList();
    }
}
