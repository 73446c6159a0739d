package dev.resilint.cli;

import dev.resilint.core.run.InputProgress;
import java.util.function.LongSupplier;

/**
 * The progress line of {@code check} and {@code code}: {@code resilint check: 12/40 file(s)},
 * shown once the run has taken longer than a delay (about two seconds), so that quick runs print
 * nothing but their report.
 */
final class FileProgress implements InputProgress {

    private final ProgressLine line;
    private final boolean shown;
    private final String label;
    private final long delayNanos;
    private final LongSupplier clock;
    private final long start;

    /**
     * @param shown false draws nothing (not a terminal, {@code --no-progress})
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    FileProgress(ProgressLine line, boolean shown, String label, long delayMillis, LongSupplier clock) {
        this.line = line;
        this.shown = shown;
        this.label = label;
        this.delayNanos = delayMillis * 1_000_000L;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public void advanced(int done, int total) {
        if (shown && clock.getAsLong() - start >= delayNanos) {
            line.show(label + ": " + done + "/" + total + " file(s)");
        }
    }

    /** Ends the line, if one was shown. */
    void finish() {
        line.finish();
    }
}
