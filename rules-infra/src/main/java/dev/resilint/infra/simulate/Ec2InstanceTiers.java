package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Standalone EC2 instances: one instance, in the zone of its {@code SubnetId} (or first network
 * interface's subnet, or {@code AvailabilityZone}); in a zone AWS picks when none is set.
 */
final class Ec2InstanceTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource instance : graph.existing(TierTypes.INSTANCE)) {
            tiers.add(new Tier(graph.name(instance), instance.type(), graph.file(), placement(graph, instance),
                    "single instance"));
        }
        return tiers;
    }

    private static Placement placement(SimulationGraph graph, Resource instance) {
        Value subnet = graph.view().property(instance, "SubnetId");
        if (!subnet.isAbsent()) {
            return single("SubnetId", graph.zonesOfSubnets(subnet));
        }
        Value nic = graph.view().property(instance, "NetworkInterfaces/0/SubnetId");
        if (!nic.isAbsent() && !nic.isUnknown()) {
            return single("NetworkInterfaces", graph.zonesOfSubnets(nic));
        }
        Value zone = graph.view().property(instance, "AvailabilityZone");
        if (!zone.isAbsent()) {
            return single("AvailabilityZone", graph.view().zonesOfZoneNames(zone));
        }
        return Placement.oneOf(Set.of(), "no subnet or zone is set: AWS picks the zone");
    }

    /** In the one zone of {@code zones}, or unknown. */
    static Placement single(String property, AzSet zones) {
        if (zones.exact().isPresent() && zones.exact().get().size() == 1) {
            return Placement.zones(zones.options(), property + ": " + zones.describe());
        }
        return zones.isKnown() ? Placement.unknown(property + " depends on a condition")
                : Placement.unknown(property + ": " + SimulationGraph.why(zones));
    }
}
