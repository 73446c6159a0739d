package dev.resilint.infra.rules.mq;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Arn;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MQ06: an event delivery without a dead-letter queue: an EventBridge rule target, an SNS
 * subscription, an EventBridge Scheduler schedule or a stream-reading Pipe. When the service
 * cannot deliver (the target throttles, is deleted, or lost its permission) it retries for a while
 * and then drops the event without a trace. What it fires on and when it stays quiet, case by
 * case, is in its {@link #METADATA}.
 */
public final class EventTargetWithoutDeadLetter extends ResourceRule {

    static final String RULE = "AWS::Events::Rule";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    static final String SCHEDULE = "AWS::Scheduler::Schedule";
    static final String PIPE = "AWS::Pipes::Pipe";

    /** The SNS protocols whose deliveries a redrive policy covers and that a program consumes. */
    static final Set<String> SNS_PROTOCOLS = Set.of("sqs", "lambda", "http", "https", "firehose");

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ06", EventTargetWithoutDeadLetter.class)
            .severity(Severity.WARNING)
            .summary("An EventBridge rule target, SNS subscription, Scheduler schedule or Pipe has no dead-letter "
                    + "queue.")
            .rationale("EventBridge, SNS, EventBridge Scheduler and Pipes deliver to their targets themselves. "
                    + "When a delivery fails (the target throttles, was deleted, or lost the permission to be "
                    + "invoked) they retry for a while (EventBridge and Scheduler up to 24 hours and 185 "
                    + "attempts by default, SNS by its delivery policy) and then drop the event: the order is "
                    + "never processed and nothing records it. A dead-letter queue keeps what could not be "
                    + "delivered, with the error, for an alarm and a replay. This rule is about the delivery "
                    + "leg; what a Lambda function does with an event it received asynchronously and failed to "
                    + "process is MQ04's, so a rule targeting a function can have a finding of each, on "
                    + "different resources.")
            .remediation("Give each target a `DeadLetterConfig: {Arn: !GetAtt TargetDlq.Arn}` (EventBridge rule "
                    + "targets, Scheduler `Target`, Pipes `SourceParameters.KinesisStreamParameters` or "
                    + "`DynamoDBStreamParameters`), and each SNS subscription a `RedrivePolicy: "
                    + "{deadLetterTargetArn: !GetAtt SubscriptionDlq.Arn}`; SNS topics' inline `Subscription` "
                    + "entries cannot have one: declare them as `AWS::SNS::Subscription` resources. The queue's "
                    + "policy must let the service send to it. With SAM, set `DeadLetterConfig` on "
                    + "`EventBridgeRule`, `Schedule` and `ScheduleV2` events and `RedrivePolicy` on `SNS` events.")
            .wellArchitected("REL05-BP04")
            .anchors(Reference.cdkNag("Serverless-EventBusDLQ"), Reference.cdkNag("Serverless-SNSRedrivePolicy"))
            .tags("events", "dead-letter")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(RULE, SUBSCRIPTION, SCHEDULE, PIPE)
            .firesOn("An `AWS::Events::Rule` that is not `DISABLED`: each target without `DeadLetterConfig.Arn`, "
                            + "one finding per target located at the target and named by its `Id`.",
                    "An `AWS::SNS::Subscription` with protocol `sqs`, `lambda`, `http`, `https` or `firehose` "
                            + "and no `RedrivePolicy`.",
                    "An `AWS::Scheduler::Schedule` whose `Target` has no `DeadLetterConfig.Arn`.",
                    "An `AWS::Pipes::Pipe` reading a Kinesis or DynamoDB stream (its `SourceParameters` have "
                            + "`KinesisStreamParameters` or `DynamoDBStreamParameters`, or its `Source` is such a "
                            + "stream) whose stream parameters have no `DeadLetterConfig.Arn`.",
                    "SAM `EventBridgeRule`, `CloudWatchEvent`, `Schedule`, `ScheduleV2` and `SNS` events expand to "
                            + "these resources and are judged the same way.")
            .quietWhen("A target that cannot have a dead-letter queue: SNS `email`, `email-json`, `sms` and "
                            + "`application` subscriptions (human or device endpoints); the inline `Subscription` "
                            + "entries of an `AWS::SNS::Topic`, which cannot have a redrive policy (declaring them as "
                            + "`AWS::SNS::Subscription` resources is the way to give them one; in an account they "
                            + "are subscriptions like any other and judged as such); Pipes reading SQS "
                            + "(the source queue's own redrive policy is their dead-letter queue, see MQ01), Amazon "
                            + "MQ or Kafka.",
                    "The dead-letter setting, the targets list, the protocol or the rule's `State` cannot be "
                            + "known, or depends on a condition.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource resource, GraphView graph, RuleContext context) {
        switch (resource.type()) {
            case RULE -> rule(resource, graph, context);
            case SUBSCRIPTION -> subscription(resource, graph, context);
            case SCHEDULE -> schedule(resource, graph, context);
            default -> pipe(resource, graph, context);
        }
    }

    private static final String DROPPED = " are dropped without a trace";

    private static void rule(Resource rule, GraphView graph, RuleContext context) {
        Value state = graph.property(rule, "State");
        if (!state.always(v -> v.isAbsent() || v.asString().filter(s -> !s.equals("DISABLED")).isPresent())) {
            return;
        }
        Optional<List<Value>> targets = ListItems.of(graph.property(rule, "Targets"));
        if (targets.isEmpty()) {
            return;
        }
        for (Value target : targets.get()) {
            if (!target.field("DeadLetterConfig").field("Arn").isAbsent() || !target.isKnown()) {
                continue;
            }
            Optional<String> id = ListItems.text(target, "Id");
            String name = id.map(i -> " '" + i + "'").orElse("");
            context.report(rule.locateInItem("Properties/Targets", target, "Id"), "EventBridge rule " + rule.displayName()
                    + " target" + name + " has no DeadLetterConfig: events "
                    + "that EventBridge cannot deliver (throttled, deleted or unauthorized target) after its retries "
                    + "(24 hours, 185 attempts by default)" + DROPPED + "; set DeadLetterConfig.Arn to an SQS queue "
                    + "that the rule may send to", id.orElse(""));
        }
    }

    private static void subscription(Resource subscription, GraphView graph, RuleContext context) {
        Optional<String> protocol = graph.property(subscription, "Protocol").asString()
                .map(p -> p.toLowerCase(Locale.ROOT));
        if (protocol.isEmpty() || !SNS_PROTOCOLS.contains(protocol.get())
                || !graph.property(subscription, "RedrivePolicy").isAbsent()) {
            return;
        }
        context.report(subscription.locateProperty("RedrivePolicy"), "SNS subscription " + subscription.displayName()
                + " (protocol " + protocol.get() + ") has no RedrivePolicy: messages that SNS cannot deliver after "
                + "its delivery retries" + DROPPED + "; set RedrivePolicy with a deadLetterTargetArn naming an SQS "
                + "queue that the topic may send to");
    }

    private static void schedule(Resource schedule, GraphView graph, RuleContext context) {
        Value target = graph.property(schedule, "Target");
        if (!target.isKnown() || !graph.property(schedule, "Target/DeadLetterConfig/Arn").isAbsent()) {
            return;
        }
        context.report(schedule.locateProperty("Target/DeadLetterConfig"), "EventBridge Scheduler schedule "
                + schedule.displayName() + " has no Target.DeadLetterConfig: invocations that the "
                + "scheduler cannot deliver after its retries (24 hours, 185 attempts by default)" + DROPPED
                + "; set Target.DeadLetterConfig.Arn to an SQS queue that the schedule's role may send to");
    }

    private static void pipe(Resource pipe, GraphView graph, RuleContext context) {
        Optional<String> kind = streamKind(graph, pipe);
        if (kind.isEmpty()) {
            return;
        }
        String params = kind.get().equals("Kinesis") ? "KinesisStreamParameters" : "DynamoDBStreamParameters";
        String path = "SourceParameters/" + params + "/DeadLetterConfig";
        if (!graph.property(pipe, path + "/Arn").isAbsent()) {
            return;
        }
        context.report(pipe.locateProperty(path), "EventBridge pipe " + pipe.displayName() + " reads a " + kind.get()
                + " stream with no SourceParameters." + params + ".DeadLetterConfig: records that fail after "
                + "their retries (by default until they expire from the stream)" + DROPPED + "; set "
                + "DeadLetterConfig.Arn to an SQS queue or SNS topic (and a MaximumRetryAttempts)");
    }

    /** {@code Kinesis} or {@code DynamoDB} when the pipe provably reads such a stream. */
    private static Optional<String> streamKind(GraphView graph, Resource pipe) {
        boolean kinesis = !graph.property(pipe, "SourceParameters/KinesisStreamParameters").isAbsent();
        boolean dynamo = !graph.property(pipe, "SourceParameters/DynamoDBStreamParameters").isAbsent();
        if (kinesis != dynamo) {
            return Optional.of(kinesis ? "Kinesis" : "DynamoDB");
        }
        if (kinesis) {
            return Optional.empty();
        }
        Optional<Arn> source = graph.property(pipe, "Source").asString().flatMap(Arn::parse);
        if (source.isPresent() && source.get().service().equals("kinesis")) {
            return Optional.of("Kinesis");
        }
        if (source.isPresent() && source.get().isDynamoDbStream()) {
            return Optional.of("DynamoDB");
        }
        return Optional.empty(); // SQS, MQ, Kafka, or cannot tell (a reference's type is not read here)
    }
}
