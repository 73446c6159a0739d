package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.Optional;
import java.util.Set;

/**
 * Places something that runs in one zone (a single-AZ database, a cache's only node): in the zone
 * its own property names, else in a zone AWS picks among those of its subnet group.
 */
final class SingleZone {

    private SingleZone() {
    }

    /**
     * @param zoneProperty the property that names its zone ({@code AvailabilityZone}), or empty
     * @param groupProperty the property that names its subnet group ({@code DBSubnetGroupName})
     * @param groupType the subnet group's type
     * @param what how the note names it: {@code single-AZ primary}
     */
    static Placement place(SimulationGraph graph, Resource resource, Optional<String> zoneProperty,
            String groupProperty, String groupType, String what) {
        if (zoneProperty.isPresent()) {
            Value zone = graph.view().property(resource, zoneProperty.get());
            if (!zone.isAbsent()) {
                AzSet zones = graph.view().zonesOfZoneNames(zone);
                if (zones.exact().isPresent() && zones.exact().get().size() == 1) {
                    return Placement.zones(zones.options(), what + " in " + zones.describe() + " ("
                            + zoneProperty.get() + ")");
                }
                return Placement.oneOf(Set.of(), what + "; " + zoneProperty.get() + ": "
                        + (zones.isKnown() ? "depends on a condition" : SimulationGraph.why(zones)));
            }
        }
        Value groupName = graph.view().property(resource, groupProperty);
        if (groupName.isAbsent()) {
            return Placement.oneOf(Set.of(), what + " in the default VPC: AWS picks the zone");
        }
        Optional<Resource> group = graph.view().resolve(groupName, groupType);
        if (group.isEmpty()) {
            return Placement.oneOf(Set.of(), what + "; its subnet group is not in " + graph.file());
        }
        AzSet zones = graph.zonesOfSubnets(graph.view().property(group.get(), "SubnetIds"));
        if (zones.exact().isEmpty()) {
            return Placement.oneOf(Set.of(), what + "; the zones of " + group.get().displayName() + ": "
                    + (zones.isKnown() ? "depend on a condition" : SimulationGraph.why(zones)));
        }
        Set<String> candidates = zones.exact().get();
        if (candidates.size() == 1) {
            return Placement.zones(zones.options(), what + " in " + zones.describe() + " (its subnet group's only zone)");
        }
        return Placement.oneOf(candidates, what + ": AWS picks one of " + zones.describe() + " ("
                + group.get().displayName() + ")");
    }
}
