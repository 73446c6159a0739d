package dev.resilint.infra.simulate;

import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where a tier runs, as far as the stack tells.
 *
 * @param kind how the tier is placed
 * @param options for {@link Kind#ZONES}, the zones its capacity is spread over, one set per
 *     possibility of its conditions; for {@link Kind#ONE_OF_ZONES}, the zones it may run in (empty
 *     when not even those are known); empty otherwise
 * @param perZone for {@link Kind#PER_ZONE}, the outcome of each zone the tier uses; empty otherwise
 * @param note how resilint knows, for reports: {@code VPCZoneIdentifier: az[0]}, or why it cannot
 */
public record Placement(Kind kind, List<Set<String>> options, Map<String, Outcome> perZone, String note) {

    /** The kinds of placement. */
    public enum Kind {
        /** Runs in every zone, or fails over to another zone by itself (Multi-AZ): survives any one zone. */
        EVERY_ZONE,
        /** Spread over the zones of {@link #options}: loses everything only where that is one zone. */
        ZONES,
        /** Spread over every zone {@code Fn::GetAZs} returns: at least two, so it loses only capacity. */
        ALL_ZONES,
        /** Runs in exactly one zone that AWS picks (among {@link #options}, when known): lost with that zone. */
        ONE_OF_ZONES,
        /** Worked out zone by zone by its reader ({@link #perZone}); a zone it does not use is survived. */
        PER_ZONE,
        /** Cannot be known. */
        UNKNOWN
    }

    /** A placement without per-zone outcomes. */
    public Placement(Kind kind, List<Set<String>> options, String note) {
        this(kind, options, Map.of(), note);
    }

    public Placement {
        Objects.requireNonNull(kind, "kind");
        List<Set<String>> copy = new ArrayList<>();
        for (Set<String> o : options) {
            copy.add(Set.copyOf(o));
        }
        options = List.copyOf(copy);
        Map<String, Outcome> sorted = new TreeMap<>(ZoneOrder.COMPARATOR);
        sorted.putAll(perZone);
        perZone = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(note, "note");
    }

    /** Survives the loss of any zone. */
    public static Placement everyZone(String note) {
        return new Placement(Kind.EVERY_ZONE, List.of(), note);
    }

    /** Spread over these zones (one set per possibility). */
    public static Placement zones(List<Set<String>> options, String note) {
        return new Placement(Kind.ZONES, options, note);
    }

    /** Spread over every zone of the region. */
    public static Placement allZones(String note) {
        return new Placement(Kind.ALL_ZONES, List.of(), note);
    }

    /** In one zone, which AWS picks among {@code candidates} (empty: not known either). */
    public static Placement oneOf(Set<String> candidates, String note) {
        return new Placement(Kind.ONE_OF_ZONES, candidates.isEmpty() ? List.of() : List.of(candidates), note);
    }

    /** Outcomes worked out zone by zone. */
    public static Placement perZone(Map<String, Outcome> outcomes, String note) {
        return new Placement(Kind.PER_ZONE, List.of(), outcomes, note);
    }

    /** Placement that cannot be known, and why. */
    public static Placement unknown(String why) {
        return new Placement(Kind.UNKNOWN, List.of(), why);
    }

    /** Every zone this placement names, sorted as reports list them. */
    public Set<String> zonesNamed() {
        Set<String> all = new TreeSet<>(ZoneOrder.COMPARATOR);
        options.forEach(all::addAll);
        all.addAll(perZone.keySet());
        return all;
    }

    /** What the loss of {@code zone} does to a tier placed so. */
    public Outcome outcome(String zone) {
        return switch (kind) {
            case EVERY_ZONE -> Outcome.SURVIVES;
            case UNKNOWN -> Outcome.UNKNOWN;
            case ALL_ZONES -> ZoneOrder.isSymbolic(zone) ? Outcome.LOSES_CAPACITY : Outcome.UNKNOWN;
            case ONE_OF_ZONES -> options.size() == 1 && comparable(options.get(0), zone)
                    && !options.get(0).contains(zone) ? Outcome.SURVIVES : Outcome.UNKNOWN;
            case ZONES -> spread(zone);
            case PER_ZONE -> perZone.containsKey(zone) ? perZone.get(zone)
                    : comparable(perZone.keySet(), zone) ? Outcome.SURVIVES : Outcome.UNKNOWN;
        };
    }

    /** The worst that the loss of any one zone does (for a stack whose zones are all unknown). */
    public Outcome worstCase() {
        return switch (kind) {
            case EVERY_ZONE -> Outcome.SURVIVES;
            case ALL_ZONES -> Outcome.LOSES_CAPACITY;
            case ONE_OF_ZONES -> Outcome.LOSES_EVERYTHING;
            case UNKNOWN -> Outcome.UNKNOWN;
            case PER_ZONE -> perZone.values().stream().max(Comparator.naturalOrder()).orElse(Outcome.SURVIVES);
            case ZONES -> options.stream().allMatch(o -> o.size() >= 2) ? Outcome.LOSES_CAPACITY
                    : options.stream().allMatch(o -> o.size() == 1) ? Outcome.LOSES_EVERYTHING : Outcome.UNKNOWN;
        };
    }

    private Outcome spread(String zone) {
        Set<Outcome> seen = new LinkedHashSet<>();
        for (Set<String> option : options) {
            if (!comparable(option, zone)) {
                seen.add(Outcome.UNKNOWN);
            } else if (!option.contains(zone)) {
                seen.add(Outcome.SURVIVES);
            } else {
                seen.add(option.size() == 1 ? Outcome.LOSES_EVERYTHING : Outcome.LOSES_CAPACITY);
            }
        }
        if (seen.size() == 1) {
            return seen.iterator().next();
        }
        // conditions decide: only capacity is at stake when no possibility loses everything
        return seen.contains(Outcome.UNKNOWN) || seen.contains(Outcome.LOSES_EVERYTHING) ? Outcome.UNKNOWN
                : Outcome.LOSES_CAPACITY;
    }

    private static boolean comparable(Set<String> zones, String zone) {
        Set<String> all = new LinkedHashSet<>(zones);
        all.add(zone);
        return Zones.comparable(all);
    }
}
