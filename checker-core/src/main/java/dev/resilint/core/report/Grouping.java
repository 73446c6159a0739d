package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A report's findings by the groups of a {@link GroupBy}: which group each finding is in, this
 * run's (active, suppressed, baselined) and, with a {@link Comparison}, the previous report's
 * (fixed, not re-checked). The text and Markdown reports make a section of each group, the JSON
 * report names each finding's group, and {@code --output-dir} writes a Markdown file per group.
 */
public final class Grouping {

    private final Report report;
    private final GroupBy by;

    private Grouping(Report report, GroupBy by) {
        this.report = Objects.requireNonNull(report, "report");
        this.by = Objects.requireNonNull(by, "by");
    }

    /** The groups of {@code report}'s findings by {@code by}. */
    public static Grouping of(Report report, GroupBy by) {
        return new Grouping(report, by);
    }

    public GroupBy by() {
        return by;
    }

    /** The group of one of this run's findings. */
    public String group(Finding current) {
        return by.groupOf(current, report.tags());
    }

    /** The group of one of the previous report's findings (fixed or not re-checked). */
    public String groupOfPrevious(Finding previous) {
        return report.comparison().map(c -> by.groupOfPrevious(previous, report.tags(), c))
                .orElseGet(() -> by.groupOf(previous, report.tags()));
    }

    /** Every group that has a finding of this run or a fixed or not re-checked one, in {@link GroupBy#ORDER}. */
    public List<String> groups() {
        TreeSet<String> groups = new TreeSet<>(GroupBy.ORDER);
        Stream.of(report.findings(), report.suppressed(), report.baselined()).flatMap(List::stream)
                .forEach(f -> groups.add(group(f)));
        report.comparison().ifPresent(c -> {
            c.fixed().forEach(f -> groups.add(groupOfPrevious(f)));
            c.notRechecked().forEach(n -> groups.add(groupOfPrevious(n.finding())));
        });
        return List.copyOf(groups);
    }

    /** Whether one of this run's findings is in {@code group}. */
    public Predicate<Finding> in(String group) {
        return f -> group(f).equals(group);
    }

    /** Whether one of the previous report's findings is in {@code group}. */
    public Predicate<Finding> previousIn(String group) {
        return f -> groupOfPrevious(f).equals(group);
    }

    /**
     * Whether a gap concerns {@code group}: a gap in the group's account or region (a whole account's
     * gap concerns each of its regions), of the group's rule, and, for tags, every gap: what was
     * not read may belong to any owner.
     */
    public boolean concerns(String group, NotEvaluatedGroup gap) {
        return switch (by.kind()) {
            case TAG -> true;
            case RULE -> gap.rules().contains(group);
            case ACCOUNT -> gap.accountRegion().map(a -> a.account().equals(group)).orElse(GroupBy.isNoValue(group));
            case REGION -> gap.accountRegion().map(a -> a.region().equals(group) || a.region().equals("*"))
                    .orElse(GroupBy.isNoValue(group));
        };
    }

    /** {@link #concerns(String, NotEvaluatedGroup)} for an ungrouped gap. */
    boolean concerns(String group, NotEvaluated gap) {
        return concerns(group, NotEvaluatedGroup.of(List.of(gap)).get(0));
    }
}
