package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run judged, so that a previous finding that no longer occurs can be told <em>fixed</em>
 * (its rule judged its place again and did not find it) from <em>not re-checked</em>. A previous
 * finding was re-checked only when all of these hold:
 *
 * <ul>
 *   <li>its rule ran ({@link Report#rules()});
 *   <li>its place was judged: the template or source file was analyzed ({@link Report#files()}), or the
 *       account and region were scanned ({@link Report#scopes()});
 *   <li>its rule has no evaluation gap there, neither in the scope (any resource type, any
 *       resource: a rule that could not read one type may have missed a finding on another) nor for
 *       the whole account ({@code account/*}, a role that could not be assumed);
 *   <li>no problem concerns the place: an input error in the file, or a failure of the rule (or of
 *       resilint) there.
 * </ul>
 *
 * When in doubt it says "not re-checked": a problem must never be reported gone because the data
 * that showed it could not be read.
 */
final class Coverage {

    private final Set<String> rules = new HashSet<>();
    private final Set<String> judged = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();
    private final List<NotEvaluated> gaps;
    private final List<Problem> problems;

    private Coverage(Report report) {
        report.rules().stream().map(RuleMetadata::id).forEach(rules::add);
        judged.addAll(report.files());
        judged.addAll(report.scopes());
        for (String scope : report.scopes()) {
            int slash = scope.indexOf('/');
            if (slash > 0) {
                accounts.add(scope.substring(0, slash));
            }
        }
        gaps = report.notEvaluated();
        problems = report.problems();
    }

    /** What {@code report} judged. */
    static Coverage of(Report report) {
        return new Coverage(report);
    }

    /**
     * The scope a location lies in, as gaps and problems name it: the template file, the live
     * resource's {@code account/region}, the source file of code (or its class when no source file
     * is known).
     */
    static String scopeOf(Location location) {
        if (location instanceof Location.Live l) {
            return l.account() + "/" + l.region();
        }
        if (location instanceof Location.Code c && c.file().isEmpty()) {
            return c.className();
        }
        return location.file();
    }

    /** Why this run did not judge again what {@code previous} is about; empty when it did. */
    Optional<String> notRechecked(Finding previous) {
        String rule = previous.ruleId();
        if (!rules.contains(rule)) {
            return Optional.of(rule + " did not run this time");
        }
        String scope = scopeOf(previous.location());
        String account = previous.location() instanceof Location.Live l ? l.account() : "";
        for (NotEvaluated gap : gaps) {
            if (gap.ruleId().equals(rule) && (gap.scope().equals(scope) || gap.scope().equals(account + "/*"))) {
                return Optional.of(rule + " was not evaluated in " + display(gap.scope()) + ": "
                        + (gap.resourceType().equals("*") ? "" : gap.resourceType() + " ")
                        + gap.reason().label() + (gap.detail().isEmpty() ? "" : " (" + gap.detail() + ")"));
            }
        }
        for (Problem p : problems) {
            boolean here = p.file().isEmpty() || p.file().equals(scope);
            boolean thisRule = p.ruleId().isEmpty() || p.ruleId().equals(rule);
            if (here && thisRule) {
                return Optional.of((p.file().isEmpty() ? "" : display(scope) + ": ")
                        + (p.kind() == Problem.Kind.INTERNAL_ERROR ? "internal error: " : "input error: ") + p.message());
            }
        }
        if (!judged.contains(scope)) {
            return Optional.of(display(scope) + (previous.location() instanceof Location.Live
                    ? " was not scanned this time" : " was not analyzed this time"));
        }
        return Optional.empty();
    }

    /**
     * Whether this run judged {@code scope} (a gap's scope): a file or {@code account/region} it read,
     * or, for {@code account/*}, some region of the account.
     */
    boolean judged(String scope) {
        if (scope.endsWith("/*")) {
            return accounts.contains(scope.substring(0, scope.length() - 2));
        }
        return judged.contains(scope);
    }

    /** {@code 111122223333/eu-west-1} as {@code 111122223333 eu-west-1}; files as they are. */
    private static String display(String scope) {
        return new NotEvaluatedGroup(scope, "", "", NotEvaluated.Reason.ERROR, "", List.of()).scopeDisplay();
    }
}
