package dev.resilint.core.report;

import java.util.List;
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
 * @param fullReportHint where the whole report is, for the line the Markdown report ends with when
 *     it leaves findings out to stay under GitHub's comment limit (a Markdown fragment such as
 *     {@code the SARIF report `resilint.sarif`}); empty for {@link MarkdownReporter#DEFAULT_FULL_REPORT_HINT}
 * @param markdownBlocks what other parts of resilint add to the Markdown report after its summary
 *     (the AZ-failure verdict of each stack a pull request changes), in their order; they count
 *     toward the report's length limit
 */
public record ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion,
        Optional<GroupBy> groupBy, Optional<String> fullReportHint, List<MarkdownBlock> markdownBlocks) {

    public ReportOptions {
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(fullReportHint, "fullReportHint");
        markdownBlocks = List.copyOf(markdownBlocks);
    }

    /** Options with grouping, nothing added to the Markdown report and the default full-report hint. */
    public ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion,
            Optional<GroupBy> groupBy) {
        this(color, verbose, includeSuppressed, toolVersion, groupBy, Optional.empty(), List.of());
    }

    /** Options without grouping. */
    public ReportOptions(boolean color, boolean verbose, boolean includeSuppressed, String toolVersion) {
        this(color, verbose, includeSuppressed, toolVersion, Optional.empty());
    }

    /** These options with colour on or off. */
    public ReportOptions withColor(boolean on) {
        return new ReportOptions(on, verbose, includeSuppressed, toolVersion, groupBy, fullReportHint, markdownBlocks);
    }

    /** These options grouping by {@code by}, or not at all. */
    public ReportOptions withGroupBy(Optional<GroupBy> by) {
        return new ReportOptions(color, verbose, includeSuppressed, toolVersion, by, fullReportHint, markdownBlocks);
    }

    /** These options naming where the whole report is ({@link #fullReportHint()}). */
    public ReportOptions withFullReportHint(Optional<String> hint) {
        return new ReportOptions(color, verbose, includeSuppressed, toolVersion, groupBy, hint, markdownBlocks);
    }

    /** These options adding {@code blocks} to the Markdown report ({@link #markdownBlocks()}). */
    public ReportOptions withMarkdownBlocks(List<MarkdownBlock> blocks) {
        return new ReportOptions(color, verbose, includeSuppressed, toolVersion, groupBy, fullReportHint, blocks);
    }

    public static ReportOptions defaults() {
        return new ReportOptions(false, false, false, Version.get());
    }
}
