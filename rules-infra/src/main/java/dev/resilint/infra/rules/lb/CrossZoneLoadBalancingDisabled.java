package dev.resilint.infra.rules.lb;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LB03: a Classic or Network Load Balancer that keeps each zone's traffic on that zone's targets.
 *
 * <p>Fires on an {@code AWS::ElasticLoadBalancing::LoadBalancer} whose {@code CrossZone} is not
 * {@code true} (unset means false: cross-zone load balancing is off for a Classic Load Balancer
 * created through the API, which CloudFormation uses), and on an
 * {@code AWS::ElasticLoadBalancingV2::LoadBalancer} of {@code Type: network} whose
 * {@code LoadBalancerAttributes} do not set {@code load_balancing.cross_zone.enabled} to
 * {@code true} (off by default for Network Load Balancers). Application Load Balancers always
 * balance across zones, and gateway load balancers are out of scope. Target group level
 * overrides are not considered. Quiet when the type, the attribute list or the value cannot be
 * known.
 */
public final class CrossZoneLoadBalancingDisabled implements InfraRule {

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
            .anchors("CM CrossZoneLoadBalancing", "CFG")
            .tags("load-balancing", "availability-zone")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .build();

    static final String ATTRIBUTE = "load_balancing.cross_zone.enabled";

    /** The attribute's state in one possibility. */
    private enum State { ON, OFF, UNSET, UNKNOWN }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        for (Resource clb : graph.ofType("AWS::ElasticLoadBalancing::LoadBalancer")) {
            if (!graph.mayExist(clb)) {
                continue;
            }
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
        for (Resource nlb : graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            if (!graph.mayExist(nlb)
                    || !graph.property(nlb, "Type").asString().map(t -> t.trim().toLowerCase(Locale.ROOT))
                            .equals(Optional.of("network"))) {
                continue;
            }
            List<State> states = new ArrayList<>();
            for (Value option : graph.property(nlb, "LoadBalancerAttributes").possibilities()) {
                states.add(state(option));
            }
            if (!states.stream().allMatch(s -> s == State.OFF || s == State.UNSET)) {
                continue;
            }
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
