package dev.resilint.infra.simulate;

import java.util.Locale;

/** What the loss of one zone does to one tier. */
public enum Outcome {
    /** The tier keeps all of its capacity: it does not run in the zone, or fails over out of it. */
    SURVIVES,
    /** The tier loses the share of its capacity that ran in the zone, and keeps the rest. */
    LOSES_CAPACITY,
    /** The tier loses all of its capacity: it runs in that zone only. */
    LOSES_EVERYTHING,
    /** Where the tier runs cannot be known, so neither can what the zone's loss does to it. */
    UNKNOWN;

    /** How reports name the outcome: {@code loses capacity}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
