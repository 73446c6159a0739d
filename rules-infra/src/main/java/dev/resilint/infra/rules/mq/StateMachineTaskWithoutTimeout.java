package dev.resilint.infra.rules.mq;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Relations;
import dev.resilint.infra.rules.support.StateMachines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MQ08: a Step Functions {@code Task} state that waits for something outside (an activity worker,
 * a task token callback, a {@code .sync} job) without a timeout. Step Functions then waits as long
 * as the execution may run, a year for a standard workflow: a lost worker or callback stalls the
 * execution silently. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class StateMachineTaskWithoutTimeout extends ResourceRule {

    static final String MACHINE = "AWS::StepFunctions::StateMachine";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern WAITING_SUFFIX = Pattern.compile("\\.(sync(:\\d+)?|waitForTaskToken)$");

    public static final RuleMetadata METADATA = RuleMetadata.builder("MQ08", StateMachineTaskWithoutTimeout.class)
            .severity(Severity.WARNING)
            .summary("A Step Functions Task state that waits for a worker, a callback or a job has no timeout.")
            .rationale("A Task state has no timeout unless it sets one: Step Functions waits as long as the "
                    + "execution may run, up to a year for a standard workflow. That matters for tasks that wait "
                    + "for something outside the call itself: an activity whose worker died, a "
                    + "`.waitForTaskToken` callback that is never sent, a `.sync` job that hangs. The execution "
                    + "stalls without failing, so no Retry or Catch runs and no alarm on failed executions fires. "
                    + "Request-response tasks are not flagged: a Lambda invoke is bounded by the function's own "
                    + "timeout (15 minutes at most) and other service calls return when the API call does. A "
                    + "`HeartbeatSeconds` also counts, since a worker or callback that stops sending heartbeats "
                    + "fails the task.")
            .remediation("Set `TimeoutSeconds` (or `TimeoutSecondsPath`) on the Task state to the longest the work "
                    + "may take, and a `HeartbeatSeconds` for activities and callbacks; catch `States.Timeout` "
                    + "to handle it.")
            .wellArchitected("REL05-BP05")
            .tags("timeout", "step-functions")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(MACHINE)
            .reads(Relations.FUNCTION_TYPES)
            .firesOn("A `Task` state (nested `Parallel` branches and `Map` iterators included) with none of "
                            + "`TimeoutSeconds`, `TimeoutSecondsPath`, `HeartbeatSeconds` and `HeartbeatSecondsPath`, "
                            + "whose `Resource` waits: an activity (an `arn:aws:states:...:activity:...` ARN or a "
                            + "`Ref` to a resource of the template that is not a Lambda function, alias or version: of the "
                            + "types whose `Ref` is an ARN valid as a Task `Resource`, only an "
                            + "`AWS::StepFunctions::Activity` remains), a service integration ending in "
                            + "`.sync`, `.sync:2` or `.waitForTaskToken` (such as "
                            + "`arn:aws:states:::lambda:invoke.waitForTaskToken` or "
                            + "`arn:aws:states:::ecs:runTask.sync`); once per state, located at the state.",
                    "Definitions are read from `Definition`, `DefinitionString` (also built with `Fn::Sub` or "
                            + "`Fn::Join`, with `DefinitionSubstitutions`) and SAM state machines.")
            .quietWhen("The task calls a Lambda function synchronously (a function ARN or "
                            + "`arn:aws:states:::lambda:invoke`) or another service request-response: its time is "
                            + "bounded by the call.",
                    "The state machine is an `EXPRESS` one (`StateMachineType`), whose executions end after 5 "
                            + "minutes.",
                    "The definition is in S3 (`DefinitionS3Location`, SAM `DefinitionUri`) or cannot be known, or "
                            + "the state's `Type` or `Resource` cannot be known.",
                    "The state machine's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource machine, GraphView graph, RuleContext context) {
        Value type = graph.property(machine, "StateMachineType");
        if (!type.always(v -> v.isAbsent() || v.asString().map("STANDARD"::equals).orElse(false))) {
            return; // EXPRESS, or cannot tell
        }
        for (StateMachines.State state : StateMachines.states(graph, machine)) {
            if (!state.type().equals(Optional.of("Task")) || bounded(state)) {
                continue;
            }
            waits(graph, state).ifPresent(how -> context.report(state.locate(""), "Task state " + state.display()
                    + " of state machine " + machine.displayName() + " waits for " + how + " without "
                    + "TimeoutSeconds (not set: no timeout, the task may wait as long as the execution runs, up "
                    + "to a year): a lost worker or callback stalls the execution without failing it; set "
                    + "TimeoutSeconds (or HeartbeatSeconds) and catch States.Timeout", state.path()));
        }
    }

    private static boolean bounded(StateMachines.State state) {
        for (String field : List.of("TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath")) {
            if (!state.field(field).isAbsent()) {
                return true; // set, or cannot tell
            }
        }
        return false;
    }

    /** What the task waits for, when it provably waits for something outside the call. */
    private static Optional<String> waits(GraphView graph, StateMachines.State state) {
        Value resource = state.field("Resource");
        Optional<Symbols.ResourceRef> ref = resource.asResourceRef();
        if (ref.isPresent()) {
            return isPlainRef(ref.get()) && isActivity(graph, ref.get().resourceId())
                    ? Optional.of("an activity worker") : Optional.empty();
        }
        Optional<String> text = resource.asString();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String arn = text.get().trim();
        Matcher suffix = WAITING_SUFFIX.matcher(arn);
        if (suffix.find()) {
            return Optional.of(suffix.group(1).startsWith("sync") ? "its job to finish (" + suffix.group() + ")"
                    : "a task token callback (.waitForTaskToken)");
        }
        if (arn.startsWith("arn:") && arn.contains(":activity:")) {
            return Optional.of("an activity worker");
        }
        List<String> placeholders = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(arn);
        while (m.find()) {
            placeholders.add(m.group(1).trim());
        }
        if (placeholders.size() == 1 && arn.equals("${" + placeholders.get(0) + "}")) {
            return activityPlaceholder(graph, state, placeholders.get(0));
        }
        return Optional.empty();
    }

    /** {@code ${X}} whose {@code DefinitionSubstitutions} entry is a {@code Ref} to an activity. */
    private static Optional<String> activityPlaceholder(GraphView graph, StateMachines.State state, String name) {
        Optional<Symbols.ResourceRef> ref = graph.property(state.machine(), "DefinitionSubstitutions/" + name)
                .asResourceRef();
        return ref.isPresent() && isPlainRef(ref.get()) && isActivity(graph, ref.get().resourceId())
                ? Optional.of("an activity worker") : Optional.empty();
    }

    private static boolean isPlainRef(Symbols.ResourceRef ref) {
        return ref.attribute() == null || ref.attribute().isEmpty();
    }

    /**
     * Whether the resource a {@code Ref} names, which the state uses as its {@code Resource}, is an
     * activity: a resource whose {@code Ref} is an ARN that a Task accepts is a Lambda version or
     * alias or an activity, so one that is none of the Lambda types is an activity.
     */
    private static boolean isActivity(GraphView graph, String id) {
        return Relations.lambdaFunction(graph, id).isEmpty()
                && graph.resource(id, Relations.FUNCTION_TYPES.toArray(String[]::new)).isEmpty();
    }
}
