package dev.resilint.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies suppressions to findings. A valid suppression whose scope covers a finding of its rule
 * marks the finding suppressed. An expired one stops suppressing, and the finding's message says
 * so. Invalid suppressions are reported as {@code RL01} findings at the place they were
 * written, and suppress nothing: an unknown rule id; a reason shorter than
 * {@link Suppression#MIN_REASON_LENGTH} in a form that has a place for one (resilint's template
 * metadata, configuration and resource tag, cfn_nag's {@code reason}, checkov's {@code comment});
 * cfn-lint's {@code ignore_checks}, which has no place for a reason at all; and any suppression of
 * RL01 itself. RL01 findings cannot be suppressed (nor baselined): a suppression that hides the
 * report of a broken suppression would make the broken one invisible. Only Java annotations,
 * whose reason is the end-of-line comment next to them, need no reason.
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
            result.add(f.ruleId().equals(CoreRules.INVALID_SUPPRESSION.id()) ? f : applyTo(f, valid));
        }
        for (Finding f : invalid) {
            result.add(f); // RL01 findings cannot be suppressed
        }
        return result;
    }

    private String problemWith(Suppression s) {
        if (catalog.findIgnoringCase(s.ruleId()).isEmpty()) {
            return "suppression names unknown rule id '" + s.ruleId() + "'; it suppresses nothing";
        }
        if (s.ruleId().equals(CoreRules.INVALID_SUPPRESSION.id())) {
            return CoreRules.INVALID_SUPPRESSION.id() + " cannot be suppressed: fix or remove the suppression it "
                    + "reports; this suppression suppresses nothing";
        }
        if (s.format() == Suppression.Format.CFN_LINT) {
            return "suppression of " + s.ruleId() + " in cfn-lint's ignore_checks has no place for a reason; "
                    + "suppress it under Metadata resilint suppress with an id and a reason of at least "
                    + Suppression.MIN_REASON_LENGTH + " characters; it suppresses nothing";
        }
        // @SuppressWarnings("resilint:CT01") has no place for a reason: its end-of-line comment is the reason
        boolean needsReason = s.format() != Suppression.Format.ANNOTATION;
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
