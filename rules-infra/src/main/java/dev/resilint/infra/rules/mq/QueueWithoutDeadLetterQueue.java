package dev.resilint.infra.rules.mq;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MQ01: an SQS queue without a dead-letter queue. A message its consumer cannot process (a poison
 * message) is received, fails and becomes visible again, over and over, until it expires: it
 * burns consumer capacity, hides real failures and is finally lost without a trace. What it fires
 * on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class QueueWithoutDeadLetterQueue extends ResourceRule {

    private static final String QUEUE = "AWS::SQS::Queue";

    /** Where a redrive policy names a dead-letter queue. */
    private static final Set<String> REDRIVE_SOURCES = Set.of(QUEUE, "AWS::SNS::Subscription");

    /**
     * The resources whose dead-letter or on-failure settings can name a queue: a queue or SNS
     * subscription's redrive policy, a Lambda function's dead-letter config, an event invoke config's
     * or event source mapping's on-failure destination, an EventBridge rule target's, event bus's,
     * Pipe's or Scheduler schedule's dead-letter config.
     */
    private static final String[] DEAD_LETTER_REFERRERS = {"AWS::SNS::Subscription", "AWS::Lambda::Function",
        "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::EventSourceMapping", "AWS::Events::Rule",
        "AWS::Events::EventBus", "AWS::Pipes::Pipe", "AWS::Scheduler::Schedule"};

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ01", QueueWithoutDeadLetterQueue.class)
            .severity(Severity.WARNING)
            .summary("An SQS queue has no dead-letter queue.")
            .rationale("Without a redrive policy, a message that its consumer cannot process is received, fails "
                    + "and returns to the queue until its retention period ends. It takes consumer capacity on "
                    + "every attempt, delays other messages (and blocks its message group in a FIFO queue), and "
                    + "is finally deleted without anyone having seen it. A dead-letter queue sets such messages "
                    + "aside after a bounded number of receives, where an alarm can report them and a redrive "
                    + "can replay them once the bug is fixed.")
            .remediation("Create a second queue (with a longer `MessageRetentionPeriod`, e.g. 14 days) and set "
                    + "`RedrivePolicy: {deadLetterTargetArn: !GetAtt MyDeadLetterQueue.Arn, maxReceiveCount: 5}` "
                    + "on the source queue; alarm on the dead-letter queue's depth. A FIFO queue needs a FIFO "
                    + "dead-letter queue.")
            .wellArchitected("REL05-BP04")
            .anchors(Reference.cdkNag("AwsSolutions-SQS3"))
            .tags("queue", "dead-letter")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(QUEUE)
            .reads(DEAD_LETTER_REFERRERS)
            .firesOn("An `AWS::SQS::Queue` (FIFO queues included) with no `RedrivePolicy` in any possibility, "
                    + "whether it would be written as a map or as a JSON string, unless the queue is itself a "
                    + "dead-letter queue.")
            .quietWhen("Another queue's `RedrivePolicy` (its `deadLetterTargetArn`, also in a JSON string built with "
                            + "`Fn::Sub` or `Fn::Join`) or an SNS subscription's `RedrivePolicy` names the queue.",
                    "A dead-letter or on-failure setting names the queue: a Lambda function's "
                            + "`DeadLetterConfig.TargetArn`, an `AWS::Lambda::EventInvokeConfig` or event source "
                            + "mapping's `DestinationConfig.OnFailure.Destination`, an EventBridge rule target's, a "
                            + "event bus's, Pipe's or Scheduler schedule's `DeadLetterConfig.Arn`, and any other "
                            + "reference from these types written at a path that mentions a dead letter or an "
                            + "on-failure destination. Only references from resources that may exist count, "
                            + "`DependsOn` aside.",
                    "The queue declares itself a dead-letter queue: it has a `RedriveAllowPolicy` whose "
                            + "`redrivePermission` is not provably `denyAll`.",
                    "The queue's logical id or literal `QueueName` says it is one (`DeadLetter`, `DLQ`): such a queue "
                            + "is usually the dead-letter queue of a queue in another stack.",
                    "The redrive policy cannot be known, or is set in some branch of a condition.",
                    "Live: a resource that could name the queue as its dead-letter queue was not read in full (its "
                            + "detail call failed); that resource is reported as not evaluated instead.",
                    "The queue's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource queue, GraphView graph, RuleContext context) {
        // Presence is all that counts, so the property itself is read (a map, a JSON string or a
        // function building one); it must be absent whichever way its conditions go.
        if (!graph.property(queue, "RedrivePolicy").isAbsent() || isDeadLetterQueue(graph, queue)) {
            return; // has a redrive policy, or cannot tell, or is a dead-letter queue
        }
        String state = graph.written(queue, "RedrivePolicy")
                ? " has no RedrivePolicy (its condition leaves it unset)" : " has no RedrivePolicy";
        context.report(queue.locateProperty("RedrivePolicy"), "SQS queue " + queue.displayName()
                + state + ": a message that keeps failing is received again and again until it "
                + "expires, unseen; add a RedrivePolicy with a deadLetterTargetArn and a maxReceiveCount");
    }

    private static boolean isDeadLetterQueue(GraphView graph, Resource queue) {
        for (References.Edge e : graph.edgesTo(queue)) {
            if (e.kind() == References.Kind.DEPENDS_ON) {
                continue;
            }
            Optional<Resource> from = graph.resource(e.from());
            if (from.isEmpty() || !graph.mayExist(from.get())) {
                continue;
            }
            if (mentionsDeadLetter(e.path())) {
                return true;
            }
            if (REDRIVE_SOURCES.contains(from.get().type())
                    && (e.path().equals("Properties/RedrivePolicy") || e.path().startsWith("Properties/RedrivePolicy/"))) {
                return true; // a RedrivePolicy written as a JSON string (Fn::Sub, Fn::Join)
            }
        }
        if (!graph.property(queue, "RedriveAllowPolicy").isAbsent()) {
            Value allow = graph.embeddedJson(queue, "RedriveAllowPolicy");
            Optional<String> permission = allow.asMap().flatMap(m -> m.get("redrivePermission"))
                    .flatMap(n -> Symbols.valueOf(n).asString());
            if (!permission.equals(Optional.of("denyAll"))) {
                return true; // byQueue or allowAll: it offers itself as a dead-letter queue (or cannot tell)
            }
        }
        if (mentionsDeadLetter(queue.id())) {
            return true;
        }
        Optional<String> name = graph.property(queue, "QueueName").asString();
        if (name.isPresent() && mentionsDeadLetter(name.get())) {
            return true;
        }
        return someReferrerUnread(graph, queue);
    }

    /**
     * Whether a resource that could name the queue as its dead-letter queue was not read in full (a
     * live detail call failed): then nothing proves the queue is not one, and the queue is reported
     * as not evaluated, naming that resource (which is not evaluated either).
     */
    private static boolean someReferrerUnread(GraphView graph, Resource queue) {
        for (Resource r : graph.resources()) {
            if (!r.id().equals(queue.id()) && !graph.fullyRead(r)) {
                graph.cannotJudge(queue, Value.unknown(Value.Reason.READ_FAILED, "the dead-letter settings of "
                        + r.displayName() + " could not be read, and they may name this queue"));
                return true;
            }
        }
        return false;
    }

    /** True for {@code DeadLetterConfig}, {@code deadLetterTargetArn}, {@code OnFailure}, {@code orders-dlq}, ... */
    static boolean mentionsDeadLetter(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return t.contains("deadletter") || t.contains("onfailure") || t.contains("dlq");
    }
}
