package dev.resilint.infra.rules.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncLambdaWithoutFailureDestinationTest {

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
              Failed: {Type: AWS::SQS::Queue}
              Topic: {Type: AWS::SNS::Topic}
            """;

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new AsyncLambdaWithoutFailureDestination(), HEAD + resources.indent(2));
    }

    private static String function(String marker, String extra) {
        return "Worker:\n  Type: AWS::Lambda::Function\n  Properties:" + marker + "\n" + ("""
                Handler: index.handler
                Runtime: nodejs20.x
                Role: arn:aws:iam::123456789012:role/fn
                Code: {ZipFile: 'exports.handler = async () => 1'}
                """ + extra).indent(4);
    }

    private static final String RULE = """
            Nightly:
              Type: AWS::Events::Rule
              Properties:
                ScheduleExpression: rate(1 day)
                Targets: [{Id: work, Arn: !GetAtt Worker.Arn}]
            """;

    @Test
    void firesOnAFunctionTargetedByAnEventBridgeRuleAndPointsAtIt() {
        List<Finding> findings = check(function("  # expect MQ04", "") + RULE);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MQ04");
            assertThat(f.message()).isEqualTo("Lambda function Worker is invoked asynchronously (by EventBridge rule "
                    + "Nightly) with neither a DeadLetterConfig (not set) nor an on-failure destination (no "
                    + "EventInvokeConfig with DestinationConfig.OnFailure): an event that still fails after Lambda's 2 "
                    + "retries is discarded unseen; add an EventInvokeConfig with DestinationConfig.OnFailure (SAM: "
                    + "EventInvokeConfig) or set DeadLetterConfig.TargetArn (SAM: DeadLetterQueue) to an SQS queue or "
                    + "SNS topic");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Worker/Properties/DeadLetterConfig");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesForEveryKindOfAsynchronousCaller() {
        List<Finding> findings = check(function("  # expect MQ04", "") + """
                Uploads:
                  Type: AWS::S3::Bucket
                  Properties:
                    NotificationConfiguration:
                      LambdaConfigurations: [{Event: 's3:ObjectCreated:*', Function: !GetAtt Worker.Arn}]
                Sub:
                  Type: AWS::SNS::Subscription
                  Properties: {TopicArn: !Ref Topic, Protocol: lambda, Endpoint: !GetAtt Worker.Arn}
                Tick:
                  Type: AWS::Scheduler::Schedule
                  Properties:
                    ScheduleExpression: rate(5 minutes)
                    FlexibleTimeWindow: {Mode: 'OFF'}
                    Target: {Arn: !GetAtt Worker.Arn, RoleArn: r}
                Mail:
                  Type: AWS::SES::ReceiptRule
                  Properties:
                    RuleSetName: inbound
                    Rule: {Actions: [{LambdaAction: {FunctionArn: !GetAtt Worker.Arn}}]}
                """);
        assertThat(findings.get(0).message()).contains("(by S3 bucket Uploads (notifications), SNS subscription Sub, "
                + "EventBridge Scheduler schedule Tick and 1 more)");
        check(function("  # expect MQ04", "") + """
                Things:
                  Type: AWS::IoT::TopicRule
                  Properties:
                    TopicRulePayload: {Sql: "SELECT * FROM 'things'", Actions: [{Lambda: {FunctionArn: !GetAtt Worker.Arn}}]}
                Logs:
                  Type: AWS::Logs::SubscriptionFilter
                  Properties: {LogGroupName: app, FilterPattern: '', DestinationArn: !GetAtt Worker.Arn}
                FromS3:
                  Type: AWS::Lambda::Permission
                  Properties: {FunctionName: !Ref Worker, Action: 'lambda:InvokeFunction', Principal: s3.amazonaws.com}
                """);
    }

    @Test
    void quietWithADeadLetterQueueOrAnOnFailureDestination() {
        check(function("", "DeadLetterConfig: {TargetArn: !GetAtt Failed.Arn}\n") + RULE);
        check(function("", "DeadLetterConfig: {TargetArn: !Ref DlqArn}\n") + RULE);
        check(function("", "") + RULE + """
                Invoke:
                  Type: AWS::Lambda::EventInvokeConfig
                  Properties:
                    FunctionName: !Ref Worker
                    Qualifier: $LATEST
                    DestinationConfig: {OnFailure: {Destination: !GetAtt Failed.Arn}}
                """);
    }

    @Test
    void anOnFailureDestinationMustBeOnTheInvokedQualifier() {
        String alias = """
                Live:
                  Type: AWS::Lambda::Alias
                  Properties: {FunctionName: !Ref Worker, FunctionVersion: '1', Name: live}
                Invoke:
                  Type: AWS::Lambda::EventInvokeConfig
                  Properties:
                    FunctionName: !Ref Worker
                    Qualifier: live
                    DestinationConfig: {OnFailure: {Destination: !GetAtt Failed.Arn}}
                """;
        check(function("  # expect MQ04", "") + RULE + alias);
        check(function("", "") + RULE.replace("!GetAtt Worker.Arn", "!Ref Live") + alias);
        check(function("", "") + RULE + alias.replace("Qualifier: live", "Qualifier: !Ref Mode"));
        check(function("  # expect MQ04", "") + RULE + alias.replace("OnFailure", "OnSuccess"));
    }

    @Test
    void quietForSynchronousCallersAndCallersNeverCreated() {
        check(function("", "") + """
                Mapping:
                  Type: AWS::Lambda::EventSourceMapping
                  Properties: {FunctionName: !Ref Worker, EventSourceArn: !GetAtt Failed.Arn}
                FromApi:
                  Type: AWS::Lambda::Permission
                  Properties: {FunctionName: !Ref Worker, Action: 'lambda:InvokeFunction', Principal: apigateway.amazonaws.com}
                Sync:
                  Type: AWS::SES::ReceiptRule
                  Properties:
                    RuleSetName: inbound
                    Rule: {Actions: [{LambdaAction: {FunctionArn: !GetAtt Worker.Arn, InvocationType: RequestResponse}}]}
                """ + RULE.replace("  Type: AWS::Events::Rule\n", "  Type: AWS::Events::Rule\n  Condition: Never\n"));
        check(function("", "").replace("  Type: AWS::Lambda::Function\n",
                "  Type: AWS::Lambda::Function\n  Condition: Never\n") + RULE);
    }

    @Test
    void samEventsThroughTheAnalyzer() {
        String sam = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Uploads: {Type: AWS::S3::Bucket}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:  # expect MQ04
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      Events:
                        Upload:
                          Type: S3
                          Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      Events:
                        Get: {Type: Api, Properties: {Path: /, Method: get}}
                  Logs:
                    Type: AWS::Serverless::Function
                    Properties:  # expect MQ04
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      Events:
                        Tail: {Type: CloudWatchLogs, Properties: {LogGroupName: app, FilterPattern: ''}}
                        Things: {Type: IoTRule, Properties: {Sql: "SELECT * FROM 'things'"}}
                  Kept:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      AutoPublishAlias: live
                      EventInvokeConfig:
                        DestinationConfig: {OnFailure: {Type: SQS}}
                      Events:
                        Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
                  WithDlq:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: index.handler
                      Runtime: python3.12
                      InlineCode: 'def handler(e, c): pass'
                      DeadLetterQueue: {Type: SNS, TargetArn: arn:aws:sns:eu-west-1:123456789012:failed}
                      Events:
                        Notified: {Type: SNS, Properties: {Topic: arn:aws:sns:eu-west-1:123456789012:orders}}
                """;
        List<Finding> findings = Expect.analyzed(dir, sam, "MQ04");
        assertThat(findings).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("Worker is invoked asynchronously (by the Lambda permission "
                        + "WorkerUploadPermission for s3.amazonaws.com)"))
                .anySatisfy(m -> assertThat(m).contains("Logs is invoked asynchronously (by CloudWatch Logs "
                        + "subscription filter LogsTail, IoT topic rule LogsThings)"));
    }
}
