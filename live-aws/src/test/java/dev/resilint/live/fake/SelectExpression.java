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
 * {@code WHERE resourceType IN ('T', ...)}, keywords in any case, fields the configuration item's
 * top-level members ({@code *} for its metadata, as Config: every top-level member but
 * {@code configuration}, {@code supplementaryConfiguration}, {@code tags} and
 * {@code relationships}). Anything else is refused with {@code InvalidExpressionException}, and
 * listed in the fake's problems, so a test notices a query the fake does not understand.
 */
final class SelectExpression {

    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+WHERE\\s+resourceType\\s*(=\\s*'([^']*)'|IN\\s*\\(([^)]*)\\))\\s*;?\\s*");
    private static final Pattern FIELD = Pattern.compile("\\*|[A-Za-z]+");
    private static final Pattern QUOTED = Pattern.compile("\\s*'([^']*)'\\s*");
    private static final Set<String> NOT_IN_STAR = Set.of("configuration", "supplementaryConfiguration", "tags",
            "relationships");

    private final List<String> fields;
    private final List<String> types;

    private SelectExpression(List<String> fields, List<String> types) {
        this.fields = List.copyOf(fields);
        this.types = List.copyOf(types);
    }

    /** Parses an expression; {@link AwsError} {@code InvalidExpressionException} for what it does not take. */
    static SelectExpression parse(String expression) {
        Matcher m = SELECT.matcher(expression == null ? "" : expression);
        if (!m.matches()) {
            throw invalid(expression, "only SELECT fields WHERE resourceType = '...' or IN (...) is understood");
        }
        List<String> fields = new ArrayList<>();
        for (String f : m.group(1).split(",")) {
            String field = f.trim();
            if (!FIELD.matcher(field).matches()) {
                throw invalid(expression, "field '" + field + "' is not a top-level member or *");
            }
            fields.add(field);
        }
        List<String> types = new ArrayList<>();
        if (m.group(3) != null) {
            types.add(m.group(3));
        } else {
            for (String t : m.group(4).split(",")) {
                Matcher q = QUOTED.matcher(t);
                if (!q.matches()) {
                    throw invalid(expression, "IN list item " + t.trim() + " is not a quoted type");
                }
                types.add(q.group(1));
            }
        }
        return new SelectExpression(fields, types);
    }

    /** The resource types asked for. */
    List<String> types() {
        return types;
    }

    /** Whether the item is asked for. */
    boolean matches(Map<String, Object> item) {
        return types.contains(String.valueOf(item.get("resourceType")));
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
