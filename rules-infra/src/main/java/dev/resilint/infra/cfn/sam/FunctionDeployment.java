package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.conditionOnly;
import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.Generated.with;
import static dev.resilint.infra.cfn.sam.SamNodes.alnum;
import static dev.resilint.infra.cfn.sam.SamNodes.bool;
import static dev.resilint.infra.cfn.sam.SamNodes.getAtt;
import static dev.resilint.infra.cfn.sam.SamNodes.isFalse;
import static dev.resilint.infra.cfn.sam.SamNodes.isIntrinsic;
import static dev.resilint.infra.cfn.sam.SamNodes.list;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A function's {@code AutoPublishAlias} and {@code DeploymentPreference}: the alias adds
 * {@code <F>Version} (SAM appends a code hash to that id; {@code DeletionPolicy: Retain} unless the
 * function has one) and {@code <F>Alias<Name>}; an enabled
 * deployment preference adds {@code ServerlessDeploymentApplication} (once per template) and
 * {@code <F>DeploymentGroup} (with SAM's automatic rollback and the alarms given), and an
 * {@code UpdatePolicy} on the alias.
 */
final class FunctionDeployment {

    private static final Set<String> CODEDEPLOY_PREDEFINED = Set.of("Canary10Percent5Minutes",
            "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
            "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
            "Linear10PercentEvery10Minutes", "AllAtOnce");

    private FunctionDeployment() {
    }

    /**
     * {@code AutoPublishAlias} and {@code DeploymentPreference}; returns the alias name or null.
     *
     * @param attrs the attributes the function passes to the resources generated for it
     */
    static Node alias(Expansion x, String fn, MapNode p, List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        MapNode.Entry alias = p.entry("AutoPublishAlias").orElse(null);
        if (alias == null || (alias.value() instanceof ScalarNode s && s.isNull())) {
            return null;
        }
        Mark k = alias.keyMark();
        String versionId = fn + "Version";
        String aliasId = fn + "Alias" + alnum(text(alias.value()));
        Props version = new Props().put("FunctionName", k, ref(fn, k)).rename(p, "VersionDescription", "Description");
        children.add(resource(versionId, Origin.at(k), "AWS::Lambda::Version", version,
                with(attrs, new MapNode.Entry("DeletionPolicy", k, str("Retain", k)))));

        Props aliasProps = new Props().put("Name", k, alias.value()).put("FunctionName", k, ref(fn, k))
                .put("FunctionVersion", k, getAtt(versionId, "Version", k)).copy(p, "ProvisionedConcurrencyConfig");
        List<MapNode.Entry> aliasAttributes = attrs;
        MapNode.Entry preference = p.entry("DeploymentPreference").orElse(null);
        MapNode dp = preference == null ? null : plainMap(preference.value());
        if (dp != null && !isFalse(dp.get("Enabled").orElse(null))) {
            Mark d = preference.keyMark();
            String groupId = fn + "DeploymentGroup";
            Props update = new Props().put("ApplicationName", d, ref(SamTransform.DEPLOYMENT_APPLICATION, d))
                    .put("DeploymentGroupName", d, ref(groupId, d));
            MapNode hooks = plainMap(dp, "Hooks");
            update.rename(hooks, "PreTraffic", "BeforeAllowTrafficHook")
                    .rename(hooks, "PostTraffic", "AfterAllowTrafficHook");
            aliasAttributes = with(attrs, new MapNode.Entry("UpdatePolicy", d,
                    single("CodeDeployLambdaAliasUpdate", d, update.build(d))));
            // SAM gives the group no attributes (its Condition with PassthroughCondition); the condition
            // keeps rules from judging a group that is not created
            children.add(deploymentGroup(groupId, preference, dp, conditionOnly(attrs)));
            x.useDeploymentApplication(d);
        }
        children.add(resource(aliasId, Origin.at(k), "AWS::Lambda::Alias", aliasProps, aliasAttributes));
        return alias.value();
    }

    private static MapNode.Entry deploymentGroup(String id, MapNode.Entry preference, MapNode dp,
            List<MapNode.Entry> attrs) {
        Mark d = preference.keyMark();
        Props g = new Props().put("ApplicationName", d, ref(SamTransform.DEPLOYMENT_APPLICATION, d));
        MapNode.Entry alarms = dp.entry("Alarms").orElse(null);
        if (alarms != null) {
            Mark a = alarms.keyMark();
            if (alarms.value() instanceof ListNode l && l.size() > 0) {
                List<Node> named = new ArrayList<>();
                for (Node alarm : l.items()) {
                    named.add(single("Name", alarm.mark(), alarm));
                }
                g.put("AlarmConfiguration", a, new Props().put("Enabled", a, bool(true, a))
                        .put("Alarms", a, new ListNode(named, l.mark(), "")).build(a));
            } else if (isIntrinsic(alarms.value())) {
                g.put("AlarmConfiguration", a, new Props().put("Enabled", a, bool(true, a))
                        .put("Alarms", a, alarms.value()).build(a));
            }
        }
        g.put("AutoRollbackConfiguration", d, new Props().put("Enabled", d, bool(true, d))
                .put("Events", d, list(d, str("DEPLOYMENT_FAILURE", d), str("DEPLOYMENT_STOP_ON_ALARM", d),
                        str("DEPLOYMENT_STOP_ON_REQUEST", d)))
                .build(d));
        dp.entry("Type").ifPresent(t -> g.put("DeploymentConfigName", t.keyMark(), deploymentConfig(t.value(), false)));
        g.put("DeploymentStyle", d, new Props().put("DeploymentType", d, str("BLUE_GREEN", d))
                .put("DeploymentOption", d, str("WITH_TRAFFIC_CONTROL", d)).build(d));
        g.rename(dp, "Role", "ServiceRoleArn").copy(dp, "TriggerConfigurations");
        return resource(id, Origin.at(d), "AWS::CodeDeploy::DeploymentGroup", g, attrs);
    }

    /** SAM's predefined deployment types become {@code CodeDeployDefault.Lambda<Type>}, also inside intrinsics. */
    private static Node deploymentConfig(Node type, boolean conditionName) {
        String t = text(type);
        if (t != null && !conditionName && CODEDEPLOY_PREDEFINED.contains(t)) {
            return str("CodeDeployDefault.Lambda" + t, type.mark());
        }
        if (type instanceof ListNode l) {
            List<Node> items = new ArrayList<>();
            for (Node item : l.items()) {
                items.add(deploymentConfig(item, false));
            }
            return new ListNode(items, l.mark(), l.tag());
        }
        if (type instanceof MapNode m && isIntrinsic(m)) {
            MapNode.Entry e = m.entries().iterator().next();
            Node arg = e.value();
            if (e.key().equals("Fn::If") && arg instanceof ListNode l && l.size() > 0) {
                List<Node> items = new ArrayList<>();
                items.add(l.get(0));
                for (int i = 1; i < l.size(); i++) {
                    items.add(deploymentConfig(l.get(i), false));
                }
                arg = new ListNode(items, l.mark(), l.tag());
            }
            return single(e.key(), e.keyMark(), arg);
        }
        return type;
    }
}
