package dev.resilint.core.report;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.baseline.Baseline;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a run, which every reporter renders. Nothing is lost: suppressed and baselined
 * findings are kept apart from the active ones, and problems (unreadable inputs, rules that
 * failed) and evaluation gaps (rules that could not judge part of their input) are listed.
 *
 * @param rules the rules that ran, sorted by id
 * @param findings active findings: neither suppressed nor baselined, in deterministic order
 * @param suppressed findings accepted by a suppression
 * @param baselined findings hidden because the baseline knows them
 * @param staleBaselineEntries baseline entries that no longer occur (fixed)
 * @param baselineUsed whether a baseline was given
 * @param problems input and internal errors
 * @param notEvaluated where rules could not judge their input, sorted by {@link #NOT_EVALUATED_ORDER}
 * @param files the input files analyzed, sorted
 * @param notes verbose-only remarks (skipped files and why)
 * @param threshold from which severity findings fail the run
 * @param configuration digest of everything that decides the findings besides the inputs
 *     ({@code sha256:} and 64 hex digits: see {@code ConfigurationDigest}), or the empty string when
 *     unknown; reports of one scan's shards can be merged only when theirs agree
 * @param date the day of the run (what suppression expiry was judged against), when known
 * @param scopes the live scopes ({@code account/region}) and template files whose resources the
 *     rules judged, sorted: what a later run's {@link Comparison} needs to tell fixed from not re-checked
 * @param tags the tags of the resources findings are about, for reports grouped by a tag
 * @param comparison how the findings compare with a previous report's ({@code --compare}), if asked
 */
public record Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
        List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
        List<Problem> problems, List<NotEvaluated> notEvaluated, List<String> files, List<String> notes,
        FailThreshold threshold, String configuration, Optional<LocalDate> date, List<String> scopes,
        ResourceTags tags, Optional<Comparison> comparison) {

    /** The order of {@link #notEvaluated()}: scope, resource type, subject, reason, detail, rule. */
    public static final Comparator<NotEvaluated> NOT_EVALUATED_ORDER = Comparator.comparing(NotEvaluated::scope)
            .thenComparing(NotEvaluated::resourceType).thenComparing(NotEvaluated::subject)
            .thenComparing(NotEvaluated::reason).thenComparing(NotEvaluated::detail)
            .thenComparing(NotEvaluated::ruleId);

    /** The order of {@link #problems()}: file, line, column, rule, message. */
    public static final Comparator<Problem> PROBLEM_ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::ruleId)
            .thenComparing(Problem::message);

    public Report {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        baselined = List.copyOf(baselined);
        staleBaselineEntries = List.copyOf(staleBaselineEntries);
        problems = List.copyOf(problems);
        notEvaluated = notEvaluated.stream().sorted(NOT_EVALUATED_ORDER).distinct().toList();
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        Objects.requireNonNull(threshold, "threshold");
        configuration = configuration == null ? "" : configuration;
        Objects.requireNonNull(date, "date");
        scopes = scopes.stream().distinct().sorted().toList();
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(comparison, "comparison");
    }

    /** A report whose configuration digest is not known, of no particular day, with no tags and no comparison. */
    public Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
            List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
            List<Problem> problems, List<NotEvaluated> notEvaluated, List<String> files, List<String> notes,
            FailThreshold threshold) {
        this(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems, notEvaluated, files,
                notes, threshold, "", Optional.empty(), List.of(), ResourceTags.NONE, Optional.empty());
    }

    /** A report of a run on no particular day, with no tags and no comparison. */
    public Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
            List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
            List<Problem> problems, List<NotEvaluated> notEvaluated, List<String> files, List<String> notes,
            FailThreshold threshold, String configuration) {
        this(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems, notEvaluated, files,
                notes, threshold, configuration, Optional.empty(), List.of(), ResourceTags.NONE, Optional.empty());
    }

    /** A report whose configuration digest is not known (built by hand, in tests). */
    public Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
            List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
            List<Problem> problems, List<NotEvaluated> notEvaluated, List<String> files, List<String> notes,
            FailThreshold threshold, Optional<LocalDate> date, List<String> scopes, ResourceTags tags,
            Optional<Comparison> comparison) {
        this(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems, notEvaluated, files,
                notes, threshold, "", date, scopes, tags, comparison);
    }

    /** A report without evaluation gaps (templates and code are always read in full). */
    public Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
            List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
            List<Problem> problems, List<String> files, List<String> notes, FailThreshold threshold) {
        this(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems, List.of(), files,
                notes, threshold, "");
    }

    /** This report judged by another threshold (the exit code and failing count follow). */
    public Report withThreshold(FailThreshold other) {
        return new Report(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems,
                notEvaluated, files, notes, other, configuration, date, scopes, tags, comparison);
    }

    /** This report with one more note. */
    public Report withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new Report(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems,
                notEvaluated, files, more, threshold, configuration, date, scopes, tags, comparison);
    }

    /** This report compared with a previous one. */
    public Report withComparison(Comparison value) {
        return new Report(rules, findings, suppressed, baselined, staleBaselineEntries, baselineUsed, problems,
                notEvaluated, files, notes, threshold, configuration, date, scopes, tags, Optional.of(value));
    }

    /**
     * Active findings at or above the threshold; with a {@link Comparison#failOnNew() comparison that
     * fails on new findings only}, only the new ones.
     */
    public long failingCount() {
        return findings.stream().filter(f -> threshold.fails(f.severity())).filter(this::counts).count();
    }

    /** Whether the finding can fail the run: always, unless only new findings count and it is not new. */
    private boolean counts(Finding finding) {
        return comparison.map(c -> !c.failOnNew() || c.change(finding) == Change.NEW).orElse(true);
    }

    public boolean hasInternalErrors() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.INTERNAL_ERROR);
    }

    public boolean hasInputErrors() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.INPUT_ERROR);
    }

    /** Whether some rule could not judge part of its input. */
    public boolean hasEvaluationGaps() {
        return !notEvaluated.isEmpty();
    }

    /** Every exit code this run qualifies for; {@link #exitCode()} picks the one that wins. */
    public Set<ExitCodes.Code> applicableExitCodes() {
        Set<ExitCodes.Code> codes = EnumSet.of(ExitCodes.Code.OK);
        if (hasInternalErrors()) {
            codes.add(ExitCodes.Code.INTERNAL_ERROR);
        }
        if (hasInputErrors()) {
            codes.add(ExitCodes.Code.USAGE_ERROR);
        }
        if (failingCount() > 0) {
            codes.add(ExitCodes.Code.FINDINGS);
        }
        if (hasEvaluationGaps()) {
            codes.add(ExitCodes.Code.NOT_EVALUATED);
        }
        return codes;
    }

    /**
     * The exit code by {@link ExitCodes#decide precedence} ({@code 3 > 2 > 1 > 4 > 0}): 3 when
     * resilint or a rule failed, 2 when an input could not be read, 1 when findings reach the
     * threshold, 4 when rules could not judge part of their input, else 0.
     */
    public int exitCode() {
        return ExitCodes.decide(applicableExitCodes()).code();
    }

    public RuleMetadata rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in report"));
    }
}
