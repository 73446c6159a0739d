package dev.resilint.live.model;

import dev.resilint.infra.graph.Completeness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one source read in one scope: its resources, and for each type it was asked for, whether
 * it read it in full (empty) or why not. Several sources may fill one scope ({@link #plus}).
 *
 * @param resources the resources read
 * @param completeness each type asked for, with its gap when it was not read in full
 */
public record ScopeRead(List<LiveResource> resources, Map<String, Optional<Completeness.Gap>> completeness) {

    public ScopeRead {
        resources = List.copyOf(resources);
        completeness = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completeness));
    }

    /** Nothing read, nothing asked for. */
    public static ScopeRead empty() {
        return new ScopeRead(List.of(), Map.of());
    }

    /** This read and {@code other}'s; for a type both answer, {@code other}'s answer wins. */
    public ScopeRead plus(ScopeRead other) {
        List<LiveResource> all = new ArrayList<>(resources);
        all.addAll(other.resources);
        Map<String, Optional<Completeness.Gap>> read = new LinkedHashMap<>(completeness);
        read.putAll(other.completeness);
        return new ScopeRead(all, read);
    }
}
