package dev.resilint.infra.simulate;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a stack survives the loss of any one zone, in one line.
 *
 * @param kind the answer
 * @param text the line reports print: {@code survives the loss of any one zone}, {@code does not
 *     survive the loss of az[0]: WebAutoScalingGroup (all instances)}, {@code unknown: ...}
 */
public record Verdict(Kind kind, String text) {

    /** The answers, from best to worst. */
    public enum Kind {
        /** Every tier keeps some capacity whichever zone fails, and every placement is known. */
        SURVIVES,
        /** No tier provably loses everything, but some placement cannot be known. */
        UNKNOWN,
        /** Some tier loses all of its capacity with some zone. */
        DOES_NOT_SURVIVE;

        /** How JSON names it: {@code does_not_survive}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
