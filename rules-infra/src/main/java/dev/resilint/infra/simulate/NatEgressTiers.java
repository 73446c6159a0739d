package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.NatRoutes;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * NAT gateways and the subnets that route through them, as one tier: the stack's NAT egress. A
 * subnet routes through a NAT gateway when a route of its route table
 * ({@code AWS::EC2::SubnetRouteTableAssociation}) has that {@code NatGatewayId} ({@link NatRoutes}). The loss of a
 * zone costs the egress of the subnets in that zone (capacity), and of the subnets elsewhere whose
 * NAT gateway is in it: when no routed subnet outside the zone keeps its egress, the tier loses
 * everything. With one NAT gateway per zone, each zone's subnets routing through their own, it
 * survives with lost capacity.
 */
final class NatEgressTiers implements TierReader {

    /** A subnet and the NAT gateway it routes through, each in its zone. */
    private record Route(String subnet, String subnetZone, String nat, String natZone) {
    }

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Resource> nats = graph.existing(TierTypes.NAT);
        if (nats.isEmpty()) {
            return List.of();
        }
        String name = nats.size() == 1 ? graph.name(nats.get(0)) : "NAT egress";
        List<Route> routes = new ArrayList<>();
        for (Resource nat : nats) {
            AzSet natZone = graph.zonesOfSubnets(graph.view().property(nat, "SubnetId"));
            Optional<String> natIn = one(natZone);
            for (Map.Entry<String, Value> subnet : routedSubnets(graph, nat).entrySet()) {
                AzSet subnetZone = graph.zonesOfSubnets(subnet.getValue());
                Optional<String> subnetIn = one(subnetZone);
                if (natIn.isEmpty() || subnetIn.isEmpty()) {
                    String which = natIn.isEmpty() ? nat.displayName() + ": " + why(natZone)
                            : subnet.getKey() + ": " + why(subnetZone);
                    return List.of(tier(graph, name, Placement.unknown("the zone of " + which)));
                }
                routes.add(new Route(subnet.getKey(), subnetIn.get(), nat.displayName(), natIn.get()));
            }
        }
        if (routes.isEmpty()) {
            return List.of(tier(graph, name, Placement.unknown("no subnet of " + graph.file()
                    + " routes through its NAT gateways")));
        }
        return List.of(tier(graph, name, placement(routes)));
    }

    private static Placement placement(List<Route> routes) {
        Set<String> zones = new TreeSet<>(ZoneOrder.COMPARATOR);
        routes.forEach(r -> {
            zones.add(r.subnetZone());
            zones.add(r.natZone());
        });
        if (!Zones.comparable(zones)) {
            return Placement.unknown("the zones of the NAT gateways and subnets cannot be compared");
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> crossZone = new ArrayList<>();
        for (String zone : zones) {
            List<Route> outside = routes.stream().filter(r -> !r.subnetZone().equals(zone)).toList();
            List<Route> cut = outside.stream().filter(r -> r.natZone().equals(zone)).toList();
            boolean inZone = routes.stream().anyMatch(r -> r.subnetZone().equals(zone));
            cut.forEach(r -> crossZone.add(r.subnet() + " through " + r.nat() + " in " + zone));
            if (outside.isEmpty() || cut.size() == outside.size()) {
                outcomes.put(zone, Outcome.LOSES_EVERYTHING);
            } else if (!cut.isEmpty() || inZone) {
                outcomes.put(zone, Outcome.LOSES_CAPACITY);
            } else {
                outcomes.put(zone, Outcome.SURVIVES);
            }
        }
        String note = routes.stream().map(r -> r.subnet() + " (" + r.subnetZone() + ") -> " + r.nat() + " ("
                + r.natZone() + ")").distinct().reduce((a, b) -> a + ", " + b).orElse("");
        if (!crossZone.isEmpty()) {
            note += "; routed across zones: " + String.join(", ", new LinkedHashSet<>(crossZone));
        }
        return Placement.perZone(outcomes, note);
    }

    private static Tier tier(SimulationGraph graph, String name, Placement placement) {
        return new Tier(name, TierTypes.NAT, graph.file(), placement, "internet egress of its subnets");
    }

    /** The subnets (by name, their {@code SubnetId}) whose route table has a route through the NAT gateway. */
    private static Map<String, Value> routedSubnets(SimulationGraph graph, Resource nat) {
        Map<String, Value> subnets = new LinkedHashMap<>();
        for (NatRoutes.Routed routed : NatRoutes.routedSubnets(graph.view(), nat)) {
            subnets.putIfAbsent(routed.name(), routed.subnet());
        }
        return subnets;
    }

    private static String why(AzSet zones) {
        return zones.isKnown() ? "depends on a condition" : SimulationGraph.why(zones);
    }

    /** The one zone of a known single possibility. */
    private static Optional<String> one(AzSet zones) {
        return zones.exact().filter(z -> z.size() == 1).map(z -> z.iterator().next());
    }
}
