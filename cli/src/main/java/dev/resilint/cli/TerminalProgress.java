package dev.resilint.cli;

import dev.resilint.live.LiveScan;
import dev.resilint.live.aws.CallStats;
import java.io.PrintWriter;

/** One line on standard error that a live scan rewrites as it goes: accounts and regions done, calls, retries. */
final class TerminalProgress implements LiveScan.Progress {

    private final PrintWriter err;
    private boolean written;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void advanced(int accounts, int total, int scopes, CallStats stats) {
        err.print("\rresilint scan: " + accounts + "/" + total + " account(s), " + scopes + " account region(s), "
                + stats.calls() + " call(s), " + stats.retries() + " retry(ies)   ");
        err.flush();
        written = true;
    }

    /** Ends the progress line, so that the report starts on a line of its own. */
    synchronized void finish() {
        if (written) {
            err.println();
            err.flush();
        }
    }
}
