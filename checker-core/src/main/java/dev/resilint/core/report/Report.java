package dev.resilint.core.report;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.baseline.Baseline;
import java.util.List;

/**
 * The outcome of a run, which every reporter renders. Nothing is lost: suppressed and baselined
 * findings are kept apart from the active ones, and problems (unreadable inputs, rules that
 * failed) are listed.
 *
 * @param rules the rules that ran, sorted by id
 * @param findings active findings: neither suppressed nor baselined, in deterministic order
 * @param suppressed findings accepted by a suppression
 * @param baselined findings hidden because the baseline knows them
 * @param staleBaselineEntries baseline entries that no longer occur (fixed)
 * @param baselineUsed whether a baseline was given
 * @param problems input and internal errors
 * @param files the input files analyzed, sorted
 * @param notes verbose-only remarks (skipped files and why)
 * @param threshold from which severity findings fail the run
 */
public record Report(List<RuleMetadata> rules, List<Finding> findings, List<Finding> suppressed,
        List<Finding> baselined, List<Baseline.Entry> staleBaselineEntries, boolean baselineUsed,
        List<Problem> problems, List<String> files, List<String> notes, FailThreshold threshold) {

    public Report {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        baselined = List.copyOf(baselined);
        staleBaselineEntries = List.copyOf(staleBaselineEntries);
        problems = List.copyOf(problems);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** Active findings at or above the threshold. */
    public long failingCount() {
        return findings.stream().filter(f -> threshold.fails(f.severity())).count();
    }

    public boolean hasInternalErrors() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.INTERNAL_ERROR);
    }

    public boolean hasInputErrors() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.INPUT_ERROR);
    }

    /**
     * 3 when resilint or a rule failed, 2 when an input could not be read, 1 when findings reach
     * the threshold, else 0.
     */
    public int exitCode() {
        if (hasInternalErrors()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        if (hasInputErrors()) {
            return ExitCodes.USAGE_ERROR;
        }
        return failingCount() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    public RuleMetadata rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in report"));
    }
}
