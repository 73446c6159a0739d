package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTargetWithoutDeadLetterTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              DlqArn: {Type: String}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
              Dlq: {Type: AWS::SQS::Queue}
              Topic: {Type: AWS::SNS::Topic}
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Role: arn:aws:iam::123456789012:role/fn
                  Code: {ZipFile: 'exports.handler = async () => 1'}
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new EventTargetWithoutDeadLetter(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnARuleTargetWithoutDeadLetterConfigAndPointsAtIt() {
        List<Finding> findings = check("""
                Nightly:
                  Type: AWS::Events::Rule
                  Properties:
                    ScheduleExpression: rate(1 day)
                    Targets:
                      - Id: work  # expect MQ06
                        Arn: !GetAtt Worker.Arn
                      - Id: kept
                        Arn: !GetAtt Worker.Arn
                        DeadLetterConfig: {Arn: !GetAtt Dlq.Arn}
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ06");
            assertThat(f.message()).isEqualTo("EventBridge rule Nightly target 'work' has no "
                    + "DeadLetterConfig: events that EventBridge cannot deliver (throttled, deleted or unauthorized "
                    + "target) after its retries (24 hours, 185 attempts by default) are dropped without a trace; set "
                    + "DeadLetterConfig.Arn to an SQS queue that the rule may send to");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Nightly/Properties/Targets");
            assertThat(loc.line()).isEqualTo(23);
            assertThat(loc.column()).isEqualTo(11);
        });
    }

    @Test
    void quietForDisabledRulesUnknownTargetsAndRulesNeverCreated() {
        check("""
                Off:
                  Type: AWS::Events::Rule
                  Properties:
                    State: DISABLED
                    ScheduleExpression: rate(1 day)
                    Targets: [{Id: work, Arn: !GetAtt Worker.Arn}]
                Maybe:
                  Type: AWS::Events::Rule
                  Properties:
                    State: !If [Prod, ENABLED, DISABLED]
                    ScheduleExpression: rate(1 day)
                    Targets: [{Id: work, Arn: !GetAtt Worker.Arn}]
                Param:
                  Type: AWS::Events::Rule
                  Properties:
                    ScheduleExpression: rate(1 day)
                    Targets: [{Id: work, Arn: !GetAtt Worker.Arn, DeadLetterConfig: {Arn: !Ref DlqArn}}]
                Gone:
                  Type: AWS::Events::Rule
                  Condition: Never
                  Properties:
                    ScheduleExpression: rate(1 day)
                    Targets: [{Id: work, Arn: !GetAtt Worker.Arn}]
                """);
    }

    @Test
    void snsSubscriptionsButNotInlineTopicSubscriptions() {
        List<Finding> findings = check("""
                ToFn:
                  Type: AWS::SNS::Subscription
                  Properties:  # expect MQ06
                    TopicArn: !Ref Topic
                    Protocol: lambda
                    Endpoint: !GetAtt Worker.Arn
                Kept:
                  Type: AWS::SNS::Subscription
                  Properties:
                    TopicArn: !Ref Topic
                    Protocol: sqs
                    Endpoint: !GetAtt Dlq.Arn
                    RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn}
                Mail:
                  Type: AWS::SNS::Subscription
                  Properties: {TopicArn: !Ref Topic, Protocol: email, Endpoint: ops@example.com}
                Inline:
                  Type: AWS::SNS::Topic
                  Properties:
                    Subscription:
                      - Protocol: https
                        Endpoint: https://hooks.example.com/orders
                      - Protocol: email
                        Endpoint: ops@example.com
                """);
        assertThat(findings).extracting(Finding::message)
                .singleElement().satisfies(m -> assertThat(m).startsWith("SNS subscription ToFn (protocol lambda) has "
                        + "no RedrivePolicy")); // inline topic subscriptions cannot have one
    }

    @Test
    void schedulesAndPipes() {
        List<Finding> findings = check("""
                Tick:
                  Type: AWS::Scheduler::Schedule
                  Properties:
                    ScheduleExpression: rate(5 minutes)
                    FlexibleTimeWindow: {Mode: 'OFF'}
                    Target:  # expect MQ06
                      Arn: !GetAtt Worker.Arn
                      RoleArn: arn:aws:iam::123456789012:role/scheduler
                Kept:
                  Type: AWS::Scheduler::Schedule
                  Properties:
                    ScheduleExpression: rate(5 minutes)
                    FlexibleTimeWindow: {Mode: 'OFF'}
                    Target: {Arn: !GetAtt Worker.Arn, RoleArn: r, DeadLetterConfig: {Arn: !GetAtt Dlq.Arn}}
                Stream:
                  Type: AWS::Pipes::Pipe
                  Properties:
                    RoleArn: arn:aws:iam::123456789012:role/pipe
                    Source: arn:aws:kinesis:eu-west-1:123456789012:stream/clicks
                    Target: !GetAtt Worker.Arn
                    SourceParameters:
                      KinesisStreamParameters: {StartingPosition: LATEST}  # expect MQ06
                FromQueue:
                  Type: AWS::Pipes::Pipe
                  Properties:
                    RoleArn: arn:aws:iam::123456789012:role/pipe
                    Source: !GetAtt Dlq.Arn
                    Target: !GetAtt Worker.Arn
                Literal:
                  Type: AWS::Pipes::Pipe
                  Properties:  # expect MQ06
                    RoleArn: arn:aws:iam::123456789012:role/pipe
                    Source: arn:aws:dynamodb:eu-west-1:123456789012:table/Carts/stream/2024-01-01T00:00:00.000
                    Target: !GetAtt Worker.Arn
                """);
        assertThat(findings).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("EventBridge Scheduler schedule Tick has no "
                        + "Target.DeadLetterConfig: invocations"))
                .anySatisfy(m -> assertThat(m).startsWith("EventBridge pipe Stream reads a Kinesis stream with no "
                        + "SourceParameters.KinesisStreamParameters.DeadLetterConfig"))
                .anySatisfy(m -> assertThat(m).startsWith("EventBridge pipe Literal reads a DynamoDB stream"));
    }

    @Test
    void samEventsThroughTheAnalyzer() {
        String sam = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      Events:
                        Nightly:  # expect MQ06
                          Type: Schedule
                          Properties: {Schedule: rate(1 day)}
                        Kept:
                          Type: EventBridgeRule
                          Properties:
                            Pattern: {source: [orders]}
                            DeadLetterConfig: {Type: SQS}
                        Tick:  # expect MQ06
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(5 minutes)
                        Notified:
                          Type: SNS
                          Properties:  # expect MQ06
                            Topic: !Ref Topic
                """;
        List<Finding> findings = Expect.analyzed(dir, sam, "MQ06");
        assertThat(findings).hasSize(3);
    }
}
