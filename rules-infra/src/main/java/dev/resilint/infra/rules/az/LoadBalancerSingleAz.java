package dev.resilint.infra.rules.az;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AZ02: a Classic, Application or Network Load Balancer that provably serves fewer than 2
 * Availability Zones. When that zone fails, the entry point of the service fails with it.
 *
 * <p>For {@code AWS::ElasticLoadBalancingV2::LoadBalancer} the zones come from {@code Subnets},
 * or else from {@code SubnetMappings[*].SubnetId}; for {@code AWS::ElasticLoadBalancing::LoadBalancer}
 * from {@code Subnets}, or else {@code AvailabilityZones}. Gateway Load Balancers
 * ({@code Type: gateway}) are not judged; a missing {@code Type} means {@code application}.
 * Fires only when every possibility covers one zone. Quiet when the type, any subnet or any zone
 * cannot be known, when no zone property is set, and for load balancers whose condition is false.
 */
public final class LoadBalancerSingleAz implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ02", LoadBalancerSingleAz.class)
            .severity(Severity.ERROR)
            .summary("A load balancer serves a single Availability Zone.")
            .rationale("A load balancer runs nodes only in the zones it is enabled for. Enabled in one zone, it "
                    + "goes down with that zone, and with it every client's way into the service, however many "
                    + "healthy targets run elsewhere. Enabled in several zones, DNS stops handing out the failed "
                    + "zone's nodes and traffic keeps flowing through the others.")
            .remediation("Give the load balancer subnets in at least two Availability Zones (`Subnets` or "
                    + "`SubnetMappings`; `AvailabilityZones` for a Classic Load Balancer outside a VPC).")
            .wellArchitected("REL10-BP01")
            .anchors("CFG clb-multiple-az", "CFG elbv2-multiple-az", "NAG ELB4")
            .tags("availability-zone", "load-balancing")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Zones.ELB_V2, Zones.CLASSIC_ELB)
            .reads(Zones.SUBNET)
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        for (Resource lb : graph.resources()) {
            boolean v2 = lb.type().equals(Zones.ELB_V2);
            if (!v2 && !lb.type().equals(Zones.CLASSIC_ELB) || !graph.mayExist(lb)) {
                continue;
            }
            Optional<String> kind = v2 ? elbV2Type(graph, lb) : Optional.of("classic");
            if (kind.isEmpty()) {
                continue;
            }
            Optional<Zones.Placement> placement = Zones.ofLoadBalancer(graph, lb);
            if (placement.isEmpty()) {
                continue;
            }
            AzSet zones = placement.get().zones();
            if (!zones.isKnown() || zones.maxCount() != 1) {
                continue;
            }
            String property = placement.get().property();
            String what = switch (kind.get()) {
                case "classic" -> "Classic Load Balancer ";
                case "network" -> "Network Load Balancer ";
                case "application" -> "Application Load Balancer ";
                default -> "Load balancer ";
            };
            String fix = property.equals("AvailabilityZones") ? "list at least 2 zones in AvailabilityZones"
                    : "give it " + property + " in at least 2 zones";
            context.report(lb.locateProperty(property), what + lb.displayName() + " serves " + Zones.count(1) + " ("
                    + Zones.describe(zones) + "); " + fix);
        }
    }

    /**
     * The ELBv2 type in lower case ({@code application} when not set), {@code "either"} when a
     * condition chooses between application and network; empty when it cannot be known or may be
     * {@code gateway}.
     */
    private static Optional<String> elbV2Type(GraphView graph, Resource lb) {
        Set<String> kinds = new TreeSet<>();
        for (Value v : graph.property(lb, "Type").possibilities()) {
            Optional<String> kind = v.isAbsent() ? Optional.of("application")
                    : v.asString().map(s -> s.trim().toLowerCase(Locale.ROOT));
            if (kind.isEmpty() || !kind.get().equals("application") && !kind.get().equals("network")) {
                return Optional.empty(); // unknown, gateway, or not a load balancer type
            }
            kinds.add(kind.get());
        }
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.of("either");
    }
}
