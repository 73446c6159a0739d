package dev.resilint.cli;

import java.io.PrintWriter;

/**
 * One line on standard error that is rewritten as work advances and ended before the report, so
 * that the report starts on a line of its own. Shown only on a terminal, never in CI logs.
 */
final class ProgressLine {

    private final PrintWriter err;
    private boolean written;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** Replaces the line with {@code text}. */
    synchronized void show(String text) {
        err.print("\r" + text + "   ");
        err.flush();
        written = true;
    }

    /** Ends the line, if one was shown. */
    synchronized void finish() {
        if (written) {
            err.println();
            err.flush();
            written = false;
        }
    }
}
