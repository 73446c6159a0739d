package dev.resilint.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies suppressions to findings. A valid suppression whose scope covers a finding of its rule
 * marks the finding suppressed. An expired one stops suppressing, and the finding's message says
 * so. Invalid suppressions (unknown rule id, reason too short where one is required: resilint's
 * own template metadata and configuration) are reported as {@code RL01}
 * findings at the place they were written, and suppress nothing. Those RL01 findings are
 * themselves subject to the valid suppressions (a suppression of RL01 for vendored templates, say).
 */
public final class Suppressor {

    private final RuleCatalog catalog;
    private final LocalDate today;
    private final Severity invalidSeverity;

    public Suppressor(RuleCatalog catalog, LocalDate today, Severity invalidSeverity) {
        this.catalog = catalog;
        this.today = today;
        this.invalidSeverity = invalidSeverity;
    }

    /** The findings with suppressions applied, followed by any RL01 findings (suppressions applied too). */
    public List<Finding> apply(List<Finding> findings, List<Suppression> suppressions) {
        List<Suppression> valid = new ArrayList<>();
        List<Finding> invalid = new ArrayList<>();
        for (Suppression s : suppressions) {
            String problem = problemWith(s);
            if (problem == null) {
                valid.add(s);
            } else {
                invalid.add(Finding.of(CoreRules.INVALID_SUPPRESSION.id(), invalidSeverity, problem, s.origin(),
                        s.ruleId() + "/" + s.format().label()));
            }
        }
        List<Finding> result = new ArrayList<>(findings.size() + invalid.size());
        for (Finding f : findings) {
            result.add(applyTo(f, valid));
        }
        for (Finding f : invalid) {
            result.add(applyTo(f, valid)); // RL01 findings can be accepted like any other
        }
        return result;
    }

    private String problemWith(Suppression s) {
        if (catalog.findIgnoringCase(s.ruleId()).isEmpty()) {
            return "suppression names unknown rule id '" + s.ruleId() + "'; it suppresses nothing";
        }
        // @SuppressWarnings("resilint:CT01") has no place for a reason: like other tools' syntaxes it needs none
        boolean needsReason = s.format() == Suppression.Format.RESILINT_METADATA
                || s.format() == Suppression.Format.CONFIG || s.format() == Suppression.Format.RESOURCE_TAG;
        if (needsReason && s.reason().length() < Suppression.MIN_REASON_LENGTH) {
            return "suppression of " + s.ruleId() + " needs a reason of at least " + Suppression.MIN_REASON_LENGTH
                    + " characters; it suppresses nothing";
        }
        return null;
    }

    private Finding applyTo(Finding finding, List<Suppression> valid) {
        Suppression expired = null;
        for (Suppression s : valid) {
            if (!s.ruleId().equalsIgnoreCase(finding.ruleId()) || !s.scope().covers(finding.location())) {
                continue;
            }
            if (s.isExpired(today)) {
                expired = s;
                continue;
            }
            return finding.withSuppression(s);
        }
        if (expired != null) {
            return finding.withMessage(finding.message() + " (a suppression of " + expired.ruleId() + " at "
                    + expired.origin().display() + " expired on " + expired.expires().orElseThrow() + ")");
        }
        return finding;
    }
}
