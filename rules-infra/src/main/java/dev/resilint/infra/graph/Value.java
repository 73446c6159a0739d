package dev.resilint.infra.graph;

import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What the evaluator knows about a property. Rules act only on {@link Known} values (and on
 * {@link Absent} ones, where CloudFormation's default applies); {@link Unknown} means stay quiet.
 */
public sealed interface Value permits Value.Known, Value.Unknown, Value.Absent {

    /** The property is set and its value is known. */
    record Known(Node node) implements Value {
        public Known {
            Objects.requireNonNull(node, "node");
        }
    }

    /** The property is set but its value cannot be known before deployment. */
    record Unknown(String reason) implements Value {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The property is not set: CloudFormation's default applies. */
    record Absent() implements Value {
    }

    Absent ABSENT = new Absent();

    static Unknown unknown(String reason) {
        return new Unknown(reason);
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    /**
     * The value as a boolean the way CloudFormation reads it ({@code true}, {@code "true"},
     * {@code "True"}); empty for unknown values, absent values and non-booleans.
     */
    default Optional<Boolean> asBoolean() {
        if (this instanceof Known k && k.node() instanceof ScalarNode s && !s.isNull()) {
            String text = s.text().trim();
            if (text.equalsIgnoreCase("true")) {
                return Optional.of(Boolean.TRUE);
            }
            if (text.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }

    /** The value as a string when it is a known scalar. */
    default Optional<String> asString() {
        if (this instanceof Known k && k.node() instanceof ScalarNode s && !s.isNull()) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    /** The value as an integer when it is a known scalar holding one (CloudFormation accepts "7"). */
    default Optional<Long> asLong() {
        return asString().flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
