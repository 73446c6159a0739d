package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Shard;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub-flavoured Markdown for a pull-request comment: a heading with the verdict, the summary
 * sentence (and, for a shard of a scan, the shard's note: which accounts it covers), a table of
 * findings per rule and severity, then one table per file (or class, or AWS
 * account and region) with location, rule (linked to its documentation), severity and message,
 * then evaluation gaps (what a live scan could not read, and the rules it kept from judging), then
 * problems (inputs that could not be read, rules that failed). All text from findings is
 * escaped, so a {@code |} in a message cannot break a table and no HTML gets through.
 */
public final class MarkdownReporter implements Reporter {

    private final ReportOptions options;

    public MarkdownReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(verdict(report)).append("\n\n");
        sb.append(Places.summary(report)).append("\n\n");
        for (String note : report.notes().stream().filter(Shard.Note::is).toList()) {
            sb.append("_").append(Markdown.escape(note)).append("_\n\n");
        }
        if (!report.findings().isEmpty()) {
            ruleTable(report, sb);
        }
        for (Map.Entry<Places.Group, List<Finding>> group : Places.byGroup(Places.shown(report, options)).entrySet()) {
            Places.Group g = group.getKey();
            sb.append("### ").append(g.rank() == 2 ? Markdown.escape(g.heading()) : Markdown.codeOutsideTable(g.heading()))
                    .append("\n\n");
            sb.append("| Location | Rule | Severity | Message |\n|---|---|---|---|\n");
            for (Finding f : group.getValue()) {
                sb.append("| ").append(location(f)).append(" | ").append(ruleLink(report, f.ruleId())).append(" | ")
                        .append(f.severity().label()).append(" | ").append(Markdown.escape(f.message()));
                if (f.isSuppressed()) {
                    sb.append(" _(suppressed: ").append(Markdown.escape(Places.reason(f))).append(")_");
                }
                sb.append(" |\n");
            }
            sb.append('\n');
        }
        List<NotEvaluatedGroup> gaps = NotEvaluatedGroup.of(report.notEvaluated());
        if (!gaps.isEmpty()) {
            sb.append("### Not evaluated\n\n");
            sb.append("| Where | Resource type | Reason | Rules | Detail |\n|---|---|---|---|---|\n");
            for (NotEvaluatedGroup g : gaps) {
                String type = g.resourceType().equals("*") ? "every type" : Markdown.code(g.resourceType());
                if (!g.subject().isEmpty()) {
                    type += " " + Markdown.code(g.subject());
                }
                sb.append("| ").append(Markdown.escape(g.scopeDisplay())).append(" | ").append(type).append(" | ")
                        .append(g.reason().label()).append(" | ").append(Markdown.escape(String.join(", ", g.rules())))
                        .append(" | ").append(Markdown.escape(g.detail())).append(" |\n");
            }
            sb.append('\n');
        }
        if (!report.problems().isEmpty()) {
            sb.append("### Problems\n\n");
            for (Problem p : report.problems()) {
                sb.append("- **").append(p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal error" : "input error")
                        .append("** ").append(Markdown.escape(p.display())).append('\n');
            }
            sb.append('\n');
        }
        sb.append("<sub>resilint ").append(Markdown.escape(options.toolVersion()))
                .append(", failure threshold: ").append(report.threshold().label()).append("</sub>\n");
        out.write(sb.toString());
        out.flush();
    }

    static String verdict(Report report) {
        int findings = report.findings().size();
        int problems = report.problems().size();
        String problemCount = Places.count(problems, "problem", "problems");
        if (report.failingCount() > 0 || problems > 0) {
            if (findings == 0) {
                return ":x: resilint could not check everything: " + problemCount;
            }
            return ":x: resilint found " + Places.count(findings, "finding", "findings")
                    + (problems > 0 ? " and " + problemCount : "");
        }
        if (findings > 0) {
            return ":warning: resilint found " + Places.count(findings, "finding", "findings")
                    + " below the failure threshold" + (report.hasEvaluationGaps() ? ", and could not evaluate everything" : "");
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
                sb.append("| ").append(ruleLink(report, rule.getKey())).append(Markdown.escape(name)).append(" | ")
                        .append(severity.getKey().label()).append(" | ").append(severity.getValue()).append(" |\n");
            }
        }
        sb.append('\n');
    }

    private static String location(Finding f) {
        String position = Places.position(f.location());
        String detail = Places.detail(f.location());
        StringBuilder sb = new StringBuilder();
        if (!"-".equals(position)) {
            sb.append(Markdown.code(position));
        }
        if (!detail.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(Markdown.code(detail));
        }
        return sb.length() > 0 ? sb.toString() : "-";
    }

    private static String ruleLink(Report report, String ruleId) {
        return Places.rule(report, ruleId).map(RuleMetadata::helpUri)
                .map(uri -> "[" + ruleId + "](" + uri + ")").orElse(ruleId);
    }
}
