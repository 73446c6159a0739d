package dev.resilint.infra.rules.ob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterQueueWithoutAlarmTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              DlqName: {Type: String}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new DeadLetterQueueWithoutAlarm(), HEAD + resources.indent(2));
    }

    private static String alarm(String metric, String dimensionValue) {
        return """
                Depth:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    Namespace: AWS/SQS
                    MetricName: %s
                    Dimensions: [{Name: QueueName, Value: %s}]
                    Statistic: Maximum
                    Period: 60
                    EvaluationPeriods: 1
                    Threshold: 0
                    ComparisonOperator: GreaterThanThreshold
                """.formatted(metric, dimensionValue);
    }

    @Test
    void firesOnADeadLetterQueueWithoutAlarmAndPointsAtTheQueue() {
        List<Finding> findings = check("Dlq: {Type: AWS::SQS::Queue}  # expect OB03\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("OB03");
            assertThat(f.message()).isEqualTo("SQS queue Dlq is a dead-letter queue (of Orders) but no CloudWatch "
                    + "alarm watches its depth: messages that failed for good pile up unseen until they expire; add "
                    + "an alarm on AWS/SQS ApproximateNumberOfMessagesVisible with dimension QueueName of Dlq and "
                    + "AlarmActions that page the owners");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Dlq");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(3);
        });
    }

    @Test
    void quietWithADepthAlarmOnTheQueue() {
        check("Dlq: {Type: AWS::SQS::Queue}\n" + alarm("ApproximateNumberOfMessagesVisible", "!GetAtt Dlq.QueueName"));
        check("Dlq: {Type: AWS::SQS::Queue}\n" + alarm("ApproximateAgeOfOldestMessage", "!GetAtt Dlq.QueueName"));
        check("Dlq: {Type: AWS::SQS::Queue, Properties: {QueueName: orders-dlq}}\n"
                + alarm("ApproximateNumberOfMessagesVisible", "orders-dlq"));
        check("Dlq: {Type: AWS::SQS::Queue}\n"
                + alarm("ApproximateNumberOfMessagesVisible", "!Select [5, !Split [':', !GetAtt Dlq.Arn]]"));
    }

    @Test
    void readsMetricMath() {
        check("""
                Dlq: {Type: AWS::SQS::Queue}
                Depth:
                  Type: AWS::CloudWatch::Alarm
                  Properties:
                    EvaluationPeriods: 1
                    Threshold: 0
                    ComparisonOperator: GreaterThanThreshold
                    Metrics:
                      - Id: total
                        Expression: m1 + m2
                      - Id: m1
                        ReturnData: false
                        MetricStat:
                          Metric:
                            Namespace: AWS/SQS
                            MetricName: ApproximateNumberOfMessagesVisible
                            Dimensions: [{Name: QueueName, Value: !GetAtt Dlq.QueueName}]
                          Period: 60
                          Stat: Maximum
                """);
    }

    @Test
    void anAlarmOnAnotherQueueOrAnotherMetricDoesNotCount() {
        check("Dlq: {Type: AWS::SQS::Queue}  # expect OB03\n" + alarm("NumberOfMessagesSent", "!GetAtt Dlq.QueueName"));
        check("Dlq: {Type: AWS::SQS::Queue}  # expect OB03\n"
                + alarm("ApproximateNumberOfMessagesVisible", "!GetAtt Orders.QueueName"));
        check("Dlq: {Type: AWS::SQS::Queue, Properties: {QueueName: orders-dlq}}  # expect OB03\n"
                + alarm("ApproximateNumberOfMessagesVisible", "payments-dlq"));
    }

    @Test
    void quietWhenTheWatchedQueueCannotBeKnown() {
        check("Dlq: {Type: AWS::SQS::Queue}\n" + alarm("ApproximateNumberOfMessagesVisible", "!Ref DlqName"));
        check("Dlq: {Type: AWS::SQS::Queue}\n"
                + alarm("ApproximateNumberOfMessagesVisible", "!ImportValue shared-dlq-name"));
        check("Dlq: {Type: AWS::SQS::Queue}\n" + alarm("!Ref Mode", "!GetAtt Dlq.QueueName"));
    }

    @Test
    void otherDeadLetterSettingsMakeADeadLetterQueue() {
        check("""
                Dlq: {Type: AWS::SQS::Queue}
                FnDlq: {Type: AWS::SQS::Queue}  # expect OB03
                Fn:
                  Type: AWS::Lambda::Function
                  Properties:
                    Handler: index.handler
                    Runtime: nodejs20.x
                    Role: arn:aws:iam::123456789012:role/fn
                    Code: {ZipFile: 'exports.handler = async () => 1'}
                    DeadLetterConfig: {TargetArn: !GetAtt FnDlq.Arn}
                """ + alarm("ApproximateNumberOfMessagesVisible", "!GetAtt Dlq.QueueName"));
    }

    @Test
    void quietForQueuesThatAreNoDeadLetterQueueOrNeverCreated() {
        check("Dlq: {Type: AWS::SQS::Queue, Condition: Never}\n");
        check("""
                Dlq: {Type: AWS::SQS::Queue}
                Other: {Type: AWS::SQS::Queue, Properties: {QueueName: other-dlq}}
                Offer: {Type: AWS::SQS::Queue, Properties: {RedriveAllowPolicy: {redrivePermission: allowAll}}}
                """ + alarm("ApproximateNumberOfMessagesVisible", "!GetAtt Dlq.QueueName"));
    }

    @Test
    void anAlarmThatIsNeverCreatedDoesNotCount() {
        check("Dlq: {Type: AWS::SQS::Queue}  # expect OB03\n"
                + alarm("ApproximateNumberOfMessagesVisible", "!GetAtt Dlq.QueueName")
                        .replace("  Type: AWS::CloudWatch::Alarm\n", "  Type: AWS::CloudWatch::Alarm\n  Condition: Never\n"));
    }

    @Test
    void samFormThroughTheAnalyzer() {
        Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt WorkerDlq.Arn}
                  WorkerDlq: {Type: AWS::SQS::Queue}  # expect OB03
                """, "OB03");
    }
}
