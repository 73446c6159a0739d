package dev.resilint.core.report;

/**
 * How reports are rendered.
 *
 * @param color ANSI colour in the text report (only on a terminal, never with {@code NO_COLOR})
 * @param verbose show notes such as skipped files
 * @param includeSuppressed list suppressed findings (SARIF leaves them out by default)
 * @param toolVersion the resilint version printed in machine-readable reports
 */
public record ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion) {

    /** These options with colour on or off. */
    public ReportOptions withColor(boolean on) {
        return new ReportOptions(on, verbose, includeSuppressed, toolVersion);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(false, false, false, Version.get());
    }
}
