package dev.resilint.infra.simulate;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Completeness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types a live scan could not read, as tiers of unknown placement, so that a live account
 * region is never said to survive only because part of it was not read: one tier per zonal type
 * (or the subnets every placement depends on) that could not be read (access denied, throttled,
 * ...), and one for the zonal types the live scan does not read at all. A template's graph is read
 * in full and has none.
 */
final class UnreadTiers implements TierReader {

    /** The types whose resources are tiers. */
    static final List<String> TIER_TYPES;

    static {
        List<String> types = new ArrayList<>(List.of(TierTypes.ASG, TierTypes.ELB_V2, TierTypes.CLASSIC_ELB,
                TierTypes.ECS_SERVICE, TierTypes.LAMBDA, TierTypes.INSTANCE, TierTypes.DB_INSTANCE, TierTypes.DB_CLUSTER,
                TierTypes.CACHE_GROUP, TierTypes.EFS, TierTypes.NAT));
        types.addAll(UnsimulatedTiers.TYPES.keySet());
        TIER_TYPES = List.copyOf(types);
    }

    @Override
    public List<Tier> read(SimulationGraph graph) {
        Completeness completeness = graph.completeness();
        Map<String, List<String>> unread = new LinkedHashMap<>(); // why, in the order of the types -> types
        List<String> unsupported = new ArrayList<>();
        List<String> types = new ArrayList<>(TIER_TYPES);
        types.add(TierTypes.SUBNET);
        for (String type : types) {
            Optional<Completeness.Gap> gap = completeness.gap(type);
            if (gap.isEmpty()) {
                continue;
            }
            if (gap.get().reason() == NotEvaluated.Reason.UNSUPPORTED) {
                if (!type.equals(TierTypes.SUBNET)) {
                    unsupported.add(type);
                }
                continue;
            }
            String detail = gap.get().detail();
            unread.computeIfAbsent(gap.get().reason().label() + (detail.isEmpty() ? "" : ": " + detail),
                    why -> new ArrayList<>()).add(type);
        }
        List<Tier> tiers = new ArrayList<>();
        unread.forEach((why, gapped) -> tiers.add(gapped.size() == 1
                ? new Tier(gapped.get(0) + " (not read)", gapped.get(0), graph.file(), Placement.unknown(why), "unknown")
                : new Tier(gapped.size() + " resource types (not read)", "*", graph.file(),
                        Placement.unknown(why + " (" + String.join(", ", gapped) + ")"), "unknown")));
        if (!unsupported.isEmpty()) {
            tiers.add(new Tier("types the live scan does not read", "*", graph.file(),
                    Placement.unknown(String.join(", ", unsupported)), "unknown"));
        }
        return tiers;
    }
}
