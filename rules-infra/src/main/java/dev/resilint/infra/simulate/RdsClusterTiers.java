package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RDS DB clusters. A Multi-AZ DB cluster ({@code DBClusterInstanceClass} set) keeps a writer and two
 * readers in three zones: it survives any one. An Aurora cluster runs on the DB instances of the
 * stack that join it ({@code DBClusterIdentifier}): one instance is a writer without a replica, in
 * one zone; several survive a zone only when their {@code AvailabilityZone}s prove they are in
 * different zones, because RDS otherwise picks each one's zone. Aurora Serverless v1 and clusters
 * whose instances the stack does not hold are unknown.
 */
final class RdsClusterTiers implements TierReader {

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource cluster : graph.existing(TierTypes.DB_CLUSTER)) {
            List<Resource> members = members(graph, cluster);
            String loss = members.size() == 1 ? "writer without a replica" : "all instances";
            tiers.add(new Tier(graph.name(cluster), cluster.type(), graph.file(), placement(graph, cluster, members),
                    loss));
        }
        return tiers;
    }

    private static Placement placement(SimulationGraph graph, Resource cluster, List<Resource> members) {
        if (!graph.view().property(cluster, "DBClusterInstanceClass").isAbsent()) {
            return Placement.everyZone("Multi-AZ DB cluster: a writer and two readers in three zones");
        }
        Optional<String> mode = graph.view().property(cluster, "EngineMode").agreed(v -> v.isAbsent()
                ? Optional.of("provisioned") : v.asString().map(s -> s.trim().toLowerCase(Locale.ROOT)));
        if (mode.isEmpty() || mode.get().equals("serverless")) {
            return Placement.unknown("EngineMode " + mode.orElse("unknown") + ": not simulated");
        }
        if (members.isEmpty()) {
            return Placement.unknown("no DB instance of " + graph.file() + " joins the cluster");
        }
        if (members.size() == 1) {
            return SingleZone.place(graph, members.get(0), Optional.of("AvailabilityZone"), "DBSubnetGroupName",
                    TierTypes.DB_SUBNET_GROUP, "one instance (" + members.get(0).displayName() + ")");
        }
        Set<String> zones = new LinkedHashSet<>();
        for (Resource member : members) {
            Value zone = graph.view().property(member, "AvailabilityZone");
            AzSet az = graph.view().zonesOfZoneNames(zone);
            if (zone.isAbsent() || az.exact().isEmpty() || az.exact().get().size() != 1) {
                return Placement.unknown(members.size() + " instances, but RDS picks the zone of "
                        + member.displayName() + " (set AvailabilityZone on each to know)");
            }
            zones.addAll(az.exact().get());
        }
        if (!Zones.comparable(zones)) {
            return Placement.unknown("the instances' zones are written in ways that cannot be compared");
        }
        return Placement.zones(List.of(zones), members.size() + " instances in " + String.join(", ", zones));
    }

    /** The DB instances of the graph, created for certain, whose {@code DBClusterIdentifier} is the cluster. */
    private static List<Resource> members(SimulationGraph graph, Resource cluster) {
        List<Resource> members = new ArrayList<>();
        for (Resource db : graph.view().referrers(cluster, TierTypes.DB_INSTANCE)) {
            if (graph.view().exists(db).orElse(false)
                    && Zones.refersTo(graph.view().property(db, "DBClusterIdentifier"), cluster.id())) {
                members.add(db);
            }
        }
        return members;
    }
}
