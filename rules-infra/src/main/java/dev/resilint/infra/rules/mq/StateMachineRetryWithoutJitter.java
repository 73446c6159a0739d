package dev.resilint.infra.rules.mq;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.StateMachines;
import java.util.List;
import java.util.Optional;

/**
 * MQ07: a Step Functions {@code Task} state that does not retry, or retries without jitter. Without
 * a {@code Retry}, one transient error (a throttled or briefly unavailable service) fails the
 * execution; with retries but no jitter, every execution that failed together retries together,
 * in lockstep, and hits the recovering service again all at once. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class StateMachineRetryWithoutJitter extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ07", StateMachineRetryWithoutJitter.class)
            .severity(Severity.WARNING)
            .summary("A Step Functions Task state has no Retry, or retries without jitter.")
            .rationale("Task states call other services, which throttle and fail transiently. Without a Retry, "
                    + "the first such error fails the whole execution. With a Retry but no jitter, the "
                    + "executions that failed together wait the same backoff and retry together: a thundering "
                    + "herd that hits the recovering service in synchronized waves and can keep it down.")
            .remediation("Give every Task state a `Retry` for the transient errors of what it calls (for Lambda: "
                    + "`Lambda.ServiceException`, `Lambda.AWSLambdaException`, `Lambda.SdkClientException`, "
                    + "`Lambda.TooManyRequestsException`) with exponential backoff (`BackoffRate`), a "
                    + "`MaxDelaySeconds` cap and `JitterStrategy: FULL`. A task that must not be retried can "
                    + "say so with `MaxAttempts: 0`.")
            .wellArchitected("REL05-BP03")
            .tags("retry", "jitter", "step-functions")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::StepFunctions::StateMachine")
            .firesOn("A `Task` state (nested `Parallel` branches and `Map` iterators included) with no `Retry`, or "
                            + "an empty one; once per state.",
                    "A `Task` state one of whose retriers may retry twice or more (`MaxAttempts`, default 3, of 2 or "
                            + "more) without `JitterStrategy: FULL` (the default is `NONE`); once per state, naming "
                            + "the first such retrier. Retriers with `MaxAttempts` 0 or 1 are fine.",
                    "Definitions are read from `Definition`, `DefinitionString` (also built with `Fn::Sub` or "
                            + "`Fn::Join`) and SAM state machines.")
            .quietWhen("The definition is in S3 (`DefinitionS3Location`) or cannot be known.",
                    "For a state: its `Type`, its `Retry` list or the deciding retrier's `MaxAttempts` or "
                            + "`JitterStrategy` cannot be known.",
                    "The state machine's `Condition` is provably false.")
            .build();

    /** The Amazon States Language default of a retrier's {@code MaxAttempts}. */
    static final long DEFAULT_MAX_ATTEMPTS = 3;

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource machine, GraphView graph, RuleContext context) {
        for (StateMachines.State state : StateMachines.states(graph, machine)) {
            if (!state.type().equals(Optional.of("Task"))) {
                continue;
            }
            verdict(state).ifPresent(problem -> context.report(state.locate(problem.field()),
                    "Task state " + state.display() + " of state machine " + machine.displayName() + " "
                            + problem.text(), state.path()));
        }
    }

    private record Problem(String field, String text) {
    }

    private static Optional<Problem> verdict(StateMachines.State state) {
        Value retry = state.field("Retry");
        if (retry.isAbsent() || retry.asList().map(List::isEmpty).orElse(false)) {
            return Optional.of(new Problem("", "has no Retry: one transient error or throttle fails the execution; "
                    + "add a Retry for the transient errors with BackoffRate, MaxDelaySeconds and "
                    + "JitterStrategy: FULL"));
        }
        Optional<List<Value>> retriers = retry.asList();
        if (retriers.isEmpty()) {
            return Optional.empty(); // unknown
        }
        for (int i = 0; i < retriers.get().size(); i++) {
            Optional<MapNode> retrier = retriers.get().get(i).asMap();
            if (retrier.isEmpty()) {
                continue;
            }
            Value max = retrier.get().get("MaxAttempts").map(Symbols::valueOf).orElse(Value.ABSENT);
            Value jitter = retrier.get().get("JitterStrategy").map(Symbols::valueOf).orElse(Value.ABSENT);
            Optional<Long> attempts = max.isAbsent() ? Optional.of(DEFAULT_MAX_ATTEMPTS) : max.asLong();
            Optional<String> strategy = jitter.isAbsent() ? Optional.of("NONE") : jitter.asString();
            if (attempts.isEmpty() || strategy.isEmpty() || attempts.get() < 2 || strategy.get().equals("FULL")) {
                continue;
            }
            String times = max.isAbsent() ? "up to 3 times (MaxAttempts defaults to 3)"
                    : "up to " + attempts.get() + " times";
            String how = jitter.isAbsent() ? "without JitterStrategy" : "with JitterStrategy: " + strategy.get();
            return Optional.of(new Problem("Retry/" + i, "retries " + times + " " + how + " (retrier "
                    + (i + 1) + describeErrors(retrier.get()) + "): executions that fail together retry in "
                    + "lockstep; add JitterStrategy: FULL"));
        }
        return Optional.empty();
    }

    private static String describeErrors(MapNode retrier) {
        Optional<List<Value>> errors = retrier.get("ErrorEquals").map(Symbols::valueOf).flatMap(Value::asList);
        if (errors.isEmpty() || errors.get().isEmpty()) {
            return "";
        }
        List<String> names = errors.get().stream().map(v -> v.asString().orElse("?")).toList();
        return ", " + String.join(", ", names);
    }
}
