package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.live.Collectors;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudWatch alarms and dead-letter queues (OB02, OB03): dead-letter queues watched by a depth alarm
 * on their {@code QueueName} dimension (directly and through metric math), one watched only by
 * {@code NumberOfMessagesSent} (which does not count redriven messages) and one watched by nothing;
 * alarms with actions, one without actions that a composite alarm combines (by name and by ARN),
 * one with only {@code OKActions} and one with its actions disabled. Written as a template and served
 * by the fake account, they get the same findings; OB02's findings only where the scan can read the
 * consumers that would silence them (Route 53 health checks and AppConfig environments, which the live
 * scan does not read: there the alarms are not evaluated, never reported).
 */
class AlarmsTwinTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-central-1";
    static final String SQS = "arn:aws:sqs:eu-central-1:222233334444:";
    static final String URL = "https://sqs.eu-central-1.amazonaws.com/222233334444/";
    static final String ALARM = "arn:aws:cloudwatch:eu-central-1:222233334444:alarm:";
    static final String PAGER = "arn:aws:sns:eu-central-1:222233334444:pager";

    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    static final String QUEUES = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: orders
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
              OrdersDlq: {Type: AWS::SQS::Queue, Properties: {QueueName: orders-dlq}}
              Audit:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: audit
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt AuditDlq.Arn, maxReceiveCount: 5}
              AuditDlq: {Type: AWS::SQS::Queue, Properties: {QueueName: audit-dlq}}
              Billing:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: billing
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt BillingDlq.Arn, maxReceiveCount: 5}
              BillingDlq: {Type: AWS::SQS::Queue, Properties: {QueueName: billing-dlq}}
              Mail:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: mail
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt MailDlq.Arn, maxReceiveCount: 5}
              MailDlq: {Type: AWS::SQS::Queue, Properties: {QueueName: mail-dlq}}
              OrdersDlqDepth:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: orders-dlq-depth
                  Namespace: AWS/SQS
                  MetricName: ApproximateNumberOfMessagesVisible
                  Dimensions: [{Name: QueueName, Value: !GetAtt OrdersDlq.QueueName}]
                  Statistic: Maximum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  AlarmActions: [arn:aws:sns:eu-central-1:222233334444:pager]
              AuditDlqAge:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: audit-dlq-age
                  EvaluationPeriods: 1
                  Threshold: 5
                  ComparisonOperator: GreaterThanThreshold
                  AlarmActions: [arn:aws:sns:eu-central-1:222233334444:pager]
                  Metrics:
                    - Id: m1
                      ReturnData: false
                      MetricStat:
                        Metric:
                          Namespace: AWS/SQS
                          MetricName: ApproximateAgeOfOldestMessage
                          Dimensions: [{Name: QueueName, Value: !GetAtt AuditDlq.QueueName}]
                        Period: 60
                        Stat: Maximum
                    - {Id: e1, Expression: m1 / 60, ReturnData: true}
              BillingDlqSent:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: billing-dlq-sent
                  Namespace: AWS/SQS
                  MetricName: NumberOfMessagesSent
                  Dimensions: [{Name: QueueName, Value: billing-dlq}]
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  AlarmActions: [arn:aws:sns:eu-central-1:222233334444:pager]
              ApiErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-errors
                  Namespace: AWS/ApiGateway
                  MetricName: 5XXError
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanThreshold
              ApiLatency:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-latency
                  Namespace: AWS/ApiGateway
                  MetricName: Latency
                  Statistic: Average
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1000
                  ComparisonOperator: GreaterThanThreshold
              Api:
                Type: AWS::CloudWatch::CompositeAlarm
                Properties:
                  AlarmName: api
                  AlarmRule: !Sub 'ALARM("${ApiErrors}") OR ALARM(${ApiLatency.Arn})'
                  AlarmActions: [arn:aws:sns:eu-central-1:222233334444:pager]
            """;

    /** OB02's cases: an alarm with only OKActions, and one with its actions disabled. */
    static final String QUIET_ALARMS = """
              CpuHigh:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: cpu-high
                  Namespace: AWS/EC2
                  MetricName: CPUUtilization
                  Statistic: Average
                  Period: 300
                  EvaluationPeriods: 2
                  Threshold: 90
                  ComparisonOperator: GreaterThanThreshold
                  OKActions: [arn:aws:sns:eu-central-1:222233334444:pager]
              Disabled:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: disabled
                  Namespace: AWS/EC2
                  MetricName: StatusCheckFailed
                  Statistic: Maximum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  ActionsEnabled: false
                  AlarmActions: [arn:aws:sns:eu-central-1:222233334444:pager]
            """;

    static Map<String, Object> alarm(String name, String namespace, String metric, Map<String, Object> more) {
        Map<String, Object> a = new LinkedHashMap<>(Map.of("AlarmName", name, "AlarmArn", ALARM + name,
                "ActionsEnabled", true, "AlarmActions", List.of(PAGER), "OKActions", List.of(),
                "InsufficientDataActions", List.of(), "Namespace", namespace, "MetricName", metric));
        a.putAll(Map.of("EvaluationPeriods", 1, "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold"));
        a.putAll(more);
        return a;
    }

    static Map<String, Object> queueName(String queue) {
        return Map.of("Name", "QueueName", "Value", queue);
    }

    /** The same resources as the account serves them; with {@code quiet}, OB02's two cases too. */
    static void serve(FakeRegion eu, boolean quiet) {
        Map<String, String> queues = new LinkedHashMap<>();
        for (String q : List.of("orders", "audit", "billing", "mail")) {
            queues.put(q, "{\"deadLetterTargetArn\":\"" + SQS + q + "-dlq\",\"maxReceiveCount\":5}");
            queues.put(q + "-dlq", null);
        }
        List<String> urls = new ArrayList<>();
        queues.forEach((name, redrive) -> {
            urls.add(URL + name);
            Map<String, String> attributes = new LinkedHashMap<>(Map.of("QueueArn", SQS + name,
                    "VisibilityTimeout", "30", "MessageRetentionPeriod", "345600", "DelaySeconds", "0"));
            if (redrive != null) {
                attributes.put("RedrivePolicy", redrive);
            }
            eu.answer("sqs", "GetQueueAttributes", "QueueUrl", URL + name, Map.of("Attributes", attributes));
        });
        eu.items("sqs", "ListQueues", urls);

        List<Map<String, Object>> metricAlarms = new ArrayList<>(List.of(
                alarm("orders-dlq-depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of(
                        "Dimensions", List.of(queueName("orders-dlq")), "Statistic", "Maximum", "Period", 60)),
                alarm("audit-dlq-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", Map.of()),
                alarm("billing-dlq-sent", "AWS/SQS", "NumberOfMessagesSent", Map.of(
                        "Dimensions", List.of(queueName("billing-dlq")), "Statistic", "Sum", "Period", 60)),
                alarm("api-errors", "AWS/ApiGateway", "5XXError", Map.of("AlarmActions", List.of())),
                alarm("api-latency", "AWS/ApiGateway", "Latency", Map.of("AlarmActions", List.of()))));
        // a metric math alarm has no metric of its own: its metrics are the queries
        Map<String, Object> math = metricAlarms.get(1);
        math.remove("Namespace");
        math.remove("MetricName");
        math.put("Metrics", List.of(Map.of("Id", "m1", "ReturnData", false, "MetricStat", Map.of("Period", 60,
                "Stat", "Maximum", "Metric", Map.of("Namespace", "AWS/SQS", "MetricName", "ApproximateAgeOfOldestMessage",
                        "Dimensions", List.of(queueName("audit-dlq"))))),
                Map.of("Id", "e1", "Expression", "m1 / 60", "ReturnData", true)));
        if (quiet) {
            metricAlarms.add(alarm("cpu-high", "AWS/EC2", "CPUUtilization", Map.of("AlarmActions", List.of(),
                    "OKActions", List.of(PAGER))));
            metricAlarms.add(alarm("disabled", "AWS/EC2", "StatusCheckFailed", Map.of("ActionsEnabled", false)));
        }
        List<Map<String, Object>> composite = List.of(Map.of("AlarmName", "api", "AlarmArn", ALARM + "api",
                "ActionsEnabled", true, "AlarmActions", List.of(PAGER), "OKActions", List.of(),
                "InsufficientDataActions", List.of(),
                "AlarmRule", "ALARM(\"api-errors\") OR ALARM(" + ALARM + "api-latency)"));
        eu.handler("cloudwatch", "DescribeAlarms", in -> in.get("AlarmTypes").equals(List.of("CompositeAlarm"))
                ? Map.of("CompositeAlarms", composite) : Map.of("MetricAlarms", metricAlarms));
    }

    static Twin twin(String template) {
        Twin twin = Twin.of(template);
        for (String[] q : new String[][] {{"OrdersDlq", "orders-dlq"}, {"AuditDlq", "audit-dlq"},
                {"BillingDlq", "billing-dlq"}, {"MailDlq", "mail-dlq"}}) {
            twin.is(q[0], SQS + q[1]);
        }
        return twin.is("CpuHigh", ALARM + "cpu-high").is("Disabled", ALARM + "disabled")
                .is("ApiErrors", ALARM + "api-errors").is("ApiLatency", ALARM + "api-latency");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION), false);

        Set<String> findings = twin(QUEUES).assertSame(dir, FAKE, ACCOUNT, REGION);

        // billing-dlq's alarm counts messages sent, which redriven messages are not; mail-dlq has none
        assertThat(findings).filteredOn(f -> f.startsWith("OB")).containsExactly("OB03 BillingDlq", "OB03 MailDlq");
        assertThat(FAKE.calls().count("cloudwatch", "DescribeAlarms")).isEqualTo(2);
    }

    @Test
    void whereTheConsumersAreReadOb02FindsWhatTheTemplateFinds() {
        serve(FAKE.account(ACCOUNT).region(REGION), true);
        Twin twin = twin(QUEUES + QUIET_ALARMS);

        Set<String> expected = twin.templateFindings(dir);
        List<Collector> collectors = Stream.concat(Collectors.all().stream(), Stream.of(new ConsumersRead())).toList();
        Set<String> actual = twin.liveFindings(Scans.run(Scans.caller(FAKE, ACCOUNT, REGION), Config.defaults(),
                collectors));

        assertThat(actual).isEqualTo(expected);
        assertThat(actual).filteredOn(f -> f.startsWith("OB")).containsExactly("OB02 CpuHigh", "OB02 Disabled",
                "OB03 BillingDlq", "OB03 MailDlq");
    }

    @Test
    void whereTheConsumersCannotBeReadOb02ReportsNothingAndLeavesTheAlarmsItWouldReportNotEvaluated() {
        serve(FAKE.account(ACCOUNT).region(REGION), true);

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("OB02"));
        Set<String> gaps = new TreeSet<>();
        results.notEvaluated().stream().filter(n -> n.ruleId().equals("OB02"))
                .forEach(n -> gaps.add(n.resourceType() + " " + n.subject() + " " + n.reason()));
        assertThat(gaps).containsExactly("AWS::Route53::HealthCheck " + ALARM + "cpu-high UNSUPPORTED",
                "AWS::Route53::HealthCheck " + ALARM + "disabled UNSUPPORTED");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("OB02")).allSatisfy(n ->
                assertThat(n.detail()).contains("AWS::Route53::HealthCheck").contains("AWS::AppConfig::Environment"));
        // one line per alarm, naming the first unread consumer type; OB03 is unaffected
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("OB03")).hasSize(2);
    }

    /**
     * A stand-in for collectors of Route 53 health checks and AppConfig environments, which the live scan
     * does not have: the types read in full, with none in the account.
     */
    static final class ConsumersRead implements Collector {
        @Override
        public String service() {
            return "route53";
        }

        @Override
        public List<String> types() {
            return List.of("AWS::Route53::HealthCheck", "AWS::AppConfig::Environment");
        }

        @Override
        public List<String> actions() {
            return List.of();
        }

        @Override
        public void collect(ScopeReader in) {
            in.read(types(), () -> { });
        }
    }
}
