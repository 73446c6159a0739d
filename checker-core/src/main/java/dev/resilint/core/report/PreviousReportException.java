package dev.resilint.core.report;

/**
 * A previous report ({@code --compare}) that cannot be compared with: missing, unreadable, not a
 * resilint JSON report, or of another schema version. The message names the file. Exit code 2.
 */
public final class PreviousReportException extends Exception {
    public PreviousReportException(String message) {
        super(message);
    }
}
