package dev.resilint.infra.rules.lb;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LB03: a Classic or Network Load Balancer that keeps each zone's traffic on that zone's targets.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class CrossZoneLoadBalancingDisabled extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB03", CrossZoneLoadBalancingDisabled.class)
            .severity(Severity.WARNING)
            .summary("A Classic or Network Load Balancer has cross-zone load balancing switched off.")
            .rationale("Without cross-zone load balancing, each load balancer node sends its share of the traffic "
                    + "only to targets in its own Availability Zone. When a zone has fewer healthy targets (after a "
                    + "failure, during a deployment, or because the group is unevenly spread), those targets take the "
                    + "same share of the traffic as a full zone, overload, and fail in turn.")
            .remediation("For a Classic Load Balancer set `CrossZone: true`; for a Network Load Balancer add "
                    + "`{Key: load_balancing.cross_zone.enabled, Value: 'true'}` to `LoadBalancerAttributes`.")
            .wellArchitected("REL11-BP01", "REL10-BP01")
            .anchors(Reference.conformityMonkey("CrossZoneLoadBalancing"),
                    Reference.awsConfig("elb-cross-zone-load-balancing-enabled"))
            .tags("load-balancing", "availability-zone")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .firesOn("An `AWS::ElasticLoadBalancing::LoadBalancer` whose `CrossZone` is false or unset in every "
                            + "possibility (unset means false: cross-zone load balancing is off for a Classic Load "
                            + "Balancer created through the API, which CloudFormation uses).",
                    "An `AWS::ElasticLoadBalancingV2::LoadBalancer` of `Type: network` whose "
                            + "`LoadBalancerAttributes` set `load_balancing.cross_zone.enabled` to false, or leave it "
                            + "unset, in every possibility (it is off by default for Network Load Balancers). Target group level "
                            + "overrides are not considered.")
            .quietWhen("Application Load Balancers, which always balance across zones, and Gateway Load Balancers, "
                            + "which are out of scope.",
                    "The type, the attribute list or the attribute's value cannot be known.",
                    "The load balancer's `Condition` is provably false.")
            .build();

    static final String ATTRIBUTE = "load_balancing.cross_zone.enabled";

    /** The attribute's state in one possibility. */
    private enum State { ON, OFF, UNSET, UNKNOWN }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource lb, GraphView graph, RuleContext context) {
        if (lb.type().equals("AWS::ElasticLoadBalancing::LoadBalancer")) {
            classic(graph, lb, context);
        } else {
            network(graph, lb, context);
        }
    }

    private static void classic(GraphView graph, Resource clb, RuleContext context) {
        Value crossZone = graph.property(clb, "CrossZone");
        if (crossZone.isFalseOrAbsent()) {
            String state = crossZone.isAbsent() ? "CrossZone is not set and defaults to false"
                    : crossZone.possibilities().size() == 1 ? "CrossZone: false"
                    : "CrossZone is false or unset whichever way its condition goes";
            context.report(clb.locateProperty("CrossZone"), "Classic Load Balancer " + clb.displayName()
                    + " does not balance across Availability Zones (" + state + "); set CrossZone: true so "
                    + "that every zone's instances share the traffic");
        }
    }

    private static void network(GraphView graph, Resource nlb, RuleContext context) {
        if (!graph.property(nlb, "Type").asString().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .equals(Optional.of("network"))) {
            return;
        }
        Optional<List<State>> off = graph.property(nlb, "LoadBalancerAttributes")
                .readEach(option -> Optional.of(state(option)).filter(s -> s == State.OFF || s == State.UNSET));
        if (off.isEmpty()) {
            return;
        }
        List<State> states = off.get();
        String state;
        String path = "Properties/LoadBalancerAttributes";
        if (states.stream().allMatch(s -> s == State.UNSET)) {
            state = ATTRIBUTE + " is not set and defaults to false";
        } else if (states.stream().allMatch(s -> s == State.OFF)) {
            state = ATTRIBUTE + " is false";
            path = attributePath(nlb, graph).orElse(path);
        } else {
            state = ATTRIBUTE + " is false or unset whichever way its condition goes";
        }
        context.report(nlb.locate(path), "Network Load Balancer " + nlb.displayName() + " does not balance "
                + "across Availability Zones (" + state + "); add the load balancer attribute " + ATTRIBUTE
                + ": 'true' so that every zone's targets share the traffic");
    }

    private static State state(Value attributes) {
        if (attributes instanceof Value.Absent) {
            return State.UNSET;
        }
        Optional<List<Value>> items = attributes.asList();
        if (items.isEmpty()) {
            return State.UNKNOWN;
        }
        boolean unknownItem = false;
        for (Value item : items.get()) {
            Optional<String> key = item.field("Key").asString();
            if (key.isEmpty()) {
                unknownItem = true;
            } else if (key.get().trim().equals(ATTRIBUTE)) {
                Value v = item.field("Value");
                Optional<Boolean> on = v.asBoolean();
                return on.isEmpty() ? State.UNKNOWN : on.get() ? State.ON : State.OFF;
            }
        }
        return unknownItem ? State.UNKNOWN : State.UNSET;
    }

    /** The path of the attribute's {@code Value} in the template, when a single entry sets it. */
    private static Optional<String> attributePath(Resource nlb, GraphView graph) {
        for (int i = 0; i < 64; i++) {
            String item = "LoadBalancerAttributes/" + i;
            if (graph.property(nlb, item + "/Key").asString().map(k -> k.trim().equals(ATTRIBUTE)).orElse(false)) {
                return Optional.of("Properties/" + item + "/Value");
            }
        }
        return Optional.empty();
    }
}
