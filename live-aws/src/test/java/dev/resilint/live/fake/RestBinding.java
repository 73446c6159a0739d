package dev.resilint.live.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP bindings of the REST protocols: which operation a method and path are (the model's
 * {@code http.method} and {@code http.requestUri}, with {@code {Label}} and greedy {@code {Label+}}
 * segments), the input members bound to the URI, the query string and headers, and the output members
 * bound to headers.
 */
final class RestBinding {
    private RestBinding() {
    }

    /** A matched operation and the values of its URI labels. */
    record Match(OperationModel operation, Map<String, String> labels) {
    }

    /** The operation among {@code candidates} whose method and URI template match best, or null. */
    static Match route(List<OperationModel> candidates, String method, String rawPath) {
        return route(candidates, method, rawPath, null);
    }

    /**
     * The operation among {@code candidates} whose method and URI template match best, or null. A template's
     * query literals ({@code /{Bucket}?versioning}, S3's way of telling operations on one path apart) must
     * all be in the request's query string, and each counts as a matched literal.
     */
    static Match route(List<OperationModel> candidates, String method, String rawPath, String rawQuery) {
        Match best = null;
        int bestScore = -1;
        List<String> path = segments(rawPath);
        Map<String, List<String>> query = parseQuery(rawQuery);
        for (OperationModel op : candidates) {
            if (!op.httpMethod().equalsIgnoreCase(method)) {
                continue;
            }
            String template = op.requestUri();
            int mark = template.indexOf('?');
            List<String> parts = segments(mark < 0 ? template : template.substring(0, mark));
            Map<String, String> labels = new LinkedHashMap<>();
            int score = match(parts, path, labels);
            if (score >= 0 && mark >= 0) {
                for (String literal : parseQuery(template.substring(mark + 1)).keySet()) {
                    score = query.containsKey(literal) ? score + 1 : -1;
                    if (score < 0) {
                        break;
                    }
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = new Match(op, labels);
            }
        }
        return best;
    }

    /**
     * The operation of S3 ({@code forcePathStyle}) that a method, path and query are: the path's first
     * segment is the bucket, which the SDK's endpoint rules put there rather than the operation's
     * {@code requestUri} ({@code ?versioning} for {@code GET /{Bucket}?versioning}); an operation with a
     * {@code Bucket} URI member routes only a path with a bucket, and the bucket is its label.
     */
    static Match routePathStyle(List<OperationModel> candidates, String method, String rawPath, String rawQuery) {
        String path = rawPath == null ? "" : rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = path.indexOf('/');
        String bucket = path.isEmpty() ? null : decode(slash < 0 ? path : path.substring(0, slash));
        String rest = bucket == null || slash < 0 ? "/" : path.substring(slash);
        List<OperationModel> fitting = candidates.stream().filter(op -> bucketInPath(op) == (bucket != null)).toList();
        Match match = route(fitting, method, rest, rawQuery);
        if (match == null || bucket == null) {
            return match;
        }
        Map<String, String> labels = new LinkedHashMap<>(match.labels());
        labels.put("Bucket", bucket);
        return new Match(match.operation(), labels);
    }

    /** Whether the operation's input has S3's {@code Bucket} URI member. */
    static boolean bucketInPath(OperationModel op) {
        Shape.Member bucket = op.input().member("Bucket");
        return bucket != null && bucket.location() == Shape.Location.PATH;
    }

    private static int match(List<String> template, List<String> path, Map<String, String> labels) {
        int literals = 0;
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= path.size()) {
                    return -1;
                }
                labels.put(part.substring(1, part.length() - 2), decode(String.join("/", path.subList(i, path.size()))));
                return literals;
            }
            if (i >= path.size()) {
                return -1;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                labels.put(part.substring(1, part.length() - 1), decode(path.get(i)));
            } else if (part.equals(path.get(i))) {
                literals++;
            } else {
                return -1;
            }
        }
        return template.size() == path.size() ? literals : -1;
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Adds the input members bound to the URI, the query string and headers to {@code tree}. */
    static void readBound(Shape input, Map<String, String> labels, Map<String, List<String>> query,
                          Map<String, List<String>> headers, Map<String, Object> tree) {
        for (Shape.Member member : input.members().values()) {
            Object value = null;
            switch (member.location()) {
                case PATH, GREEDY_PATH -> value = labels.get(member.locationName());
                case QUERY -> {
                    List<String> values = query.get(member.locationName());
                    if (values != null) {
                        value = member.shape().kind() == Shape.Kind.LIST ? values : values.get(0);
                    }
                }
                case HEADER -> {
                    List<String> values = headers.get(member.locationName().toLowerCase(java.util.Locale.ROOT));
                    if (values != null) {
                        value = values.get(0);
                    }
                }
                default -> {
                }
            }
            if (value != null) {
                tree.put(member.name(), Trees.normalize(member.shape(), value, member.name()));
            }
        }
    }

    /** The output members bound to headers, as response headers. */
    static Map<String, String> headers(Shape output, Map<String, Object> tree) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Shape.Member member : output.members().values()) {
            Object value = tree.get(member.name());
            if (value != null && member.location() == Shape.Location.HEADER) {
                headers.put(member.locationName(), WireValues.text(member, value, Shape.TimestampFormat.RFC_822));
            }
        }
        return headers;
    }

    /** The output member bound to the status code, if set. */
    static Integer status(Shape output, Map<String, Object> tree) {
        for (Shape.Member member : output.members().values()) {
            if (member.location() == Shape.Location.STATUS_CODE && tree.get(member.name()) instanceof Number n) {
                return n.intValue();
            }
        }
        return null;
    }

    /** The query string's parameters, decoded, in order. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
