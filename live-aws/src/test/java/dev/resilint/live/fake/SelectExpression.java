package dev.resilint.live.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of AWS Config's advanced query language ({@code SelectAggregateResourceConfig}'s
 * {@code Expression}) the fake interprets: {@code SELECT field, ... WHERE resourceType = 'T'} and
 * {@code WHERE resourceType IN ('T', ...)}, optionally {@code AND accountId = 'A'} or
 * {@code AND accountId IN ('A', ...)}, keywords in any case, fields the configuration item's
 * top-level members ({@code *} for its metadata, as Config: every top-level member but
 * {@code configuration}, {@code supplementaryConfiguration}, {@code tags} and
 * {@code relationships}); and one aggregation, the form of the API reference's example
 * ({@code SELECT resourceId, COUNT(*) WHERE resourceType = 'AWS::IAM::Role' GROUP BY resourceId}):
 * {@code SELECT accountId, COUNT(*) WHERE ... GROUP BY accountId}, one row per account with items.
 * Anything else is refused with {@code InvalidExpressionException}, and listed in the fake's
 * problems, so a test notices a query the fake does not understand.
 */
final class SelectExpression {

    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+WHERE\\s+resourceType\\s*(=\\s*'([^']*)'|IN\\s*\\(([^)]*)\\))"
                    + "(?:\\s+AND\\s+accountId\\s*(=\\s*'([^']*)'|IN\\s*\\(([^)]*)\\)))?"
                    + "(\\s+GROUP\\s+BY\\s+accountId)?\\s*;?\\s*");
    private static final String COUNT = "COUNT(*)";
    private static final Pattern FIELD = Pattern.compile("\\*|[A-Za-z]+");
    private static final Pattern QUOTED = Pattern.compile("\\s*'([^']*)'\\s*");
    private static final Set<String> NOT_IN_STAR = Set.of("configuration", "supplementaryConfiguration", "tags",
            "relationships");

    private final List<String> fields;
    private final List<String> types;
    private final List<String> accounts; // empty: every account
    private final boolean byAccount;

    private SelectExpression(List<String> fields, List<String> types, List<String> accounts, boolean byAccount) {
        this.fields = List.copyOf(fields);
        this.types = List.copyOf(types);
        this.accounts = List.copyOf(accounts);
        this.byAccount = byAccount;
    }

    /** Parses an expression; {@link AwsError} {@code InvalidExpressionException} for what it does not take. */
    static SelectExpression parse(String expression) {
        Matcher m = SELECT.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw invalid(expression, "only SELECT fields WHERE resourceType = '...' or IN (...) is understood");
        }
        boolean byAccount = m.group(8) != null;
        List<String> fields = new ArrayList<>();
        for (String f : m.group(1).split(",")) {
            String field = f.trim();
            if (byAccount && (field.equals("accountId") || field.replace(" ", "").equalsIgnoreCase(COUNT))) {
                fields.add(field.equals("accountId") ? field : COUNT);
                continue;
            }
            if (byAccount || !FIELD.matcher(field).matches()) {
                throw invalid(expression, "field '" + field + "' is not a top-level member or *"
                        + (byAccount ? " (GROUP BY accountId takes accountId and COUNT(*) only)" : ""));
            }
            fields.add(field);
        }
        if (byAccount && !new java.util.HashSet<>(fields).equals(Set.of("accountId", COUNT))) {
            throw invalid(expression, "GROUP BY accountId takes accountId and COUNT(*)");
        }
        List<String> types = m.group(3) != null ? List.of(m.group(3)) : quoted(expression, m.group(4));
        List<String> accounts = m.group(6) != null ? List.of(m.group(6))
                : m.group(7) != null ? quoted(expression, m.group(7)) : List.of();
        return new SelectExpression(fields, types, accounts, byAccount);
    }

    private static List<String> quoted(String expression, String list) {
        List<String> values = new ArrayList<>();
        for (String t : list.split(",")) {
            Matcher q = QUOTED.matcher(t);
            if (!q.matches()) {
                throw invalid(expression, "IN list item " + t.trim() + " is not a quoted string");
            }
            values.add(q.group(1));
        }
        return values;
    }

    /** Whether the expression groups by account ({@link #rows}), not selecting items. */
    boolean groupsByAccount() {
        return byAccount;
    }

    /** The rows of the aggregation: for each account with matching items, its id and their count. */
    List<Map<String, Object>> rows(List<Map<String, Object>> items) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        items.stream().filter(this::matches).forEach(i -> counts.merge(String.valueOf(i.get("accountId")), 1, Integer::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((account, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            fields.forEach(f -> row.put(f, f.equals(COUNT) ? (Object) n : account));
            rows.add(row);
        });
        return rows;
    }

    /** The resource types asked for. */
    List<String> types() {
        return types;
    }

    /** Whether the item is asked for. */
    boolean matches(Map<String, Object> item) {
        return types.contains(String.valueOf(item.get("resourceType")))
                && (accounts.isEmpty() || accounts.contains(String.valueOf(item.get("accountId"))));
    }

    /** The selected members of the item, in the order selected. */
    Map<String, Object> project(Map<String, Object> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            if (field.equals("*")) {
                item.forEach((k, v) -> {
                    if (!NOT_IN_STAR.contains(k)) {
                        out.putIfAbsent(k, v);
                    }
                });
            } else if (item.containsKey(field)) {
                out.put(field, item.get(field));
            }
        }
        return out;
    }

    private static AwsError invalid(String expression, String why) {
        return new AwsError("InvalidExpressionException", 400, "The expression is not valid: " + why + ": "
                + String.valueOf(expression).strip());
    }
}
