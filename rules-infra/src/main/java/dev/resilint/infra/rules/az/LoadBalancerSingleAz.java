package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.Zones;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * AZ02: a Classic, Application or Network Load Balancer that provably serves fewer than 2
 * Availability Zones. When that zone fails, the entry point of the service fails with it. What it
 * fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class LoadBalancerSingleAz extends ResourceRule {

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
            .anchors(Reference.awsConfig("clb-multiple-az"), Reference.awsConfig("elbv2-multiple-az"),
                    Reference.cdkNag("AwsSolutions-ELB4"))
            .tags("availability-zone", "load-balancing")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Zones.ELB_V2, Zones.CLASSIC_ELB)
            .reads(Zones.SUBNET)
            .firesOn("An Application or Network Load Balancer (`AWS::ElasticLoadBalancingV2::LoadBalancer`; a "
                            + "missing `Type` means `application`) whose `Subnets`, or else "
                            + "`SubnetMappings[*].SubnetId`, cover at most one Availability Zone in every possibility.",
                    "A Classic Load Balancer (`AWS::ElasticLoadBalancing::LoadBalancer`) whose `Subnets`, or else "
                            + "`AvailabilityZones`, cover at most one Availability Zone in every possibility.")
            .quietWhen("A Gateway Load Balancer (`Type: gateway`), or a `Type` that cannot be known.",
                    "Any subnet or zone cannot be known.",
                    "Some possibility covers 2 zones or more, or every possibility covers none.",
                    "No zone property is set.",
                    "The load balancer's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource lb, GraphView graph, RuleContext context) {
        boolean v2 = lb.type().equals(Zones.ELB_V2);
        Optional<String> kind = v2 ? elbV2Type(graph, lb) : Optional.of("classic");
        if (kind.isEmpty()) {
            return;
        }
        Optional<Zones.Placement> placement = Zones.ofLoadBalancer(graph, lb);
        if (placement.isEmpty()) {
            return;
        }
        AzSet zones = placement.get().zones();
        if (!zones.isKnown() || zones.maxCount() != 1) {
            return;
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

    /**
     * The ELBv2 type in lower case ({@code application} when not set), {@code "either"} when a
     * condition chooses between application and network; empty when it cannot be known or may be
     * {@code gateway}.
     */
    private static Optional<String> elbV2Type(GraphView graph, Resource lb) {
        return graph.property(lb, "Type").readEach(v -> (v.isAbsent() ? Optional.of("application")
                        : v.asString().map(s -> s.trim().toLowerCase(Locale.ROOT)))
                        .filter(kind -> kind.equals("application") || kind.equals("network")))
                .map(TreeSet::new)
                .map(kinds -> kinds.size() == 1 ? kinds.first() : "either");
    }
}
