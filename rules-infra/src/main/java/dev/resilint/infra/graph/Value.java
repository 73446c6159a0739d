package dev.resilint.infra.graph;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the evaluator knows about a value. Rules act on {@link Known} values and on {@link Absent}
 * ones (where CloudFormation's default applies), and on {@link OneOf} values only when every
 * possibility agrees ({@link #agreed}, {@link #always}, {@link #readEach}). {@link Unknown} means:
 * stay quiet.
 *
 * <p>Inside a known value, references that only resolve at deployment stay symbolic: a
 * {@code Ref} to a resource is a scalar tagged {@link Symbols#REF} whose text is the logical id,
 * a {@code Fn::GetAtt} one tagged {@link Symbols#GET_ATT} with text {@code Id.Attribute}, and an
 * Availability Zone from {@code Fn::GetAZs} one tagged {@link Symbols#AZ} with text
 * {@code az[0]}. The convenience accessors ({@link #asString()} and friends) never return a
 * symbolic scalar as if it were a literal.
 */
public sealed interface Value permits Value.Known, Value.Unknown, Value.Absent, Value.OneOf {

    /** Why a value cannot be known: before deployment (templates), or because a live source could not read it. */
    enum Reason {
        PARAMETER_WITHOUT_DEFAULT("a parameter without a default"),
        IMPORT("a value imported from another stack"),
        PSEUDO_PARAMETER("a pseudo parameter known only at deployment"),
        RUNTIME_ATTRIBUTE("a resource attribute known only at deployment"),
        UNSUPPORTED_FUNCTION("a function resilint does not evaluate"),
        UNKNOWN_CONDITION("a condition that depends on an unknown value"),
        MISSING_REFERENCE("a reference to something the template does not define"),
        INVALID("a malformed function call"),
        TOO_COMPLEX("a value too complex to evaluate"),
        DIRECTIVE("a preprocessor directive"),
        NOT_COLLECTED("data the live scan did not collect"),
        ACCESS_DENIED("data the credentials may not read"),
        THROTTLED("data the API kept throttling"),
        READ_FAILED("data whose API call failed");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /**
         * True for the reasons of a live source that could not read data it should have: a rule
         * that needs such a value is not evaluated for the resource, rather than quiet.
         */
        public boolean isReadGap() {
            return this == NOT_COLLECTED || this == ACCESS_DENIED || this == THROTTLED || this == READ_FAILED;
        }
    }

    /** A value known before deployment (possibly holding symbolic references). */
    record Known(Node node) implements Value {
        public Known {
            Objects.requireNonNull(node, "node");
        }
    }

    /** A value that cannot be known before deployment. */
    record Unknown(Reason reason, String detail) implements Value {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        /** For messages: "a parameter without a default (Ref DbMultiAz)". */
        public String describe() {
            return detail.isEmpty() ? reason.description() : reason.description() + " (" + detail + ")";
        }
    }

    /** Not set: CloudFormation's default applies ({@code AWS::NoValue} also gives this). */
    record Absent() implements Value {
    }

    /** Several possibilities: the branches of an {@code Fn::If} whose condition is unknown. */
    record OneOf(List<Value> options) implements Value {
        public OneOf {
            options = List.copyOf(options);
            if (options.size() < 2) {
                throw new IllegalArgumentException("OneOf needs at least two options");
            }
        }
    }

    Absent ABSENT = new Absent();

    static Unknown unknown(Reason reason, String detail) {
        return new Unknown(reason, detail);
    }

    static Known known(Node node) {
        return new Known(node);
    }

    /** The possibilities: this value itself, or a {@link OneOf}'s options. */
    default List<Value> possibilities() {
        return this instanceof OneOf o ? o.options() : List.of(this);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    /** True when the value is absent in every possibility. */
    default boolean isAbsent() {
        return always(v -> v instanceof Absent);
    }

    /** True when at least one possibility is unknown. */
    default boolean isUnknown() {
        return possibilities().stream().anyMatch(v -> v instanceof Unknown);
    }

    /** The first unknown possibility, for "could not evaluate" notes. */
    default Optional<Unknown> firstUnknown() {
        return possibilities().stream().filter(v -> v instanceof Unknown).map(v -> (Unknown) v).findFirst();
    }

    /**
     * Applies {@code read} to every possibility, in order, and returns the readings; empty as soon
     * as one possibility gives none (later ones are not read). This is the one loop over
     * possibilities that rules share: {@link #agreed} and {@link #always} are built on it.
     */
    default <T> Optional<List<T>> readEach(Function<Value, Optional<T>> read) {
        List<T> readings = new ArrayList<>();
        for (Value v : possibilities()) {
            Optional<T> r = read.apply(v);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            readings.add(r.get());
        }
        return Optional.of(readings);
    }

    /**
     * Applies {@code read} to every possibility and returns the result when all of them give the
     * same one; empty when any possibility gives none or they disagree (reading stops there).
     */
    default <T> Optional<T> agreed(Function<Value, Optional<T>> read) {
        List<T> first = new ArrayList<>(1);
        return readEach(v -> read.apply(v).filter(r -> first.isEmpty() || first.get(0).equals(r)).map(r -> {
            if (first.isEmpty()) {
                first.add(r);
            }
            return r;
        })).map(readings -> readings.get(0));
    }

    /** True when {@code test} holds for every possibility (testing stops at the first that fails). */
    default boolean always(Predicate<Value> test) {
        return readEach(v -> test.test(v) ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty()).isPresent();
    }

    /** A literal scalar's text (never a symbolic reference), when every possibility agrees. */
    default Optional<String> asString() {
        return agreed(v -> v instanceof Known k && k.node() instanceof ScalarNode s && !s.isNull()
                && !Symbols.isSymbolic(s) ? Optional.of(s.text()) : Optional.empty());
    }

    /** The value as CloudFormation reads a boolean ({@code true}, {@code "True"}), when all possibilities agree. */
    default Optional<Boolean> asBoolean() {
        return agreed(v -> v.asString().flatMap(text -> {
            String t = text.trim();
            if (t.equalsIgnoreCase("true")) {
                return Optional.of(Boolean.TRUE);
            }
            if (t.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.FALSE);
            }
            return Optional.empty();
        }));
    }

    /**
     * True when every possibility is absent or a known {@code false}: a boolean property that is
     * provably off, whichever branch of its conditions applies.
     */
    default boolean isFalseOrAbsent() {
        return always(v -> v instanceof Absent || v.asBoolean().equals(Optional.of(Boolean.FALSE)));
    }

    /** The value as an integer (CloudFormation accepts {@code "7"}), when all possibilities agree. */
    default Optional<Long> asLong() {
        return agreed(v -> v.asString().flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }));
    }

    /** The known list's items, each as a value; empty when the value is not a known list. */
    default Optional<List<Value>> asList() {
        if (this instanceof Known k && k.node() instanceof ListNode list) {
            List<Value> items = new ArrayList<>();
            for (Node item : list.items()) {
                items.add(Symbols.isUnknownPlaceholder(item) ? Symbols.unknownOf(item) : new Known(item));
            }
            return Optional.of(items);
        }
        return Optional.empty();
    }

    /**
     * A key of a known map: its value, or absent when the map does not have it. An absent map
     * gives absent and an unknown one stays unknown; a value that is not one known map (a list or
     * scalar, or maps that differ between the branches of a condition) gives an unknown value.
     */
    default Value field(String key) {
        if (this instanceof Known k && k.node() instanceof MapNode m) {
            return m.get(key).map(Symbols::valueOf).orElse(ABSENT);
        }
        if (this instanceof Absent) {
            return ABSENT;
        }
        if (this instanceof Unknown u) {
            return u;
        }
        if (this instanceof OneOf) {
            return unknown(Reason.UNKNOWN_CONDITION, key + " depends on a condition");
        }
        return unknown(Reason.INVALID, "expected a map with " + key);
    }

    /** The known map; empty when the value is not a known map. */
    default Optional<MapNode> asMap() {
        return this instanceof Known k && k.node() instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    /** The resource this value refers to ({@code Ref} or {@code Fn::GetAtt}), when all possibilities agree. */
    default Optional<Symbols.ResourceRef> asResourceRef() {
        return agreed(v -> v instanceof Known k ? Symbols.resourceRef(k.node()) : Optional.empty());
    }
}
