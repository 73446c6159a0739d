package dev.resilint.infra.rules.dp;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ComputeTraffic.Answer;
import dev.resilint.infra.rules.support.ComputeTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DP02: a CodeDeploy deployment group that does not roll a bad release back by itself: no
 * automatic rollback on a failed deployment, or no alarms that stop it. What it fires on and when
 * it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class DeploymentWithoutAlarmRollback extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DP02", DeploymentWithoutAlarmRollback.class)
            .severity(Severity.WARNING)
            .summary("A CodeDeploy deployment group does not roll back on failure or on an alarm.")
            .rationale("A release that fails to deploy, or that deploys cleanly but then answers errors, stays in "
                    + "place until someone notices and redeploys the previous version by hand. Automatic rollback "
                    + "on DEPLOYMENT_FAILURE undoes failed deployments; an alarm configuration stops a deployment "
                    + "(and, with DEPLOYMENT_STOP_ON_ALARM, rolls it back) as soon as the metrics that matter to "
                    + "users go bad.")
            .remediation("Set `AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE, "
                    + "DEPLOYMENT_STOP_ON_ALARM]}` and `AlarmConfiguration: {Enabled: true, Alarms: [{Name: ...}]}` "
                    + "naming the alarms that watch the service's errors and latency. With SAM, list them under "
                    + "the function's `DeploymentPreference.Alarms`.")
            .wellArchitected("REL08-BP05")
            .anchors(Reference.awsConfig("codedeploy-auto-rollback-monitor-enabled"))
            .tags("deployment")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::CodeDeploy::DeploymentGroup")
            .firesOn("An `AWS::CodeDeploy::DeploymentGroup` whose `AutoRollbackConfiguration` is missing, not "
                            + "enabled (`Enabled` unset or false), or does not list `DEPLOYMENT_FAILURE` among its "
                            + "`Events`.",
                    "An `AWS::CodeDeploy::DeploymentGroup` whose `AlarmConfiguration` is missing, not enabled "
                            + "(`Enabled` unset means false, as in the CodeDeploy API), or names no alarm.",
                    "One finding per deployment group; the message says which of the two is missing. SAM's "
                            + "`DeploymentPreference` expands to such a deployment group (with rollback on, and alarms "
                            + "only when `Alarms` is given).")
            .quietWhen("The part that would be missing cannot be known.",
                    "The deployment group's `Condition` is provably false.")
            .build();

    private static final String ROLLBACK = "AutoRollbackConfiguration";
    private static final String ALARMS = "AlarmConfiguration";

    /** One missing part: what is wrong and where. */
    private record Missing(String what, String path) {
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource group, GraphView graph, RuleContext context) {
        List<Missing> missing = new ArrayList<>();
        rollback(graph, group).ifPresent(missing::add);
        alarms(graph, group).ifPresent(missing::add);
        if (missing.isEmpty()) {
            return;
        }
        List<String> whats = missing.stream().map(Missing::what).toList();
        List<String> fixes = new ArrayList<>();
        if (missing.stream().anyMatch(m -> m.path().startsWith(ROLLBACK))) {
            fixes.add("enable AutoRollbackConfiguration with DEPLOYMENT_FAILURE among its Events");
        }
        if (missing.stream().anyMatch(m -> m.path().startsWith(ALARMS))) {
            fixes.add("enable an AlarmConfiguration naming the alarms that watch the release"
                    + (rollsBackOnAlarm(graph, group) ? "" : " (and add DEPLOYMENT_STOP_ON_ALARM to the rollback "
                            + "events)"));
        }
        context.report(group.locate("Properties/" + missing.get(0).path()), "CodeDeploy deployment group "
                + group.displayName() + " " + String.join(" and ", whats) + ", so a bad release stays in "
                + "place; " + String.join(", and ", fixes));
    }

    /** Whether the rollback events provably include DEPLOYMENT_STOP_ON_ALARM. */
    private static boolean rollsBackOnAlarm(GraphView graph, Resource group) {
        return graph.property(group, ROLLBACK + "/Events").agreed(v -> v.asList().map(items -> items.stream()
                .anyMatch(i -> i.asString().map(t -> t.trim().equals("DEPLOYMENT_STOP_ON_ALARM")).orElse(false))))
                .orElse(false);
    }

    private static Optional<Missing> rollback(GraphView graph, Resource group) {
        if (graph.property(group, ROLLBACK).isAbsent()) {
            return Optional.of(new Missing("has no AutoRollbackConfiguration", ROLLBACK));
        }
        Value enabled = graph.property(group, ROLLBACK + "/Enabled");
        if (enabled.isFalseOrAbsent()) {
            return Optional.of(new Missing("does not roll back automatically (AutoRollbackConfiguration."
                    + (enabled.isAbsent() ? "Enabled is not set" : "Enabled: false") + ")", ROLLBACK + "/Enabled"));
        }
        if (!enabled.asBoolean().orElse(false)) {
            return Optional.empty();
        }
        Value events = graph.property(group, ROLLBACK + "/Events");
        boolean lacking = events.always(v -> {
            if (v instanceof Value.Absent) {
                return true;
            }
            Optional<List<Value>> items = v.asList();
            return items.isPresent() && items.get().stream().allMatch(i -> i.asString().isPresent())
                    && items.get().stream().noneMatch(i -> i.asString().orElseThrow().trim().equals("DEPLOYMENT_FAILURE"));
        });
        return lacking ? Optional.of(new Missing("does not roll back on DEPLOYMENT_FAILURE (AutoRollbackConfiguration."
                + "Events " + (events.isAbsent() ? "is not set" : "leaves it out") + ")", ROLLBACK + "/Events"))
                : Optional.empty();
    }

    private static Optional<Missing> alarms(GraphView graph, Resource group) {
        if (graph.property(group, ALARMS).isAbsent()) {
            return Optional.of(new Missing("has no AlarmConfiguration", ALARMS));
        }
        Value enabled = graph.property(group, ALARMS + "/Enabled");
        if (enabled.isFalseOrAbsent()) {
            return Optional.of(new Missing("does not watch alarms (AlarmConfiguration."
                    + (enabled.isAbsent() ? "Enabled is not set" : "Enabled: false") + ")", ALARMS + "/Enabled"));
        }
        if (!enabled.asBoolean().orElse(false)) {
            return Optional.empty();
        }
        if (ComputeTraffic.nonEmptyList(graph.property(group, ALARMS + "/Alarms")) == Answer.NO) {
            return Optional.of(new Missing("watches no alarm (AlarmConfiguration.Alarms is empty)", ALARMS + "/Alarms"));
        }
        return Optional.empty();
    }
}
