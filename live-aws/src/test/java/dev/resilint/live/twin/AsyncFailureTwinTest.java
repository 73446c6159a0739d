package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure handling of asynchronous work, as a template and as the fake account serves it: stream
 * mappings with unbounded and bounded retries (MQ05), EventBridge rule targets, SNS subscriptions,
 * Scheduler schedules and stream Pipes with and without dead-letter queues (MQ06), and Step
 * Functions tasks that wait for a callback, an activity or a job with and without a timeout (MQ08).
 */
class AsyncFailureTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String SQS = "arn:aws:sqs:eu-west-1:111122223333:";
    static final String URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/";
    static final String WORKER = "arn:aws:lambda:eu-west-1:111122223333:function:worker";
    static final String CLICKS = "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks";
    static final String CARTS = "arn:aws:dynamodb:eu-west-1:111122223333:table/carts/stream/2025-01-01T00:00:00.000";
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:orders";
    static final String EVENTS = "arn:aws:events:eu-west-1:111122223333:";
    static final String STATES = "arn:aws:states:eu-west-1:111122223333:stateMachine:";
    static final String ACTIVITY = "arn:aws:states:eu-west-1:111122223333:activity:review";
    static final String ROLE = "arn:aws:iam::111122223333:role/app";
    static final String SCHEDULES = "arn:aws:scheduler:eu-west-1:111122223333:schedule/default/";
    static final String PIPES = "arn:aws:pipes:eu-west-1:111122223333:pipe/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Parking: {Type: AWS::SQS::Queue, Properties: {QueueName: parking, MessageRetentionPeriod: 1209600}}
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: worker
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/app
                  Code: {ZipFile: 'def handler(event, context): return None'}
                  Timeout: 60
                  DeadLetterConfig: {TargetArn: !GetAtt Parking.Arn}
              ClicksMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: arn:aws:kinesis:eu-west-1:111122223333:stream/clicks
                  FunctionName: !Ref Worker
                  StartingPosition: LATEST
                  BisectBatchOnFunctionError: true
              CartsMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: arn:aws:dynamodb:eu-west-1:111122223333:table/carts/stream/2025-01-01T00:00:00.000
                  FunctionName: !Ref Worker
                  StartingPosition: TRIM_HORIZON
                  MaximumRetryAttempts: 3
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  Name: nightly
                  ScheduleExpression: rate(1 day)
                  Targets: [{Id: worker, Arn: !GetAtt Worker.Arn}]
              Hourly:
                Type: AWS::Events::Rule
                Properties:
                  Name: hourly
                  ScheduleExpression: rate(1 hour)
                  Targets: [{Id: worker, Arn: !GetAtt Worker.Arn, DeadLetterConfig: {Arn: !GetAtt Parking.Arn}}]
              Notified:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: arn:aws:sns:eu-west-1:111122223333:orders
                  Protocol: lambda
                  Endpoint: !GetAtt Worker.Arn
              Tick:
                Type: AWS::Scheduler::Schedule
                Properties:
                  Name: tick
                  ScheduleExpression: rate(5 minutes)
                  FlexibleTimeWindow: {Mode: 'OFF'}
                  Target: {Arn: !GetAtt Worker.Arn, RoleArn: arn:aws:iam::111122223333:role/app}
              Relay:
                Type: AWS::Pipes::Pipe
                Properties:
                  Name: relay
                  RoleArn: arn:aws:iam::111122223333:role/app
                  Source: arn:aws:kinesis:eu-west-1:111122223333:stream/clicks
                  Target: !GetAtt Worker.Arn
                  SourceParameters:
                    KinesisStreamParameters: {StartingPosition: LATEST}
              Approval:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: approval
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: '{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"Next":"Review"},"Review":{"Type":"Task","Resource":"arn:aws:states:eu-west-1:111122223333:activity:review","Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"HeartbeatSeconds":60,"End":true}}}'
              Bounded:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: bounded
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: '{"StartAt":"Run","States":{"Run":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","TimeoutSeconds":3600,"Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"End":true}}}'
            """;

    static final Map<String, String> DEFINITIONS = Map.of(
            "approval", "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"Retry\":[{\"ErrorEquals\":"
                    + "[\"States.ALL\"],\"JitterStrategy\":\"FULL\"}],\"Next\":\"Review\"},\"Review\":{\"Type\":\"Task\","
                    + "\"Resource\":\"" + ACTIVITY + "\",\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],"
                    + "\"JitterStrategy\":\"FULL\"}],\"HeartbeatSeconds\":60,\"End\":true}}}",
            "bounded", "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::ecs:runTask.sync\",\"TimeoutSeconds\":3600,\"Retry\":[{\"ErrorEquals\":"
                    + "[\"States.ALL\"],\"JitterStrategy\":\"FULL\"}],\"End\":true}}}");

    /** The same resources as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("sqs", "ListQueues", List.of(URL + "parking"));
        eu.answer("sqs", "GetQueueAttributes", "QueueUrl", URL + "parking", Map.of("Attributes", Map.of(
                "QueueArn", SQS + "parking", "VisibilityTimeout", "30", "MessageRetentionPeriod", "1209600")));

        eu.items("lambda", "ListFunctions", List.of(Trees.map("FunctionName", "worker", "FunctionArn", WORKER,
                "Runtime", "python3.12", "Handler", "app.handler", "Role", ROLE, "Timeout", 60, "MemorySize", 128,
                "DeadLetterConfig", Map.of("TargetArn", SQS + "parking"))));
        eu.items("lambda", "ListEventSourceMappings", List.of(
                Trees.map("UUID", "m-clicks", "EventSourceArn", CLICKS, "FunctionArn", WORKER, "State", "Enabled",
                        "StartingPosition", "LATEST", "MaximumRetryAttempts", -1, "MaximumRecordAgeInSeconds", -1,
                        "BisectBatchOnFunctionError", true),
                Trees.map("UUID", "m-carts", "EventSourceArn", CARTS, "FunctionArn", WORKER, "State", "Enabled",
                        "StartingPosition", "TRIM_HORIZON", "MaximumRetryAttempts", 3,
                        "MaximumRecordAgeInSeconds", -1)));

        eu.items("sns", "ListSubscriptions", List.of(Map.of("SubscriptionArn", TOPIC + ":7c1d", "TopicArn", TOPIC,
                "Protocol", "lambda", "Endpoint", WORKER, "Owner", ACCOUNT)));
        eu.answer("sns", "GetSubscriptionAttributes", "SubscriptionArn", TOPIC + ":7c1d", Map.of("Attributes",
                Map.of("PendingConfirmation", "false")));

        eu.items("events", "ListEventBuses", List.of(Map.of("Name", "default", "Arn", EVENTS + "event-bus/default")));
        eu.answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default",
                "Arn", EVENTS + "event-bus/default"));
        eu.items("events", "ListRules", "EventBusName", "default", List.of(
                Map.of("Name", "nightly", "Arn", EVENTS + "rule/nightly", "EventBusName", "default", "State", "ENABLED",
                        "ScheduleExpression", "rate(1 day)"),
                Map.of("Name", "hourly", "Arn", EVENTS + "rule/hourly", "EventBusName", "default", "State", "ENABLED",
                        "ScheduleExpression", "rate(1 hour)")));
        eu.items("events", "ListTargetsByRule", "Rule", "nightly", List.of(Map.of("Id", "worker", "Arn", WORKER)));
        eu.items("events", "ListTargetsByRule", "Rule", "hourly", List.of(Map.of("Id", "worker", "Arn", WORKER,
                "DeadLetterConfig", Map.of("Arn", SQS + "parking"))));

        eu.items("scheduler", "ListSchedules", List.of(Map.of("Name", "tick", "GroupName", "default",
                "Arn", SCHEDULES + "tick", "State", "ENABLED", "Target", Map.of("Arn", WORKER))));
        eu.answer("scheduler", "GetSchedule", "Name", "tick", Map.of("Name", "tick", "GroupName", "default",
                "Arn", SCHEDULES + "tick", "ScheduleExpression", "rate(5 minutes)",
                "FlexibleTimeWindow", Map.of("Mode", "OFF"), "Target", Map.of("Arn", WORKER, "RoleArn", ROLE)));

        eu.items("pipes", "ListPipes", List.of(Map.of("Name", "relay", "Arn", PIPES + "relay", "Source", CLICKS,
                "Target", WORKER, "DesiredState", "RUNNING")));
        eu.answer("pipes", "DescribePipe", "Name", "relay", Map.of("Name", "relay", "RoleArn", ROLE, "Source", CLICKS,
                "Target", WORKER, "SourceParameters", Map.of("KinesisStreamParameters",
                        Map.of("StartingPosition", "LATEST"))));

        List<Map<String, Object>> machines = new java.util.ArrayList<>();
        for (String name : List.of("approval", "bounded")) {
            machines.add(Map.of("stateMachineArn", STATES + name, "name", name, "type", "STANDARD",
                    "creationDate", "2025-06-01T00:00:00Z"));
            eu.answer("states", "DescribeStateMachine", "stateMachineArn", STATES + name, Map.of(
                    "stateMachineArn", STATES + name, "name", name, "type", "STANDARD", "status", "ACTIVE",
                    "definition", DEFINITIONS.get(name), "roleArn", ROLE, "creationDate", "2025-06-01T00:00:00Z"));
        }
        eu.items("states", "ListStateMachines", machines);
    }

    static Twin twin() {
        return Twin.of(TEMPLATE).is("ClicksMapping", "arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:m-clicks")
                .is("CartsMapping", "arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:m-carts")
                .is("Nightly", EVENTS + "rule/nightly").is("Hourly", EVENTS + "rule/hourly")
                .is("Notified", TOPIC + ":7c1d").is("Tick", SCHEDULES + "tick").is("Relay", PIPES + "relay")
                .is("Approval", STATES + "approval").is("Bounded", STATES + "bounded").is("Worker", WORKER)
                .is("Parking", SQS + "parking");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).contains(
                // MQ05: the Kinesis mapping retries forever (bisect does not bound it); the DynamoDB one 3 times
                "MQ05 ClicksMapping",
                // MQ06: the rule target, the subscription, the schedule and the pipe without a dead-letter queue
                "MQ06 Nightly", "MQ06 Notified", "MQ06 Tick", "MQ06 Relay",
                // MQ08: the callback without a timeout; the activity has a heartbeat, the .sync job a timeout
                "MQ08 Approval");
        assertThat(findings).filteredOn(f -> f.startsWith("MQ05") || f.startsWith("MQ06") || f.startsWith("MQ08"))
                .hasSize(6);
    }
}
