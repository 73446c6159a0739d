package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * EFS file systems. One Zone storage ({@code AvailabilityZoneName}) lives in that zone. Regional
 * storage survives any zone, but clients reach it through mount targets: the file system is
 * reachable in the zones of the stack's mount targets for it ({@code FileSystemId}), and lost
 * where those are one zone. Without a mount target in the stack, unknown.
 */
final class EfsTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource fs : graph.existing(TierTypes.EFS)) {
            if (!graph.view().property(fs, "AvailabilityZoneName").isAbsent()) {
                AzSet zone = graph.view().zonesOfZoneNames(graph.view().property(fs, "AvailabilityZoneName"));
                tiers.add(new Tier(graph.name(fs), fs.type(), graph.file(),
                        Ec2InstanceTiers.single("AvailabilityZoneName", zone), "One Zone storage"));
                continue;
            }
            tiers.add(new Tier(graph.name(fs), fs.type(), graph.file(), mountTargets(graph, fs), "all mount targets"));
        }
        return tiers;
    }

    private static Placement mountTargets(SimulationGraph graph, Resource fs) {
        Set<String> zones = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (Resource target : graph.view().referrers(fs, TierTypes.MOUNT_TARGET)) {
            if (!graph.view().mayExist(target)
                    || !Zones.refersTo(graph.view().property(target, "FileSystemId"), fs.id())) {
                continue;
            }
            if (graph.view().exists(target).isEmpty()) {
                return Placement.unknown("mount target " + target.displayName() + " depends on a condition");
            }
            AzSet zone = graph.zonesOfSubnets(graph.view().property(target, "SubnetId"));
            if (zone.exact().isEmpty()) {
                return Placement.unknown("mount target " + target.displayName() + ": "
                        + (zone.isKnown() ? "its subnet depends on a condition" : SimulationGraph.why(zone)));
            }
            zones.addAll(zone.exact().get());
            names.add(target.displayName());
        }
        if (names.isEmpty()) {
            return Placement.unknown("no mount target in " + graph.file());
        }
        if (!Zones.comparable(zones)) {
            return Placement.unknown("the mount targets' zones cannot be compared");
        }
        return Placement.zones(List.of(zones), "mount targets in " + String.join(", ", new java.util.TreeSet<>(zones)));
    }
}
