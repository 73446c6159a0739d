package dev.resilint.infra.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The simulation of one stack: its tiers, the zones they use, what the loss of each zone does to
 * each tier, and the verdict.
 *
 * @param name the stack: its top-level template file, or the account region
 * @param files the template files it is made of (its nested stacks' after its own)
 * @param zones the zones of the table, sorted; {@link #ANY_ZONE} alone when no tier's zone is known
 * @param tiers its tiers, in the order of the files and of the kinds of tier
 */
public record StackSimulation(String name, List<String> files, List<String> zones, List<Tier> tiers) {

    /** The one column of a stack whose zones are all unknown: the worst any one zone's loss does. */
    public static final String ANY_ZONE = "any one zone";

    public StackSimulation {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        zones = List.copyOf(zones);
        tiers = List.copyOf(tiers);
    }

    /** The stack of {@code tiers}, with its zones worked out from them. */
    static StackSimulation of(String name, List<String> files, List<Tier> tiers) {
        Set<String> zones = new TreeSet<>(ZoneOrder.COMPARATOR);
        tiers.forEach(t -> zones.addAll(t.placement().zonesNamed()));
        return new StackSimulation(name, files, zones.isEmpty() ? List.of(ANY_ZONE) : new ArrayList<>(zones), tiers);
    }

    /** What the loss of {@code zone} (one of {@link #zones}) does to {@code tier}. */
    public Outcome outcome(Tier tier, String zone) {
        return zone.equals(ANY_ZONE) ? tier.placement().worstCase() : tier.placement().outcome(zone);
    }

    /** The verdict: see {@link Verdict.Kind}. */
    public Verdict verdict() {
        Map<String, List<Tier>> lost = new TreeMap<>(ZoneOrder.COMPARATOR); // by zone, as the table
        List<Tier> oneZone = new ArrayList<>();
        List<Tier> unknown = new ArrayList<>();
        for (Tier tier : tiers) {
            if (tier.placement().kind() == Placement.Kind.ONE_OF_ZONES) {
                oneZone.add(tier);
                continue;
            }
            boolean unknownSomewhere = tier.placement().kind() == Placement.Kind.UNKNOWN;
            for (String zone : zones) {
                Outcome outcome = outcome(tier, zone);
                if (outcome == Outcome.LOSES_EVERYTHING) {
                    lost.computeIfAbsent(zone, z -> new ArrayList<>()).add(tier);
                } else if (outcome == Outcome.UNKNOWN) {
                    unknownSomewhere = true;
                }
            }
            if (unknownSomewhere) {
                unknown.add(tier);
            }
        }
        String unknownPart = unknown.stream().map(t -> t.name() + " (" + t.placement().note() + ")")
                .collect(Collectors.joining(", "));
        if (!lost.isEmpty() || !oneZone.isEmpty()) {
            List<String> parts = new ArrayList<>();
            lost.forEach((zone, list) -> parts.add("the loss of " + zone + ": " + losses(list)));
            if (!oneZone.isEmpty()) {
                parts.add("the loss of the zone " + (oneZone.size() == 1 ? "it runs" : "each runs") + " in: "
                        + losses(oneZone));
            }
            return new Verdict(Verdict.Kind.DOES_NOT_SURVIVE, "does not survive " + String.join("; nor ", parts)
                    + (unknown.isEmpty() ? "" : "; unknown: " + unknownPart));
        }
        if (!unknown.isEmpty()) {
            return new Verdict(Verdict.Kind.UNKNOWN, "unknown: " + unknownPart);
        }
        return new Verdict(Verdict.Kind.SURVIVES, "survives the loss of any one zone"
                + (tiers.isEmpty() ? " (no zonal tiers)" : ""));
    }

    private static String losses(List<Tier> tiers) {
        return tiers.stream().map(Tier::describeLoss).collect(Collectors.joining(", "));
    }
}
