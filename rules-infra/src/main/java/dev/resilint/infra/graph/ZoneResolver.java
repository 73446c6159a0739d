package dev.resilint.infra.graph;

import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Availability Zones that values stand for, whatever the source: zone names or zone ids
 * ({@code eu-west-1a}, {@code euw1-az1}), symbolic zones of a template ({@code az[0]}), or subnets
 * of the graph through their {@code AvailabilityZone} (or {@code AvailabilityZoneId}). One zone
 * set per possibility of the value, or unknown with the reason.
 */
final class ZoneResolver {

    static final String SUBNET = "AWS::EC2::Subnet";

    private static final Pattern AZ_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+[a-z]");
    private static final Pattern AZ_ID = Pattern.compile("[a-z]{3,4}\\d?-az\\d+");

    private final ResourceGraph graph;

    ZoneResolver(ResourceGraph graph) {
        this.graph = graph;
    }

    /** The zones of a list of zone names (or one zone). */
    AzSet ofZoneNames(Value value) {
        return zones(value, false);
    }

    /** The zones of a list of subnets (or one subnet), through each subnet's zone. */
    AzSet ofSubnets(Value value) {
        return zones(value, true);
    }

    private AzSet zones(Value value, boolean subnets) {
        List<Set<String>> options = new ArrayList<>();
        for (Value option : value.possibilities()) {
            AzSet one = zonesOne(option, subnets);
            if (!one.isKnown()) {
                return one;
            }
            options.addAll(one.options());
        }
        return AzSet.of(options);
    }

    private AzSet zonesOne(Value option, boolean subnets) {
        if (option instanceof Value.Unknown u) {
            return AzSet.unknown(u);
        }
        if (option instanceof Value.Absent) {
            return AzSet.unknown(Value.unknown(Reason.RUNTIME_ATTRIBUTE, "not set"));
        }
        List<Value> items = option.asList().orElseGet(() -> List.of(option));
        Set<String> names = new LinkedHashSet<>();
        for (Value item : items) {
            Value zone = subnets ? subnetZone(item) : item;
            if (zone instanceof Value.Unknown u) {
                return AzSet.unknown(u);
            }
            Optional<String> name = zoneName(zone);
            if (name.isEmpty()) {
                return AzSet.unknown(zone.firstUnknown().orElse(Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                        "not an Availability Zone")));
            }
            names.add(name.get());
        }
        boolean symbolic = names.stream().anyMatch(n -> n.startsWith("az["));
        boolean literal = names.stream().anyMatch(n -> !n.startsWith("az["));
        if (symbolic && literal) {
            return AzSet.unknown(Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                    "literal zone names mixed with Fn::GetAZs zones cannot be compared"));
        }
        // a zone name maps to a different zone id in each account: us-east-1a may or may not be use1-az1
        if (names.stream().anyMatch(n -> AZ_ID.matcher(n).matches())
                && names.stream().anyMatch(n -> AZ_NAME.matcher(n).matches())) {
            return AzSet.unknown(Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                    "zone names mixed with zone ids cannot be compared (each account maps names to ids its own way)"));
        }
        return AzSet.of(List.of(names));
    }

    private Value subnetZone(Value item) {
        Optional<Symbols.ResourceRef> ref = item.asResourceRef();
        if (ref.isPresent() && ref.get().attribute().isEmpty()) {
            Optional<Resource> subnet = graph.resource(ref.get().resourceId());
            if (subnet.isPresent() && subnet.get().type().equals(SUBNET)) {
                Value zone = graph.source().property(subnet.get(), "AvailabilityZone");
                if (zone.isAbsent()) {
                    zone = graph.source().property(subnet.get(), "AvailabilityZoneId");
                }
                return zone.isAbsent() ? Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                        "subnet " + ref.get().resourceId() + " has no AvailabilityZone; AWS picks one") : zone;
            }
            return Value.unknown(Reason.RUNTIME_ATTRIBUTE, ref.get().resourceId() + " is not a subnet of "
                    + graph.name());
        }
        if (item.isUnknown()) {
            return item.firstUnknown().orElseThrow();
        }
        return Value.unknown(Reason.RUNTIME_ATTRIBUTE, "a subnet that " + graph.name() + " does not hold ("
                + item.asString().orElse("?") + ")");
    }

    private static Optional<String> zoneName(Value zone) {
        if (zone instanceof Value.Known k && k.node() instanceof ScalarNode s && !s.isNull()) {
            if (Symbols.AZ.equals(s.tag())) {
                return Optional.of(s.text());
            }
            String text = s.text().trim().toLowerCase(Locale.ROOT);
            if (!Symbols.isSymbolic(s) && (AZ_NAME.matcher(text).matches() || AZ_ID.matcher(text).matches())) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
