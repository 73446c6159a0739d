package dev.resilint.infra.simulate;

import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the tier readers see of one graph: a {@link GraphView} declaring the types the simulation
 * reads, the name prefix of its nested stack, and subnet zones that follow imports to the stacks
 * of the same run that export them.
 */
final class SimulationGraph {

    /**
     * The declaration the simulation's graph view reads under. Not a rule of the catalog: no
     * finding is ever reported with it.
     */
    static final RuleMetadata METADATA = RuleMetadata.builder("ZF00", ZoneFailureSimulation.class)
            .severity(Severity.NOTE)
            .summary("The AZ-failure simulation (not a rule).")
            .rationale("Reads where each tier runs to work out what the loss of one Availability Zone does to it.")
            .remediation("None: the simulation reports, it does not judge.")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .reads(TierTypes.ALL)
            .build();

    private final GraphView view;
    private final String prefix;
    private final Exports exports;
    private final Optional<SimulationGraph> parent;
    private final Completeness completeness;

    /**
     * @param prefix the names of the stack resources that nest the graph ({@code Network/})
     * @param exports the exports of the run
     * @param parent the graph of the parent template, for a nested stack's: a subnet the parent
     *     passes as a parameter ({@code Ref PrivateSubnetA} of the parent) is placed there
     * @param completeness what the graph's source read in full
     */
    SimulationGraph(GraphView view, String prefix, Exports exports, Optional<SimulationGraph> parent,
            Completeness completeness) {
        this.view = view;
        this.prefix = prefix;
        this.exports = exports;
        this.parent = parent;
        this.completeness = completeness;
    }

    /** Which types the graph's source read in full (a template's: every one; a live scope's: see its gaps). */
    Completeness completeness() {
        return completeness;
    }

    GraphView view() {
        return view;
    }

    /** The template file or account region. */
    String file() {
        return view.name();
    }

    /** The resources of {@code type} that may exist (a provably false condition leaves one out). */
    List<Resource> existing(String type) {
        return view.ofType(type).stream().filter(view::mayExist).toList();
    }

    /** How reports name a resource: with the nested stacks that hold it ({@code Network/NatGatewayA}). */
    String name(Resource resource) {
        return prefix + resource.displayName();
    }

    /** The zones of a list of subnets (or one subnet); imports of exports of the run are followed. */
    AzSet zonesOfSubnets(Value subnets) {
        return zonesOfSubnets(subnets, 0);
    }

    AzSet zonesOfSubnets(Value subnets, int depth) {
        if (!needsOtherGraphs(subnets)) {
            return view.zonesOfSubnets(subnets);
        }
        List<Set<String>> options = new ArrayList<>();
        for (Value option : subnets.possibilities()) {
            List<Value> items = option instanceof Value.Unknown ? List.of(option)
                    : option.asList().orElseGet(() -> List.of(option));
            Set<String> union = new LinkedHashSet<>();
            for (Value item : items) {
                AzSet zones = item instanceof Value.Unknown u ? exports.zonesOfSubnets(u, depth)
                        : isParentResource(item) && depth <= 8 ? parent.get().zonesOfSubnets(item, depth + 1)
                        : view.zonesOfSubnets(item);
                if (!zones.isKnown()) {
                    return zones;
                }
                if (zones.exact().isEmpty()) {
                    return AzSet.unknown(Value.unknown(Value.Reason.UNKNOWN_CONDITION,
                            "a subnet's zone depends on a condition"));
                }
                union.addAll(zones.exact().get());
            }
            options.add(union);
        }
        Set<String> all = new LinkedHashSet<>();
        options.forEach(all::addAll);
        return Zones.comparable(all) ? AzSet.of(options) : AzSet.unknown(Value.unknown(Value.Reason.RUNTIME_ATTRIBUTE,
                "literal zone names mixed with Fn::GetAZs zones cannot be compared"));
    }

    /**
     * Whether some item of some possibility is an import that {@link Exports} may resolve, or a
     * reference to a resource of the parent template.
     */
    private boolean needsOtherGraphs(Value subnets) {
        for (Value option : subnets.possibilities()) {
            List<Value> items = option instanceof Value.Unknown ? List.of(option)
                    : option.asList().orElseGet(() -> List.of(option));
            for (Value item : items) {
                if (item instanceof Value.Unknown u && Exports.importedName(u).isPresent() || isParentResource(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A plain reference to a subnet of the parent template that this graph holds nothing of the
     * name of (among the types the simulation reads): a subnet the parent passes as a parameter.
     */
    private boolean isParentResource(Value item) {
        if (parent.isEmpty() || !(item instanceof Value.Known)) {
            return false;
        }
        Optional<Symbols.ResourceRef> ref = item.asResourceRef();
        return ref.isPresent() && ref.get().attribute().isEmpty() && holdsNot(ref.get().resourceId())
                && parent.get().view.resource(ref.get().resourceId(), TierTypes.SUBNET).isPresent();
    }

    /** True when the graph has no resource with this id. */
    private boolean holdsNot(String id) {
        return view.resources().stream().noneMatch(r -> r.id().equals(id));
    }

    /** The zones of the subnets at {@code path} of the resource, as a placement spread over them. */
    Placement spreadOverSubnets(Resource resource, String path) {
        return spread(path.substring(path.lastIndexOf('/') + 1), zonesOfSubnets(view.property(resource, path)));
    }

    /**
     * A placement from the way the shared {@link Zones} helper places Auto Scaling groups and load
     * balancers; subnets it could not place (imports) are placed again through the run's exports.
     */
    Placement spread(Resource resource, Optional<Zones.Placement> placement) {
        if (placement.isEmpty()) {
            return Placement.unknown("no subnets or Availability Zones are set");
        }
        Zones.Placement p = placement.get();
        if (p.allZones()) {
            return Placement.allZones(p.property() + ": every zone of Fn::GetAZs");
        }
        AzSet zones = p.zones();
        if (!zones.isKnown() && (p.property().equals("VPCZoneIdentifier") || p.property().equals("Subnets"))) {
            zones = zonesOfSubnets(view.property(resource, p.property()));
        }
        return spread(p.property(), zones);
    }

    /** Spread over {@code zones}, read from {@code property}; unknown when they are. */
    static Placement spread(String property, AzSet zones) {
        if (!zones.isKnown()) {
            return Placement.unknown(property + ": " + why(zones));
        }
        if (zones.options().stream().anyMatch(Set::isEmpty)) {
            return Placement.unknown(property + " is empty" + (zones.options().size() > 1 ? " in some possibility" : ""));
        }
        return Placement.zones(zones.options(), property + ": " + Zones.describe(zones));
    }

    /** Why zones are unknown, for notes. */
    static String why(AzSet zones) {
        return zones.unknown().map(Value.Unknown::describe).orElse("no zones");
    }
}
