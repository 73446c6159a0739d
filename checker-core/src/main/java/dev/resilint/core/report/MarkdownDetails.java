package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The details of the Markdown report: per section ({@code --group-by}) and per place (file, class,
 * account region) a {@code <details>} fold with the table of its findings, then the section's
 * fixed and not re-checked findings. Given a budget of characters, it keeps the findings that fit,
 * the most severe first and then in the order of the report (places in order, findings in
 * {@link dev.resilint.core.Engine#ORDER}), and counts those it leaves out.
 */
final class MarkdownDetails {

    /** Room kept in each fold for the line saying how many of its findings are shown. */
    private static final int PARTIAL_LINE = 120;

    private final Report report;
    private final List<Sections> sections;
    private final Optional<Comparison> comparison;

    /** What the details left out. */
    record LeftOut(int findings, int places, boolean allFiles, int rows) {
        boolean isEmpty() {
            return findings == 0 && rows == 0;
        }
    }

    private LeftOut leftOut = new LeftOut(0, 0, true, 0);

    MarkdownDetails(Report report, ReportOptions options) {
        this.report = report;
        this.sections = Sections.of(report, options);
        this.comparison = report.comparison();
    }

    /** What the last {@link #render} left out. */
    LeftOut leftOut() {
        return leftOut;
    }

    /** The details in at most {@code budget} characters. */
    String render(int budget) {
        Set<Finding> kept = select(budget);
        int findingsLeft = 0;
        int placesLeft = 0;
        boolean allFiles = true;
        List<String> folds = new ArrayList<>();
        int used = 0;
        for (Sections section : sections) {
            StringBuilder part = new StringBuilder();
            section.heading().ifPresent(h -> part.append("### ").append(Markdown.escape(h)).append("\n\n"));
            boolean any = false;
            for (Map.Entry<Places.Group, List<Finding>> group : Places.byGroup(section.findings()).entrySet()) {
                List<Finding> shown = group.getValue().stream().filter(kept::contains).toList();
                int missing = group.getValue().size() - shown.size();
                findingsLeft += missing;
                if (missing > 0) {
                    placesLeft++;
                    allFiles &= group.getKey().rank() == 0;
                }
                if (!shown.isEmpty()) {
                    part.append(fold(group.getKey(), group.getValue(), shown));
                    any = true;
                }
            }
            if (!any && section.fixed().isEmpty() && section.notRechecked().isEmpty()) {
                part.setLength(0);
            }
            folds.add(part.toString());
            used += part.length();
        }
        // previous findings, fixed or not re-checked, get what room the findings left, section by section
        StringBuilder sb = new StringBuilder();
        int room = budget - used;
        int rows = 0;
        for (int s = 0; s < sections.size(); s++) {
            Sections section = sections.get(s);
            sb.append(folds.get(s));
            String level = section.heading().isPresent() ? "#### " : "### ";
            if (!section.fixed().isEmpty()) {
                StringBuilder table = new StringBuilder();
                table.append(level).append("Fixed ").append(comparison.get().since()).append("\n\n");
                MarkdownTables.fixed(report, section.fixed(), table);
                MarkdownCut cut = MarkdownCut.of(table.toString(), Math.max(0, room));
                sb.append(cut.text());
                room -= cut.text().length();
                rows += cut.droppedRows();
            }
            if (!section.notRechecked().isEmpty()) {
                StringBuilder table = new StringBuilder();
                table.append(level).append("Not re-checked\n\n")
                        .append("Not evaluated this time, so not known to be fixed.\n\n");
                MarkdownTables.notRechecked(report, section.notRechecked(), table);
                MarkdownCut cut = MarkdownCut.of(table.toString(), Math.max(0, room));
                sb.append(cut.text());
                room -= cut.text().length();
                rows += cut.droppedRows();
            }
        }
        leftOut = new LeftOut(findingsLeft, placesLeft, allFiles, rows);
        return sb.toString();
    }

    /**
     * The findings that fit {@code budget}: the most severe first, then in the report's order, each
     * with the cost of its row and, for the first of a place or section, of its fold or heading.
     * The first finding that does not fit ends the choice, so that no less severe finding is shown
     * while a more severe one is left out.
     */
    private Set<Finding> select(int budget) {
        record Candidate(Finding finding, int section, Places.Group group, List<Finding> all, int order) { }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (int s = 0; s < sections.size(); s++) {
            for (Map.Entry<Places.Group, List<Finding>> group : Places.byGroup(sections.get(s).findings()).entrySet()) {
                for (Finding f : group.getValue()) {
                    candidates.add(new Candidate(f, s, group.getKey(), group.getValue(), order++));
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.finding().severity()).thenComparingInt(Candidate::order));
        Set<Integer> openSections = new HashSet<>();
        Set<List<Finding>> openGroups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<Finding> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int spent = 0;
        for (Candidate c : candidates) {
            int cost = row(c.finding()).length();
            if (!openGroups.contains(c.all())) {
                cost += fold(c.group(), c.all(), List.of()).length() + PARTIAL_LINE
                        + MarkdownTables.findingsHeader(comparison, new StringBuilder()).length() + 1;
            }
            if (!openSections.contains(c.section())) {
                cost += sections.get(c.section()).heading().map(h -> Markdown.escape(h).length() + 6).orElse(0);
            }
            if (spent + cost > budget) {
                break;
            }
            spent += cost;
            openGroups.add(c.all());
            openSections.add(c.section());
            kept.add(c.finding());
        }
        return kept;
    }

    /** One place folded: its name and counts in the summary, the table of the findings shown. */
    private String fold(Places.Group group, List<Finding> all, List<Finding> shown) {
        StringBuilder sb = new StringBuilder();
        sb.append("<details><summary>")
                .append(group.rank() == 2 ? html(group.heading()) : "<code>" + html(group.heading()) + "</code>")
                .append(": ").append(html(counts(all))).append("</summary>\n\n");
        if (!shown.isEmpty()) {
            MarkdownTables.findingsHeader(comparison, sb);
            shown.forEach(f -> sb.append(row(f)));
            sb.append('\n');
        }
        if (shown.size() < all.size() && !shown.isEmpty()) {
            sb.append("_").append(shown.size()).append(" of ").append(all.size())
                    .append(" findings shown; the others are left out (see the end of the report)._\n\n");
        }
        sb.append("</details>\n\n");
        return sb.toString();
    }

    private String row(Finding f) {
        StringBuilder sb = new StringBuilder();
        MarkdownTables.findingRow(report, f, comparison, sb);
        return sb.toString();
    }

    /** {@code 3 findings (1 error, 2 warnings)}: the severities present, most severe first. */
    static String counts(List<Finding> findings) {
        Map<Severity, Integer> counts = Places.countBySeverity(findings);
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
            if (e.getValue() > 0) {
                String label = e.getKey().label();
                parts.add(Places.count(e.getValue(), label, label + "s"));
            }
        }
        return Places.count(findings.size(), "finding", "findings") + " (" + String.join(", ", parts) + ")";
    }

    /** Text for HTML (a fold's summary): {@code &}, {@code <}, {@code >} and {@code "} as entities, no line breaks. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace('\n', ' ').replace('\r', ' ');
    }
}
