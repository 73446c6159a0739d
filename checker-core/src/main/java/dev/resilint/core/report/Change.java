package dev.resilint.core.report;

import java.util.Locale;

/** How a finding compares with the previous report's ({@code --compare}): matched by fingerprint. */
public enum Change {
    /** The previous report did not have it among its active findings. */
    NEW,
    /** The previous report had it among its active findings. */
    UNCHANGED;

    /** {@code new} or {@code unchanged}, as the JSON report writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
