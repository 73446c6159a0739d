package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous work: queues and their dead-letter queues named by every kind of referrer MQ01 knows
 * (another queue's redrive policy as a map and as a JSON string, a Lambda function, an SNS
 * subscription, an EventBridge rule target, an event bus, an asynchronous invoke configuration, a
 * stream mapping's on-failure destination, a pipe, a schedule), a queue that offers itself as one and
 * one that refuses, FIFO queues, dead-letter queues that keep messages longer than their source and one
 * that does not (MQ02); queues consumed by a function directly, through an alias and through
 * a version (MQ03); state machines whose tasks do not retry, retry with jitter, or invoke the function
 * by its alias or version ARN (MQ07, and the Step Functions half of TO02, see
 * {@link AsyncTimeoutTwinTest}). Written as a template and served by the fake account, they get the
 * same findings.
 */
class AsyncTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String SQS = "arn:aws:sqs:eu-west-1:111122223333:";
    static final String URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/";
    static final String WORKER = "arn:aws:lambda:eu-west-1:111122223333:function:worker";
    static final String STREAM = "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks";
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:orders";
    static final String EVENTS = "arn:aws:events:eu-west-1:111122223333:";
    static final String STATES = "arn:aws:states:eu-west-1:111122223333:stateMachine:";
    static final String ROLE = "arn:aws:iam::111122223333:role/app";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: orders
                  VisibilityTimeout: 30
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersParking.Arn, maxReceiveCount: 5}
              OrdersParking: {Type: AWS::SQS::Queue, Properties: {QueueName: orders-parking, MessageRetentionPeriod: 1209600}}
              Fast:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: fast
                  VisibilityTimeout: 600
                  RedrivePolicy: !Sub '{"deadLetterTargetArn":"${FastParking.Arn}","maxReceiveCount":3}'
              FastParking: {Type: AWS::SQS::Queue, Properties: {QueueName: fast-parking}}
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs.fifo
                  FifoQueue: true
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt JobsParking.Arn, maxReceiveCount: 5}
              JobsParking: {Type: AWS::SQS::Queue, Properties: {QueueName: jobs-parking.fifo, FifoQueue: true}}
              Versioned:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: versioned
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersParking.Arn, maxReceiveCount: 5}
              Plain: {Type: AWS::SQS::Queue, Properties: {QueueName: plain}}
              Notifications: {Type: AWS::SQS::Queue, Properties: {QueueName: notifications}}
              Offered:
                Type: AWS::SQS::Queue
                Properties: {QueueName: offered, RedriveAllowPolicy: {redrivePermission: allowAll}}
              Refused:
                Type: AWS::SQS::Queue
                Properties: {QueueName: refused, RedriveAllowPolicy: {redrivePermission: denyAll}}
              Legacy: {Type: AWS::SQS::Queue, Properties: {QueueName: legacy-dlq}}
              FnParking: {Type: AWS::SQS::Queue, Properties: {QueueName: fn-parking}}
              SubParking: {Type: AWS::SQS::Queue, Properties: {QueueName: sub-parking}}
              RuleParking: {Type: AWS::SQS::Queue, Properties: {QueueName: rule-parking}}
              BusParking: {Type: AWS::SQS::Queue, Properties: {QueueName: bus-parking}}
              AsyncParking: {Type: AWS::SQS::Queue, Properties: {QueueName: async-parking}}
              StreamParking: {Type: AWS::SQS::Queue, Properties: {QueueName: stream-parking}}
              PipeParking: {Type: AWS::SQS::Queue, Properties: {QueueName: pipe-parking}}
              ScheduleParking: {Type: AWS::SQS::Queue, Properties: {QueueName: schedule-parking}}
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: worker
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/app
                  Code: {ZipFile: 'def handler(event, context): return None'}
                  Timeout: 60
                  DeadLetterConfig: {TargetArn: !GetAtt FnParking.Arn}
              WorkerVersion: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Worker}}
              WorkerAlias:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Worker, FunctionVersion: !GetAtt WorkerVersion.Version, Name: live}
              WorkerAsync:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: !Ref Worker
                  Qualifier: $LATEST
                  MaximumRetryAttempts: 0
                  DestinationConfig: {OnFailure: {Destination: !GetAtt AsyncParking.Arn}}
              OrdersMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Orders.Arn, FunctionName: !Ref Worker, BatchSize: 10}
              FastMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Fast.Arn, FunctionName: !GetAtt Worker.Arn}
              JobsMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref WorkerAlias}
              VersionedMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Versioned.Arn, FunctionName: !Ref WorkerVersion}
              StreamMapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  EventSourceArn: arn:aws:kinesis:eu-west-1:111122223333:stream/clicks
                  FunctionName: !Ref Worker
                  StartingPosition: LATEST
                  MaximumRetryAttempts: 2
                  BisectBatchOnFunctionError: true
                  DestinationConfig: {OnFailure: {Destination: !GetAtt StreamParking.Arn}}
              Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: orders}}
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref Topic
                  Protocol: sqs
                  Endpoint: !GetAtt Notifications.Arn
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt SubParking.Arn}
              Bus:
                Type: AWS::Events::EventBus
                Properties: {Name: orders, DeadLetterConfig: {Arn: !GetAtt BusParking.Arn}}
              Created:
                Type: AWS::Events::Rule
                Properties:
                  Name: order-created
                  EventBusName: !Ref Bus
                  EventPattern: {source: [orders]}
                  Targets:
                    - Id: worker
                      Arn: !GetAtt Worker.Arn
                      RetryPolicy: {MaximumRetryAttempts: 4}
                      DeadLetterConfig: {Arn: !GetAtt RuleParking.Arn}
              Clicks:
                Type: AWS::Pipes::Pipe
                Properties:
                  Name: clicks
                  RoleArn: arn:aws:iam::111122223333:role/app
                  Source: arn:aws:kinesis:eu-west-1:111122223333:stream/clicks
                  Target: !GetAtt Worker.Arn
                  SourceParameters:
                    KinesisStreamParameters:
                      StartingPosition: LATEST
                      DeadLetterConfig: {Arn: !GetAtt PipeParking.Arn}
              Nightly:
                Type: AWS::Scheduler::Schedule
                Properties:
                  Name: nightly
                  ScheduleExpression: rate(1 day)
                  FlexibleTimeWindow: {Mode: 'OFF'}
                  Target:
                    Arn: !GetAtt Worker.Arn
                    RoleArn: arn:aws:iam::111122223333:role/app
                    DeadLetterConfig: {Arn: !GetAtt ScheduleParking.Arn}
              Checkout:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: checkout
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: !Sub '{"StartAt":"Pay","States":{"Pay":{"Type":"Task","Resource":"${Worker.Arn}","TimeoutSeconds":10,"End":true}}}'
              Resilient:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: resilient
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: !Sub '{"StartAt":"Pay","States":{"Pay":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${WorkerAlias}"},"TimeoutSeconds":120,"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3,"JitterStrategy":"FULL"}],"End":true}}}'
              Refund:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: refund
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: !Sub '{"StartAt":"Refund","States":{"Refund":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${WorkerAlias}"},"TimeoutSeconds":20,"Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL"}],"End":true}}}'
              Reporting:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  StateMachineName: reporting
                  RoleArn: arn:aws:iam::111122223333:role/app
                  DefinitionString: !Sub '{"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Report","States":{"Report":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${WorkerVersion}"},"TimeoutSeconds":30,"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],"End":true}}}]}}}'
            """;

    /** The state machines' definitions as the account holds them: the ARNs substituted. */
    static final Map<String, String> DEFINITIONS = Map.of(
            "checkout", "{\"StartAt\":\"Pay\",\"States\":{\"Pay\":{\"Type\":\"Task\",\"Resource\":\"" + WORKER
                    + "\",\"TimeoutSeconds\":10,\"End\":true}}}",
            "resilient", "{\"StartAt\":\"Pay\",\"States\":{\"Pay\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"" + WORKER + ":live\"},"
                    + "\"TimeoutSeconds\":120,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":3,"
                    + "\"JitterStrategy\":\"FULL\"}],\"End\":true}}}",
            "refund", "{\"StartAt\":\"Refund\",\"States\":{\"Refund\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"" + WORKER + ":live\"},"
                    + "\"TimeoutSeconds\":20,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"JitterStrategy\":\"FULL\"}],"
                    + "\"End\":true}}}",
            "reporting", "{\"StartAt\":\"Fan\",\"States\":{\"Fan\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":"
                    + "[{\"StartAt\":\"Report\",\"States\":{\"Report\":{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"" + WORKER + ":1\"},"
                    + "\"TimeoutSeconds\":30,\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":1}],"
                    + "\"End\":true}}}]}}}");

    private static String redrive(String target, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + SQS + target + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }

    /** The same resources as the account serves them. */
    static void serve(FakeRegion eu) {
        Map<String, Map<String, String>> queues = new LinkedHashMap<>();
        queues.put("orders", Map.of("VisibilityTimeout", "30", "RedrivePolicy", redrive("orders-parking", 5)));
        queues.put("orders-parking", Map.of("MessageRetentionPeriod", "1209600"));
        queues.put("fast", Map.of("VisibilityTimeout", "600", "RedrivePolicy", redrive("fast-parking", 3)));
        queues.put("fast-parking", Map.of());
        queues.put("jobs.fifo", Map.of("FifoQueue", "true", "RedrivePolicy", redrive("jobs-parking.fifo", 5)));
        queues.put("jobs-parking.fifo", Map.of("FifoQueue", "true"));
        queues.put("versioned", Map.of("RedrivePolicy", redrive("orders-parking", 5)));
        queues.put("plain", Map.of());
        queues.put("notifications", Map.of());
        queues.put("offered", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"allowAll\"}"));
        queues.put("refused", Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"denyAll\"}"));
        queues.put("legacy-dlq", Map.of());
        for (String q : List.of("fn", "sub", "rule", "bus", "async", "stream", "pipe", "schedule")) {
            queues.put(q + "-parking", Map.of());
        }
        List<String> urls = new ArrayList<>();
        queues.forEach((name, given) -> {
            urls.add(URL + name);
            Map<String, String> attributes = new LinkedHashMap<>(Map.of("QueueArn", SQS + name,
                    "VisibilityTimeout", "30", "MessageRetentionPeriod", "345600", "DelaySeconds", "0"));
            attributes.putAll(given);
            eu.answer("sqs", "GetQueueAttributes", "QueueUrl", URL + name, Map.of("Attributes", attributes));
        });
        eu.items("sqs", "ListQueues", urls);

        eu.items("lambda", "ListFunctions", List.of(Trees.map("FunctionName", "worker", "FunctionArn", WORKER,
                "Runtime", "python3.12", "Handler", "app.handler", "Role", ROLE, "Timeout", 60, "MemorySize", 128,
                "DeadLetterConfig", Map.of("TargetArn", SQS + "fn-parking"))));
        eu.items("lambda", "ListVersionsByFunction", "FunctionName", WORKER, List.of(
                Map.of("FunctionName", "worker", "FunctionArn", WORKER + ":$LATEST", "Version", "$LATEST", "Timeout", 60),
                Map.of("FunctionName", "worker", "FunctionArn", WORKER + ":1", "Version", "1", "Timeout", 60)));
        eu.items("lambda", "ListAliases", "FunctionName", WORKER, List.of(Map.of("AliasArn", WORKER + ":live",
                "Name", "live", "FunctionVersion", "1")));
        eu.items("lambda", "ListFunctionEventInvokeConfigs", "FunctionName", WORKER, List.of(Map.of(
                "FunctionArn", WORKER + ":$LATEST", "MaximumRetryAttempts", 0,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", SQS + "async-parking")))));
        eu.items("lambda", "ListEventSourceMappings", List.of(
                mapping("m-orders", SQS + "orders", WORKER),
                mapping("m-fast", SQS + "fast", WORKER),
                mapping("m-jobs", SQS + "jobs.fifo", WORKER + ":live"),
                mapping("m-versioned", SQS + "versioned", WORKER + ":1"),
                Trees.map("UUID", "m-stream", "EventSourceArn", STREAM, "FunctionArn", WORKER, "State", "Enabled",
                        "StartingPosition", "LATEST", "MaximumRetryAttempts", 2, "BisectBatchOnFunctionError", true,
                        "DestinationConfig", Map.of("OnFailure", Map.of("Destination", SQS + "stream-parking")))));

        eu.items("sns", "ListSubscriptions", List.of(Map.of("SubscriptionArn", TOPIC + ":5f2a", "TopicArn", TOPIC,
                "Protocol", "sqs", "Endpoint", SQS + "notifications", "Owner", ACCOUNT)));
        eu.answer("sns", "GetSubscriptionAttributes", "SubscriptionArn", TOPIC + ":5f2a", Map.of("Attributes", Map.of(
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + SQS + "sub-parking\"}", "PendingConfirmation", "false")));

        eu.items("events", "ListEventBuses", List.of(Map.of("Name", "default", "Arn", EVENTS + "event-bus/default"),
                Map.of("Name", "orders", "Arn", EVENTS + "event-bus/orders")));
        eu.answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default",
                "Arn", EVENTS + "event-bus/default"));
        eu.answer("events", "DescribeEventBus", "Name", "orders", Map.of("Name", "orders",
                "Arn", EVENTS + "event-bus/orders", "DeadLetterConfig", Map.of("Arn", SQS + "bus-parking")));
        eu.items("events", "ListRules", "EventBusName", "orders", List.of(Map.of("Name", "order-created",
                "Arn", EVENTS + "rule/orders/order-created", "EventBusName", "orders", "State", "ENABLED",
                "EventPattern", "{\"source\":[\"orders\"]}")));
        eu.items("events", "ListTargetsByRule", "Rule", "order-created", List.of(Map.of("Id", "worker", "Arn", WORKER,
                "RetryPolicy", Map.of("MaximumRetryAttempts", 4), "DeadLetterConfig", Map.of("Arn", SQS + "rule-parking"))));

        eu.items("pipes", "ListPipes", List.of(Map.of("Name", "clicks", "Arn", "arn:aws:pipes:eu-west-1:111122223333:pipe/clicks",
                "Source", STREAM, "Target", WORKER, "DesiredState", "RUNNING")));
        eu.answer("pipes", "DescribePipe", "Name", "clicks", Map.of("Name", "clicks", "RoleArn", ROLE, "Source", STREAM,
                "Target", WORKER, "SourceParameters", Map.of("KinesisStreamParameters", Map.of("StartingPosition", "LATEST",
                        "DeadLetterConfig", Map.of("Arn", SQS + "pipe-parking")))));

        String schedule = "arn:aws:scheduler:eu-west-1:111122223333:schedule/default/nightly";
        eu.items("scheduler", "ListSchedules", List.of(Map.of("Name", "nightly", "GroupName", "default", "Arn", schedule,
                "State", "ENABLED", "Target", Map.of("Arn", WORKER))));
        eu.answer("scheduler", "GetSchedule", "Name", "nightly", Map.of("Name", "nightly", "GroupName", "default",
                "Arn", schedule, "ScheduleExpression", "rate(1 day)", "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                "Target", Map.of("Arn", WORKER, "RoleArn", ROLE, "DeadLetterConfig", Map.of("Arn", SQS + "schedule-parking"))));

        List<Map<String, Object>> machines = new ArrayList<>();
        for (String name : List.of("checkout", "resilient", "refund", "reporting")) {
            machines.add(Map.of("stateMachineArn", STATES + name, "name", name, "type", "STANDARD",
                    "creationDate", "2025-06-01T00:00:00Z"));
            eu.answer("states", "DescribeStateMachine", "stateMachineArn", STATES + name, Map.of(
                    "stateMachineArn", STATES + name, "name", name, "type", "STANDARD", "status", "ACTIVE",
                    "definition", DEFINITIONS.get(name), "roleArn", ROLE, "creationDate", "2025-06-01T00:00:00Z"));
        }
        eu.items("states", "ListStateMachines", machines);
    }

    private static Map<String, Object> mapping(String uuid, String source, String function) {
        return Trees.map("UUID", uuid, "EventSourceArn", source, "FunctionArn", function, "State", "Enabled",
                "BatchSize", 10);
    }

    /** The twin, with the live resources that findings name. */
    static Twin twin() {
        return Twin.of(TEMPLATE).is("Orders", SQS + "orders").is("Jobs", SQS + "jobs.fifo")
                .is("Versioned", SQS + "versioned").is("Plain", SQS + "plain")
                .is("Notifications", SQS + "notifications").is("Refused", SQS + "refused")
                .is("Fast", SQS + "fast").is("FastParking", SQS + "fast-parking").is("Checkout", STATES + "checkout").is("Resilient", STATES + "resilient")
                .is("Refund", STATES + "refund").is("Reporting", STATES + "reporting").is("Worker", WORKER)
                .is("OrdersParking", SQS + "orders-parking").is("JobsParking", SQS + "jobs-parking.fifo")
                .is("FnParking", SQS + "fn-parking").is("SubParking", SQS + "sub-parking")
                .is("RuleParking", SQS + "rule-parking").is("BusParking", SQS + "bus-parking")
                .is("AsyncParking", SQS + "async-parking").is("StreamParking", SQS + "stream-parking")
                .is("PipeParking", SQS + "pipe-parking").is("ScheduleParking", SQS + "schedule-parking")
                // the alias moves to each version the template publishes; a live alias does not (DP04)
                .templateOnly("DP04 WorkerAlias");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).contains(
                // MQ01: no redrive policy and named by nothing; 'refused' refuses to be a dead-letter queue
                "MQ01 Notifications", "MQ01 Plain", "MQ01 Refused",
                // MQ02: fast-parking keeps messages 4 days (the default), no longer than fast; orders-parking 14
                "MQ02 FastParking",
                // MQ03: 30 s below 6 x 60 s, consumed by the function, through its alias, through its version
                "MQ03 Jobs", "MQ03 Orders", "MQ03 Versioned",
                // MQ07: the only task without a retry
                "MQ07 Checkout");
        assertThat(findings).filteredOn(f -> f.startsWith("MQ")).hasSize(8);
        // OB03: every dead-letter queue, whatever names it, and no alarm watches any of them
        assertThat(findings).filteredOn(f -> f.startsWith("OB03")).containsExactly("OB03 AsyncParking",
                "OB03 BusParking", "OB03 FastParking", "OB03 FnParking", "OB03 JobsParking", "OB03 OrdersParking",
                "OB03 PipeParking", "OB03 RuleParking", "OB03 ScheduleParking", "OB03 StreamParking", "OB03 SubParking");
    }
}
