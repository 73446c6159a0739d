package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Lambda functions in a VPC: they run in the zones of {@code VpcConfig/SubnetIds}. A function
 * outside a VPC (no {@code VpcConfig}, or no subnets) runs in every zone of its region and is not
 * a zonal tier; it is left out.
 */
final class LambdaFunctionTiers implements TierReader {

    static final String SUBNETS = "VpcConfig/SubnetIds";

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource function : graph.existing(TierTypes.LAMBDA)) {
            Value subnets = graph.view().property(function, SUBNETS);
            if (subnets.always(LambdaFunctionTiers::outsideVpc)) {
                continue;
            }
            Placement placement = subnets.possibilities().stream().anyMatch(LambdaFunctionTiers::outsideVpc)
                    ? Placement.unknown("VpcConfig depends on a condition")
                    : graph.spreadOverSubnets(function, SUBNETS);
            tiers.add(new Tier(graph.name(function), function.type(), graph.file(), placement, "all its subnets"));
        }
        return tiers;
    }

    /** No subnets: not set, or an empty list. */
    private static boolean outsideVpc(Value subnets) {
        return subnets instanceof Value.Absent || subnets.asList().map(List::isEmpty).orElse(false);
    }
}
