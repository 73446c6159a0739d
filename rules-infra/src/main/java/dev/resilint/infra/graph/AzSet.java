package dev.resilint.infra.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The distinct Availability Zones a set of subnets or zone values covers: symbolic ({@code az[0]}
 * of the stack's region, {@code az[0]@us-west-2} of another) or literal ({@code us-east-1a}), one
 * set per possibility when conditions are unknown, or unknown with the reason.
 */
public record AzSet(List<Set<String>> options, Optional<Value.Unknown> unknown) {

    public AzSet {
        List<Set<String>> copy = new ArrayList<>();
        for (Set<String> o : options) {
            copy.add(Set.copyOf(new TreeSet<>(o)));
        }
        options = List.copyOf(copy);
        Objects.requireNonNull(unknown, "unknown");
    }

    public static AzSet of(List<Set<String>> options) {
        return new AzSet(options, Optional.empty());
    }

    public static AzSet unknown(Value.Unknown why) {
        return new AzSet(List.of(), Optional.of(why));
    }

    public boolean isKnown() {
        return unknown.isEmpty() && !options.isEmpty();
    }

    /** The most zones any possibility covers; only meaningful when known. */
    public int maxCount() {
        return options.stream().mapToInt(Set::size).max().orElse(0);
    }

    /** The fewest zones any possibility covers; only meaningful when known. */
    public int minCount() {
        return options.stream().mapToInt(Set::size).min().orElse(0);
    }

    /** The zones when there is exactly one possibility. */
    public Optional<Set<String>> exact() {
        return isKnown() && options.stream().distinct().count() == 1 ? Optional.of(options.get(0)) : Optional.empty();
    }

    /** Sorted, comma-separated zones of the single possibility, for messages. */
    public String describe() {
        return exact().map(z -> String.join(", ", new TreeSet<>(z))).orElse("unknown");
    }
}
