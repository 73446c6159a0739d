package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Shared reading of SQS dead-letter relations for the MQ and OB rules: the queue a redrive policy
 * names, the source queues of a dead-letter queue, and whether a queue is provably some
 * resource's dead-letter queue (a redrive policy, or a dead-letter or on-failure setting of a
 * Lambda function, event invoke config, event source mapping, SNS subscription, EventBridge rule,
 * event bus, Pipe or Scheduler schedule names it).
 */
public final class DeadLetterQueues {

    public static final String QUEUE = "AWS::SQS::Queue";

    /**
     * The resources whose dead-letter or on-failure settings can name a queue; a rule that calls
     * {@link #isNamedAsDeadLetter} declares them.
     */
    public static final List<String> REFERRERS = List.of("AWS::SNS::Subscription", "AWS::Lambda::Function",
            "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::EventSourceMapping", "AWS::Events::Rule",
            "AWS::Events::EventBus", "AWS::Pipes::Pipe", "AWS::Scheduler::Schedule");

    /** SQS's default {@code MessageRetentionPeriod}: 345600 s, 4 days. */
    public static final long DEFAULT_RETENTION = 345_600;

    private DeadLetterQueues() {
    }

    /**
     * The queue that {@code source}'s {@code RedrivePolicy} sends its dead letters to: the
     * {@code deadLetterTargetArn} of the policy (a map or a JSON string), or the one queue
     * referred to inside a policy string built with {@code Fn::Sub} or {@code Fn::Join}. Empty
     * when there is no policy, it depends on a condition, or the queue is not in the graph.
     */
    public static Optional<Resource> redriveTarget(GraphView graph, Resource source) {
        Value policy = graph.property(source, "RedrivePolicy");
        if (policy.isAbsent() || policy.possibilities().size() > 1) {
            return Optional.empty();
        }
        Value arn = graph.embeddedJson(source, "RedrivePolicy").field("deadLetterTargetArn");
        Optional<Resource> target = graph.resolve(arn, QUEUE);
        if (target.isPresent()) {
            return target;
        }
        List<Resource> queues = new ArrayList<>();
        for (String id : Relations.idsAt(graph, source, "Properties/RedrivePolicy")) {
            graph.resource(id, QUEUE).filter(q -> !queues.contains(q)).ifPresent(queues::add);
        }
        return queues.size() == 1 ? Optional.of(queues.get(0)) : Optional.empty();
    }

    /** The queues that may exist and whose redrive policy names {@code deadLetterQueue}, in the source's order. */
    public static List<Resource> sourcesOf(GraphView graph, Resource deadLetterQueue) {
        return graph.referrers(deadLetterQueue, QUEUE).stream()
                .filter(graph::mayExist)
                .filter(q -> !q.id().equals(deadLetterQueue.id()))
                .filter(q -> redriveTarget(graph, q).map(t -> t.id().equals(deadLetterQueue.id())).orElse(false))
                .toList();
    }

    /**
     * Whether a resource that may exist names {@code queue} as its dead-letter queue: another
     * queue's redrive policy, or a reference from one of {@link #REFERRERS} (and queues) written at
     * a path that mentions a dead letter or an on-failure destination ({@code DeadLetterConfig},
     * {@code RedrivePolicy}, {@code OnFailure}). {@code DependsOn} does not count.
     */
    public static boolean isNamedAsDeadLetter(GraphView graph, Resource queue) {
        if (!sourcesOf(graph, queue).isEmpty()) {
            return true;
        }
        for (References.Edge e : graph.edgesTo(queue)) {
            if (e.kind() == References.Kind.DEPENDS_ON) {
                continue;
            }
            Optional<Resource> from = graph.resource(e.from());
            if (from.isPresent() && !from.get().id().equals(queue.id()) && graph.mayExist(from.get())
                    && (mentionsDeadLetter(e.path()) || e.path().startsWith("Properties/RedrivePolicy"))) {
                return true;
            }
        }
        return false;
    }

    /** True for {@code DeadLetterConfig}, {@code deadLetterTargetArn}, {@code OnFailure}, {@code orders-dlq}, ... */
    public static boolean mentionsDeadLetter(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return t.contains("deadletter") || t.contains("onfailure") || t.contains("dlq");
    }

    /** {@code "345600 s (4 days)"}: seconds, with whole days or hours when they divide evenly. */
    public static String describeSeconds(long seconds) {
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            long days = seconds / 86_400;
            return seconds + " s (" + days + (days == 1 ? " day)" : " days)");
        }
        if (seconds >= 3_600 && seconds % 3_600 == 0) {
            long hours = seconds / 3_600;
            return seconds + " s (" + hours + (hours == 1 ? " hour)" : " hours)");
        }
        return seconds + " s";
    }
}
