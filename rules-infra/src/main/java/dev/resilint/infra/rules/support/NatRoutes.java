package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subnets that send traffic through a NAT gateway: a subnet routes through it when its route
 * table ({@code AWS::EC2::SubnetRouteTableAssociation}) holds an {@code AWS::EC2::Route} whose
 * {@code NatGatewayId} refers to it. Shared by the zone rules and the zone failure simulation.
 */
public final class NatRoutes {

    public static final String NAT = "AWS::EC2::NatGateway";
    public static final String ROUTE = "AWS::EC2::Route";
    public static final String ROUTE_TABLE = "AWS::EC2::RouteTable";
    public static final String ASSOCIATION = "AWS::EC2::SubnetRouteTableAssociation";

    /** The types a reader of NAT routes must declare (subnets included). */
    public static final List<String> TYPES = List.of(NAT, ROUTE, ROUTE_TABLE, ASSOCIATION, Zones.SUBNET);

    /** The default route for IPv4: all internet-bound traffic. */
    public static final String DEFAULT_ROUTE = "0.0.0.0/0";

    /**
     * A subnet routed through a NAT gateway.
     *
     * @param name the subnet's display name, or "the subnet of" its association when the subnet is not in the graph
     * @param subnet the association's {@code SubnetId}
     * @param destination the route's {@code DestinationCidrBlock} when known
     * @param certain true when the route and the association exist whenever the graph is deployed (no
     *     condition that may drop them)
     */
    public record Routed(String name, Value subnet, Optional<String> destination, boolean certain) {

        /** Whether the route is the IPv4 default route, {@value #DEFAULT_ROUTE}. */
        public boolean isDefaultRoute() {
            return destination.map(d -> d.trim().equals(DEFAULT_ROUTE)).orElse(false);
        }
    }

    private NatRoutes() {
    }

    /**
     * The subnets whose route table has a route through {@code nat}, each once (the first route
     * found), in the source's order; routes and associations that provably never exist are left out.
     * The view must declare {@link #TYPES}.
     */
    public static List<Routed> routedSubnets(GraphView view, Resource nat) {
        List<Routed> routed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Resource route : view.referrers(nat, ROUTE)) {
            if (!view.mayExist(route) || !Zones.refersTo(view.property(route, "NatGatewayId"), nat.id())) {
                continue;
            }
            Optional<Resource> table = view.resolve(view.property(route, "RouteTableId"), ROUTE_TABLE);
            if (table.isEmpty()) {
                continue;
            }
            Optional<String> destination = view.property(route, "DestinationCidrBlock").asString();
            boolean routeCertain = view.exists(route).equals(Optional.of(Boolean.TRUE));
            for (Resource association : view.referrers(table.get(), ASSOCIATION)) {
                if (!view.mayExist(association)
                        || !Zones.refersTo(view.property(association, "RouteTableId"), table.get().id())) {
                    continue;
                }
                Value subnet = view.property(association, "SubnetId");
                String name = view.resolve(subnet, Zones.SUBNET).map(Resource::displayName)
                        .orElse("the subnet of " + association.displayName());
                if (seen.add(name)) {
                    routed.add(new Routed(name, subnet, destination, routeCertain
                            && view.exists(association).equals(Optional.of(Boolean.TRUE))));
                }
            }
        }
        return routed;
    }
}
