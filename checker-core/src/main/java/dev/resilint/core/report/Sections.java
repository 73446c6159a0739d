package dev.resilint.core.report;

import dev.resilint.core.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections of the text and Markdown reports: one per group with {@link ReportOptions#groupBy()},
 * else one without a heading. Each holds the findings it shows ({@link Places#shown}) and, with a
 * comparison, the previous findings fixed and not re-checked in it.
 *
 * @param heading the section's heading ({@link GroupBy#heading}); empty for the one section of an
 *     ungrouped report
 * @param findings this run's findings shown in the section
 * @param fixed previous findings fixed in the section
 * @param notRechecked previous findings not re-checked in the section
 */
record Sections(Optional<String> heading, List<Finding> findings, List<Finding> fixed, List<NotRechecked> notRechecked) {

    Sections {
        findings = List.copyOf(findings);
        fixed = List.copyOf(fixed);
        notRechecked = List.copyOf(notRechecked);
    }

    boolean isEmpty() {
        return findings.isEmpty() && fixed.isEmpty() && notRechecked.isEmpty();
    }

    /** The report's sections, leaving out groups with nothing to show. */
    static List<Sections> of(Report report, ReportOptions options) {
        List<Finding> shown = Places.shown(report, options);
        List<Finding> fixed = report.comparison().map(Comparison::fixed).orElse(List.of());
        List<NotRechecked> notRechecked = report.comparison().map(Comparison::notRechecked).orElse(List.of());
        if (options.groupBy().isEmpty()) {
            return List.of(new Sections(Optional.empty(), shown, fixed, notRechecked));
        }
        Grouping grouping = Grouping.of(report, options.groupBy().get());
        List<Sections> sections = new ArrayList<>();
        for (String group : grouping.groups()) {
            Sections s = new Sections(Optional.of(grouping.by().heading(group)),
                    shown.stream().filter(grouping.in(group)).toList(),
                    fixed.stream().filter(grouping.previousIn(group)).toList(),
                    notRechecked.stream().filter(n -> grouping.previousIn(group).test(n.finding())).toList());
            if (!s.isEmpty()) {
                sections.add(s);
            }
        }
        return sections;
    }
}
