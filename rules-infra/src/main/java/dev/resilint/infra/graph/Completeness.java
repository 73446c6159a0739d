package dev.resilint.infra.graph;

import dev.resilint.core.NotEvaluated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which resource types of a graph were read in full. A template is always complete: what it does
 * not declare does not exist. A live scope (one account and region) records, per type, that it
 * was read, or that it could not be and why; a rule that reads such a type is not evaluated there.
 */
public final class Completeness {

    /**
     * Why a type is missing from the graph.
     *
     * @param reason the cause, as reports name it
     * @param detail what happened: the API call and its error
     */
    public record Gap(NotEvaluated.Reason reason, String detail) {
        public Gap {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    /** Every type complete: templates. */
    public static final Completeness COMPLETE = new Completeness(Map.of(), Optional.empty());

    private final Map<String, Optional<Gap>> types;
    private final Optional<Gap> otherTypes;

    private Completeness(Map<String, Optional<Gap>> types, Optional<Gap> otherTypes) {
        this.types = Map.copyOf(types);
        this.otherTypes = otherTypes;
    }

    /**
     * The completeness of a source that reads only the types of {@code read}: each maps to empty
     * when it was read in full, else to its gap. Every other type is missing with {@code otherTypes}
     * (the source cannot read it).
     */
    public static Completeness of(Map<String, Optional<Gap>> read, Gap otherTypes) {
        return new Completeness(new LinkedHashMap<>(read), Optional.of(otherTypes));
    }

    /** Why {@code type} was not read in full; empty when it was. */
    public Optional<Gap> gap(String type) {
        Optional<Gap> gap = types.get(type);
        return gap != null ? gap : otherTypes;
    }

    /** True when every type was read in full. */
    public boolean isComplete() {
        return otherTypes.isEmpty() && types.values().stream().allMatch(Optional::isEmpty);
    }
}
