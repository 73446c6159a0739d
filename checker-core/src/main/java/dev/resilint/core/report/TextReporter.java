package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default report, for people at a terminal. Findings are grouped under a heading per file
 * (template or source file), per class when no source file is known, and per AWS account and
 * region for live resources:
 *
 * <pre>
 * stacks/db.yaml
 *   12:7  warning  AZ04  RDS instance Db is not Multi-AZ.  [Resources/Db/Properties/MultiAZ]
 *
 * error: stacks/broken.yaml:3:1: mapping values are not allowed here
 * internal error: rule LB02: NullPointerException
 *
 * 1 finding (0 errors, 1 warning, 0 notes) in 2 files; 1 suppressed.
 * </pre>
 *
 * Evaluation gaps (rules that could not judge part of a live account) follow the findings, one line
 * per account, region, type and cause naming the rules (the first {@value #MAX_GAPS} unless
 * {@link ReportOptions#verbose()}); problems follow, notes follow when verbose (a shard's note, which
 * says what part of a scan the report covers, always), and one summary line ends the report. ANSI
 * colour is used only when {@link ReportOptions#color()} is set.
 *
 * <p>Compared with a previous report ({@link Report#comparison()}), the report leads with what
 * changed ({@code 3 new, 1 fixed since 2027-03-30.}), marks each new finding and gap {@code new},
 * and lists the previous findings that are fixed and those that were not re-checked (with why).
 * Grouped ({@link ReportOptions#groupBy()}), it has one section per group, headed
 * {@code == owner: team-a ==}, holding that group's findings, fixed and not re-checked ones; gaps,
 * problems and the summary follow all sections.
 */
public final class TextReporter implements Reporter {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";

    /** Gaps listed without {@code --verbose}. */
    static final int MAX_GAPS = 20;

    private final ReportOptions options;

    public TextReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        Optional<Comparison> comparison = report.comparison();
        comparison.ifPresent(c -> sb.append(paint(BOLD, Places.changes(report, c))).append("\n\n"));
        for (Sections section : Sections.of(report, options)) {
            section.heading().ifPresent(h -> sb.append(paint(BOLD, "== " + oneLine(h) + " ==")).append("\n\n"));
            for (Map.Entry<Places.Group, List<Finding>> group : Places.byGroup(section.findings()).entrySet()) {
                sb.append(paint(BOLD, group.getKey().heading())).append('\n');
                appendFindings(sb, group.getValue(), comparison);
                sb.append('\n');
            }
            if (comparison.isPresent()) {
                appendPrevious(sb, section, comparison.get());
            }
        }
        List<NotEvaluatedGroup> gaps = NotEvaluatedGroup.of(report.notEvaluated());
        if (!gaps.isEmpty()) {
            sb.append(paint(BOLD, "not evaluated")).append('\n');
            int shown = options.verbose() ? gaps.size() : Math.min(gaps.size(), MAX_GAPS);
            for (NotEvaluatedGroup g : gaps.subList(0, shown)) {
                sb.append("  ").append(paint(YELLOW, "gap")).append("  ")
                        .append(comparison.map(c -> marker(c.change(g))).orElse("")).append(oneLine(g.display()))
                        .append('\n');
            }
            if (shown < gaps.size()) {
                sb.append("  ... ").append(gaps.size() - shown).append(" more (--verbose lists every gap)\n");
            }
            sb.append('\n');
        }
        List<NotEvaluatedGroup> resolved = comparison.map(Comparison::resolvedGaps).orElse(List.of());
        if (!resolved.isEmpty()) {
            sb.append(paint(BOLD, "no longer gaps " + comparison.get().since())).append('\n');
            for (NotEvaluatedGroup g : resolved) {
                sb.append("  ").append(oneLine(g.display())).append('\n');
            }
            sb.append('\n');
        }
        if (!report.problems().isEmpty()) {
            for (Problem p : report.problems()) {
                String label = p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal error" : "error";
                sb.append(paint(RED, label + ":")).append(' ').append(oneLine(p.display())).append('\n');
            }
            sb.append('\n');
        }
        List<String> notes = Places.notes(report, options);
        if (!notes.isEmpty()) {
            for (String note : notes) {
                sb.append(paint(DIM, "note:")).append(' ').append(oneLine(note)).append('\n');
            }
            sb.append('\n');
        }
        sb.append(Places.summary(report)).append('\n');
        out.write(sb.toString());
        out.flush();
    }

    /** The section's previous findings: fixed, then not re-checked with the reason. */
    private void appendPrevious(StringBuilder sb, Sections section, Comparison comparison) {
        if (!section.fixed().isEmpty()) {
            sb.append(paint(BOLD, "fixed " + comparison.since())).append('\n');
            for (Finding f : section.fixed()) {
                sb.append("  ").append(paint(GREEN, "fixed")).append("  ").append(oneLine(Places.previous(f)))
                        .append('\n');
            }
            sb.append('\n');
        }
        if (!section.notRechecked().isEmpty()) {
            sb.append(paint(BOLD, "not re-checked (not evaluated this time, so not known to be fixed)")).append('\n');
            for (NotRechecked n : section.notRechecked()) {
                sb.append("  ").append(paint(YELLOW, "not re-checked")).append("  ")
                        .append(oneLine(Places.previous(n.finding()))).append("  (").append(oneLine(n.reason()))
                        .append(")\n");
            }
            sb.append('\n');
        }
    }

    /** {@code new  } or as many spaces, so that the messages after it stay aligned. */
    private String marker(Change change) {
        return change == Change.NEW ? paint(BOLD, "new") + "  " : "     ";
    }

    private void appendFindings(StringBuilder sb, List<Finding> findings, Optional<Comparison> comparison) {
        int width = 0;
        for (Finding f : findings) {
            width = Math.max(width, Places.position(f.location()).length());
        }
        for (Finding f : findings) {
            String severity = f.severity().label();
            sb.append("  ").append(pad(Places.position(f.location()), width)).append("  ")
                    .append(paint(colorOf(f.severity()), severity)).append(" ".repeat(8 - severity.length()))
                    .append(' ').append(f.ruleId()).append("  ")
                    .append(comparison.map(c -> f.isSuppressed() ? "     " : marker(c.change(f))).orElse(""))
                    .append(oneLine(f.message()));
            String detail = Places.detail(f.location());
            if (!detail.isEmpty()) {
                sb.append("  [").append(detail).append(']');
            }
            if (f.isSuppressed()) {
                sb.append("  (suppressed: ").append(oneLine(Places.reason(f))).append(')');
            }
            sb.append('\n');
        }
    }

    private static String colorOf(Severity severity) {
        if (severity == Severity.ERROR) {
            return RED;
        }
        return severity == Severity.WARNING ? YELLOW : CYAN;
    }

    private String paint(String code, String text) {
        return options.color() ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** Messages stay on their line, so that each finding is one line for grep. */
    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
