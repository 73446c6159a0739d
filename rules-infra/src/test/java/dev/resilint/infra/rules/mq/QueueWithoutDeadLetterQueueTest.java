package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueWithoutDeadLetterQueueTest {

    @TempDir
    Path dir;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new QueueWithoutDeadLetterQueue(), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  DlqArn: {Type: String}
                  UseDlq: {Type: String, Default: 'false', AllowedValues: ['true', 'false']}
                  Mode: {Type: String}
                Conditions:
                  WithDlq: !Equals [!Ref UseDlq, 'true']
                  Unknown: !Equals [!Ref Mode, prod]
                Resources:
                """ + resources.indent(2));
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> ((Location.Template) f.location()).resourceId()).toList();
    }

    @Test
    void firesOnAQueueWithoutRedrivePolicyAndPointsAtItsProperties() {
        List<Finding> findings = check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:  # expect MQ01
                    VisibilityTimeout: 60
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ01");
            assertThat(f.message()).startsWith("SQS queue Orders has no RedrivePolicy")
                    .contains("deadLetterTargetArn");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Orders/Properties/RedrivePolicy");
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesOnAQueueWithoutPropertiesAtTheResourceAndOnFifoQueues() {
        List<Finding> findings = check("""
                Bare: {Type: AWS::SQS::Queue}  # expect MQ01
                Fifo:
                  Type: AWS::SQS::Queue
                  Properties: {FifoQueue: true, QueueName: orders.fifo}  # expect MQ01
                """);
        assertThat(ids(findings)).containsExactly("Bare", "Fifo");
        assertThat(findings.get(0).location().column()).isEqualTo(3);
    }

    @Test
    void quietWithARedrivePolicyAsMapOrJsonStringAndForItsDeadLetterQueue() {
        assertThat(check("""
                Orders:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 5}
                OrdersDlq: {Type: AWS::SQS::Queue}
                Jobs:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !Sub '{"deadLetterTargetArn": "${JobsDlq.Arn}", "maxReceiveCount": 3}'
                JobsDlq: {Type: AWS::SQS::Queue}
                Events:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !Join ['', ['{"deadLetterTargetArn": "', !GetAtt EventsDlq.Arn, '", "maxReceiveCount": 3}']]
                EventsDlq: {Type: AWS::SQS::Queue}
                """)).isEmpty();
    }

    @Test
    void quietForTheTargetsOfOtherDeadLetterSettings() {
        assertThat(check("""
                FnDlq: {Type: AWS::SQS::Queue}
                Fn:
                  Type: AWS::Lambda::Function
                  Properties:
                    DeadLetterConfig: {TargetArn: !GetAtt FnDlq.Arn}
                InvokeFailures: {Type: AWS::SQS::Queue}
                InvokeConfig:
                  Type: AWS::Lambda::EventInvokeConfig
                  Properties:
                    FunctionName: !Ref Fn
                    Qualifier: $LATEST
                    DestinationConfig: {OnFailure: {Destination: !GetAtt InvokeFailures.Arn}}
                SubscriptionDlq: {Type: AWS::SQS::Queue}
                Subscription:
                  Type: AWS::SNS::Subscription
                  Properties:
                    Protocol: lambda
                    TopicArn: arn:aws:sns:eu-west-1:123456789012:t
                    Endpoint: !GetAtt Fn.Arn
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt SubscriptionDlq.Arn}
                RuleDlq: {Type: AWS::SQS::Queue}
                Rule:
                  Type: AWS::Events::Rule
                  Properties:
                    ScheduleExpression: rate(1 hour)
                    Targets:
                      - {Id: t, Arn: !GetAtt Fn.Arn, DeadLetterConfig: {Arn: !GetAtt RuleDlq.Arn}}
                PipeDlq: {Type: AWS::SQS::Queue}
                Pipe:
                  Type: AWS::Pipes::Pipe
                  Properties:
                    RoleArn: arn:aws:iam::123456789012:role/p
                    Source: arn:aws:kinesis:eu-west-1:123456789012:stream/s
                    Target: !GetAtt Fn.Arn
                    SourceParameters:
                      KinesisStreamParameters:
                        StartingPosition: LATEST
                        DeadLetterConfig: {Arn: !GetAtt PipeDlq.Arn}
                ScheduleDlq: {Type: AWS::SQS::Queue}
                Schedule:
                  Type: AWS::Scheduler::Schedule
                  Properties:
                    ScheduleExpression: rate(1 hour)
                    FlexibleTimeWindow: {Mode: 'OFF'}
                    Target:
                      Arn: !GetAtt Fn.Arn
                      RoleArn: arn:aws:iam::123456789012:role/s
                      DeadLetterConfig: {Arn: !GetAtt ScheduleDlq.Arn}
                """)).isEmpty();
    }

    @Test
    void quietForQueuesThatDeclareOrNameThemselvesDeadLetterQueues() {
        assertThat(check("""
                Offered:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedriveAllowPolicy: {redrivePermission: byQueue, sourceQueueArns: [!ImportValue orders-queue-arn]}
                OrdersDLQ: {Type: AWS::SQS::Queue}
                Named:
                  Type: AWS::SQS::Queue
                  Properties: {QueueName: orders-dead-letter}
                """)).isEmpty();
        assertThat(ids(check("""
                Refused:
                  Type: AWS::SQS::Queue
                  Properties:  # expect MQ01
                    RedriveAllowPolicy: {redrivePermission: denyAll}
                """))).containsExactly("Refused");
    }

    @Test
    void otherReferencesDoNotMakeAQueueADeadLetterQueue() {
        assertThat(ids(check("""
                Work: {Type: AWS::SQS::Queue}  # expect MQ01
                Source:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedriveAllowPolicy: {redrivePermission: byQueue, sourceQueueArns: [!GetAtt Work.Arn]}
                Mapping:
                  Type: AWS::Lambda::EventSourceMapping
                  Properties: {EventSourceArn: !GetAtt Plain.Arn, FunctionName: f}
                Plain: {Type: AWS::SQS::Queue}  # expect MQ01
                """))).containsExactly("Work", "Plain");
    }

    @Test
    void quietWhenTheRedrivePolicyIsUnknown() {
        assertThat(check("""
                FromParameter:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: {deadLetterTargetArn: !Ref DlqArn, maxReceiveCount: 5}
                Imported:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !ImportValue shared-redrive-policy
                Conditional:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !If [Unknown, {deadLetterTargetArn: !Ref DlqArn, maxReceiveCount: 5}, !Ref AWS::NoValue]
                """)).isEmpty();
    }

    @Test
    void aRedrivePolicyThatItsConditionLeavesUnsetFires() {
        assertThat(check("""
                Queue:
                  Type: AWS::SQS::Queue
                  Properties:
                    RedrivePolicy: !If  # expect MQ01
                      - WithDlq
                      - {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                      - !Ref AWS::NoValue
                Dlq:
                  Type: AWS::SQS::Queue
                  Condition: WithDlq
                """)).singleElement().satisfies(f -> assertThat(f.message())
                        .contains("Queue has no RedrivePolicy (its condition leaves it unset)"));
    }

    @Test
    void skipsQueuesThatAreNeverCreated() {
        assertThat(check("""
                Queue:
                  Type: AWS::SQS::Queue
                  Condition: WithDlq
                """)).isEmpty();
    }

    @Test
    void samFormThroughTheAnalyzer() {
        String sam = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt WorkerDlq.Arn}
                      EventInvokeConfig:
                        DestinationConfig:
                          OnFailure: {Type: SQS}
                      Events:
                        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
                        Nightly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(1 day)
                            DeadLetterConfig: {Type: SQS}
                  WorkerDlq: {Type: AWS::SQS::Queue}
                  Jobs: {Type: AWS::SQS::Queue}  # expect MQ01
                """;
        assertThat(Expect.analyzed(dir, sam, "MQ01")).singleElement()
                .satisfies(f -> assertThat(((Location.Template) f.location()).resourceId()).isEqualTo("Jobs"));
    }
}
