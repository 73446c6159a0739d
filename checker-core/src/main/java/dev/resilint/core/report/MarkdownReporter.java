package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Severity;
import dev.resilint.core.Shard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GitHub-flavoured Markdown for a pull-request comment: a heading with the verdict, the summary
 * sentence (and, for a shard of a scan, the shard's note: which accounts it covers), a table of
 * findings per rule and severity, then one table per file (or class, or AWS
 * account and region) with location, rule (linked to its documentation), severity and message,
 * then evaluation gaps (what a live scan could not read, and the rules it kept from judging), then
 * problems (inputs that could not be read, rules that failed). All text from findings is
 * escaped, so a {@code |} in a message cannot break a table and no HTML gets through.
 *
 * <p>Compared with a previous report, what changed follows the verdict in bold, findings and gaps
 * get a Change column, and tables of fixed and not re-checked findings follow. Grouped, each group
 * is a {@code ###} section whose places are {@code ####} headings.
 */
public final class MarkdownReporter implements Reporter {

    private final ReportOptions options;

    public MarkdownReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        Optional<Comparison> comparison = report.comparison();
        sb.append("## ").append(verdict(report)).append("\n\n");
        comparison.ifPresent(c -> sb.append("**").append(Markdown.escape(Places.changes(report, c))).append("**\n\n"));
        sb.append(Places.summary(report)).append("\n\n");
        for (String note : report.notes().stream().filter(Shard.Note::is).toList()) {
            sb.append("_").append(Markdown.escape(note)).append("_\n\n");
        }
        if (!report.findings().isEmpty()) {
            ruleTable(report, sb);
        }
        for (Sections section : Sections.of(report, options)) {
            String level = section.heading().isPresent() ? "#### " : "### ";
            section.heading().ifPresent(h -> sb.append("### ").append(Markdown.escape(h)).append("\n\n"));
            for (Map.Entry<Places.Group, List<Finding>> group : Places.byGroup(section.findings()).entrySet()) {
                Places.Group g = group.getKey();
                sb.append(level).append(g.rank() == 2 ? Markdown.escape(g.heading())
                        : Markdown.codeOutsideTable(g.heading())).append("\n\n");
                MarkdownTables.findings(report, group.getValue(), comparison, sb);
            }
            if (!section.fixed().isEmpty()) {
                sb.append(level).append("Fixed ").append(comparison.get().since()).append("\n\n");
                MarkdownTables.fixed(report, section.fixed(), sb);
            }
            if (!section.notRechecked().isEmpty()) {
                sb.append(level).append("Not re-checked\n\n")
                        .append("Not evaluated this time, so not known to be fixed.\n\n");
                MarkdownTables.notRechecked(report, section.notRechecked(), sb);
            }
        }
        MarkdownTables.closing(report, comparison, options.toolVersion(), sb);
        out.write(sb.toString());
        out.flush();
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

    private static void ruleTable(Report report, StringBuilder sb) {
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
        sb.append('\n');
    }
}
