package dev.resilint.infra.rules.mq;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.DeadLetterQueues;
import dev.resilint.infra.rules.support.Relations;
import java.util.Optional;

/**
 * MQ02: a dead-letter queue that does not keep messages longer than its source queue. In a
 * standard queue a message keeps its original enqueue time when it moves to the dead-letter
 * queue, so a message that failed late in the source queue expires from the dead-letter queue
 * soon after it arrives, before anyone looks at it. What it fires on and when it stays quiet, case
 * by case, is in its {@link #METADATA}.
 */
public final class DeadLetterRetentionShort extends ResourceRule {

    private static final String QUEUE = DeadLetterQueues.QUEUE;

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ02", DeadLetterRetentionShort.class)
            .severity(Severity.WARNING)
            .summary("A dead-letter queue does not keep messages longer than its source queue.")
            .rationale("For standard queues, SQS computes a message's expiry from its original enqueue time, "
                    + "which does not change when the message moves to the dead-letter queue. A message that "
                    + "spent 3 of its source queue's 4 days failing arrives in a dead-letter queue with 4 days "
                    + "of retention and is deleted one day later; with equal retention, a message that failed "
                    + "on its last day is gone within hours. AWS's guidance (Amazon SQS Developer Guide, "
                    + "\"Setting-up dead-letter queue retention\") is to always give the dead-letter queue a longer "
                    + "retention period than the source. FIFO queues reset the enqueue time on "
                    + "the move, so the rule does not judge them.")
            .remediation("Set the dead-letter queue's `MessageRetentionPeriod` above the source queue's, typically "
                    + "to the maximum, 1209600 (14 days), and alarm on its depth so that someone redrives or "
                    + "inspects the messages in time.")
            .wellArchitected("REL05-BP04")
            .tags("queue", "dead-letter", "retention")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(QUEUE)
            .firesOn("An `AWS::SQS::Queue` named by a standard source queue's `RedrivePolicy.deadLetterTargetArn` "
                            + "(a map or a JSON string, also built with `Fn::Sub` or `Fn::Join`) whose "
                            + "`MessageRetentionPeriod` (345600 s, 4 days, when unset) is not longer than the source "
                            + "queue's (same default), in every branch of their conditions.",
                    "With several source queues, one finding per dead-letter queue, naming the source that keeps "
                            + "messages longest; it is located at the dead-letter queue's `MessageRetentionPeriod`, "
                            + "or at the queue when the property is not set.")
            .quietWhen("The source queue is a FIFO queue (`FifoQueue: true`) or may be one: FIFO queues reset the "
                            + "enqueue time when a message moves, so the dead-letter queue keeps it for its own "
                            + "whole retention period.",
                    "Either retention period, the source's `FifoQueue` or the redrive target cannot be known "
                            + "(a parameter without default, an import, a condition), or the dead-letter queue is "
                            + "named by a literal ARN or lives in another stack.",
                    "Live: another queue's attributes could not be read (its redrive policy may name this "
                            + "queue); the queue is reported as not evaluated instead.",
                    "A queue whose `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource dlq, GraphView graph, RuleContext context) {
        Optional<Relations.Range> kept = Relations.Range.of(graph.property(dlq, "MessageRetentionPeriod"),
                DeadLetterQueues.DEFAULT_RETENTION);
        if (kept.isEmpty()) {
            return;
        }
        Resource longest = null;
        Relations.Range longestRange = null;
        for (Resource source : DeadLetterQueues.sourcesOf(graph, dlq)) {
            if (!graph.property(source, "FifoQueue").isFalseOrAbsent()) {
                continue; // FIFO (or maybe): the enqueue time resets on the move
            }
            Optional<Relations.Range> sourceKeeps = Relations.Range.of(
                    graph.property(source, "MessageRetentionPeriod"), DeadLetterQueues.DEFAULT_RETENTION);
            if (sourceKeeps.isEmpty() || kept.get().max() > sourceKeeps.get().min()) {
                continue;
            }
            if (longest == null || sourceKeeps.get().min() > longestRange.min()) {
                longest = source;
                longestRange = sourceKeeps.get();
            }
        }
        if (longest == null) {
            someSourceUnread(graph, dlq);
            return;
        }
        context.report(dlq.locateProperty("MessageRetentionPeriod"), "SQS queue " + dlq.displayName()
                + ", the dead-letter queue of " + longest.displayName() + ", keeps messages for "
                + describe(graph.property(dlq, "MessageRetentionPeriod"), kept.get(), true)
                + ", no longer than its source queue's " + describe(graph.property(longest,
                        "MessageRetentionPeriod"), longestRange, false)
                + ": a message keeps its original enqueue time when it moves, so one that failed late expires "
                + "from the dead-letter queue soon after it arrives; set MessageRetentionPeriod of "
                + dlq.displayName() + " above " + longestRange.min() + " s (e.g. 1209600, 14 days)");
    }

    /**
     * Live: a queue whose attributes could not be read may name this one as its dead-letter queue,
     * so nothing proves that this one keeps messages long enough; it is reported as not evaluated.
     */
    private static void someSourceUnread(GraphView graph, Resource dlq) {
        for (Resource q : graph.ofType(QUEUE)) {
            if (!q.id().equals(dlq.id()) && !graph.fullyRead(q)) {
                graph.cannotJudge(dlq, Value.unknown(Value.Reason.READ_FAILED, "the redrive policy of "
                        + q.displayName() + " could not be read, and it may name this queue"));
                return;
            }
        }
    }

    private static String describe(Value value, Relations.Range range, boolean upper) {
        if (value.isAbsent()) {
            return DeadLetterQueues.describeSeconds(DeadLetterQueues.DEFAULT_RETENTION)
                    + " (MessageRetentionPeriod is not set, default 4 days)";
        }
        String prefix = range.conditional() ? (upper ? "up to " : "at least ") : "";
        return prefix + DeadLetterQueues.describeSeconds(upper ? range.max() : range.min());
    }
}
