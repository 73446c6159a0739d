package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RDS DB instances outside a cluster ({@link RdsTopology#outsideCluster}; cluster members are
 * simulated with their cluster). {@code MultiAZ: true}: a standby in another zone takes over,
 * the instance survives any one zone. Otherwise it runs in one zone: its {@code AvailabilityZone},
 * else one AWS picks among the zones of its DB subnet group. Read replicas are tiers of their own.
 */
final class RdsInstanceTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource db : graph.existing(TierTypes.DB_INSTANCE)) {
            Optional<Boolean> outside = RdsTopology.outsideCluster(graph.view(), db);
            if (outside.equals(Optional.of(Boolean.FALSE))) {
                continue;
            }
            boolean replica = RdsTopology.readReplica(graph.view(), db).orElse(false);
            String what = replica ? "single-AZ read replica" : "single-AZ primary";
            tiers.add(new Tier(graph.name(db), db.type(), graph.file(), placement(graph, db, outside, what), what));
        }
        return tiers;
    }

    private static Placement placement(SimulationGraph graph, Resource db, Optional<Boolean> outside, String what) {
        if (outside.isEmpty()) {
            return Placement.unknown("whether it is a cluster member cannot be known");
        }
        Value multiAz = graph.view().property(db, "MultiAZ");
        if (multiAz.asBoolean().equals(Optional.of(Boolean.TRUE))) {
            return Placement.everyZone("MultiAZ: true: a standby in another zone takes over");
        }
        if (!multiAz.isFalseOrAbsent()) {
            return Placement.unknown("MultiAZ: " + multiAz.firstUnknown().map(Value.Unknown::describe)
                    .orElse("depends on a condition"));
        }
        return SingleZone.place(graph, db, Optional.of("AvailabilityZone"), "DBSubnetGroupName",
                TierTypes.DB_SUBNET_GROUP, what);
    }
}
