package dev.resilint.core.report;

import dev.resilint.core.NotEvaluated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluation gaps as reports show them: one entry per scope, resource type, subject, reason and
 * detail, listing every rule that was not evaluated there. One unreadable type in one region
 * usually stops several rules; this keeps that one line.
 *
 * @param scope a template file, or {@code account/region} for a live scan
 * @param resourceType the resource type whose data is missing
 * @param subject the one resource concerned (its ARN), or the empty string for the whole type
 * @param reason why the data is missing
 * @param detail what happened, or the empty string
 * @param rules the ids of the rules not evaluated, sorted
 */
public record NotEvaluatedGroup(String scope, String resourceType, String subject, NotEvaluated.Reason reason,
        String detail, List<String> rules) {

    private static final Pattern LIVE_SCOPE = Pattern.compile("(\\d{12})/([a-z]{2}(?:-[a-z0-9]+)+|global|\\*)");

    /** An AWS account and region, the scope of a live scan. */
    public record AccountRegion(String account, String region) {
    }

    public NotEvaluatedGroup {
        rules = List.copyOf(rules);
    }

    /** Groups gaps; the groups come in the order of {@link Report#NOT_EVALUATED_ORDER}. */
    public static List<NotEvaluatedGroup> of(List<NotEvaluated> gaps) {
        Map<List<Object>, TreeSet<String>> rulesByKey = new LinkedHashMap<>();
        for (NotEvaluated gap : gaps.stream().sorted(Report.NOT_EVALUATED_ORDER).toList()) {
            List<Object> key = List.of(gap.scope(), gap.resourceType(), gap.subject(), gap.reason(), gap.detail());
            rulesByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(gap.ruleId());
        }
        List<NotEvaluatedGroup> groups = new ArrayList<>();
        rulesByKey.forEach((key, rules) -> groups.add(new NotEvaluatedGroup((String) key.get(0), (String) key.get(1),
                (String) key.get(2), (NotEvaluated.Reason) key.get(3), (String) key.get(4), List.copyOf(rules))));
        return groups;
    }

    /** The scope as reports show it: {@code 111122223333 eu-west-1}, the file, or {@code 111122223333 (every region)}. */
    public String scopeDisplay() {
        return accountRegion().map(a -> a.account() + " " + (a.region().equals("*") ? "(every region)" : a.region()))
                .orElse(scope);
    }

    /** One line: where, what type (and resource), why, which rules; the detail follows. */
    public String display() {
        StringBuilder sb = new StringBuilder(scopeDisplay()).append("  ")
                .append(resourceType.equals("*") ? "every resource type" : resourceType);
        if (!subject.isEmpty()) {
            sb.append(' ').append(subject);
        }
        sb.append("  ").append(reason.label()).append("  ").append(String.join(", ", rules));
        if (!detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    /** The account and region when the scope is {@code account/region} (a live scan), else empty. */
    public Optional<AccountRegion> accountRegion() {
        Matcher m = LIVE_SCOPE.matcher(scope);
        return m.matches() ? Optional.of(new AccountRegion(m.group(1), m.group(2))) : Optional.empty();
    }
}
