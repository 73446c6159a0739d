package dev.resilint.infra.rules.mq;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.AsyncInvocations;
import dev.resilint.infra.rules.support.Relations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MQ04: a Lambda function invoked asynchronously with neither a dead-letter queue nor an
 * on-failure destination. Lambda retries a failed asynchronous event twice and then discards it:
 * the S3 object is never processed, the notification never handled, and nothing records it. What
 * it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class AsyncLambdaWithoutFailureDestination extends ResourceRule {

    static final String INVOKE_CONFIG = "AWS::Lambda::EventInvokeConfig";

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ04", AsyncLambdaWithoutFailureDestination.class)
            .severity(Severity.WARNING)
            .summary("A Lambda function invoked asynchronously has neither a dead-letter queue nor an on-failure "
                    + "destination.")
            .rationale("Services such as S3, SNS, EventBridge, EventBridge Scheduler, SES, IoT and CloudWatch Logs "
                    + "invoke functions asynchronously: Lambda queues the event, and when the function fails it "
                    + "retries twice (by default, over up to 6 hours) and then discards the event. Without a "
                    + "dead-letter queue (`DeadLetterConfig`) or an on-failure destination "
                    + "(`AWS::Lambda::EventInvokeConfig` `DestinationConfig.OnFailure`) nothing keeps the failed "
                    + "event, so the work is silently lost and cannot be replayed. Functions called only "
                    + "synchronously (API Gateway, function URLs, Step Functions) or through event source "
                    + "mappings (SQS, streams) return their errors to the caller and are not judged. This rule is "
                    + "about the processing leg: a failed delivery by EventBridge, SNS or Scheduler to the "
                    + "function is MQ06's.")
            .remediation("Add an `AWS::Lambda::EventInvokeConfig` for the function (with the `Qualifier` its "
                    + "triggers invoke: `$LATEST`, or the alias) with `DestinationConfig: {OnFailure: "
                    + "{Destination: !GetAtt FailedEvents.Arn}}` (an SQS queue, SNS topic, EventBridge bus or "
                    + "function), or set the function's `DeadLetterConfig.TargetArn`; with SAM, "
                    + "`EventInvokeConfig.DestinationConfig.OnFailure` or `DeadLetterQueue`. Alarm on the "
                    + "queue's depth.")
            .wellArchitected("REL05-BP04")
            .anchors(Reference.awsConfig("lambda-dlq-check"), Reference.cdkNag("Serverless-LambdaDLQ"))
            .tags("lambda", "async", "dead-letter")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Relations.FUNCTION)
            .reads(Relations.ALIAS, Relations.VERSION, INVOKE_CONFIG)
            .reads(AsyncInvocations.TRIGGER_TYPES)
            .readsWhereSupported(AsyncInvocations.READ_WHERE_SUPPORTED)
            .firesOn("An `AWS::Lambda::Function` (SAM functions included) invoked asynchronously, directly or "
                            + "through one of its aliases or versions, by a resource of the template that may exist: "
                            + "an S3 bucket's `NotificationConfiguration.LambdaConfigurations` (also CDK's "
                            + "`Custom::S3BucketNotifications`), an SNS subscription or inline topic subscription "
                            + "with protocol `lambda`, an EventBridge rule target, an EventBridge Scheduler schedule "
                            + "target, an SES receipt rule's Lambda action (`InvocationType` `Event`, the default), "
                            + "an IoT topic rule's Lambda action, a CloudWatch Logs subscription filter, or a Lambda "
                            + "permission for `s3`, `sns`, `events`, `scheduler`, `ses`, `iot` or `logs`; SAM `S3`, "
                            + "`SNS`, `EventBridgeRule`, `CloudWatchEvent`, `Schedule`, `ScheduleV2`, `IoTRule` and "
                            + "`CloudWatchLogs` events count.",
                    "It fires when the function has no `DeadLetterConfig.TargetArn` (SAM `DeadLetterQueue`) and no "
                            + "`AWS::Lambda::EventInvokeConfig` (SAM `EventInvokeConfig`) with a "
                            + "`DestinationConfig.OnFailure.Destination` for a qualifier its callers invoke: "
                            + "`$LATEST` for callers that name the function, the alias's `Name` for callers that "
                            + "name an alias. For a SAM function any of its event invoke configs counts, since SAM "
                            + "points events at the `AutoPublishAlias` alias. One finding per function, located at "
                            + "`DeadLetterConfig` (at the function when it is not set).",
                    "In a live scan, the permissions are the statements of the resource-based policies of the "
                            + "function and of each of its aliases and versions (`lambda:GetPolicy`), and a bucket's "
                            + "notifications its `GetBucketNotificationConfiguration`; a permission for one of those "
                            + "service principals counts even when the caller it was granted for is gone (a stale "
                            + "permission can still be used).")
            .quietWhen("The function is only invoked synchronously or through event source mappings, or its callers "
                            + "are outside the template.",
                    "The function's only asynchronous callers are CloudFormation (a custom resource's "
                            + "`ServiceToken`) or AWS Config (a custom rule's `SourceIdentifier`): both invoke it "
                            + "asynchronously, but a failure there is already reported where it matters (the stack "
                            + "operation fails, the rule's evaluation is marked failed) and the event cannot be "
                            + "replayed from a dead-letter queue, so these callers are left out on purpose.",
                    "The dead-letter config, an on-failure destination or an event invoke config's qualifier "
                            + "cannot be known, or depends on a condition.",
                    "The function, or every asynchronous caller, is never created (its `Condition` is provably "
                            + "false).",
                    "In a live scan, SES receipt rules, IoT topic rules and CloudWatch Logs subscription filters are "
                            + "not read, and SNS inline subscriptions and CDK's `Custom::S3BucketNotifications` do not "
                            + "exist (live they are `AWS::SNS::Subscription`s and the bucket's own notifications): "
                            + "nothing is lost, since each of these services (`ses.amazonaws.com`, "
                            + "`iot.amazonaws.com`, `logs.amazonaws.com`, `s3.amazonaws.com`, `sns.amazonaws.com`) "
                            + "can invoke a function only through a Lambda permission for its service principal, "
                            + "which is read; so is a bucket whose notifications could not be read. EventBridge "
                            + "Scheduler invokes through its role, without a permission: schedules are read. Where "
                            + "a function policy, alias or version list, event invoke config or schedule could not "
                            + "be read, the rule is not evaluated in that account and region.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource function, GraphView graph, RuleContext context) {
        if (!graph.property(function, "DeadLetterConfig/TargetArn").isAbsent()) {
            return;
        }
        List<AsyncInvocations.Invocation> uncovered = new ArrayList<>();
        for (AsyncInvocations.Invocation i : AsyncInvocations.of(graph, function)) {
            if (!covered(graph, function, i.qualifier())) {
                uncovered.add(i);
            }
        }
        if (uncovered.isEmpty()) {
            return;
        }
        List<String> callers = uncovered.stream().limit(3).map(AsyncInvocations.Invocation::describe).toList();
        String more = uncovered.size() > 3 ? " and " + (uncovered.size() - 3) + " more" : "";
        context.report(function.locateProperty("DeadLetterConfig"), "Lambda function " + function.displayName()
                + " is invoked asynchronously (by " + String.join(", ", callers) + more + ") with neither a "
                + "DeadLetterConfig (not set) nor an on-failure destination (no EventInvokeConfig with "
                + "DestinationConfig.OnFailure): an event that still fails after Lambda's 2 retries is discarded "
                + "unseen; add an EventInvokeConfig with DestinationConfig.OnFailure (SAM: EventInvokeConfig) or "
                + "set DeadLetterConfig.TargetArn (SAM: DeadLetterQueue) to an SQS queue or SNS topic");
    }

    /**
     * Whether an event invoke config of the function that may exist has an on-failure destination
     * for {@code qualifier} (or for a qualifier that cannot be known); any config counts for a SAM function.
     */
    private static boolean covered(GraphView graph, Resource function, Optional<String> qualifier) {
        boolean sam = function.declaredType().filter("AWS::Serverless::Function"::equals).isPresent();
        for (Resource config : graph.ofType(INVOKE_CONFIG)) {
            if (!graph.mayExist(config) || Relations.oneFunction(graph,
                    Relations.referencedIds(graph, config, "FunctionName")).filter(f -> f.equals(function)).isEmpty()) {
                continue;
            }
            if (graph.property(config, "DestinationConfig/OnFailure/Destination").isAbsent()) {
                continue;
            }
            Optional<String> q = graph.property(config, "Qualifier").asString();
            if (sam || qualifier.isEmpty() || q.isEmpty() || q.equals(qualifier)) {
                return true;
            }
        }
        return false;
    }
}
