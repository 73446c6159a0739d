package dev.resilint.infra.rules.ob;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.DeadLetterQueues;
import dev.resilint.infra.rules.support.ListItems;
import dev.resilint.infra.rules.support.Relations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OB03: a dead-letter queue that no CloudWatch alarm watches. Messages that failed for good pile
 * up there silently until they expire; the dead-letter queue only helps when someone learns that
 * it is filling. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class DeadLetterQueueWithoutAlarm extends ResourceRule {

    private static final String QUEUE = DeadLetterQueues.QUEUE;
    private static final String ALARM = "AWS::CloudWatch::Alarm";

    /** The SQS metrics that show messages waiting in a queue. */
    static final Set<String> DEPTH_METRICS = Set.of("ApproximateNumberOfMessagesVisible",
            "ApproximateAgeOfOldestMessage");

    public static final RuleMetadata METADATA = RuleMetadata.builder("OB03", DeadLetterQueueWithoutAlarm.class)
            .severity(Severity.WARNING)
            .summary("A dead-letter queue has no CloudWatch alarm on its depth.")
            .rationale("A dead-letter queue holds the messages that failed for good: orders not placed, events "
                    + "not processed. Without an alarm on its depth nobody learns that it is filling, the cause "
                    + "is not fixed, and the messages expire at the end of the retention period. "
                    + "`ApproximateNumberOfMessagesVisible` (or `ApproximateAgeOfOldestMessage`) is the metric to "
                    + "watch: `NumberOfMessagesSent` does not count messages that SQS moves into a dead-letter "
                    + "queue, so an alarm on it never fires for them.")
            .remediation("Add an `AWS::CloudWatch::Alarm` on `AWS/SQS` `ApproximateNumberOfMessagesVisible` with "
                    + "the dimension `QueueName: !GetAtt MyDeadLetterQueue.QueueName`, statistic `Maximum`, "
                    + "threshold 0 or more with `ComparisonOperator: GreaterThanThreshold`, and `AlarmActions` "
                    + "naming a topic that pages the owners.")
            .wellArchitected("REL11-BP01")
            .tags("queue", "dead-letter", "alarm", "observability")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(QUEUE)
            .reads(ALARM)
            .reads(DeadLetterQueues.REFERRERS)
            .firesOn("An `AWS::SQS::Queue` that is provably a dead-letter queue (another queue's or an SNS "
                            + "subscription's `RedrivePolicy`, a Lambda function's `DeadLetterConfig`, an on-failure "
                            + "destination of an event invoke config or event source mapping, or the "
                            + "`DeadLetterConfig` of an EventBridge rule target, event bus, Pipe or Scheduler schedule "
                            + "names it) when no `AWS::CloudWatch::Alarm` in the template watches its depth: the "
                            + "`AWS/SQS` metric `ApproximateNumberOfMessagesVisible` or "
                            + "`ApproximateAgeOfOldestMessage` with a `QueueName` dimension naming the queue "
                            + "(`Fn::GetAtt Queue.QueueName`, or the queue's literal `QueueName`), directly or in "
                            + "a metric math `Metrics` entry; located at the queue.")
            .quietWhen("Some alarm that may exist watches an SQS depth metric whose `QueueName` dimension cannot be "
                            + "known (a parameter without default, an import, a condition), or whose metric name or "
                            + "metrics cannot be known: it may watch this queue.",
                    "The queue is only named like a dead-letter queue, or only offers itself as one "
                            + "(`RedriveAllowPolicy`), with no source in the template: its alarm is likely where its "
                            + "source is.",
                    "The queue's `Condition` is provably false; alarms that are never created do not count.",
                    "In a live scan, a queue that is not provably a dead-letter queue while some resource that "
                            + "could name it as one was not read in full: not evaluated, naming that resource.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource queue, GraphView graph, RuleContext context) {
        if (!DeadLetterQueues.isNamedAsDeadLetter(graph, queue)) {
            someReferrerUnread(graph, queue);
            return;
        }
        Optional<String> name = graph.property(queue, "QueueName").asString();
        for (Resource alarm : graph.ofType(ALARM)) {
            if (!graph.mayExist(alarm)) {
                continue;
            }
            for (Metric metric : metrics(graph, alarm)) {
                Watch w = watches(graph, alarm, metric, queue, name);
                if (w != Watch.OTHER) {
                    return; // this queue, or cannot tell
                }
            }
        }
        List<String> sources = new ArrayList<>();
        DeadLetterQueues.sourcesOf(graph, queue).forEach(s -> sources.add(s.displayName()));
        String of = sources.isEmpty() ? "" : " (of " + String.join(", ", sources) + ")";
        context.report(queue.locate(""), "SQS queue " + queue.displayName() + " is a dead-letter queue" + of
                + " but no CloudWatch alarm watches its depth: messages that failed for good pile up unseen until "
                + "they expire; add an alarm on AWS/SQS ApproximateNumberOfMessagesVisible with dimension QueueName "
                + "of " + queue.displayName() + " and AlarmActions that page the owners");
    }

    /**
     * When a resource that could name the queue as its dead-letter queue was not read in full (a live
     * detail call failed), nothing proves the queue is not one: it is recorded as not evaluated.
     */
    private static void someReferrerUnread(GraphView graph, Resource queue) {
        for (Resource r : graph.resources()) {
            if (!r.id().equals(queue.id()) && !r.type().equals(ALARM) && !graph.fullyRead(r)) {
                graph.cannotJudge(queue, Value.unknown(Value.Reason.READ_FAILED, "the dead-letter settings of "
                        + r.displayName() + " could not be read, and they may name this queue"));
                return;
            }
        }
    }

    private enum Watch { THIS, UNKNOWN, OTHER }

    /** One metric an alarm watches: its own, or a metric math entry's {@code MetricStat.Metric}. */
    private record Metric(Value namespace, Value name, Value dimensions) {
    }

    /** The metrics of the alarm; one unknown metric when its {@code Metrics} list cannot be known. */
    private static List<Metric> metrics(GraphView graph, Resource alarm) {
        List<Metric> out = new ArrayList<>();
        if (!graph.property(alarm, "MetricName").isAbsent()) {
            out.add(new Metric(graph.property(alarm, "Namespace"), graph.property(alarm, "MetricName"),
                    graph.property(alarm, "Dimensions")));
        }
        Optional<List<Value>> items = ListItems.of(graph.property(alarm, "Metrics"));
        if (items.isEmpty()) {
            Value unknown = Value.unknown(Value.Reason.TOO_COMPLEX, "Metrics");
            out.add(new Metric(unknown, unknown, unknown));
            return out;
        }
        for (Value item : items.get()) {
            Value metric = item.field("MetricStat").field("Metric");
            if (!metric.isAbsent()) {
                out.add(new Metric(metric.field("Namespace"), metric.field("MetricName"), metric.field("Dimensions")));
            }
        }
        return out;
    }

    /** Whether the metric is a depth metric of {@code queue}, of another queue (or no SQS depth), or cannot tell. */
    private static Watch watches(GraphView graph, Resource alarm, Metric metric, Resource queue,
            Optional<String> queueName) {
        Optional<String> namespace = metric.namespace().asString();
        Optional<String> name = metric.name().asString();
        if (namespace.isEmpty() || name.isEmpty()) {
            return Watch.UNKNOWN;
        }
        if (!namespace.get().equals("AWS/SQS") || !DEPTH_METRICS.contains(name.get())) {
            return Watch.OTHER;
        }
        Optional<List<Value>> dimensions = ListItems.of(metric.dimensions());
        if (dimensions.isEmpty()) {
            return Watch.UNKNOWN;
        }
        Watch answer = Watch.OTHER;
        for (Value dimension : dimensions.get()) {
            Optional<String> key = dimension.field("Name").asString();
            if (key.isEmpty()) {
                answer = Watch.UNKNOWN;
                continue;
            }
            if (!key.get().equals("QueueName")) {
                continue;
            }
            Value value = dimension.field("Value");
            Optional<Symbols.ResourceRef> ref = value.asResourceRef();
            if (ref.isPresent()) {
                if (ref.get().resourceId().equals(queue.id())) {
                    return Watch.THIS;
                }
                continue;
            }
            Optional<String> literal = value.asString();
            if (literal.isPresent()) {
                if (queueName.equals(literal)) {
                    return Watch.THIS;
                }
                continue;
            }
            // built with Fn::Sub / Fn::Join, or a parameter, an import: this queue when it mentions it
            answer = Relations.idsAt(graph, alarm, "Properties").contains(queue.id()) ? Watch.THIS : Watch.UNKNOWN;
            if (answer == Watch.THIS) {
                return answer;
            }
        }
        return answer;
    }
}
