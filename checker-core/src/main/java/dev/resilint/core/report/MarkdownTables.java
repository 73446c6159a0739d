package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The tables of the Markdown report: findings (with a change column when comparing), previous
 * findings (fixed, not re-checked), gaps. Every cell is escaped ({@link Markdown}).
 */
final class MarkdownTables {

    private MarkdownTables() {
    }

    /** This run's findings of one place, with their change when comparing. */
    static void findings(Report report, List<Finding> findings, Optional<Comparison> comparison, StringBuilder sb) {
        findingsHeader(comparison, sb);
        for (Finding f : findings) {
            findingRow(report, f, comparison, sb);
        }
        sb.append('\n');
    }

    /** The header and delimiter rows of a table of this run's findings; returns {@code sb}. */
    static StringBuilder findingsHeader(Optional<Comparison> comparison, StringBuilder sb) {
        return sb.append("| Location | Rule | Severity | ").append(comparison.isPresent() ? "Change | " : "")
                .append("Message |\n|---|---|---|").append(comparison.isPresent() ? "---|" : "").append("---|\n");
    }

    /** One row of a table of this run's findings. */
    static void findingRow(Report report, Finding f, Optional<Comparison> comparison, StringBuilder sb) {
        sb.append("| ").append(location(f)).append(" | ").append(ruleLink(report, f.ruleId())).append(" | ")
                .append(f.severity().label()).append(" | ");
        comparison.ifPresent(c -> sb.append(f.isSuppressed() ? "" : c.change(f) == Change.NEW ? "**new**"
                : "unchanged").append(" | "));
        sb.append(Markdown.escape(f.message()));
        if (f.isSuppressed()) {
            sb.append(" _(suppressed: ").append(Markdown.escape(Places.reason(f))).append(")_");
        }
        sb.append(" |\n");
    }

    /** Previous findings that are fixed. */
    static void fixed(Report report, List<Finding> fixed, StringBuilder sb) {
        sb.append("| Location | Rule | Severity | Message |\n|---|---|---|---|\n");
        for (Finding f : fixed) {
            sb.append("| ").append(previousLocation(f)).append(" | ").append(ruleLink(report, f.ruleId())).append(" | ")
                    .append(f.severity().label()).append(" | ").append(Markdown.escape(f.message())).append(" |\n");
        }
        sb.append('\n');
    }

    /** Previous findings that were not re-checked, with why. */
    static void notRechecked(Report report, List<NotRechecked> findings, StringBuilder sb) {
        sb.append("| Location | Rule | Severity | Message | Why not re-checked |\n|---|---|---|---|---|\n");
        for (NotRechecked n : findings) {
            Finding f = n.finding();
            sb.append("| ").append(previousLocation(f)).append(" | ").append(ruleLink(report, f.ruleId())).append(" | ")
                    .append(f.severity().label()).append(" | ").append(Markdown.escape(f.message())).append(" | ")
                    .append(Markdown.escape(n.reason())).append(" |\n");
        }
        sb.append('\n');
    }

    /** Gaps, with their change when comparing. */
    static void gaps(List<NotEvaluatedGroup> gaps, Optional<Comparison> comparison, StringBuilder sb) {
        sb.append("| Where | Resource type | Reason | Rules | ").append(comparison.isPresent() ? "Change | " : "")
                .append("Detail |\n|---|---|---|---|").append(comparison.isPresent() ? "---|" : "").append("---|\n");
        for (NotEvaluatedGroup g : gaps) {
            String type = g.resourceType().equals("*") ? "every type" : Markdown.code(g.resourceType());
            if (!g.subject().isEmpty()) {
                type += " " + Markdown.code(g.subject());
            }
            sb.append("| ").append(Markdown.escape(g.scopeDisplay())).append(" | ").append(type).append(" | ")
                    .append(g.reason().label()).append(" | ").append(Markdown.escape(String.join(", ", g.rules())))
                    .append(" | ");
            comparison.ifPresent(c -> sb.append(c.change(g) == Change.NEW ? "**new**" : "unchanged").append(" | "));
            sb.append(Markdown.escape(g.detail())).append(" |\n");
        }
        sb.append('\n');
    }

    /** What ends every Markdown page: the gaps (new ones marked), the gaps resolved, the problems, the footer. */
    static void closing(Report report, Optional<Comparison> comparison, String toolVersion, StringBuilder sb) {
        gapsAndProblems(report, comparison, sb);
        footer(report, toolVersion, sb);
    }

    /** The gaps (new ones marked), the gaps resolved, the problems. */
    static void gapsAndProblems(Report report, Optional<Comparison> comparison, StringBuilder sb) {
        List<NotEvaluatedGroup> gaps = NotEvaluatedGroup.of(report.notEvaluated());
        if (!gaps.isEmpty()) {
            sb.append("### Not evaluated\n\n");
            gaps(gaps, comparison, sb);
        }
        List<NotEvaluatedGroup> resolved = comparison.map(Comparison::resolvedGaps).orElse(List.of());
        if (!resolved.isEmpty()) {
            sb.append("### No longer gaps ").append(comparison.get().since()).append("\n\n");
            gaps(resolved, Optional.empty(), sb);
        }
        problems(report, sb);
    }

    /** The line every Markdown page ends with: resilint's version and the failure threshold. */
    static void footer(Report report, String toolVersion, StringBuilder sb) {
        sb.append("<sub>resilint ").append(Markdown.escape(toolVersion))
                .append(", failure threshold: ").append(report.threshold().label()).append("</sub>\n");
    }

    /** The problems, if any: inputs that could not be read, rules that failed. */
    static void problems(Report report, StringBuilder sb) {
        if (report.problems().isEmpty()) {
            return;
        }
        sb.append("### Problems\n\n");
        for (Problem p : report.problems()) {
            sb.append("- **").append(p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal error" : "input error")
                    .append("** ").append(Markdown.escape(p.display())).append('\n');
        }
        sb.append('\n');
    }

    /** Where one of this run's findings is within its place: position and logical path, ARN or member. */
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

    /** Where a previous finding is, in full: file and position or ARN, and the logical path or member. */
    private static String previousLocation(Finding f) {
        String where = f.location().display();
        String detail = Places.detail(f.location());
        return Markdown.code(where) + (detail.isEmpty() || detail.equals(where) ? "" : " " + Markdown.code(detail));
    }

    static String ruleLink(Report report, String ruleId) {
        return Places.rule(report, ruleId).map(RuleMetadata::helpUri)
                .map(uri -> "[" + ruleId + "](" + uri + ")").orElse(ruleId);
    }
}
