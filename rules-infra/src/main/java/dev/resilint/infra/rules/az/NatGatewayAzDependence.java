package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.NatRoutes;
import dev.resilint.infra.rules.support.Zones;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * AZ12: a NAT gateway that is the internet route of subnets in other Availability Zones, so the
 * loss of its zone cuts their egress too. What it fires on and when it stays quiet, case by case,
 * is in its {@link #METADATA}.
 */
public final class NatGatewayAzDependence extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ12", NatGatewayAzDependence.class)
            .severity(Severity.WARNING)
            .summary("Subnets in several Availability Zones send their internet traffic through one NAT gateway.")
            .rationale("A NAT gateway is a zonal resource: it runs in the zone of its subnet. Subnets of other "
                    + "zones that route `0.0.0.0/0` through it lose their internet egress (package downloads, "
                    + "calls to AWS APIs without VPC endpoints, third-party services) when that one zone fails, "
                    + "although their own zone is healthy, and pay cross-zone data charges meanwhile. With one NAT "
                    + "gateway per zone, each zone's subnets routing through their own, a zone failure stays in "
                    + "that zone. Decision: only the IPv4 default route counts, through explicit subnet route "
                    + "table associations (a subnet on the VPC's main route table is not seen, in a template or in "
                    + "an account), and only routes and associations that exist unconditionally. Live, the routes "
                    + "and associations are read inline from `DescribeRouteTables`.")
            .remediation("Create an `AWS::EC2::NatGateway` in a public subnet of each Availability Zone, give the "
                    + "private subnets of each zone their own `AWS::EC2::RouteTable` whose `0.0.0.0/0` route has "
                    + "the `NatGatewayId` of that zone's gateway (in AWS CDK, `natGateways` equal to the number of "
                    + "zones).")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.trustedAdvisor("NAT Gateway AZ Independence", ""))
            .tags("availability-zone", "network")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(NatRoutes.NAT)
            .reads(NatRoutes.ROUTE, NatRoutes.ROUTE_TABLE, NatRoutes.ASSOCIATION, Zones.SUBNET)
            .firesOn("An `AWS::EC2::NatGateway` that is the `0.0.0.0/0` route (`AWS::EC2::Route` with its "
                    + "`NatGatewayId` and `DestinationCidrBlock: 0.0.0.0/0`) of a route table associated "
                    + "(`AWS::EC2::SubnetRouteTableAssociation`) with a subnet in another Availability Zone than "
                    + "the gateway's own `SubnetId`, or, when the gateway's zone cannot be known, with subnets in "
                    + "two zones or more. One finding per gateway, at its `SubnetId`, naming the subnets of other "
                    + "zones.")
            .quietWhen("Every routed subnet is in the gateway's zone (one gateway per zone).",
                    "A subnet's zone cannot be known (it is then left out), or the zones are written in ways that "
                            + "cannot be compared (names and ids, literal and `Fn::GetAZs` zones).",
                    "The route or the association exists only under a condition, or the route is not the IPv4 "
                            + "default route.",
                    "The gateway's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource nat, GraphView graph, RuleContext context) {
        Optional<String> natZone = one(graph.zonesOfSubnets(graph.property(nat, "SubnetId")));
        Map<String, String> subnets = new LinkedHashMap<>();
        for (NatRoutes.Routed routed : NatRoutes.routedSubnets(graph, nat)) {
            if (routed.certain() && routed.isDefaultRoute()) {
                one(graph.zonesOfSubnets(routed.subnet())).ifPresent(zone -> subnets.put(routed.name(), zone));
            }
        }
        Set<String> zones = new TreeSet<>(subnets.values());
        natZone.ifPresent(zones::add);
        if (subnets.isEmpty() || !Zones.comparable(zones)) {
            return;
        }
        Map<String, String> elsewhere = new LinkedHashMap<>(subnets);
        if (natZone.isPresent()) {
            elsewhere.values().removeIf(zone -> zone.equals(natZone.get()));
        } else if (new TreeSet<>(subnets.values()).size() < 2) {
            return;
        }
        if (elsewhere.isEmpty()) {
            return;
        }
        String list = elsewhere.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        String where = natZone.map(z -> " in " + z).orElse("");
        context.report(nat.locateProperty("SubnetId"), "NAT gateway " + nat.displayName() + where + " is the "
                + "internet route (0.0.0.0/0) of subnets in other Availability Zones: " + list + "; when "
                + natZone.orElse("its zone") + " fails they lose their egress too; give each zone its own NAT "
                + "gateway and route its subnets through it");
    }

    /** The one zone of a known single possibility. */
    private static Optional<String> one(AzSet zones) {
        return zones.exact().filter(z -> z.size() == 1).map(z -> z.iterator().next());
    }
}
