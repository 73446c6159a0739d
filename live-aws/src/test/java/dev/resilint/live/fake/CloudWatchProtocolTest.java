package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * CloudWatch as the SDK 2.40.2 speaks it: the AWS query protocol (botocore now lists
 * {@code smithy-rpc-v2-cbor} first, but the Java client of 2.40.2 marshals with
 * {@code AwsQueryProtocolFactory}), signed for {@code monitoring} and authorised as
 * {@code cloudwatch:}; {@code DescribeAlarms} pages metric alarms by {@code NextToken} with their
 * dimensions and metric math, answers composite alarms in their own list, and errors in
 * {@code <ErrorResponse>}.
 */
class CloudWatchProtocolTest {
    private static final String ACCOUNT = "777766665555";
    private static final String REGION = "ap-southeast-2";
    private static final String ARN = "arn:aws:cloudwatch:ap-southeast-2:777766665555:alarm:";
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
    void describeAlarmsPagesMetricAlarmsWithDimensionsAndMetricMath() {
        List<Map<String, Object>> alarms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            alarms.add(Map.of("AlarmName", "depth-" + i, "AlarmArn", ARN + "depth-" + i, "ActionsEnabled", true,
                    "AlarmActions", List.of("arn:aws:sns:ap-southeast-2:777766665555:pager"), "OKActions", List.of(),
                    "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                    "Dimensions", List.of(Map.of("Name", "QueueName", "Value", "dlq-" + i)), "Threshold", 0.5));
        }
        alarms.add(Map.of("AlarmName", "math", "AlarmArn", ARN + "math", "ActionsEnabled", false,
                "Metrics", List.of(Map.of("Id", "m1", "ReturnData", false, "MetricStat", Map.of("Period", 60,
                        "Stat", "Maximum", "Metric", Map.of("Namespace", "AWS/SQS",
                                "MetricName", "ApproximateAgeOfOldestMessage",
                                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", "dlq-4"))))),
                        Map.of("Id", "e1", "Expression", "m1 / 60", "ReturnData", true))));
        region().items("cloudwatch", "DescribeAlarms", alarms);
        CloudWatchClient cloudwatch = FAKE.client(CloudWatchClient.builder(), ACCOUNT, REGION);

        List<DescribeAlarmsResponse> pages = cloudwatch.describeAlarmsPaginator(
                r -> r.alarmTypes(AlarmType.METRIC_ALARM).maxRecords(100)).stream().toList();

        assertThat(pages).hasSize(2);
        List<MetricAlarm> read = pages.stream().flatMap(p -> p.metricAlarms().stream()).toList();
        assertThat(read).extracting(MetricAlarm::alarmName).containsExactly("depth-1", "depth-2", "depth-3", "math");
        assertThat(read.get(0).alarmActions()).containsExactly("arn:aws:sns:ap-southeast-2:777766665555:pager");
        assertThat(read.get(0).okActions()).isEmpty();
        assertThat(read.get(0).threshold()).isEqualTo(0.5);
        assertThat(read.get(0).dimensions()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("QueueName");
            assertThat(d.value()).isEqualTo("dlq-1");
        });
        MetricAlarm math = read.get(3);
        assertThat(math.actionsEnabled()).isFalse();
        assertThat(math.metrics()).hasSize(2);
        assertThat(math.metrics().get(0).metricStat().metric().dimensions().get(0).value()).isEqualTo("dlq-4");
        assertThat(math.metrics().get(0).metricStat().stat()).isEqualTo("Maximum");
        assertThat(math.metrics().get(1).expression()).isEqualTo("m1 / 60");
        assertThat(FAKE.calls().count("cloudwatch", "DescribeAlarms")).isEqualTo(2);
        assertThat(FAKE.calls().iamActions()).containsExactly("cloudwatch:DescribeAlarms");
    }

    @Test
    void compositeAlarmsComeInTheirOwnListWhenAskedFor() {
        region().handler("cloudwatch", "DescribeAlarms", in -> {
            assertThat(in.get("AlarmTypes")).isEqualTo(List.of("CompositeAlarm"));
            return Map.of("CompositeAlarms", List.of(Map.of("AlarmName", "orders", "AlarmArn", ARN + "orders",
                    "AlarmRule", "ALARM(\"depth-1\") OR ALARM(" + ARN + "depth-2)", "ActionsEnabled", true,
                    "AlarmActions", List.of("arn:aws:sns:ap-southeast-2:777766665555:pager"))));
        });
        CloudWatchClient cloudwatch = FAKE.client(CloudWatchClient.builder(), ACCOUNT, REGION);

        DescribeAlarmsResponse response = cloudwatch.describeAlarms(r -> r.alarmTypes(AlarmType.COMPOSITE_ALARM));

        assertThat(response.metricAlarms()).isEmpty();
        assertThat(response.compositeAlarms()).singleElement().satisfies(c -> {
            assertThat(c.alarmRule()).isEqualTo("ALARM(\"depth-1\") OR ALARM(" + ARN + "depth-2)");
            assertThat(c.alarmActions()).hasSize(1);
        });
    }

    @Test
    void accessDeniedAndThrottlingAreQueryErrors() {
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "User is not authorized to perform: "
                + "cloudwatch:DescribeAlarms")).on("cloudwatch", "DescribeAlarms"));
        CloudWatchClient cloudwatch = FAKE.client(CloudWatchClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(cloudwatch::describeAlarms).isInstanceOfSatisfying(CloudWatchException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
        });

        FAKE.reset();
        FAKE.inject(Fault.throttle().on("cloudwatch", "DescribeAlarms"));
        CloudWatchClient throttled = FAKE.client(CloudWatchClient.builder(), ACCOUNT, REGION);
        assertThatThrownBy(throttled::describeAlarms).isInstanceOfSatisfying(CloudWatchException.class,
                e -> assertThat(e.isThrottlingException()).isTrue());
    }
}
