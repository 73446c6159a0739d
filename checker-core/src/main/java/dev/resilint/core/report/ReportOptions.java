package dev.resilint.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * How reports are rendered.
 *
 * @param color ANSI colour in the text report (only on a terminal, never with {@code NO_COLOR})
 * @param verbose show notes such as skipped files
 * @param includeSuppressed list suppressed findings (SARIF leaves them out by default)
 * @param toolVersion the resilint version printed in machine-readable reports
 * @param groupBy sections of the text and Markdown reports, and each JSON finding's {@code group}
 *     ({@code --group-by}); empty for none
 */
public record ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion,
        Optional<GroupBy> groupBy) {

    public ReportOptions {
        Objects.requireNonNull(groupBy, "groupBy");
    }

    /** Options without grouping. */
    public ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion) {
        this(color, verbose, includeSuppressed, toolVersion, Optional.empty());
    }

    /** These options with colour on or off. */
    public ReportOptions withColor(boolean on) {
        return new ReportOptions(on, verbose, includeSuppressed, toolVersion, groupBy);
    }

    /** These options grouping by {@code by}, or not at all. */
    public ReportOptions withGroupBy(Optional<GroupBy> by) {
        return new ReportOptions(color, verbose, includeSuppressed, toolVersion, by);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(false, false, false, Version.get());
    }
}
