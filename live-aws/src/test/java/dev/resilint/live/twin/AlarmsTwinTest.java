package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudWatch alarms and dead-letter queues (OB02, OB03): dead-letter queues watched by a depth alarm
 * on their {@code QueueName} dimension (directly and through metric math), one watched only by
 * {@code NumberOfMessagesSent} (which does not count redriven messages) and one watched by nothing;
 * alarms with actions, one without actions that a composite alarm combines (by name and by ARN),
 * one with only {@code OKActions} and one with its actions disabled, and alarms without actions that a
 * Route 53 health check or an AppConfig environment's monitors act on. Written as a template and served
 * by the fake account, they get the same findings and OB02's messages. Where the health checks (read
 * once per account, in its global scope) or the environments cannot be read, the alarms OB02 would
 * report are not evaluated, naming the failed call, never reported; a health check names its alarm's
 * region, so one of a namesake elsewhere silences nothing.
 */
class AlarmsTwinTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-central-1";
    static final String SQS = "arn:aws:sqs:eu-central-1:222233334444:";
    static final String URL = "https://sqs.eu-central-1.amazonaws.com/222233334444/";
    static final String ALARM = "arn:aws:cloudwatch:eu-central-1:222233334444:alarm:";
    static final String PAGER = "arn:aws:sns:eu-central-1:222233334444:pager";
    static final String ROLE = "arn:aws:iam::222233334444:role/appconfig-monitor";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

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

    /**
     * Alarms without actions that something else acts on: a Route 53 health check (by {@code Ref}, which is
     * the alarm's name) and an AppConfig environment's monitors (by {@code Fn::GetAtt} of the ARN, and by
     * a literal ARN).
     */
    static final String CONSUMED_ALARMS = """
              OriginDown:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: origin-down
                  Namespace: AWS/EC2
                  MetricName: StatusCheckFailed
                  Statistic: Maximum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
              OriginHealth:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig:
                    Type: CLOUDWATCH_METRIC
                    InsufficientDataHealthStatus: LastKnownStatus
                    AlarmIdentifier: {Name: !Ref OriginDown, Region: eu-central-1}
              DeployErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: deploy-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
              FlagErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: flag-errors
                  Namespace: AWS/Lambda
                  MetricName: Throttles
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
              Checkout: {Type: AWS::AppConfig::Application, Properties: {Name: checkout}}
              Prod:
                Type: AWS::AppConfig::Environment
                Properties:
                  ApplicationId: !Ref Checkout
                  Name: prod
                  Monitors:
                    - {AlarmArn: !GetAtt DeployErrors.Arn, AlarmRoleArn: 'arn:aws:iam::222233334444:role/appconfig-monitor'}
                    - AlarmArn: arn:aws:cloudwatch:eu-central-1:222233334444:alarm:flag-errors
                      AlarmRoleArn: arn:aws:iam::222233334444:role/appconfig-monitor
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
        serve(eu, quiet, List.of());
    }

    /** {@link #serve(FakeRegion, boolean)} with {@code more} metric alarms. */
    static void serve(FakeRegion eu, boolean quiet, List<Map<String, Object>> more) {
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
        metricAlarms.addAll(more);
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
    void ob02FindsWhatTheTemplateFindsAndAnAlarmAHealthCheckOrAnAppConfigMonitorActsOnIsQuietOnBothSides() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu, true, serveConsumers(eu));
        Twin twin = twin(QUEUES + QUIET_ALARMS + CONSUMED_ALARMS).is("OriginDown", ALARM + "origin-down")
                .is("DeployErrors", ALARM + "deploy-errors").is("FlagErrors", ALARM + "flag-errors");

        Set<String> findings = twin.assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).filteredOn(f -> f.startsWith("OB")).containsExactly("OB02 CpuHigh", "OB02 Disabled",
                "OB03 BillingDlq", "OB03 MailDlq");
        assertThat(FAKE.calls().count("route53", "ListHealthChecks")).as("once, in the account's global scope")
                .isEqualTo(1);
        assertThat(FAKE.calls().calls(c -> c.operation().equals("ListHealthChecks")))
                .allSatisfy(c -> assertThat(c.region()).isEqualTo("us-east-1"));
        assertThat(FAKE.calls().count("appconfig", "ListEnvironments")).isEqualTo(1);
    }

    @Test
    void ob02sLiveMessagesAreTheTemplatesNamingTheAlarmByItsName() throws Exception {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu, true, serveConsumers(eu));
        Files.writeString(dir.resolve("alarms.yaml"), QUEUES + QUIET_ALARMS + CONSUMED_ALARMS);

        Results template = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("alarms.yaml")), dir, Config.defaults(), List.of()));
        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        // a template names the alarm by its logical id, a live scan by its name
        assertThat(messages(live)).containsOnlyKeys(ALARM + "cpu-high", ALARM + "disabled");
        assertThat(messages(live).values()).containsExactlyInAnyOrderElementsOf(messages(template).values().stream()
                .map(m -> m.replace("alarm CpuHigh ", "alarm cpu-high ").replace("alarm Disabled ", "alarm disabled "))
                .toList());
    }

    @Test
    void aHealthCheckOfAnAlarmOfTheSameNameInAnotherRegionDoesNotSilenceIt() {
        serve(FAKE.account(ACCOUNT).region(REGION), true);
        FAKE.account(ACCOUNT).region("us-east-1").items("route53", "ListHealthChecks", List.of(
                healthCheck("hc-west", "cpu-high", "us-west-2"), healthCheck("hc-here", "disabled", REGION)));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.notEvaluated()).isEmpty();
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("OB02"))
                .extracting(f -> f.location().subject()).containsExactly(ALARM + "cpu-high");
    }

    @Test
    void deniedListHealthChecksLeavesTheAlarmsOb02WouldReportNotEvaluatedInEveryRegionOfTheAccount() {
        serve(FAKE.account(ACCOUNT).region(REGION), true);
        serveWest();
        FAKE.inject(Fault.error(new AwsError("AccessDenied", 403, "not authorized to perform: route53:ListHealthChecks"))
                .on("route53", "ListHealthChecks"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION, "eu-west-1"));

        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("OB02"));
        // Route 53 is global: its gap is the account's, and lands in each region where an alarm would be reported
        assertThat(gaps(results)).containsExactly(
                ACCOUNT + "/eu-central-1 " + ALARM + "cpu-high AWS::Route53::HealthCheck ACCESS_DENIED",
                ACCOUNT + "/eu-central-1 " + ALARM + "disabled AWS::Route53::HealthCheck ACCESS_DENIED",
                ACCOUNT + "/eu-west-1 " + WEST + "west-quiet AWS::Route53::HealthCheck ACCESS_DENIED");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("OB02")).allSatisfy(n ->
                assertThat(n.detail()).contains("would be reported", "AWS::Route53::HealthCheck could not be read",
                        "ListHealthChecks: AccessDenied"));
        // alarms with actions are still judged, and OB03 is unaffected
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("OB03")).hasSize(2);
    }

    @Test
    void deniedListEnvironmentsLeavesTheAlarmsOb02WouldReportNotEvaluatedInThatRegionOnly() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        serve(eu, true);
        serveWest();
        eu.items("appconfig", "ListApplications", List.of(Map.of("Id", "app1", "Name", "checkout")))
                .fail("appconfig", "ListEnvironments", "ApplicationId", "app1",
                        new AwsError("AccessDeniedException", 403, "no"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION, "eu-west-1"));

        assertThat(gaps(results)).containsExactly(
                ACCOUNT + "/eu-central-1 " + ALARM + "cpu-high AWS::AppConfig::Environment ACCESS_DENIED",
                ACCOUNT + "/eu-central-1 " + ALARM + "disabled AWS::AppConfig::Environment ACCESS_DENIED");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("OB02")).allSatisfy(n ->
                assertThat(n.detail()).contains("ListEnvironments: AccessDeniedException"));
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("OB02"))
                .extracting(f -> f.location().subject()).containsExactly(WEST + "west-quiet");
    }

    /** OB02's gaps as {@code scope alarm type reason} lines. */
    static Set<String> gaps(Results results) {
        Set<String> gaps = new TreeSet<>();
        results.notEvaluated().stream().filter(n -> n.ruleId().equals("OB02"))
                .forEach(n -> gaps.add(n.scope() + " " + n.subject() + " " + n.resourceType() + " " + n.reason()));
        return gaps;
    }

    /** OB02's messages by the resource each is about. */
    static Map<String, String> messages(Results results) {
        Map<String, String> messages = new java.util.TreeMap<>();
        results.findings().stream().filter(f -> f.ruleId().equals("OB02"))
                .forEach(f -> messages.put(f.location().subject(), f.message()));
        return messages;
    }

    /** A health check of a CloudWatch alarm, as {@code ListHealthChecks} returns it. */
    static Map<String, Object> healthCheck(String id, String alarm, String region) {
        return Map.of("Id", id, "CallerReference", "ref-" + id, "HealthCheckVersion", 1, "HealthCheckConfig",
                Map.of("Type", "CLOUDWATCH_METRIC", "InsufficientDataHealthStatus", "LastKnownStatus",
                        "AlarmIdentifier", Map.of("Name", alarm, "Region", region)));
    }

    /**
     * The consumers of {@link #CONSUMED_ALARMS} as the account serves them: a health check (in the global
     * scope) and an AppConfig environment; returns the alarms they act on.
     */
    static List<Map<String, Object>> serveConsumers(FakeRegion eu) {
        FAKE.account(ACCOUNT).region("us-east-1").items("route53", "ListHealthChecks",
                List.of(healthCheck("hc-origin", "origin-down", REGION)));
        eu.items("appconfig", "ListApplications", List.of(Map.of("Id", "app1", "Name", "checkout")));
        eu.items("appconfig", "ListEnvironments", "ApplicationId", "app1", List.of(Map.of("ApplicationId", "app1",
                "Id", "env1", "Name", "prod", "Monitors", List.of(Map.of("AlarmArn", ALARM + "deploy-errors",
                        "AlarmRoleArn", ROLE), Map.of("AlarmArn", ALARM + "flag-errors", "AlarmRoleArn", ROLE)))));
        return List.of(
                alarm("origin-down", "AWS/EC2", "StatusCheckFailed", Map.of("AlarmActions", List.of())),
                alarm("deploy-errors", "AWS/Lambda", "Errors", Map.of("AlarmActions", List.of())),
                alarm("flag-errors", "AWS/Lambda", "Throttles", Map.of("AlarmActions", List.of())));
    }

    static final String WEST = "arn:aws:cloudwatch:eu-west-1:222233334444:alarm:";

    /** eu-west-1: one alarm without actions and nothing acting on it. */
    static void serveWest() {
        FAKE.account(ACCOUNT).region("eu-west-1").handler("cloudwatch", "DescribeAlarms", in ->
                in.get("AlarmTypes").equals(List.of("CompositeAlarm")) ? Map.of("CompositeAlarms", List.of())
                        : Map.of("MetricAlarms", List.of(Map.of("AlarmName", "west-quiet", "AlarmArn", WEST + "west-quiet",
                                "ActionsEnabled", true, "AlarmActions", List.of(), "Namespace", "AWS/EC2",
                                "MetricName", "CPUUtilization", "EvaluationPeriods", 1, "Threshold", 90,
                                "ComparisonOperator", "GreaterThanThreshold"))));
    }
}
