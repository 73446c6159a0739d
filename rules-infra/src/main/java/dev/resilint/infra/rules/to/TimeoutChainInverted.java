package dev.resilint.infra.rules.to;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Relations;
import dev.resilint.infra.rules.support.StateMachines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TO02: a caller that gives up before its callee. The callee keeps working (and billing, and
 * holding connections) for a caller that is gone; the caller's retries pile more work on it. It
 * judges the whole template at once, since a function's callers are gathered from every
 * integration that refers to it. What it fires on and when it stays quiet, case by case, is in
 * its {@link #METADATA}.
 */
public final class TimeoutChainInverted implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("TO02", TimeoutChainInverted.class)
            .severity(Severity.WARNING)
            .summary("A caller times out before the Lambda function it calls: API Gateway integration or Step "
                    + "Functions task shorter than the function's timeout.")
            .rationale("When API Gateway or a Step Functions task stops waiting before the function may finish, "
                    + "the caller reports a timeout (a 504, a States.Timeout) while the function keeps running. "
                    + "Its work may still take effect, the client sees a failure, and client or state machine "
                    + "retries start more invocations on a function that is already slow: the load rises exactly "
                    + "when the backend struggles. Timeouts must shrink along the call chain, the caller waiting "
                    + "longer than the callee.")
            .remediation("Set the function's `Timeout` below the caller's: under the integration's "
                    + "`TimeoutInMillis` (29 s by default for REST APIs, 30 s for HTTP APIs), or under the Task "
                    + "state's `TimeoutSeconds`. If the work really takes longer, make it asynchronous (queue it, "
                    + "return 202, let the client poll) rather than raising the caller's timeout.")
            .wellArchitected("REL05-BP05")
            .tags("timeout", "lambda", "api-gateway", "step-functions")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::Lambda::Function", "AWS::StepFunctions::StateMachine")
            .reads("AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Api")
            .reads(Relations.FUNCTION_TYPES)
            .firesOn("A Lambda function integrated with API Gateway whose `Timeout` (3 s when unset) is longer than "
                            + "the integration timeout: an `AWS::ApiGateway::Method` whose `Integration.Uri` refers "
                            + "to the function (29 s unless `TimeoutInMillis` says otherwise), an "
                            + "`AWS::ApiGatewayV2::Integration` whose `IntegrationUri` refers to it (30 s for HTTP "
                            + "APIs, 29 s for WebSocket APIs, 30 s assumed when the API's protocol is unknown), or "
                            + "an HTTP API created with `Target` set to the function (30 s). SAM `Api` and `HttpApi` "
                            + "events become such methods and integrations. One finding per function, at its "
                            + "`Timeout`, naming the integration that gives up first.",
                    "A Step Functions `Task` state that invokes a Lambda function of the template (its `Resource` "
                            + "is the function's ARN, or `arn:aws:states:::lambda:invoke` with "
                            + "`Parameters.FunctionName` or `Arguments.FunctionName` naming it) and whose "
                            + "`TimeoutSeconds` is below the function's `Timeout`. One finding per state.")
            .quietWhen("Any timeout involved cannot be known; for values that depend on a condition, unless every "
                            + "branch is inverted.",
                    "The function cannot be identified: an ARN or name from outside the template, "
                            + "`FunctionName.$`, or several functions.",
                    "API Gateway methods that invoke the function asynchronously (`X-Amz-Invocation-Type: "
                            + "'Event'`, or a value that may not be `RequestResponse`).",
                    "A `Task` state without `TimeoutSeconds`: it has no timeout of its own, so it is never "
                            + "inverted; `.waitForTaskToken` invocations and other service integrations.",
                    "API definitions written as OpenAPI bodies, which are not read.",
                    "Resources that are never created (their `Condition` is provably false).")
            .build();

    /** REST API integration timeout when {@code TimeoutInMillis} is not set. */
    static final long REST_DEFAULT_MILLIS = 29_000;
    /** HTTP API integration timeout when {@code TimeoutInMillis} is not set. */
    static final long HTTP_DEFAULT_MILLIS = 30_000;
    /** WebSocket API integration timeout when {@code TimeoutInMillis} is not set. */
    static final long WEBSOCKET_DEFAULT_MILLIS = 29_000;

    private static final Pattern LAMBDA_INVOKE = Pattern.compile("arn:(\\$\\{AWS::Partition}|[^:]+):states:::lambda:invoke");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        checkApiIntegrations(graph, context);
        checkStateMachines(graph, context);
    }

    // ---------------------------------------------------------------- API Gateway

    /** An integration in front of a function and its timeout in milliseconds (max over possibilities). */
    private record Caller(Resource integration, String what, long millis, String describe) {
    }

    private static void checkApiIntegrations(GraphView graph, RuleContext context) {
        Map<Resource, List<Caller>> callers = new LinkedHashMap<>();
        for (Resource method : graph.ofType("AWS::ApiGateway::Method")) {
            if (!graph.mayExist(method) || invokedAsynchronously(graph, method)) {
                continue;
            }
            Optional<Resource> fn = Relations.oneFunction(graph,
                    Relations.referencedIds(graph, method, "Integration/Uri"));
            Optional<Relations.Range> millis = Relations.Range.of(graph.property(method, "Integration/TimeoutInMillis"),
                    REST_DEFAULT_MILLIS);
            if (fn.isPresent() && millis.isPresent()) {
                boolean unset = graph.property(method, "Integration/TimeoutInMillis").isAbsent();
                callers.computeIfAbsent(fn.get(), k -> new ArrayList<>()).add(new Caller(method,
                        "API Gateway method " + method.displayName(), millis.get().max(),
                        unset ? "29 s (the default)" : describeMillis(millis.get())));
            }
        }
        for (Resource integration : graph.ofType("AWS::ApiGatewayV2::Integration")) {
            if (!graph.mayExist(integration)) {
                continue;
            }
            Optional<Resource> fn = Relations.oneFunction(graph,
                    Relations.referencedIds(graph, integration, "IntegrationUri"));
            if (fn.isEmpty()) {
                continue;
            }
            Value timeout = graph.property(integration, "TimeoutInMillis");
            String protocol = protocol(graph, integration);
            long dflt = protocol.equals("WEBSOCKET") ? WEBSOCKET_DEFAULT_MILLIS : HTTP_DEFAULT_MILLIS;
            Relations.Range.of(timeout, dflt).ifPresent(range -> callers.computeIfAbsent(fn.get(),
                    k -> new ArrayList<>()).add(new Caller(integration,
                            (protocol.equals("WEBSOCKET") ? "WebSocket API" : "HTTP API") + " integration "
                                    + integration.displayName(), range.max(),
                            timeout.isAbsent() ? dflt / 1000 + " s (the default)" : describeMillis(range))));
        }
        for (Resource api : graph.ofType("AWS::ApiGatewayV2::Api")) {
            if (!graph.mayExist(api)) {
                continue;
            }
            Relations.oneFunction(graph, Relations.referencedIds(graph, api, "Target")).ifPresent(fn ->
                    callers.computeIfAbsent(fn, k -> new ArrayList<>()).add(new Caller(api,
                            "HTTP API " + api.displayName() + " (quick create Target)", HTTP_DEFAULT_MILLIS,
                            "30 s (the default)")));
        }
        for (Map.Entry<Resource, List<Caller>> e : callers.entrySet()) {
            Resource fn = e.getKey();
            Optional<Relations.Range> timeout = Relations.lambdaTimeout(graph, fn);
            if (timeout.isEmpty() || !graph.mayExist(fn)) {
                continue;
            }
            List<Caller> inverted = e.getValue().stream()
                    .filter(c -> timeout.get().min() * 1000 > c.millis()).toList();
            if (inverted.isEmpty()) {
                continue;
            }
            Caller first = inverted.stream().min((a, b) -> Long.compare(a.millis(), b.millis())).orElseThrow();
            String others = inverted.size() > 1 ? " (and " + (inverted.size() - 1) + " more)" : "";
            String fnTimeout = graph.property(fn, "Timeout").isAbsent() ? "3 s (Timeout is not set)"
                    : timeout.get().describeMin(" s");
            context.report(fn.locateProperty("Timeout"), "Lambda function " + fn.displayName() + " may run for "
                    + fnTimeout + " but " + first.what() + others + " gives up after " + first.describe()
                    + ": callers get a timeout while the function keeps working, and their retries add load; set "
                    + "Timeout to at most " + first.millis() / 1000 + " s or make the call asynchronous");
        }
    }

    private static String describeMillis(Relations.Range range) {
        String s = range.max() % 1000 == 0 ? range.max() / 1000 + " s" : range.max() + " ms";
        return range.conditional() ? "at most " + s : s + " (TimeoutInMillis)";
    }

    /** A REST integration invoked with {@code X-Amz-Invocation-Type: 'Event'}, or one that may be. */
    private static boolean invokedAsynchronously(GraphView graph, Resource method) {
        Value type = graph.property(method, "Integration/RequestParameters/integration.request.header.X-Amz-Invocation-Type");
        if (type.isAbsent()) {
            return false;
        }
        return !type.asString().map(t -> t.replace("'", "").trim().equalsIgnoreCase("RequestResponse")).orElse(false);
    }

    /** {@code HTTP}, {@code WEBSOCKET}, or {@code ""} when the integration's API is unknown. */
    private static String protocol(GraphView graph, Resource integration) {
        List<String> apis = Relations.referencedIds(graph, integration, "ApiId");
        if (apis.size() != 1) {
            return "";
        }
        return graph.resource(apis.get(0), "AWS::ApiGatewayV2::Api")
                .flatMap(a -> graph.property(a, "ProtocolType").asString()).orElse("");
    }

    // ---------------------------------------------------------------- Step Functions

    private static void checkStateMachines(GraphView graph, RuleContext context) {
        for (Resource machine : graph.ofType("AWS::StepFunctions::StateMachine")) {
            if (!graph.mayExist(machine)) {
                continue;
            }
            for (StateMachines.State state : StateMachines.states(graph, machine)) {
                if (!state.type().equals(Optional.of("Task"))) {
                    continue;
                }
                Value stateTimeout = state.field("TimeoutSeconds");
                if (stateTimeout.isAbsent()) {
                    continue; // no timeout of its own
                }
                Optional<Relations.Range> seconds = Relations.Range.of(stateTimeout, Long.MAX_VALUE);
                Optional<Resource> fn = invokedFunction(graph, state);
                if (seconds.isEmpty() || fn.isEmpty()) {
                    continue;
                }
                Optional<Relations.Range> fnTimeout = Relations.lambdaTimeout(graph, fn.get());
                if (fnTimeout.isEmpty() || seconds.get().max() >= fnTimeout.get().min()) {
                    continue;
                }
                String fnText = graph.property(fn.get(), "Timeout").isAbsent() ? "3 s (Timeout is not set)"
                        : fnTimeout.get().describeMin(" s");
                context.report(state.locate("TimeoutSeconds"), "Task state " + state.display() + " of state machine "
                        + machine.displayName() + " times out after " + seconds.get().describeMax(" s")
                        + " but the Lambda function " + fn.get().displayName() + " it invokes may run for " + fnText
                        + ": the state fails with States.Timeout while the function keeps working, and a retry "
                        + "runs it twice; set TimeoutSeconds above the function's Timeout", state.path());
            }
        }
    }

    /** The Lambda function a Task state invokes synchronously, when the template defines it. */
    private static Optional<Resource> invokedFunction(GraphView graph, StateMachines.State state) {
        Value resource = state.field("Resource");
        Optional<String> arn = resource.asString();
        if (arn.isPresent() && arn.get().contains(":states:::")) {
            if (!LAMBDA_INVOKE.matcher(arn.get()).matches()) {
                return Optional.empty(); // .waitForTaskToken, or another service integration
            }
            Optional<Resource> fn = StateMachines.functionNamedBy(graph, state, "Parameters/FunctionName");
            return fn.isPresent() ? fn : StateMachines.functionNamedBy(graph, state, "Arguments/FunctionName");
        }
        return StateMachines.functionNamedBy(graph, state, "Resource");
    }
}
