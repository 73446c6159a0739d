package dev.resilint.infra.rules.dp;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DP04: a deployment that moves all traffic to a new version in one step, so a bad release reaches
 * every caller before any alarm can stop it. What it fires on and when it stays quiet, case by
 * case, is in its {@link #METADATA}.
 */
public final class AllAtOnceTrafficShift extends ResourceRule {

    static final String DEPLOYMENT_GROUP = "AWS::CodeDeploy::DeploymentGroup";
    static final String DEPLOYMENT_CONFIG = "AWS::CodeDeploy::DeploymentConfig";
    static final String DISTRIBUTION = "AWS::CloudFront::Distribution";

    /** CodeDeploy's predefined all-at-once configurations, by lower-case name, with what they move at once. */
    private static final Map<String, String> PREDEFINED = Map.of(
            "codedeploydefault.lambdaallatonce", "shifts all traffic of the Lambda alias to the new version at once",
            "codedeploydefault.ecsallatonce", "shifts all traffic of the ECS service to the new task set at once",
            "codedeploydefault.allatonce", "deploys to every instance at once, taking them all out of service together");

    public static final RuleMetadata METADATA = RuleMetadata.builder("DP04", AllAtOnceTrafficShift.class)
            .severity(Severity.WARNING)
            .summary("A deployment shifts all traffic to the new version at once.")
            .rationale("A canary or linear deployment sends a small share of traffic to the new version first and "
                    + "lets alarms stop and roll back the deployment before most callers see a bad release. An "
                    + "all-at-once deployment gives the new version every request at the same moment, so any "
                    + "defect is a full outage until someone notices and rolls back. On EC2, CodeDeploy's "
                    + "`CodeDeployDefault.AllAtOnce` takes every instance out of service at once. A Lambda alias "
                    + "that CloudFormation moves to each newly published version (SAM `AutoPublishAlias` without an "
                    + "enabled `DeploymentPreference`, or an `AWS::Lambda::Alias` on an `AWS::Lambda::Version` of the "
                    + "template) without a `CodeDeployLambdaAliasUpdate` update policy or a `RoutingConfig` does "
                    + "the same on every stack update.")
            .remediation("Use a canary or linear configuration (SAM `DeploymentPreference.Type: Canary10Percent5Minutes`, "
                    + "`CodeDeployDefault.LambdaCanary10Percent5Minutes`, `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`, "
                    + "`CodeDeployDefault.OneAtATime` or `HalfAtATime` on EC2) with alarms that roll back; give a "
                    + "Lambda alias a SAM `DeploymentPreference` or an `UpdatePolicy.CodeDeployLambdaAliasUpdate`.")
            .wellArchitected("REL08-BP04", "REL08-BP05")
            .tags("deployment", "lambda")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(DEPLOYMENT_GROUP, Relations.ALIAS)
            .reads(DEPLOYMENT_CONFIG, Relations.VERSION, Relations.FUNCTION, DISTRIBUTION)
            .firesOn("An `AWS::CodeDeploy::DeploymentGroup` (SAM's `DeploymentPreference` generates one) whose "
                            + "`DeploymentConfigName` is `CodeDeployDefault.LambdaAllAtOnce` (SAM `Type: AllAtOnce`), "
                            + "`CodeDeployDefault.ECSAllAtOnce` or `CodeDeployDefault.AllAtOnce`, or refers to an "
                            + "`AWS::CodeDeploy::DeploymentConfig` of the template whose `TrafficRoutingConfig.Type` is "
                            + "`AllAtOnce`.",
                    "An `AWS::Lambda::Alias` whose `FunctionVersion` refers to an `AWS::Lambda::Version` of the "
                            + "template (SAM's `AutoPublishAlias` generates both), with neither "
                            + "`UpdatePolicy.CodeDeployLambdaAliasUpdate` nor `RoutingConfig`.",
                    "In a live account, the same deployment groups: on one of those predefined configurations, or on "
                            + "a custom configuration of their account and region (read with `ListDeploymentConfigs` "
                            + "and `GetDeploymentConfig`) whose traffic routing type is `AllAtOnce`.")
            .quietWhen("A deployment group without `DeploymentConfigName` (the default depends on the compute "
                            + "platform and on each deployment), or with a configuration that cannot be known.",
                    "An alias on a literal version or `$LATEST`, or on a version that cannot be known: the "
                            + "template does not move it with each release.",
                    "An alias whose function or version a CloudFront distribution refers to (Lambda@Edge, whose "
                            + "traffic CodeDeploy cannot shift), or whose `Name` is not a name (SAM refuses it).",
                    "In a live account, every Lambda alias: each points at a published version and update "
                            + "policies exist only in a stack, so the alias part of the rule runs on templates only "
                            + "(the rule still reads the Lambda types live: where they cannot be listed, it is not "
                            + "evaluated in that account and region).",
                    "In a live account, a deployment group whose custom configuration could not be read "
                            + "(`GetDeploymentConfig` failed): it is not evaluated, naming the failed call.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals(DEPLOYMENT_GROUP)) {
            deploymentGroup(graph, r, context);
        } else if (graph.kind() != SourceKind.LIVE) {
            // a live alias always points at a published version, and no update policy exists outside a stack
            alias(graph, r, context);
        }
    }

    private static void deploymentGroup(GraphView graph, Resource group, RuleContext context) {
        Value config = graph.property(group, "DeploymentConfigName");
        String what;
        String named;
        Optional<Resource> custom = config.asResourceRef().isPresent()
                ? graph.resolve(config, DEPLOYMENT_CONFIG) : Optional.empty();
        if (custom.isPresent()) {
            // an unread configuration is the group's gap: the rule cannot judge the group without it
            Optional<String> type = graph.property(custom.get(), "TrafficRoutingConfig/Type", group).asString();
            if (!type.map(t -> t.trim().equalsIgnoreCase("AllAtOnce")).orElse(false)) {
                return;
            }
            String platform = graph.property(custom.get(), "ComputePlatform", group).asString().orElse("");
            what = "shifts all traffic " + (platform.equalsIgnoreCase("ECS") ? "of the ECS service to the new task set"
                    : "to the new version") + " at once";
            named = "deployment configuration " + custom.get().displayName() + " (TrafficRoutingConfig.Type: AllAtOnce)";
        } else {
            Optional<String> name = config.asString();
            if (name.isEmpty() || !PREDEFINED.containsKey(name.get().trim().toLowerCase(Locale.ROOT))) {
                return;
            }
            what = PREDEFINED.get(name.get().trim().toLowerCase(Locale.ROOT));
            named = name.get().trim();
        }
        context.report(group.locateProperty("DeploymentConfigName"), "CodeDeploy deployment group "
                + group.displayName() + " uses " + named + ", which " + what + ", so a bad release reaches every "
                + "caller before an alarm can stop it; use a canary or linear configuration (for SAM, "
                + "DeploymentPreference.Type: Canary10Percent5Minutes) with rollback alarms");
    }

    /**
     * True when a CloudFront distribution refers to the alias's function or version: Lambda@Edge runs
     * the version CloudFront names, and CodeDeploy cannot shift its traffic.
     */
    private static boolean atTheEdge(GraphView graph, Resource alias, String versionId) {
        List<String> ids = new ArrayList<>(List.of(versionId));
        graph.property(alias, "FunctionName").asResourceRef().ifPresent(f -> ids.add(f.resourceId()));
        for (String id : ids) {
            // only a function or a version can run at the edge; a reference to anything else is not one
            Optional<Resource> target = graph.resource(id, Relations.FUNCTION, Relations.VERSION);
            if (target.isPresent() && !graph.referrers(target.get(), DISTRIBUTION).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void alias(GraphView graph, Resource alias, RuleContext context) {
        Optional<Symbols.ResourceRef> version = graph.property(alias, "FunctionVersion").asResourceRef();
        if (version.isEmpty() || graph.resource(version.get().resourceId(), Relations.VERSION).isEmpty()) {
            return;
        }
        Value name = graph.property(alias, "Name");
        if (name instanceof Value.Known && name.asString().isEmpty()) {
            return; // not a name (a map, an attribute): SAM and CloudFormation refuse the alias
        }
        if (atTheEdge(graph, alias, version.get().resourceId())) {
            return;
        }
        Value policy = graph.attribute(alias, "UpdatePolicy");
        Value codeDeploy = policy.field("CodeDeployLambdaAliasUpdate");
        Value routing = graph.property(alias, "RoutingConfig");
        if (!codeDeploy.isAbsent() || !routing.isAbsent()) {
            return; // a traffic-shifting update, a weighted alias, or unknown
        }
        context.report(alias.locateProperty("FunctionVersion"), "Lambda alias " + alias.displayName() + " moves to "
                + "each newly published version at once (no UpdatePolicy.CodeDeployLambdaAliasUpdate and no "
                + "RoutingConfig), so a bad release gets all of the alias's traffic immediately; add a SAM "
                + "DeploymentPreference (Type: Canary10Percent5Minutes, with alarms) or a "
                + "CodeDeployLambdaAliasUpdate update policy");
    }
}
