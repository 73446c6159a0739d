package dev.resilint.infra.rules.support;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where Auto Scaling groups and load balancers run: which property decides their Availability
 * Zones, and the zones it stands for. Shared by the AZ rules.
 */
public final class Zones {

    /** Subnets: their zones are read to place the groups and load balancers that use them. */
    public static final String SUBNET = "AWS::EC2::Subnet";

    public static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    public static final String ELB_V2 = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    public static final String CLASSIC_ELB = "AWS::ElasticLoadBalancing::LoadBalancer";

    /**
     * The zones of a resource and the property they come from.
     *
     * @param property the deciding property, such as {@code VPCZoneIdentifier}
     * @param zones the zones it covers (possibly unknown)
     * @param allZones true when the property is, in some possibility, the whole list
     *     {@code Fn::GetAZs} returns: every zone of the region, of which {@code zones} names only the
     *     first two. Enough to count at least 2 zones, not to compare zone sets
     */
    public record Placement(String property, AzSet zones, boolean allZones) {

        public Placement(String property, AzSet zones) {
            this(property, zones, false);
        }

        /** The zones when they are known exactly: one possibility, not a whole region. */
        public Optional<Set<String>> exact() {
            return allZones ? Optional.empty() : zones.exact();
        }
    }

    private Zones() {
    }

    /**
     * An Auto Scaling group's zones: {@code VPCZoneIdentifier} (its subnets' zones) when set,
     * which decides when both are set; else {@code AvailabilityZones}. Empty when neither is set.
     */
    public static Optional<Placement> ofAutoScalingGroup(GraphView graph, Resource asg) {
        Value subnets = graph.property(asg, "VPCZoneIdentifier");
        if (!subnets.isAbsent()) {
            return Optional.of(new Placement("VPCZoneIdentifier", graph.zonesOfSubnets(subnets)));
        }
        Value zones = graph.property(asg, "AvailabilityZones");
        if (!zones.isAbsent()) {
            return Optional.of(new Placement("AvailabilityZones", graph.zonesOfZoneNames(zones), isGetAzs(zones)));
        }
        return Optional.empty();
    }

    /**
     * A load balancer's zones: for ELBv2, {@code Subnets} or else {@code SubnetMappings[*].SubnetId};
     * for a classic load balancer, {@code Subnets} or else {@code AvailabilityZones}. Empty when
     * the resource is neither, or none of these is set.
     */
    public static Optional<Placement> ofLoadBalancer(GraphView graph, Resource lb) {
        if (lb.type().equals(ELB_V2)) {
            Value subnets = graph.property(lb, "Subnets");
            if (!subnets.isAbsent()) {
                return Optional.of(new Placement("Subnets", graph.zonesOfSubnets(subnets)));
            }
            Value mappings = graph.property(lb, "SubnetMappings");
            if (!mappings.isAbsent()) {
                return Optional.of(new Placement("SubnetMappings", ofSubnetMappings(graph, mappings)));
            }
            return Optional.empty();
        }
        if (lb.type().equals(CLASSIC_ELB)) {
            Value subnets = graph.property(lb, "Subnets");
            if (!subnets.isAbsent()) {
                return Optional.of(new Placement("Subnets", graph.zonesOfSubnets(subnets)));
            }
            Value zones = graph.property(lb, "AvailabilityZones");
            if (!zones.isAbsent()) {
                return Optional.of(new Placement("AvailabilityZones", graph.zonesOfZoneNames(zones),
                        isGetAzs(zones)));
            }
        }
        return Optional.empty();
    }

    /** True when some possibility is the list {@code Fn::GetAZs} returns, as it is. */
    private static boolean isGetAzs(Value zones) {
        return zones.possibilities().stream().anyMatch(v -> v instanceof Value.Known k
                && k.node() instanceof ListNode l && l.tag().startsWith(Symbols.AZ_LIST));
    }

    /** The union of the zones of every mapping's {@code SubnetId}, per possibility of the list. */
    private static AzSet ofSubnetMappings(GraphView graph, Value mappings) {
        List<Set<String>> options = new ArrayList<>();
        for (Value option : mappings.possibilities()) {
            Optional<List<Value>> items = option.asList();
            if (items.isEmpty()) {
                return AzSet.unknown(option instanceof Value.Unknown u ? u
                        : Value.unknown(Value.Reason.RUNTIME_ATTRIBUTE, "SubnetMappings is not a list"));
            }
            Set<String> union = new HashSet<>();
            for (Value item : items.get()) {
                Optional<Node> subnet = item.asMap().flatMap(m -> m.get("SubnetId"));
                if (subnet.isEmpty()) {
                    return AzSet.unknown(item instanceof Value.Unknown u ? u
                            : Value.unknown(Value.Reason.RUNTIME_ATTRIBUTE, "a subnet mapping without SubnetId"));
                }
                AzSet zones = graph.zonesOfSubnets(Symbols.valueOf(subnet.get()));
                if (!zones.isKnown()) {
                    return zones;
                }
                if (zones.exact().isEmpty()) {
                    return AzSet.unknown(Value.unknown(Value.Reason.UNKNOWN_CONDITION,
                            "a subnet mapping's zone depends on a condition"));
                }
                union.addAll(zones.exact().get());
            }
            options.add(union);
        }
        AzSet set = AzSet.of(options);
        return comparable(options.stream().flatMap(Set::stream).collect(Collectors.toSet())) ? set
                : AzSet.unknown(Value.unknown(Value.Reason.RUNTIME_ATTRIBUTE,
                        "zones written in ways that cannot be compared"));
    }

    /**
     * Whether zones can be compared with one another: all symbolic zones of the same region, all
     * literal zone names, or all literal zone ids ({@code use1-az1}). A zone name and a zone id may
     * be the same zone, and so may {@code az[0]} and {@code az[0]@us-east-1}.
     */
    public static boolean comparable(Set<String> zones) {
        return zones.stream().map(Zones::kind).distinct().count() <= 1;
    }

    private static String kind(String zone) {
        if (zone.startsWith("az[")) {
            int at = zone.indexOf('@');
            return "symbolic" + (at < 0 ? "" : zone.substring(at));
        }
        return zone.toLowerCase(Locale.ROOT).matches("[a-z]{3,4}\\d?-az\\d+") ? "id" : "name";
    }

    /** The zones for a message: {@code az[0], az[1]}, or the options when conditions decide. */
    public static String describe(AzSet zones) {
        if (zones.exact().isPresent()) {
            return String.join(", ", new TreeSet<>(zones.exact().get()));
        }
        return zones.options().stream().distinct().map(o -> o.isEmpty() ? "none" : String.join(", ", new TreeSet<>(o)))
                .collect(Collectors.joining(" or ")) + ", depending on conditions";
    }

    /** "1 Availability Zone" or "2 Availability Zones". */
    public static String count(int n) {
        return n + " Availability Zone" + (n == 1 ? "" : "s");
    }

    /** Whether a value (already evaluated) contains a symbolic reference to {@code resourceId}. */
    public static boolean refersTo(Value value, String resourceId) {
        return value.always(option -> option instanceof Value.Known k && contains(k.node(), resourceId, 0));
    }

    private static boolean contains(Node node, String resourceId, int depth) {
        if (depth > 100) {
            return false;
        }
        if (node instanceof ScalarNode s) {
            return Symbols.resourceRef(s).map(r -> r.resourceId().equals(resourceId)).orElse(false);
        }
        if (node instanceof ListNode l) {
            return l.items().stream().anyMatch(i -> contains(i, resourceId, depth + 1));
        }
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                if (contains(e.value(), resourceId, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }


}
