package dev.resilint.core;

import java.util.List;

/** Rules that belong to resilint itself rather than to a source: they judge resilint's own inputs. */
public final class CoreRules {

    private CoreRules() {
    }

    /** RL01: a suppression that cannot be honoured. */
    public static final RuleMetadata INVALID_SUPPRESSION = RuleMetadata.builder("RL01", "InvalidSuppression")
            .severity(Severity.WARNING)
            .summary("A suppression names an unknown rule, gives no reason of at least 10 characters, "
                    + "or cannot be read.")
            .rationale("A suppression is a recorded decision to accept a risk. Without a reason nobody can "
                    + "review that decision later, and a suppression of a rule id that does not exist hides "
                    + "nothing while looking as if it does (usually a typo in the id). Every form with a place for "
                    + "a reason needs one (only Java annotations, whose end-of-line comment is the reason, do "
                    + "not); cfn-lint's `ignore_checks`, which has none, is reported. RL01 itself cannot be "
                    + "suppressed or baselined: hiding the report of a broken suppression would hide the broken "
                    + "suppression.")
            .remediation("Name an existing rule id (see `resilint rules`), write why the finding is "
                    + "acceptable in at least 10 characters, and give `expires` as a date like 2027-03-31.")
            .wellArchitected("REL12-BP01")
            .tags("meta")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE, SourceKind.CODE)
            .build();

    public static List<RuleMetadata> all() {
        return List.of(INVALID_SUPPRESSION);
    }
}
