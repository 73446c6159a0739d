package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One Markdown page per group ({@code --group-by} with {@code --output-dir DIR}), so that each
 * owner team gets a file of its own to read or be sent, and an index ({@value GroupFileNames#INDEX})
 * that lists every group with its counts and links. A group's page is the Markdown report of its
 * findings alone (active, suppressed, baselined; with a comparison, its new, fixed and not re-checked
 * ones), with the gaps that concern it ({@link Grouping#concerns}: for tag groups every gap, since
 * what was not read may belong to anyone) and every problem. File names: {@link GroupFileNames}.
 * Files are written with {@link ReportWriter#writeFile} (the directory is created, existing files are
 * overwritten, errors name the path); pages of groups that no longer occur are left alone.
 */
public final class GroupPages {

    /**
     * One page.
     *
     * @param group the group's name; empty for the index
     * @param fileName the file name in the directory
     * @param content the Markdown
     */
    public record Page(Optional<String> group, String fileName, String content) {
    }

    private GroupPages() {
    }

    /** The index and the page of every group, index first. */
    public static List<Page> of(Report report, GroupBy by, ReportOptions options) {
        Grouping grouping = Grouping.of(report, by);
        List<String> groups = grouping.groups();
        Map<String, String> names = GroupFileNames.of(groups);
        ReportOptions plain = options.withColor(false).withGroupBy(Optional.empty());
        List<Page> pages = new ArrayList<>();
        List<Report> parts = new ArrayList<>();
        for (String group : groups) {
            Report part = part(report, grouping, group);
            parts.add(part);
            String content = "# " + Markdown.escape(by.heading(group)) + "\n\n" + render(part, plain);
            pages.add(new Page(Optional.of(group), names.get(group), content));
        }
        pages.add(0, new Page(Optional.empty(), GroupFileNames.INDEX, index(report, grouping, groups, names, parts,
                plain)));
        return pages;
    }

    /** Writes every page into {@code directory}, named {@code displayDirectory} in messages. */
    public static void write(Report report, GroupBy by, ReportOptions options, Path directory, String displayDirectory)
            throws ReportWriteException {
        for (Page page : of(report, by, options)) {
            String display = displayDirectory.endsWith("/") ? displayDirectory + page.fileName()
                    : displayDirectory + "/" + page.fileName();
            ReportWriter.writeFile(directory.resolve(page.fileName()), display, page.content());
        }
    }

    /** The report of one group. */
    static Report part(Report report, Grouping grouping, String group) {
        Predicate<Finding> in = grouping.in(group);
        List<NotEvaluated> gaps = report.notEvaluated().stream().filter(g -> grouping.concerns(group, g)).toList();
        Report part = new Report(report.rules(), filter(report.findings(), in), filter(report.suppressed(), in),
                filter(report.baselined(), in), List.of(), report.baselineUsed(), report.problems(), gaps,
                report.files(), report.notes(), report.threshold(), report.configuration(), report.date(),
                report.scopes(), report.tags(), Optional.empty());
        return report.comparison().map(c -> part.withComparison(c.restrictedTo(grouping.previousIn(group),
                g -> grouping.concerns(group, g)))).orElse(part);
    }

    private static List<Finding> filter(List<Finding> findings, Predicate<Finding> keep) {
        return findings.stream().filter(keep).toList();
    }

    private static String index(Report report, Grouping grouping, List<String> groups, Map<String, String> names,
            List<Report> parts, ReportOptions options) {
        Optional<Comparison> comparison = report.comparison();
        StringBuilder sb = new StringBuilder();
        sb.append("# resilint report by ").append(Markdown.escape(grouping.by().label())).append("\n\n");
        sb.append("## ").append(MarkdownReporter.verdict(report)).append("\n\n");
        comparison.ifPresent(c -> sb.append("**").append(Markdown.escape(Places.changes(report, c))).append("**\n\n"));
        sb.append(Places.summary(report)).append("\n\n");
        if (!groups.isEmpty()) {
            sb.append("| Group | Findings | ").append(comparison.isPresent() ? "New | Fixed | Not re-checked | " : "")
                    .append("Page |\n|---|---:|").append(comparison.isPresent() ? "---:|---:|---:|" : "").append("---|\n");
            for (int i = 0; i < groups.size(); i++) {
                Report part = parts.get(i);
                String name = names.get(groups.get(i));
                sb.append("| ").append(Markdown.escape(grouping.by().heading(groups.get(i)))).append(" | ")
                        .append(part.findings().size()).append(" | ");
                part.comparison().ifPresent(c -> sb.append(c.count(part.findings(), Change.NEW)).append(" | ")
                        .append(c.fixed().size()).append(" | ").append(c.notRechecked().size()).append(" | "));
                sb.append('[').append(name).append("](").append(name).append(") |\n");
            }
            sb.append('\n');
        }
        MarkdownTables.closing(report, comparison, options.toolVersion(), sb);
        return sb.toString();
    }

    private static String render(Report report, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            // a group's page holds its findings; what the command adds (the simulation) is the main report's
            new MarkdownReporter(options.withMarkdownBlocks(List.of())).write(report, out);
        } catch (IOException e) { // a StringWriter does not fail
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
