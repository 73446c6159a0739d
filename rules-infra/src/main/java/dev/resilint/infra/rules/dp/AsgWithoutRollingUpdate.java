package dev.resilint.infra.rules.dp;

import dev.resilint.core.Location;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import java.util.Optional;

/**
 * DP03: an Auto Scaling group that CloudFormation updates without rolling its instances through
 * a health-checked update: a new launch template reaches no running instance, or reaches all of
 * them without any instance having proved that it works. What it fires on and when it stays quiet,
 * case by case, is in its {@link #METADATA}.
 */
public final class AsgWithoutRollingUpdate extends ResourceRule {

    static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    static final String CAPACITY_PROVIDER = "AWS::ECS::CapacityProvider";

    public static final RuleMetadata METADATA = RuleMetadata.builder("DP03", AsgWithoutRollingUpdate.class)
            .severity(Severity.WARNING)
            .summary("An Auto Scaling group has no rolling or replacing update policy gated on resource signals.")
            .rationale("Without an `UpdatePolicy`, CloudFormation changes an Auto Scaling group's launch template or "
                    + "configuration in place and leaves the running instances alone: the stack reports success "
                    + "while the fleet still runs the old version, and the new one first meets traffic when "
                    + "instances are replaced by scaling or failures, long after anyone watches. An "
                    + "`AutoScalingRollingUpdate` replaces instances in batches, and an `AutoScalingReplacingUpdate` "
                    + "with `WillReplace: true` builds a new group; but unless CloudFormation waits for the new "
                    + "instances to signal that they work (`WaitOnResourceSignals: true` for a rolling update, a "
                    + "`CreationPolicy.ResourceSignal` for a replacing one), a broken version rolls through the "
                    + "whole fleet and the update cannot roll itself back. Groups that an ECS capacity provider "
                    + "manages are exempt: ECS places and drains tasks on them, and their instances are replaced "
                    + "by instance refresh or managed draining, not by stack updates.")
            .remediation("Add `UpdatePolicy: {AutoScalingRollingUpdate: {MinInstancesInService: 1, MaxBatchSize: 1, "
                    + "WaitOnResourceSignals: true, PauseTime: PT10M}}` and have each instance run `cfn-signal` once it "
                    + "is healthy (or use `AutoScalingReplacingUpdate: {WillReplace: true}` with a "
                    + "`CreationPolicy.ResourceSignal`).")
            .wellArchitected("REL08-BP04", "REL08-BP05")
            .tags("deployment", "compute")
            .sources(SourceKind.TEMPLATE)
            .judges(ASG)
            .reads(CAPACITY_PROVIDER)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` whose `UpdatePolicy` has neither "
                            + "`AutoScalingRollingUpdate` nor `AutoScalingReplacingUpdate` with `WillReplace: true` "
                            + "(an absent `UpdatePolicy` included): instances are not replaced on update.",
                    "An Auto Scaling group with `AutoScalingRollingUpdate` whose `WaitOnResourceSignals` is not set "
                            + "(default false) or false, or with a replacing update and no `CreationPolicy` "
                            + "`ResourceSignal`: new instances are not proven healthy before the update goes on.")
            .quietWhen("A group that an `AWS::ECS::CapacityProvider` of the template manages "
                            + "(`AutoScalingGroupProvider.AutoScalingGroupArn` refers to it).",
                    "The update policy, or a value in it that decides, cannot be known.",
                    "The resource's `Condition` is provably false.",
                    "Live accounts: update policies exist only in a stack, so the rule runs on templates only.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource asg, GraphView graph, RuleContext context) {
        if (capacityProviderManaged(graph, asg)) {
            return;
        }
        Value policy = graph.attribute(asg, "UpdatePolicy");
        if (!policy.isAbsent() && !(policy instanceof Value.Known)) {
            return; // unknown, or different under a condition
        }
        Value rolling = policy.field("AutoScalingRollingUpdate");
        Value replacing = policy.field("AutoScalingReplacingUpdate");
        if (rolling.isUnknown() || replacing.isUnknown()) {
            return;
        }
        Optional<Boolean> willReplace = replacing.isAbsent() ? Optional.of(false)
                : replacing.field("WillReplace").isAbsent() ? Optional.of(false)
                : replacing.field("WillReplace").asBoolean();
        if (willReplace.isEmpty()) {
            return;
        }
        String name = "Auto Scaling group " + asg.displayName();
        if (willReplace.get()) {
            Value signal = graph.attribute(asg, "CreationPolicy").field("ResourceSignal");
            if (signal.isAbsent()) {
                context.report(asg.locate("UpdatePolicy/AutoScalingReplacingUpdate"), name + " is replaced on "
                        + "update (AutoScalingReplacingUpdate) but has no CreationPolicy.ResourceSignal, so the new "
                        + "group counts as created before any instance proves it works; add a CreationPolicy with a "
                        + "ResourceSignal and run cfn-signal on each instance once it is healthy");
            }
            return;
        }
        if (rolling.isAbsent()) {
            Location at = asg.locate("UpdatePolicy");
            context.report(at, name + " has no " + (policy.isAbsent() ? "UpdatePolicy" : "rolling or replacing "
                    + "update policy") + ", so an update of its launch template or configuration reaches no running "
                    + "instance (they keep the old version until replaced); add UpdatePolicy.AutoScalingRollingUpdate "
                    + "with WaitOnResourceSignals: true and run cfn-signal on each instance once it is healthy");
            return;
        }
        Value wait = rolling.field("WaitOnResourceSignals");
        if (wait.isFalseOrAbsent()) {
            context.report(asg.locate("UpdatePolicy/AutoScalingRollingUpdate" + (wait.isAbsent() ? ""
                    : "/WaitOnResourceSignals")), name + " rolls instances on update, but "
                    + (wait.isAbsent() ? "WaitOnResourceSignals is not set (default false)" : "WaitOnResourceSignals is false")
                    + ", so each batch counts as done without any instance proving it works and a broken version "
                    + "rolls through the whole fleet; set WaitOnResourceSignals: true and run cfn-signal on each "
                    + "instance once it is healthy");
        }
    }

    /** True when an ECS capacity provider of the template that may exist manages the group. */
    private static boolean capacityProviderManaged(GraphView graph, Resource asg) {
        for (References.Edge edge : graph.edgesTo(asg)) {
            Optional<Resource> from = graph.resource(edge.from(), CAPACITY_PROVIDER);
            if (from.isPresent() && graph.mayExist(from.get())
                    && edge.path().startsWith("Properties/AutoScalingGroupProvider/AutoScalingGroupArn")) {
                return true;
            }
        }
        return false;
    }
}
