package dev.resilint.core;

import java.util.Locale;
import java.util.Optional;

/** From which severity on findings fail the run (exit code 1). */
public enum FailThreshold {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    NOTE(Severity.NOTE),
    /** Never fail because of findings. */
    NONE(null);

    private final Severity lowest;

    FailThreshold(Severity lowest) {
        this.lowest = lowest;
    }

    public boolean fails(Severity severity) {
        return lowest != null && severity.isAtLeast(lowest);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailThreshold> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (FailThreshold t : values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
