package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Severity;
import dev.resilint.core.Shard;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GitHub-flavoured Markdown for a pull-request comment: a heading with the verdict, the summary
 * sentence (and, for a shard of a scan, the shard's note: which accounts it covers), a summary of
 * findings per rule and severity and per file (or class, or AWS account and region), the blocks
 * other parts of resilint add ({@link ReportOptions#markdownBlocks()}: the AZ-failure verdict of
 * each stack), then each file's findings folded in a {@code <details>} with location, rule (linked
 * to its documentation), severity and message, then evaluation gaps (what a live scan could not
 * read, and the rules it kept from judging), then problems (inputs that could not be read, rules
 * that failed). All text from findings is escaped, so a {@code |} in a message cannot break a
 * table and no HTML gets through.
 *
 * <p>The report stays under {@link #LIMIT} characters whatever the input, since GitHub refuses a
 * comment over 65,536. When the whole report does not fit, the summary stays whole; the file
 * summary, the added blocks (shown {@linkplain MarkdownBlock#brief() in brief} when there is no
 * room for them whole) and the gaps and problems get a share each; the details keep the findings
 * that fit, the most severe first and then in the report's order; and a last line says how much
 * was left out and where the full report is ({@link ReportOptions#fullReportHint()}).
 *
 * <p>Compared with a previous report, what changed follows the verdict in bold, findings and gaps
 * get a Change column, and tables of fixed and not re-checked findings follow. Grouped, each group
 * is a {@code ###} section holding its places' folds.
 */
public final class MarkdownReporter implements Reporter {

    /** The most characters a Markdown report has: below GitHub's 65,536, with room for a comment's marker. */
    public static final int LIMIT = 60_000;

    /** Where the full report is, when the options do not say ({@link ReportOptions#fullReportHint()}). */
    public static final String DEFAULT_FULL_REPORT_HINT =
            "the JSON and SARIF reports (`--format json`, `--format sarif`)";

    /** Room kept for the line that says what was left out, besides the hint of where the full report is. */
    private static final int LAST_LINE = 400;

    private final ReportOptions options;
    private final int limit;

    public MarkdownReporter(ReportOptions options) {
        this(options, LIMIT);
    }

    /** A reporter with another length limit (tests cut small reports). */
    MarkdownReporter(ReportOptions options, int limit) {
        this.options = options;
        this.limit = limit;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(render(report));
        out.flush();
    }

    /** The report, under the limit. */
    String render(Report report) {
        String head = head(report);
        String rules = report.findings().isEmpty() ? "" : ruleTable(report);
        String places = report.findings().isEmpty() ? "" : placeTable(report, Integer.MAX_VALUE);
        MarkdownDetails details = new MarkdownDetails(report, options);
        StringBuilder gaps = new StringBuilder();
        MarkdownTables.gapsAndProblems(report, report.comparison(), gaps);
        StringBuilder footer = new StringBuilder();
        MarkdownTables.footer(report, options.toolVersion(), footer);
        MarkdownBlocks blocks = new MarkdownBlocks(options.markdownBlocks());
        String whole = head + rules + places + blocks.render(Integer.MAX_VALUE) + details.render(Integer.MAX_VALUE) + gaps
                + footer;
        if (whole.length() <= limit) {
            return whole;
        }
        // the summary of a run of thousands of findings is still short: the rule table has a row per rule and severity
        String hint = options.fullReportHint().orElse(DEFAULT_FULL_REPORT_HINT);
        int lastLine = LAST_LINE + Math.min(hint.length(), limit / 10);
        StringBuilder out = new StringBuilder();
        out.append(MarkdownCut.of(head, limit / 8).text());
        int rows = 0;
        MarkdownCut rulesCut = MarkdownCut.of(rules, limit / 4);
        out.append(rulesCut.text());
        rows += rulesCut.droppedRows();
        if (!places.isEmpty()) {
            out.append(placeTable(report, limit / 8));
        }
        int room = limit - out.length() - footer.length() - lastLine;
        MarkdownCut gapsCut = MarkdownCut.of(gaps.toString(), Math.min(gaps.length(), room / 6));
        room -= gapsCut.text().length();
        out.append(blocks.render(Math.min(room / 3, limit / 5)));
        room = limit - out.length() - gapsCut.text().length() - footer.length() - lastLine;
        out.append(details.render(room));
        rows += details.leftOut().rows() + gapsCut.droppedRows();
        out.append(gapsCut.text()).append(footer);
        String last = leftOut(details.leftOut(), blocks.leftOut(), rows, hint, limit / 10);
        if (out.length() + last.length() + 2 > limit) { // only a hint of a tenth of the limit gets here
            out.setLength(Math.max(0, limit - last.length() - 2));
        }
        out.append('\n').append(last).append('\n');
        return out.toString();
    }

    /** The verdict, what changed, the summary sentence, a shard's note. */
    private static String head(Report report) {
        StringBuilder sb = new StringBuilder();
        Optional<Comparison> comparison = report.comparison();
        sb.append("## ").append(verdict(report)).append("\n\n");
        comparison.ifPresent(c -> sb.append("**").append(Markdown.escape(Places.changes(report, c))).append("**\n\n"));
        sb.append(Places.summary(report)).append("\n\n");
        for (String note : report.notes().stream().filter(Shard.Note::is).toList()) {
            sb.append("_").append(Markdown.escape(note)).append("_\n\n");
        }
        return sb.toString();
    }

    /** The last line of a report that left something out: how much, and where the full report is. */
    private String leftOut(MarkdownDetails.LeftOut details, int blocks, int rows, String hint, int maxHint) {
        List<String> parts = new ArrayList<>();
        if (details.findings() > 0) {
            parts.add(Places.count(details.findings(), "finding", "findings") + " in "
                    + (details.allFiles() ? Places.count(details.places(), "file", "files")
                            : Places.count(details.places(), "place", "places")));
        }
        if (blocks > 0) {
            parts.add(Places.count(blocks, "entry", "entries") + " of the "
                    + Markdown.escape(options.markdownBlocks().get(0).section()));
        }
        if (rows > 0) {
            parts.add(Places.count(rows, "row", "rows") + " of other tables");
        }
        String what = parts.isEmpty() ? "Some details" : parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return "**" + what + " left out** to stay under GitHub's comment limit; the full report is in "
                + (hint.length() > maxHint ? hint.substring(0, maxHint) + "..." : hint) + ".";
    }

    static String verdict(Report report) {
        int findings = report.findings().size();
        int problems = report.problems().size();
        String problemCount = Places.count(problems, "problem", "problems");
        boolean onlyNew = report.comparison().map(Comparison::failOnNew).orElse(false);
        if (report.failingCount() > 0 || problems > 0) {
            if (findings == 0) {
                return ":x: resilint could not check everything: " + problemCount;
            }
            String found = onlyNew && report.failingCount() > 0
                    ? Places.count(report.comparison().get().count(report.findings(), Change.NEW), "new finding",
                            "new findings")
                    : Places.count(findings, "finding", "findings");
            return ":x: resilint found " + found + (problems > 0 ? " and " + problemCount : "");
        }
        if (findings > 0) {
            return ":warning: resilint found " + Places.count(findings, "finding", "findings")
                    + (onlyNew ? ", none of them new at or above the failure threshold" : " below the failure threshold")
                    + (report.hasEvaluationGaps() ? ", and could not evaluate everything" : "");
        }
        if (report.hasEvaluationGaps()) {
            return ":warning: resilint: no findings, but it could not evaluate everything (see Not evaluated)";
        }
        return ":white_check_mark: resilint: no findings";
    }

    private static String ruleTable(Report report) {
        StringBuilder sb = new StringBuilder();
        Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
        for (Finding f : report.findings()) {
            counts.computeIfAbsent(f.ruleId(), id -> new TreeMap<>()).merge(f.severity(), 1, Integer::sum);
        }
        sb.append("| Rule | Severity | Findings |\n|---|---|---:|\n");
        for (Map.Entry<String, Map<Severity, Integer>> rule : counts.entrySet()) {
            String name = Places.rule(report, rule.getKey()).map(r -> " " + r.name()).orElse("");
            for (Map.Entry<Severity, Integer> severity : rule.getValue().entrySet()) {
                sb.append("| ").append(MarkdownTables.ruleLink(report, rule.getKey())).append(Markdown.escape(name))
                        .append(" | ").append(severity.getKey().label()).append(" | ").append(severity.getValue()).append(" |\n");
            }
        }
        return sb.append('\n').toString();
    }

    /**
     * Findings per file (or class, or account region), in the order of the details, with their
     * severities; in at most {@code budget} characters, the places that do not fit summed up in a
     * last row.
     */
    static String placeTable(Report report, int budget) {
        Map<Places.Group, List<Finding>> groups = Places.byGroup(report.findings());
        boolean files = groups.keySet().stream().allMatch(g -> g.rank() == 0);
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(files ? "File" : "Where").append(" | Findings | Errors | Warnings | Notes |\n")
                .append("|---|---:|---:|---:|---:|\n");
        List<Finding> rest = new ArrayList<>();
        int restPlaces = 0;
        for (Map.Entry<Places.Group, List<Finding>> group : groups.entrySet()) {
            Places.Group g = group.getKey();
            String row = placeRow(g.rank() == 2 ? Markdown.escape(g.heading()) : Markdown.code(g.heading()),
                    group.getValue());
            if (restPlaces == 0 && sb.length() + row.length() + 100 <= budget) {
                sb.append(row);
            } else {
                rest.addAll(group.getValue());
                restPlaces++;
            }
        }
        if (restPlaces > 0) {
            sb.append(placeRow("_" + Places.count(restPlaces, files ? "more file" : "more place",
                    files ? "more files" : "more places") + "_", rest));
        }
        return sb.append('\n').toString();
    }

    private static String placeRow(String name, List<Finding> findings) {
        Map<Severity, Integer> counts = Places.countBySeverity(findings);
        return "| " + name + " | " + findings.size() + " | " + counts.get(Severity.ERROR) + " | "
                + counts.get(Severity.WARNING) + " | " + counts.get(Severity.NOTE) + " |\n";
    }
}
