package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQ04 on a template and on the fake account: functions invoked asynchronously by an S3 bucket's
 * notifications, an SNS subscription, EventBridge rule targets (one through an alias) and a
 * CloudWatch Logs subscription filter, each with the Lambda permission its service needs; one
 * covered by an on-failure destination, one by a dead-letter queue, one called only by API Gateway.
 * The subscription filter exists only in the template: live, its function is known to be invoked by
 * its permission for {@code logs.amazonaws.com}, so both sides get the same findings.
 */
class AsyncDestinationTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:";
    static final String SQS = "arn:aws:sqs:eu-west-1:111122223333:";
    static final String URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/";
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:orders";
    static final String EVENTS = "arn:aws:events:eu-west-1:111122223333:";
    static final String LOG_GROUP = "arn:aws:logs:eu-west-1:111122223333:log-group:app:*";
    static final String ROLE = "arn:aws:iam::111122223333:role/app";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Parking: {Type: AWS::SQS::Queue, Properties: {QueueName: parking, MessageRetentionPeriod: 1209600}}
              Thumbs:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: thumbs, Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::111122223333:role/app, Code: {ZipFile: x}, Timeout: 30}
              Notify:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: notify, Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::111122223333:role/app, Code: {ZipFile: x}, Timeout: 30}
              Nightly:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: nightly
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/app
                  Code: {ZipFile: x}
                  Timeout: 30
                  DeadLetterConfig: {TargetArn: !GetAtt Parking.Arn}
              Tail:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: tail, Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::111122223333:role/app, Code: {ZipFile: x}, Timeout: 30}
              Api:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: api, Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::111122223333:role/app, Code: {ZipFile: x}, Timeout: 30}
              Release:
                Type: AWS::Lambda::Function
                Properties: {FunctionName: release, Runtime: python3.12, Handler: app.handler, Role: arn:aws:iam::111122223333:role/app, Code: {ZipFile: x}, Timeout: 30}
              ReleaseVersion: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Release}}
              ReleaseAlias:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Release, FunctionVersion: !GetAtt ReleaseVersion.Version, Name: live}
              NotifyAsync:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: !Ref Notify
                  Qualifier: $LATEST
                  MaximumRetryAttempts: 2
                  DestinationConfig: {OnFailure: {Destination: !GetAtt Parking.Arn}}
              ReleaseAsync:
                Type: AWS::Lambda::EventInvokeConfig
                Properties:
                  FunctionName: !Ref Release
                  Qualifier: $LATEST
                  MaximumRetryAttempts: 2
                  DestinationConfig: {OnFailure: {Destination: !GetAtt Parking.Arn}}
              Uploads:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: uploads
                  VersioningConfiguration: {Status: Enabled}
                  NotificationConfiguration:
                    LambdaConfigurations: [{Event: 's3:ObjectCreated:*', Function: !GetAtt Thumbs.Arn}]
              ThumbsFromS3:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Thumbs, Principal: s3.amazonaws.com, SourceArn: 'arn:aws:s3:::uploads', SourceAccount: '111122223333'}
              Notified:
                Type: AWS::SNS::Subscription
                Properties: {TopicArn: arn:aws:sns:eu-west-1:111122223333:orders, Protocol: lambda, Endpoint: !GetAtt Notify.Arn}
              NotifyFromSns:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Notify, Principal: sns.amazonaws.com, SourceArn: arn:aws:sns:eu-west-1:111122223333:orders}
              Cron:
                Type: AWS::Events::Rule
                Properties:
                  Name: cron
                  ScheduleExpression: rate(1 day)
                  Targets: [{Id: nightly, Arn: !GetAtt Nightly.Arn}]
              NightlyFromEvents:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !GetAtt Nightly.Arn, Principal: events.amazonaws.com, SourceArn: arn:aws:events:eu-west-1:111122223333:rule/cron}
              Deploys:
                Type: AWS::Events::Rule
                Properties:
                  Name: deploys
                  EventPattern: {source: [aws.codedeploy]}
                  Targets: [{Id: release, Arn: !Ref ReleaseAlias}]
              ReleaseFromEvents:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref ReleaseAlias, Principal: events.amazonaws.com, SourceArn: arn:aws:events:eu-west-1:111122223333:rule/deploys}
              Errors:
                Type: AWS::Logs::SubscriptionFilter
                Properties: {LogGroupName: app, FilterPattern: ERROR, DestinationArn: !GetAtt Tail.Arn}
              TailFromLogs:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Tail, Principal: logs.amazonaws.com, SourceArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:app:*'}
              ApiFromGateway:
                Type: AWS::Lambda::Permission
                Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Api, Principal: apigateway.amazonaws.com}
            """;

    /** A policy with one statement: {@code principal} may invoke {@code resource}, from {@code source} when given. */
    static String policy(String sid, String principal, String resource, String source) {
        String condition = source == null ? "" : ",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"" + source + "\"}}";
        return "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":"
                + "\"Allow\",\"Principal\":{\"Service\":\"" + principal + "\"},\"Action\":\"lambda:InvokeFunction\","
                + "\"Resource\":\"" + resource + "\"" + condition + "}]}";
    }

    static Map<String, Object> function(String name, Map<String, Object> more) {
        Map<String, Object> f = new java.util.LinkedHashMap<>(Trees.map("FunctionName", name, "FunctionArn", FN + name,
                "Runtime", "python3.12", "Handler", "app.handler", "Role", ROLE, "Timeout", 30, "MemorySize", 128));
        f.putAll(more);
        return f;
    }

    /** The same resources as the account serves them; {@code policies} are what GetPolicy answers, by qualified ARN. */
    static void serve(FakeRegion eu, Map<String, String> policies) {
        eu.items("sqs", "ListQueues", List.of(URL + "parking"));
        eu.answer("sqs", "GetQueueAttributes", "QueueUrl", URL + "parking", Map.of("Attributes", Map.of(
                "QueueArn", SQS + "parking", "VisibilityTimeout", "30", "MessageRetentionPeriod", "1209600")));

        List<Map<String, Object>> functions = new ArrayList<>();
        for (String name : List.of("thumbs", "notify", "tail", "api", "release")) {
            functions.add(function(name, Map.of()));
        }
        functions.add(function("nightly", Map.of("DeadLetterConfig", Map.of("TargetArn", SQS + "parking"))));
        eu.items("lambda", "ListFunctions", functions);
        eu.items("lambda", "ListVersionsByFunction", "FunctionName", FN + "release", List.of(
                Map.of("FunctionName", "release", "FunctionArn", FN + "release:$LATEST", "Version", "$LATEST"),
                Map.of("FunctionName", "release", "FunctionArn", FN + "release:1", "Version", "1")));
        eu.items("lambda", "ListAliases", "FunctionName", FN + "release", List.of(Map.of(
                "AliasArn", FN + "release:live", "Name", "live", "FunctionVersion", "1")));
        for (String name : List.of("notify", "release")) {
            eu.items("lambda", "ListFunctionEventInvokeConfigs", "FunctionName", FN + name, List.of(Map.of(
                    "FunctionArn", FN + name + ":$LATEST", "MaximumRetryAttempts", 2,
                    "DestinationConfig", Map.of("OnFailure", Map.of("Destination", SQS + "parking")))));
        }
        eu.handler("lambda", "GetPolicy", in -> {
            String arn = in.get("FunctionName") + (in.get("Qualifier") == null ? "" : ":" + in.get("Qualifier"));
            String policy = policies.get(arn);
            if (policy == null) {
                throw new AwsError("ResourceNotFoundException", 404, "The resource you requested does not exist.");
            }
            return Map.of("Policy", policy, "RevisionId", "r-1");
        });

        eu.items("s3", "ListBuckets", List.of(Map.of("Name", "uploads", "BucketRegion", REGION)));
        eu.answer("s3", "GetBucketVersioning", "Bucket", "uploads", Map.of("Status", "Enabled"));
        eu.answer("s3", "GetBucketLogging", "Bucket", "uploads", Map.of());
        eu.answer("s3", "GetBucketNotificationConfiguration", "Bucket", "uploads", Map.of(
                "LambdaFunctionConfigurations", List.of(Map.of("LambdaFunctionArn", FN + "thumbs",
                        "Events", List.of("s3:ObjectCreated:*")))));

        eu.items("sns", "ListSubscriptions", List.of(Map.of("SubscriptionArn", TOPIC + ":7c1d", "TopicArn", TOPIC,
                "Protocol", "lambda", "Endpoint", FN + "notify", "Owner", ACCOUNT)));
        eu.answer("sns", "GetSubscriptionAttributes", "SubscriptionArn", TOPIC + ":7c1d", Map.of("Attributes",
                Map.of("PendingConfirmation", "false")));

        eu.items("events", "ListEventBuses", List.of(Map.of("Name", "default", "Arn", EVENTS + "event-bus/default")));
        eu.answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default",
                "Arn", EVENTS + "event-bus/default"));
        eu.items("events", "ListRules", "EventBusName", "default", List.of(
                Map.of("Name", "cron", "Arn", EVENTS + "rule/cron", "EventBusName", "default", "State", "ENABLED",
                        "ScheduleExpression", "rate(1 day)"),
                Map.of("Name", "deploys", "Arn", EVENTS + "rule/deploys", "EventBusName", "default",
                        "State", "ENABLED", "EventPattern", "{\"source\":[\"aws.codedeploy\"]}")));
        eu.items("events", "ListTargetsByRule", "Rule", "cron", List.of(Map.of("Id", "nightly", "Arn",
                FN + "nightly")));
        eu.items("events", "ListTargetsByRule", "Rule", "deploys", List.of(Map.of("Id", "release", "Arn",
                FN + "release:live")));
    }

    /** The account's function policies, as AddPermission left them for the template's permissions. */
    static Map<String, String> policies() {
        return Map.of(
                FN + "thumbs", policy("s3", "s3.amazonaws.com", FN + "thumbs", "arn:aws:s3:::uploads"),
                FN + "notify", policy("sns", "sns.amazonaws.com", FN + "notify", TOPIC),
                FN + "nightly", policy("events", "events.amazonaws.com", FN + "nightly", EVENTS + "rule/cron"),
                FN + "release:live", policy("events", "events.amazonaws.com", FN + "release:live",
                        EVENTS + "rule/deploys"),
                FN + "tail", policy("logs", "logs.amazonaws.com", FN + "tail", LOG_GROUP),
                FN + "api", policy("api", "apigateway.amazonaws.com", FN + "api", null));
    }

    static Twin twin() {
        return Twin.of(TEMPLATE).is("Parking", SQS + "parking").is("Thumbs", FN + "thumbs").is("Notify", FN + "notify")
                .is("Nightly", FN + "nightly").is("Tail", FN + "tail").is("Api", FN + "api")
                .is("Release", FN + "release").is("Uploads", "arn:aws:s3:::uploads").is("Notified", TOPIC + ":7c1d")
                .is("Cron", EVENTS + "rule/cron").is("Deploys", EVENTS + "rule/deploys")
                // the alias moves to each version the template publishes; a live alias does not (DP04)
                .templateOnly("DP04 ReleaseAlias");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION), policies());

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        // thumbs (S3), tail (Logs, known live by its permission alone) and release (its alias is the rule's
        // target, and only $LATEST has an on-failure destination); notify has one, nightly a dead-letter
        // queue, api is only called synchronously
        assertThat(findings).filteredOn(f -> f.startsWith("MQ04")).containsExactly("MQ04 Release", "MQ04 Tail",
                "MQ04 Thumbs");
        assertThat(FAKE.calls().count("lambda", "GetPolicy")).as("each function, release's alias and version")
                .isEqualTo(8);
    }

    @Test
    void liveTheCallersAreNamedByTheirPermissionsAndTheirTriggers() {
        serve(FAKE.account(ACCOUNT).region(REGION), policies());

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("MQ04")).extracting(f -> f.message())
                .anySatisfy(m -> assertThat(m).startsWith("Lambda function thumbs is invoked asynchronously (by ")
                        .contains("S3 bucket uploads (notifications)")
                        .contains("the Lambda permission thumbs s3 for s3.amazonaws.com"))
                .anySatisfy(m -> assertThat(m).startsWith("Lambda function tail is invoked asynchronously (by the "
                        + "Lambda permission tail logs for logs.amazonaws.com)"))
                .anySatisfy(m -> assertThat(m).startsWith("Lambda function release is invoked asynchronously (by "
                        + "EventBridge rule deploys, the Lambda permission release:live events for "
                        + "events.amazonaws.com)"));
    }

    @Test
    void withoutItsPermissionAFunctionCalledOnlyByLogsIsNotSeenLiveAndTheRestIsUnchanged() {
        Map<String, String> policies = new java.util.HashMap<>(policies());
        policies.remove(FN + "tail");
        serve(FAKE.account(ACCOUNT).region(REGION), policies);

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        // Logs cannot invoke tail without the permission: nothing calls it asynchronously
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("MQ04")).extracting(f -> ((Location.Live) f.location()).arn())
                .containsExactlyInAnyOrder(FN + "release", FN + "thumbs");
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void aThrottledPolicyReadIsNotEvaluatedInTheAccountRegionNeverAPass() {
        serve(FAKE.account(ACCOUNT).region(REGION), policies());
        FAKE.account(ACCOUNT).region(REGION).fail("lambda", "GetPolicy", "FunctionName", FN + "tail",
                new AwsError("TooManyRequestsException", 429, "Rate exceeded"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("MQ04"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("MQ04")).singleElement()
                .satisfies(n -> {
                    assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
                    assertThat(n.resourceType()).isEqualTo("AWS::Lambda::Permission");
                    assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.THROTTLED);
                    assertThat(n.detail()).contains("GetPolicy");
                });
        // the rules that do not read permissions still judge the account
        assertThat(results.findings()).anyMatch(f -> f.ruleId().equals("MQ06"));
    }
}
