package dev.resilint.core.report;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Shard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the human-readable reporters share: how findings are grouped by place (file, AWS account
 * and region, or class), how a location is shown, and counting. Every grouping is sorted, so the
 * output never depends on hash order.
 */
final class Places {

    private Places() {
    }

    /** A group heading; files first, then classes without a source file, then live accounts. */
    record Group(int rank, String heading) implements Comparable<Group> {
        private static final Comparator<Group> ORDER = Comparator.comparingInt(Group::rank)
                .thenComparing(Group::heading);

        @Override
        public int compareTo(Group other) {
            return ORDER.compare(this, other);
        }
    }

    static Group groupOf(Location location) {
        if (location instanceof Location.Live l) {
            StringBuilder sb = new StringBuilder("aws account ");
            sb.append(l.account().isEmpty() ? "unknown" : l.account());
            if (!l.region().isEmpty()) {
                sb.append(' ').append(l.region());
            }
            return new Group(2, sb.toString());
        }
        if (location instanceof Location.Code c && c.file().isEmpty()) {
            return new Group(1, c.className());
        }
        return new Group(0, location.file());
    }

    /** Findings by group, groups sorted, findings within a group in {@link Engine#ORDER}. */
    static Map<Group, List<Finding>> byGroup(Collection<Finding> findings) {
        Map<Group, List<Finding>> groups = new TreeMap<>();
        for (Finding f : findings) {
            groups.computeIfAbsent(groupOf(f.location()), g -> new ArrayList<>()).add(f);
        }
        Map<Group, List<Finding>> sorted = new LinkedHashMap<>();
        for (Map.Entry<Group, List<Finding>> e : groups.entrySet()) {
            List<Finding> list = new ArrayList<>(e.getValue());
            list.sort(Engine.ORDER);
            sorted.put(e.getKey(), List.copyOf(list));
        }
        return sorted;
    }

    /** {@code line:column}, {@code line}, or {@code -} when the line is unknown. */
    static String position(Location location) {
        if (location.line() <= 0) {
            return "-";
        }
        return location.column() > 0 ? location.line() + ":" + location.column() : String.valueOf(location.line());
    }

    /** What inside the group the finding is about: logical path, ARN, or class and member. */
    static String detail(Location location) {
        if (location instanceof Location.Template t) {
            return t.logicalPath().isEmpty() ? t.resourceId() : t.logicalPath();
        }
        return location.subject();
    }

    /** Count of findings per severity, every severity present (possibly 0), most severe first. */
    static Map<Severity, Integer> countBySeverity(Collection<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /** {@code "1 file"}, {@code "2 files"}. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The rule's metadata when the report lists it. */
    static Optional<RuleMetadata> rule(Report report, String id) {
        return report.rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Active findings, followed by the suppressed ones when {@code includeSuppressed}. */
    static List<Finding> shown(Report report, ReportOptions options) {
        List<Finding> all = new ArrayList<>(report.findings());
        if (options.includeSuppressed()) {
            all.addAll(report.suppressed());
        }
        return all;
    }

    /**
     * The notes a report shows: all of them when verbose, else only a shard's note ({@link Shard.Note}),
     * which says what part of a scan the report covers (and that a shard that held no account scanned
     * nothing, rather than found nothing).
     */
    static List<String> notes(Report report, ReportOptions options) {
        return options.verbose() ? report.notes() : report.notes().stream().filter(Shard.Note::is).toList();
    }

    /**
     * The reason of a suppressed finding; for a suppression written without one (an annotation, another
     * tool's syntax), where it was written. The empty string for a finding that is not suppressed.
     */
    static String reason(Finding finding) {
        return finding.suppression().map(s -> s.reason().isEmpty()
                ? "no reason given; " + s.format().label() + " at " + s.origin().display()
                : s.reason()).orElse("");
    }

    /**
     * The sentence text and Markdown reports lead with when comparing ({@code --compare}), for
     * example {@code 3 new, 1 fixed since 2027-03-30; 4 unchanged; 2 not re-checked; 1 new gap;
     * 1 gap resolved.}: the counts after the first two appear only when not zero.
     */
    static String changes(Report report, Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.count(report.findings(), Change.NEW)).append(" new, ").append(c.fixed().size()).append(" fixed ")
                .append(c.since());
        long unchanged = c.count(report.findings(), Change.UNCHANGED);
        if (unchanged > 0) {
            sb.append("; ").append(unchanged).append(" unchanged");
        }
        if (!c.notRechecked().isEmpty()) {
            sb.append("; ").append(c.notRechecked().size()).append(" not re-checked (not evaluated this time)");
        }
        long newGaps = NotEvaluatedGroup.of(report.notEvaluated()).stream().filter(g -> c.change(g) == Change.NEW)
                .count();
        if (newGaps > 0) {
            sb.append("; ").append(count(newGaps, "new gap", "new gaps"));
        }
        if (!c.resolvedGaps().isEmpty()) {
            sb.append("; ").append(count(c.resolvedGaps().size(), "gap resolved", "gaps resolved"));
        }
        return sb.append('.').toString();
    }

    /** A finding of the previous report on one line: where, severity, rule, message. */
    static String previous(Finding f) {
        String where = f.location().display();
        String detail = detail(f.location());
        return where + "  " + f.severity().label() + "  " + f.ruleId() + "  " + f.message()
                + (detail.isEmpty() || detail.equals(where) ? "" : "  [" + detail + "]");
    }

    /**
     * The summary sentence shared by text and Markdown, for example {@code 3 findings (1 error,
     * 2 warnings, 0 notes) in 2 files; 1 suppressed; 2 baselined; 1 baseline entry no longer occurs}.
     */
    static String summary(Report report) {
        Map<Severity, Integer> counts = countBySeverity(report.findings());
        int files = report.files().size();
        StringBuilder sb = new StringBuilder();
        if (report.findings().isEmpty()) {
            sb.append("No findings");
            if (files > 0) {
                sb.append(" in ").append(count(files, "file", "files"));
            }
        } else {
            sb.append(count(report.findings().size(), "finding", "findings")).append(" (")
                    .append(count(counts.get(Severity.ERROR), "error", "errors")).append(", ")
                    .append(count(counts.get(Severity.WARNING), "warning", "warnings")).append(", ")
                    .append(count(counts.get(Severity.NOTE), "note", "notes")).append(')');
            if (files > 0) {
                sb.append(" in ").append(count(files, "file", "files"));
            }
        }
        if (!report.suppressed().isEmpty()) {
            sb.append("; ").append(report.suppressed().size()).append(" suppressed");
        }
        if (report.baselineUsed() || !report.baselined().isEmpty()) {
            sb.append("; ").append(report.baselined().size()).append(" baselined");
        }
        int stale = report.staleBaselineEntries().size();
        if (stale > 0) {
            sb.append("; ").append(count(stale, "baseline entry no longer occurs", "baseline entries no longer occur"));
        }
        long input = report.problems().stream().filter(p -> p.kind() == Problem.Kind.INPUT_ERROR).count();
        long internal = report.problems().size() - input;
        if (input > 0) {
            sb.append("; ").append(count(input, "input error", "input errors"));
        }
        if (internal > 0) {
            sb.append("; ").append(count(internal, "internal error", "internal errors"));
        }
        int gaps = NotEvaluatedGroup.of(report.notEvaluated()).size();
        if (gaps > 0) {
            sb.append("; ").append(count(gaps, "gap", "gaps")).append(" (rules not evaluated)");
        }
        return sb.append('.').toString();
    }
}
