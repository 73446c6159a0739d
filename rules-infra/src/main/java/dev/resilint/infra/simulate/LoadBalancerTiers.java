package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.List;

/**
 * Load balancers (ELBv2 and classic): one node per zone of their subnets or zones, as
 * {@link Zones#ofLoadBalancer} reads them.
 */
final class LoadBalancerTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (String type : List.of(TierTypes.ELB_V2, TierTypes.CLASSIC_ELB)) {
            for (Resource lb : graph.existing(type)) {
                Placement placement = graph.spread(lb, Zones.ofLoadBalancer(graph.view(), lb));
                tiers.add(new Tier(graph.name(lb), lb.type(), graph.file(), placement, "all nodes"));
            }
        }
        return tiers;
    }
}
