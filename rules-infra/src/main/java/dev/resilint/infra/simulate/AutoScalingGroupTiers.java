package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Auto Scaling groups: spread over the zones of {@code VPCZoneIdentifier}, else of
 * {@code AvailabilityZones} (as {@link Zones#ofAutoScalingGroup} reads them). A group whose
 * {@code MaxSize} is 1 runs one instance, in one of those zones.
 */
final class AutoScalingGroupTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource asg : graph.existing(TierTypes.ASG)) {
            Placement placement = graph.spread(asg, Zones.ofAutoScalingGroup(graph.view(), asg));
            Optional<Long> max = graph.view().property(asg, "MaxSize").asLong();
            String loss = "all instances";
            if (max.equals(Optional.of(1L)) && placement.kind() == Placement.Kind.ZONES
                    && placement.options().size() == 1 && placement.options().get(0).size() > 1) {
                placement = Placement.oneOf(placement.options().get(0), "MaxSize 1: one instance, in one of "
                        + String.join(", ", placement.zonesNamed()));
                loss = "single instance";
            }
            tiers.add(new Tier(graph.name(asg), asg.type(), graph.file(), placement, loss));
        }
        return tiers;
    }
}
