package dev.resilint.core.report;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.ResourceTags;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How reports split their findings into sections, one per owner ({@code --group-by}): by the
 * value of a resource tag ({@code tag:owner}; keys are case-sensitive, as in AWS), by AWS account,
 * by region, or by rule. What has no value forms a group of its own, named in parentheses so that it
 * cannot be mistaken for a tag value: {@code (no owner tag)}, {@code (owner tag unknown)} (its tags
 * could not be read), {@code (no account)} (a template or code finding), {@code (no region)}.
 *
 * @param kind what to group by
 * @param tagKey the tag key for {@link Kind#TAG}, else the empty string
 */
public record GroupBy(Kind kind, String tagKey) {

    /** What findings are grouped by. */
    public enum Kind {
        TAG, ACCOUNT, REGION, RULE
    }

    /** Named groups in order, then the groups without a value (in parentheses). */
    public static final Comparator<String> ORDER = Comparator.comparing((String g) -> isNoValue(g))
            .thenComparing(Comparator.naturalOrder());

    public GroupBy {
        Objects.requireNonNull(kind, "kind");
        tagKey = tagKey == null ? "" : tagKey;
        if ((kind == Kind.TAG) == tagKey.isEmpty()) {
            throw new IllegalArgumentException("a tag key goes with tag grouping only");
        }
    }

    /**
     * Parses {@code tag:KEY}, {@code account}, {@code region} or {@code rule}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static GroupBy parse(String text) {
        if (text.startsWith("tag:")) {
            String key = text.substring("tag:".length());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' names no tag key: give tag:KEY, e.g. tag:owner");
            }
            return new GroupBy(Kind.TAG, key);
        }
        return switch (text) {
            case "account" -> new GroupBy(Kind.ACCOUNT, "");
            case "region" -> new GroupBy(Kind.REGION, "");
            case "rule" -> new GroupBy(Kind.RULE, "");
            default -> throw new IllegalArgumentException("'" + text + "' is not tag:KEY, account, region or rule");
        };
    }

    /** As {@code --group-by} takes it: {@code tag:owner}, {@code account}, ... */
    public String label() {
        return kind == Kind.TAG ? "tag:" + tagKey : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether {@code group} is one of the groups without a value, such as {@code (no owner tag)}. */
    public static boolean isNoValue(String group) {
        return group.startsWith("(") && group.endsWith(")");
    }

    /** A section heading: {@code owner: team-a}, {@code account 111122223333}, {@code rule AZ01}. */
    public String heading(String group) {
        if (isNoValue(group)) {
            return group;
        }
        return switch (kind) {
            case TAG -> tagKey + ": " + group;
            case ACCOUNT -> "account " + group;
            case REGION -> "region " + group;
            case RULE -> "rule " + group;
        };
    }

    /** The group of this run's finding, whose resource's tags are in {@code tags}. */
    public String groupOf(Finding finding, ResourceTags tags) {
        Location location = finding.location();
        return switch (kind) {
            case TAG -> tags.unread(location) ? unknownTag() : tagGroup(tags.of(location).orElse(Map.of()));
            case ACCOUNT -> location instanceof Location.Live l && !l.account().isEmpty() ? l.account() : "(no account)";
            case REGION -> location instanceof Location.Live l && !l.region().isEmpty() ? l.region() : "(no region)";
            case RULE -> finding.ruleId();
        };
    }

    /**
     * The group of a previous report's finding (fixed or not re-checked): by its resource's tags as
     * this run read them (when another finding is about the same resource), else by the group the
     * previous report gave it when that report was grouped the same way, else {@code (KEY tag unknown)}.
     */
    public String groupOfPrevious(Finding finding, ResourceTags tags, Comparison comparison) {
        if (kind != Kind.TAG || tags.recorded(finding.location())) {
            return groupOf(finding, tags);
        }
        Optional<String> before = comparison.previousGroupBy().filter(label()::equals)
                .map(b -> comparison.previousGroups().get(finding.fingerprint()));
        return before.orElse(unknownTag());
    }

    private String tagGroup(Map<String, String> tags) {
        String value = tags.get(tagKey);
        if (value == null) {
            return "(no " + tagKey + " tag)";
        }
        return value.isEmpty() ? "(empty " + tagKey + " tag)" : value;
    }

    private String unknownTag() {
        return "(" + tagKey + " tag unknown)";
    }
}
