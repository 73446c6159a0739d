package dev.resilint.live.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages a list of items by an operation's {@link Paging}: reads the input token and the limit, answers one
 * page under the result key and, when more remain, the next token under the output token. Tokens are
 * opaque (DynamoDB's ListTables token is the last table name, as the service does). A page holds
 * {@code min(limit, pageSize)} items, so tests cross pages whatever limit a collector asks for.
 */
final class Pager {
    /** SQS ListQueues answers up to this many queues, and no token, when MaxResults is not set. */
    private static final int SQS_UNLIMITED = 1000;

    private Pager() {
    }

    /** How the fault injection bends this page. */
    record Bends(boolean repeatToken, boolean emptyPageFirst) {
        static final Bends NONE = new Bends(false, false);
    }

    static Map<String, Object> page(OperationModel op, Paging paging, List<Object> items, Map<String, Object> input,
                                    int pageSize, Bends bends) {
        Map<String, Object> output = new LinkedHashMap<>();
        if (!paging.pages()) {
            Trees.put(output, paging.resultKey(), new ArrayList<>(items));
            return output;
        }
        Object tokenIn = input.get(paging.inputToken());
        int offset = 0;
        boolean emptyServed = false;
        if (tokenIn != null) {
            if (paging.lastItemToken()) {
                int index = items.indexOf(tokenIn);
                if (index < 0) {
                    throw invalidToken(op, tokenIn);
                }
                offset = index + 1;
            } else {
                Position position = decode(op, tokenIn.toString());
                offset = Math.min(position.offset, items.size());
                emptyServed = position.emptyServed;
            }
        }
        Integer limit = paging.limitKey() == null ? null : number(input.get(paging.limitKey()));
        boolean unlimited = paging.tokenOnlyWithLimit() && limit == null;
        int size = unlimited ? SQS_UNLIMITED : limit != null && limit > 0 ? Math.min(limit, pageSize) : pageSize;
        List<Object> page;
        String next;
        boolean more;
        if (bends.emptyPageFirst() && !emptyServed && offset < items.size()) {
            page = List.of();
            next = encode(op, offset, true);
            more = true;
        } else {
            int end = Math.min(offset + size, items.size());
            page = new ArrayList<>(items.subList(offset, end));
            more = end < items.size() && !unlimited;
            if (!more) {
                next = null;
            } else if (paging.lastItemToken()) {
                next = String.valueOf(items.get(end - 1));
            } else {
                next = encode(op, end, false);
            }
            if (bends.repeatToken()) {
                next = tokenIn != null ? tokenIn.toString() : encode(op, end, false);
                more = true;
            }
        }
        Trees.put(output, paging.resultKey(), page);
        if (next != null) {
            Trees.put(output, paging.outputToken(), next);
        }
        if (paging.moreResults() != null) {
            Trees.put(output, paging.moreResults(), more);
        }
        decorateListWrapper(op, paging, output, page.size(), size, tokenIn);
        return output;
    }

    /**
     * CloudFront wraps a page in a structure with required {@code Quantity}, {@code MaxItems},
     * {@code Marker} and {@code IsTruncated} members: fill those the page sets.
     */
    private static void decorateListWrapper(OperationModel op, Paging paging, Map<String, Object> output, int count,
                                            int size, Object tokenIn) {
        int dot = paging.resultKey().lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String parent = paging.resultKey().substring(0, dot);
        Shape wrapper = Trees.shapeAt(op.output(), parent);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) Trees.get(output, parent);
        if (wrapper.member("Quantity") != null) {
            values.putIfAbsent("Quantity", count);
        }
        if (wrapper.member("MaxItems") != null) {
            values.putIfAbsent("MaxItems", size);
        }
        if (wrapper.member("Marker") != null) {
            values.putIfAbsent("Marker", tokenIn == null ? "" : tokenIn.toString());
        }
        if (wrapper.member("IsTruncated") != null) {
            values.putIfAbsent("IsTruncated", values.containsKey("NextMarker"));
        }
    }

    private static Integer number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record Position(int offset, boolean emptyServed) {
    }

    private static String encode(OperationModel op, int offset, boolean emptyServed) {
        String plain = "fake-page:" + op.service().id() + "/" + op.name() + ":" + offset + (emptyServed ? ":e" : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Position decode(OperationModel op, String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidToken(op, token);
        }
        String prefix = "fake-page:" + op.service().id() + "/" + op.name() + ":";
        if (!plain.startsWith(prefix)) {
            throw invalidToken(op, token);
        }
        String[] rest = plain.substring(prefix.length()).split(":");
        try {
            return new Position(Integer.parseInt(rest[0]), rest.length > 1 && rest[1].equals("e"));
        } catch (NumberFormatException e) {
            throw invalidToken(op, token);
        }
    }

    private static AwsError invalidToken(OperationModel op, Object token) {
        String code = op.service().protocol().isForm() ? "InvalidParameterValue" : "ValidationException";
        return new AwsError(code, 400, "Invalid pagination token '" + token + "' for " + op.name());
    }
}
