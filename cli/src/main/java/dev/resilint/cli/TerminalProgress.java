package dev.resilint.cli;

import dev.resilint.live.LiveScan;
import dev.resilint.live.aws.CallStats;
import java.io.PrintWriter;

/** One line on standard error that a live scan rewrites as it goes: accounts and regions done, calls, retries. */
final class TerminalProgress implements LiveScan.Progress {

    private final ProgressLine line;

    TerminalProgress(PrintWriter err) {
        this.line = new ProgressLine(err);
    }

    @Override
    public void advanced(int accounts, int total, int scopes, CallStats stats) {
        line.show("resilint scan: " + accounts + "/" + total + " account(s), " + scopes + " account region(s), "
                + stats.calls() + " call(s), " + stats.retries() + " retry(ies)");
    }

    /** Ends the progress line, so that the report starts on a line of its own. */
    void finish() {
        line.finish();
    }
}
