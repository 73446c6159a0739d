package dev.resilint.core.report;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What changed since a previous report ({@code --compare PREVIOUS.json}), matched by fingerprint:
 *
 * <ul>
 *   <li>an active finding is {@link Change#UNCHANGED} when the previous report had it among its
 *       active findings, else {@link Change#NEW} (also when it was suppressed or baselined there,
 *       or the previous run could not look where it is);
 *   <li>a previous active finding that does not occur now (not active, suppressed nor baselined) is
 *       {@link #fixed() fixed} when this run judged its place again ({@link Coverage}), and
 *       {@link #notRechecked() not re-checked} when it did not: it is never called fixed because
 *       its account could not be read;
 *   <li>a gap is new when the previous report had no gap for the same scope, resource type, resource
 *       and reason; a previous gap that no longer occurs where this run judged is
 *       {@link #resolvedGaps() resolved}.
 * </ul>
 *
 * @param previousDate the day of the previous run, when its report says
 * @param unchanged fingerprints of this run's active findings that the previous report had
 * @param fixed previous findings that no longer occur where this run judged, in {@link Engine#ORDER}
 * @param notRechecked previous findings that do not occur, where this run did not judge
 * @param previousGaps the keys ({@link #gapKey}) of the previous report's gaps
 * @param resolvedGaps previous gaps that no longer occur where this run judged
 * @param failOnNew whether only new findings count toward the exit code ({@code --fail-on-new})
 * @param previousGroupBy how the previous report grouped its findings, if it did
 * @param previousGroups the previous report's group of each finding, by fingerprint
 */
public record Comparison(Optional<LocalDate> previousDate, Set<String> unchanged, List<Finding> fixed,
        List<NotRechecked> notRechecked, Set<String> previousGaps, List<NotEvaluatedGroup> resolvedGaps,
        boolean failOnNew, Optional<String> previousGroupBy, Map<String, String> previousGroups) {

    private static final Comparator<NotEvaluatedGroup> GAP_ORDER = Comparator.comparing(NotEvaluatedGroup::scope)
            .thenComparing(NotEvaluatedGroup::resourceType).thenComparing(NotEvaluatedGroup::subject)
            .thenComparing(NotEvaluatedGroup::reason).thenComparing(NotEvaluatedGroup::detail);

    public Comparison {
        Objects.requireNonNull(previousDate, "previousDate");
        unchanged = Set.copyOf(unchanged);
        fixed = fixed.stream().sorted(Engine.ORDER).toList();
        notRechecked = notRechecked.stream().sorted(Comparator.comparing(NotRechecked::finding, Engine.ORDER)).toList();
        previousGaps = Set.copyOf(previousGaps);
        resolvedGaps = resolvedGaps.stream().sorted(GAP_ORDER).toList();
        Objects.requireNonNull(previousGroupBy, "previousGroupBy");
        previousGroups = Map.copyOf(previousGroups);
    }

    /** Compares {@code current} with {@code previous}. */
    public static Comparison of(Report current, PreviousReport previous, boolean failOnNew) {
        Set<String> before = new HashSet<>();
        previous.findings().forEach(f -> before.add(f.fingerprint()));
        Set<String> unchanged = new TreeSet<>();
        Set<String> occurring = new HashSet<>();
        for (Finding f : current.findings()) {
            occurring.add(f.fingerprint());
            if (before.contains(f.fingerprint())) {
                unchanged.add(f.fingerprint());
            }
        }
        current.suppressed().forEach(f -> occurring.add(f.fingerprint()));
        current.baselined().forEach(f -> occurring.add(f.fingerprint()));
        Coverage coverage = Coverage.of(current);
        List<Finding> fixed = new ArrayList<>();
        List<NotRechecked> notRechecked = new ArrayList<>();
        for (Finding f : previous.findings()) {
            if (occurring.contains(f.fingerprint())) {
                continue;
            }
            Optional<String> why = coverage.notRechecked(f);
            if (why.isPresent()) {
                notRechecked.add(new NotRechecked(f, why.get()));
            } else {
                fixed.add(f);
            }
        }
        Set<String> previousGaps = new HashSet<>();
        previous.notEvaluated().forEach(g -> previousGaps.add(gapKey(g)));
        Set<String> currentGaps = new HashSet<>();
        NotEvaluatedGroup.of(current.notEvaluated()).forEach(g -> currentGaps.add(gapKey(g)));
        List<NotEvaluatedGroup> resolved = previous.notEvaluated().stream()
                .filter(g -> !currentGaps.contains(gapKey(g)) && coverage.judged(g.scope())).toList();
        return new Comparison(previous.date(), unchanged, fixed, notRechecked, previousGaps, resolved, failOnNew,
                previous.groupBy(), previous.groups());
    }

    /** What identifies a gap across runs: scope, resource type, resource and reason (not the detail). */
    static String gapKey(NotEvaluatedGroup gap) {
        return gap.scope() + "\u0000" + gap.resourceType() + "\u0000" + gap.subject() + "\u0000" + gap.reason();
    }

    /** Whether this run's active {@code finding} is new or was there before. */
    public Change change(Finding finding) {
        return unchanged.contains(finding.fingerprint()) ? Change.UNCHANGED : Change.NEW;
    }

    /** Whether this run's gap is new or was there before. */
    public Change change(NotEvaluatedGroup gap) {
        return previousGaps.contains(gapKey(gap)) ? Change.UNCHANGED : Change.NEW;
    }

    /** How many of {@code findings} (this run's active findings) have {@code change}. */
    public long count(List<Finding> findings, Change change) {
        return findings.stream().filter(f -> change(f) == change).count();
    }

    /** {@code since 2027-03-30}, or {@code since the previous report} when its date is unknown. */
    public String since() {
        return previousDate.map(d -> "since " + d).orElse("since the previous report");
    }

    /**
     * This comparison with only the fixed and not re-checked findings that {@code keep} accepts, and
     * the resolved gaps that {@code keepGap} accepts: the part of one group.
     */
    public Comparison restrictedTo(Predicate<Finding> keep, Predicate<NotEvaluatedGroup> keepGap) {
        return new Comparison(previousDate, unchanged, fixed.stream().filter(keep).toList(),
                notRechecked.stream().filter(n -> keep.test(n.finding())).toList(), previousGaps,
                resolvedGaps.stream().filter(keepGap).toList(), failOnNew, previousGroupBy, previousGroups);
    }
}
