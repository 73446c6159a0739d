package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AZ03: an Auto Scaling group and a load balancer it is attached to run in different sets of
 * Availability Zones. Instances in a zone the load balancer does not serve get no traffic (and
 * lose it all when the other zones fail); a zone the load balancer serves without instances of the
 * group concentrates the load on the remaining zones. What it fires on and when it stays quiet,
 * case by case, is in its {@link #METADATA}.
 */
public final class LoadBalancerAsgZoneMismatch extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ03", LoadBalancerAsgZoneMismatch.class)
            .severity(Severity.WARNING)
            .summary("An Auto Scaling group and its load balancer run in different Availability Zones.")
            .rationale("A load balancer routes only to targets in the zones it is enabled for. Instances of the "
                    + "group in other zones are registered but never get traffic: capacity is paid for and wasted, "
                    + "and when the shared zones fail nothing is left to serve. A zone the load balancer serves "
                    + "without instances of the group leans on the other zones' capacity, and on a load balancer "
                    + "without cross-zone load balancing its requests fail outright.")
            .remediation("Make the group's `VPCZoneIdentifier` and the load balancer's `Subnets` (or "
                    + "`SubnetMappings`, `AvailabilityZones`) cover the same Availability Zones, typically one "
                    + "public subnet for the load balancer and one private subnet for the group in each zone.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.conformityMonkey("SameZonesInElbAndAsg"))
            .tags("availability-zone", "load-balancing", "compute")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Zones.ASG)
            .reads(Zones.ELB_V2, Zones.CLASSIC_ELB, "AWS::ElasticLoadBalancingV2::TargetGroup",
                    "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule",
                    Zones.SUBNET)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` and a load balancer it is provably attached to whose "
                            + "zone sets are both known exactly (one possibility each, and not the whole `Fn::GetAZs` "
                            + "list, whose length depends on the region), comparable (both symbolic, both literal "
                            + "names or both zone ids) and different; one finding per group and load balancer. Zones "
                            + "are read as in AZ01 (the group) and AZ02 (the load balancer).",
                    "Attached means directly (`LoadBalancerNames` naming a Classic Load Balancer of the template) or "
                            + "through a target group: the group's `TargetGroupARNs` names a target group, a listener "
                            + "forwards to it (`DefaultActions`, or a listener rule's `Actions`, with "
                            + "`TargetGroupArn` or `ForwardConfig.TargetGroups`) and the listener belongs to a load "
                            + "balancer (`LoadBalancerArn`).")
            .quietWhen("A link of the attachment cannot be proven: a reference inside an `Fn::If` whose condition "
                            + "is unknown, or a resource on the way whose condition is neither true nor the group's "
                            + "own.",
                    "Either zone set is not known exactly: unknown, depending on a condition, empty, or the whole "
                            + "`Fn::GetAZs` list.",
                    "The zone sets cannot be compared: a zone name against a zone id, or symbolic zones of "
                            + "different regions.",
                    "The group's `Condition` is provably false.")
            .build();

    private static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    private static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
    private static final String LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource asg, GraphView graph, RuleContext context) {
        Optional<Zones.Placement> placement = Zones.ofAutoScalingGroup(graph, asg);
        Optional<Set<String>> asgZones = placement.flatMap(Zones.Placement::exact);
        if (asgZones.isEmpty() || asgZones.get().isEmpty()) {
            return;
        }
        for (Resource lb : loadBalancers(graph, asg)) {
            Optional<Set<String>> lbZones = Zones.ofLoadBalancer(graph, lb).flatMap(Zones.Placement::exact);
            if (lbZones.isEmpty() || lbZones.get().isEmpty() || lbZones.get().equals(asgZones.get())) {
                continue;
            }
            Set<String> all = new TreeSet<>(asgZones.get());
            all.addAll(lbZones.get());
            if (!Zones.comparable(all)) {
                continue;
            }
            report(context, asg, placement.get().property(), asgZones.get(), lb, lbZones.get());
        }
    }

    private static void report(RuleContext context, Resource asg, String property, Set<String> asgZones,
            Resource lb, Set<String> lbZones) {
        Set<String> onlyLb = new TreeSet<>(lbZones);
        onlyLb.removeAll(asgZones);
        Set<String> onlyAsg = new TreeSet<>(asgZones);
        onlyAsg.removeAll(lbZones);
        List<String> problems = new ArrayList<>();
        if (!onlyLb.isEmpty()) {
            problems.add("the load balancer serves " + String.join(", ", onlyLb)
                    + ", where the group has no instances");
        }
        if (!onlyAsg.isEmpty()) {
            problems.add("the group's instances in " + String.join(", ", onlyAsg)
                    + " get no traffic from the load balancer");
        }
        String lbProperty = lb.type().equals(Zones.CLASSIC_ELB) ? "Subnets or AvailabilityZones" : "Subnets";
        context.report(asg.locateProperty(property), "Auto Scaling group " + asg.displayName() + " runs in "
                + String.join(", ", new TreeSet<>(asgZones)) + " but its load balancer " + lb.displayName()
                + " serves " + String.join(", ", new TreeSet<>(lbZones)) + ": " + String.join("; ", problems)
                + "; make the group's " + property + " and the load balancer's " + lbProperty
                + " cover the same zones", lb.id());
    }

    /** The load balancers the group is provably attached to, each once, in the order found. */
    private static List<Resource> loadBalancers(GraphView graph, Resource asg) {
        Map<String, Resource> found = new LinkedHashMap<>();
        Value names = null;
        Value targetGroups = null;
        for (References.Edge edge : graph.edgesFrom(asg)) {
            Resource target = graph.resource(edge.to()).orElseThrow();
            if (!graph.existsWhenever(asg, target)) {
                continue;
            }
            if (edge.path().startsWith("Properties/LoadBalancerNames/") && target.type().equals(Zones.CLASSIC_ELB)) {
                names = names != null ? names : graph.property(asg, "LoadBalancerNames");
                if (Zones.refersTo(names, target.id())) {
                    found.putIfAbsent(target.id(), target);
                }
            } else if (edge.path().startsWith("Properties/TargetGroupARNs/") && target.type().equals(TARGET_GROUP)) {
                targetGroups = targetGroups != null ? targetGroups : graph.property(asg, "TargetGroupARNs");
                if (Zones.refersTo(targetGroups, target.id())) {
                    for (Resource lb : behindTargetGroup(graph, asg, target)) {
                        found.putIfAbsent(lb.id(), lb);
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The load balancers whose listeners (or listener rules) forward to the target group. */
    private static List<Resource> behindTargetGroup(GraphView graph, Resource asg,
            Resource targetGroup) {
        List<Resource> lbs = new ArrayList<>();
        for (Resource listener : graph.referrers(targetGroup, LISTENER)) {
            if (graph.existsWhenever(asg, listener)
                    && Zones.refersTo(graph.property(listener, "DefaultActions"), targetGroup.id())) {
                loadBalancerOf(graph, asg, listener).ifPresent(lbs::add);
            }
        }
        for (Resource rule : graph.referrers(targetGroup, LISTENER_RULE)) {
            if (!graph.existsWhenever(asg, rule)
                    || !Zones.refersTo(graph.property(rule, "Actions"), targetGroup.id())) {
                continue;
            }
            graph.resolve(graph.property(rule, "ListenerArn"), LISTENER)
                    .filter(listener -> graph.existsWhenever(asg, listener))
                    .flatMap(listener -> loadBalancerOf(graph, asg, listener))
                    .ifPresent(lbs::add);
        }
        return lbs;
    }

    private static Optional<Resource> loadBalancerOf(GraphView graph, Resource asg,
            Resource listener) {
        return graph.resolve(graph.property(listener, "LoadBalancerArn"), Zones.ELB_V2)
                .filter(lb -> graph.existsWhenever(asg, lb));
    }
}
