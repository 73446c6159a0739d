package dev.resilint.infra.simulate;

import java.util.List;

/** Finds the tiers of one kind in a graph and places each of them. */
interface TierReader {

    /** The tiers of this kind in {@code graph}, in the graph's order. */
    List<Tier> read(SimulationGraph graph);

    /** One reader per kind of tier, in the order reports list the tiers. */
    static List<TierReader> all() {
        return List.of(new AutoScalingGroupTiers(), new LoadBalancerTiers(), new EcsServiceTiers(),
                new LambdaFunctionTiers(), new Ec2InstanceTiers(), new RdsInstanceTiers(), new RdsClusterTiers(),
                new ElastiCacheTiers(), new EfsTiers(), new NatEgressTiers(), new UnsimulatedTiers(), new UnreadTiers());
    }
}
