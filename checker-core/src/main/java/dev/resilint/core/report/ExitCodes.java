package dev.resilint.core.report;

/** Exit codes of the command line and of scheduled scans (see ARCHITECTURE.md). */
public final class ExitCodes {
    /** No finding at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** Usage or configuration error, or an input that cannot be read. */
    public static final int USAGE_ERROR = 2;
    /** Internal error: resilint or a rule failed. */
    public static final int INTERNAL_ERROR = 3;
    /** A live scan finished with evaluation gaps and no failing findings. */
    public static final int NOT_EVALUATED = 4;

    private ExitCodes() {
    }
}
