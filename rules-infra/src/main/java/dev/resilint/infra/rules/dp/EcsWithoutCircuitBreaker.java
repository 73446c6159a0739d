package dev.resilint.infra.rules.dp;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * DP01: an ECS service deployed by the ECS deployment controller without a deployment circuit
 * breaker that rolls back. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class EcsWithoutCircuitBreaker extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DP01", EcsWithoutCircuitBreaker.class)
            .severity(Severity.WARNING)
            .summary("An ECS service's rolling deployments neither stop nor roll back when new tasks fail.")
            .rationale("Without the deployment circuit breaker, a release whose tasks crash on start or fail "
                    + "their health checks keeps the deployment going for hours, launching and killing tasks, while "
                    + "the old tasks it has already replaced are gone. With it, ECS notices the failing tasks, stops "
                    + "the deployment and rolls back to the last release that reached a steady state.")
            .remediation("Add `DeploymentCircuitBreaker: {Enable: true, Rollback: true}` under the service's "
                    + "`DeploymentConfiguration`, and consider CloudWatch alarms (`Alarms`) for failures that "
                    + "health checks do not catch.")
            .wellArchitected("REL08-BP04", "REL08-BP05")
            .tags("deployment", "containers")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ECS::Service")
            .firesOn("An `AWS::ECS::Service` whose `DeploymentController` is unset or of `Type: ECS` (ECS is the "
                    + "default type) in every possibility, and whose `DeploymentConfiguration."
                    + "DeploymentCircuitBreaker` is missing, or has its `Enable` or `Rollback` unset or false.")
            .quietWhen("The `CODE_DEPLOY` and `EXTERNAL` deployment controllers.",
                    "The controller or the circuit breaker cannot be known.",
                    "The service's `Condition` is provably false.")
            .build();

    private static final String BREAKER = "DeploymentConfiguration/DeploymentCircuitBreaker";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource service, GraphView graph, RuleContext context) {
        Value controller = graph.property(service, "DeploymentController/Type");
        boolean ecs = controller.always(v -> v instanceof Value.Absent
                || v.asString().map(t -> t.trim().toUpperCase(Locale.ROOT).equals("ECS")).orElse(false));
        if (!ecs) {
            return;
        }
        problem(graph, service).ifPresent(p -> context.report(service.locate("Properties/" + BREAKER),
                "ECS service " + service.displayName() + " " + p + ", so a release whose tasks never become "
                        + "healthy is neither stopped nor rolled back; set DeploymentConfiguration."
                        + "DeploymentCircuitBreaker to {Enable: true, Rollback: true}"));
    }

    /** What is wrong with the circuit breaker; empty when it is on with rollback, or cannot be known. */
    private static Optional<String> problem(GraphView graph, Resource service) {
        if (graph.property(service, BREAKER).isAbsent()) {
            return Optional.of("has no deployment circuit breaker");
        }
        Value enable = graph.property(service, BREAKER + "/Enable");
        if (enable.isFalseOrAbsent()) {
            return Optional.of("has its deployment circuit breaker off ("
                    + (enable.isAbsent() ? "Enable is not set" : "Enable: false") + ")");
        }
        Value rollback = graph.property(service, BREAKER + "/Rollback");
        if (rollback.isFalseOrAbsent()) {
            return Optional.of("has a deployment circuit breaker that does not roll back ("
                    + (rollback.isAbsent() ? "Rollback is not set" : "Rollback: false") + ")");
        }
        return Optional.empty();
    }
}
