package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.cloudwatch.AlarmMapper;
import dev.resilint.live.map.cloudwatch.CompositeAlarmMapper;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudWatchCollectorTest {

    static final String ACCOUNT = "333344445555";
    static final String REGION = "us-west-2";
    static final String ALARM = "arn:aws:cloudwatch:us-west-2:333344445555:alarm:";
    static final String PAGER = "arn:aws:sns:us-west-2:333344445555:pager";
    static final String QUEUE = "arn:aws:sqs:us-west-2:333344445555:";
    static final String URL = "https://sqs.us-west-2.amazonaws.com/333344445555/";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** Three metric alarms (pages of 2) and a composite alarm over two of them. */
    static FakeRegion serve() {
        FakeRegion us = FAKE.account(ACCOUNT).region(REGION);
        us.items("cloudwatch", "DescribeAlarms", List.of(
                Map.of("AlarmName", "dlq-depth", "AlarmArn", ALARM + "dlq-depth", "ActionsEnabled", true,
                        "AlarmActions", List.of(PAGER), "OKActions", List.of(), "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                        "Dimensions", List.of(Map.of("Name", "QueueName", "Value", "orders-dlq")),
                        "Statistic", "Maximum", "Period", 60),
                Map.of("AlarmName", "cpu", "AlarmArn", ALARM + "cpu", "ActionsEnabled", false,
                        "AlarmActions", List.of(), "OKActions", List.of(PAGER), "Namespace", "AWS/EC2",
                        "MetricName", "CPUUtilization"),
                Map.of("AlarmName", "math", "AlarmArn", ALARM + "math", "ActionsEnabled", true,
                        "Metrics", List.of(Map.of("Id", "m1", "ReturnData", false, "MetricStat", Map.of(
                                "Period", 60, "Stat", "Maximum", "Metric", Map.of("Namespace", "AWS/SQS",
                                        "MetricName", "ApproximateAgeOfOldestMessage", "Dimensions",
                                        List.of(Map.of("Name", "QueueName", "Value", "orders-dlq"))))),
                                Map.of("Id", "e1", "Expression", "m1 / 60")))));
        return us;
    }

    @Test
    void readsMetricAlarmsOverPagesCloudFormationShaped() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new CloudWatchCollector(), ACCOUNT, REGION, false, AlarmMapper.TYPE);

        assertThat(run.arns()).containsExactly(ALARM + "cpu", ALARM + "dlq-depth", ALARM + "math");
        String depth = PropsText.of(run.resource(ALARM + "dlq-depth").properties());
        assertThat(depth).contains("AlarmName: \"dlq-depth\"", "ActionsEnabled: true",
                "AlarmActions: [\"" + PAGER + "\"]", "Namespace: \"AWS/SQS\"",
                "Dimensions: [{Name: \"QueueName\", Value: \"orders-dlq\"}]")
                // an empty action list is left out, as a template that does not set it
                .doesNotContain("OKActions");
        assertThat(PropsText.of(run.resource(ALARM + "cpu").properties()))
                .contains("ActionsEnabled: false", "OKActions: [\"" + PAGER + "\"]").doesNotContain("AlarmActions");
        assertThat(PropsText.of(PropsText.at(run.resource(ALARM + "math").properties(), "Metrics")))
                .contains("MetricStat: {Metric: {Namespace: \"AWS/SQS\", MetricName: \"ApproximateAgeOfOldestMessage\", "
                        + "Dimensions: [{Name: \"QueueName\", Value: \"orders-dlq\"}]}")
                .contains("Expression: \"m1 / 60\"");
        assertThat(run.completeness().get(AlarmMapper.TYPE)).isEmpty();
        // only metric alarms were wanted: one paged call for them, none for composite alarms
        assertThat(FAKE.calls().count("cloudwatch", "DescribeAlarms")).isEqualTo(2);
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void readsCompositeAlarmsWithTheirRule() {
        FAKE.account(ACCOUNT).region(REGION).handler("cloudwatch", "DescribeAlarms",
                in -> in.get("AlarmTypes").equals(List.of("CompositeAlarm"))
                        ? Map.of("CompositeAlarms", List.of(Map.of("AlarmName", "orders", "AlarmArn", ALARM + "orders",
                                "ActionsEnabled", true, "AlarmActions", List.of(PAGER),
                                "AlarmRule", "ALARM(\"dlq-depth\") OR ALARM(\"cpu\")")))
                        : Map.of("MetricAlarms", List.of()));

        ScanOfOne run = ScanOfOne.of(FAKE, new CloudWatchCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources(CompositeAlarmMapper.TYPE)).singleElement().satisfies(c -> {
            assertThat(c.arn()).isEqualTo(ALARM + "orders");
            assertThat(PropsText.of(c.properties())).contains("AlarmRule: \"ALARM(\"dlq-depth\") OR ALARM(\"cpu\")\"",
                    "AlarmActions: [\"" + PAGER + "\"]");
        });
        assertThat(run.completeness()).containsEntry(AlarmMapper.TYPE, java.util.Optional.empty())
                .containsEntry(CompositeAlarmMapper.TYPE, java.util.Optional.empty());
    }

    @Test
    void accessDeniedOnDescribeAlarmsLeavesBothAlarmTypesNotEvaluatedAndNeverPassesADeadLetterQueue() {
        serve();
        FakeRegion us = FAKE.account(ACCOUNT).region(REGION);
        us.items("sqs", "ListQueues", List.of(URL + "orders", URL + "orders-dlq"))
                .answer("sqs", "GetQueueAttributes", "QueueUrl", URL + "orders", Map.of("Attributes", Map.of(
                        "QueueArn", QUEUE + "orders", "VisibilityTimeout", "30",
                        "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + QUEUE + "orders-dlq\",\"maxReceiveCount\":5}")))
                .answer("sqs", "GetQueueAttributes", "QueueUrl", URL + "orders-dlq", Map.of("Attributes", Map.of(
                        "QueueArn", QUEUE + "orders-dlq", "VisibilityTimeout", "30")));
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "User: arn:aws:sts::333344445555:assumed-role/scan "
                + "is not authorized to perform: cloudwatch:DescribeAlarms")).on("cloudwatch", "DescribeAlarms"));

        ScanOfOne run = ScanOfOne.of(FAKE, new CloudWatchCollector(), ACCOUNT, REGION, false);
        assertThat(run.resources()).isEmpty();
        for (String type : List.of(AlarmMapper.TYPE, CompositeAlarmMapper.TYPE)) {
            assertThat(run.completeness().get(type)).as(type).hasValueSatisfying(g -> {
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
                assertThat(g.detail()).contains("DescribeAlarms");
            });
        }

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.notEvaluated(results)).contains(
                "OB02 AWS::CloudWatch::Alarm * ACCESS_DENIED", "OB02 AWS::CloudWatch::CompositeAlarm * ACCESS_DENIED",
                "OB03 AWS::CloudWatch::Alarm * ACCESS_DENIED");
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("OB0"));
    }
}
