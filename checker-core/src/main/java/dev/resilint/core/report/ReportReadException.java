package dev.resilint.core.report;

/**
 * A file that cannot be read back as a resilint JSON report: missing, not JSON, another schema
 * version, or content this resilint does not read. The message names the file. Exit code 2.
 */
public final class ReportReadException extends Exception {
    public ReportReadException(String message) {
        super(message);
    }
}
