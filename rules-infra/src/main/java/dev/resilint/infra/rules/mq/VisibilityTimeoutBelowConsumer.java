package dev.resilint.infra.rules.mq;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.Relations;
import java.util.List;
import java.util.Optional;

/**
 * MQ03: an SQS queue whose visibility timeout is too short for the Lambda function that consumes
 * it. A message becomes visible again while the function still works on it, and is processed twice
 * (or, with retries, many times), and throttled batches are retried before the visibility timeout
 * lets them go. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class VisibilityTimeoutBelowConsumer extends ResourceRule {

    static final String MULTIPLIER = "multiplier";
    static final long DEFAULT_VISIBILITY_TIMEOUT = 30;

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ03", VisibilityTimeoutBelowConsumer.class)
            .severity(Severity.WARNING)
            .summary("An SQS queue's visibility timeout is below 6 times the timeout of the Lambda function that "
                    + "consumes it.")
            .rationale("Lambda's event source mapping hides each message for the queue's visibility timeout while "
                    + "the function works on its batch. If the function can run longer, or its invocation is "
                    + "throttled and retried, the message reappears and another invocation processes it again: "
                    + "duplicate side effects, wasted capacity, and messages that reach the dead-letter queue "
                    + "without ever having failed. AWS recommends a visibility timeout of at least 6 times the "
                    + "function's timeout.")
            .remediation("Set the queue's `VisibilityTimeout` to at least 6 times the function's `Timeout` (plus "
                    + "the mapping's `MaximumBatchingWindowInSeconds`), or shorten the function's `Timeout`.")
            .wellArchitected("REL05-BP04")
            .anchors(Reference.cfnLint("E3505"), Reference.cdkNag("LambdaEventSourceSQSVisibilityTimeout"))
            .tags("queue", "timeout", "lambda")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::SQS::Queue")
            .reads("AWS::Lambda::EventSourceMapping")
            .reads(Relations.FUNCTION_TYPES)
            .parameter(new RuleParameter(MULTIPLIER, RuleParameter.Type.INTEGER, 6,
                    "The visibility timeout must be at least this many times the consuming function's timeout."))
            .firesOn("An `AWS::SQS::Queue` consumed by a Lambda function through an "
                            + "`AWS::Lambda::EventSourceMapping` (SAM `SQS` events become one) whose `EventSourceArn` "
                            + "refers to the queue, when the queue's `VisibilityTimeout` (30 s when unset) is below "
                            + "`multiplier` (default 6, AWS's recommendation) times the function's `Timeout` (3 s "
                            + "when unset); for a value depending on a condition, when every branch is too short.",
                    "With several consumers, one finding per queue, naming the one that needs the longest "
                            + "visibility timeout.")
            .quietWhen("Either timeout cannot be known.",
                    "The function cannot be identified (a name or ARN from outside the template, or several "
                            + "functions).",
                    "The visibility timeout covers `multiplier` times the function's timeout but not the mapping's "
                            + "`MaximumBatchingWindowInSeconds` on top, which AWS asks to add: it is not counted, so "
                            + "the rule errs on the quiet side.",
                    "The queue, the mapping or the function is never created (its `Condition` is provably false).")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    private record Consumer(Resource function, Relations.Range timeout) {
    }

    @Override
    protected void check(Resource queue, GraphView graph, RuleContext context) {
        long multiplier = Math.max(1, context.intParameter(MULTIPLIER));
        Optional<Relations.Range> visibility = Relations.Range.of(graph.property(queue, "VisibilityTimeout"),
                DEFAULT_VISIBILITY_TIMEOUT);
        if (visibility.isEmpty()) {
            return;
        }
        Consumer worst = null;
        int tooSlow = 0;
        for (Consumer c : consumers(graph, queue)) {
            if (visibility.get().max() < multiplier * c.timeout().min()) {
                tooSlow++;
                if (worst == null || c.timeout().min() > worst.timeout().min()) {
                    worst = c;
                }
            }
        }
        if (worst == null) {
            return;
        }
        boolean unset = graph.property(queue, "VisibilityTimeout").isAbsent();
        String vt = unset ? "30 s (VisibilityTimeout is not set)" : visibility.get().describeMax(" s");
        boolean fnUnset = graph.property(worst.function(), "Timeout").isAbsent();
        String timeout = fnUnset ? "3 s (Timeout is not set)" : worst.timeout().describeMin(" s");
        String others = tooSlow > 1 ? " (and " + (tooSlow - 1) + " other consuming function"
                + (tooSlow > 2 ? "s" : "") + ")" : "";
        context.report(queue.locateProperty("VisibilityTimeout"), "SQS queue " + queue.displayName()
                + " has a visibility timeout of " + vt + ", below " + multiplier + " x the " + timeout
                + " timeout of its consumer Lambda function " + worst.function().displayName() + others
                + ": messages reappear and are processed again while still in flight; set VisibilityTimeout to "
                + "at least " + multiplier * worst.timeout().min() + " s");
    }

    /** The functions that consume the queue through event source mappings, with their timeouts when known. */
    private static List<Consumer> consumers(GraphView graph, Resource queue) {
        return graph.referrers(queue, "AWS::Lambda::EventSourceMapping").stream()
                .filter(m -> graph.mayExist(m))
                .filter(m -> Relations.referencedIds(graph, m, "EventSourceArn").equals(List.of(queue.id())))
                .map(m -> Relations.oneFunction(graph, Relations.referencedIds(graph, m, "FunctionName")))
                .flatMap(Optional::stream)
                .distinct()
                .flatMap(f -> Relations.lambdaTimeout(graph, f).map(t -> new Consumer(f, t)).stream())
                .toList();
    }
}
