package dev.resilint.live.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the form-encoded requests of the EC2 and AWS query protocols back into input trees, inverting the
 * SDK's query marshaller: a member at {@code Parent.locationName}; a list element at {@code List.N} in EC2
 * (which always flattens inputs) and for flattened query lists, else at {@code List.<member>.N}; a map
 * entry at {@code Map.entry.N.key}/{@code .value}; an explicitly empty list as {@code List=}.
 */
final class WireForm {
    private final NavigableMap<String, String> params;
    private final boolean ec2;

    private WireForm(NavigableMap<String, String> params, boolean ec2) {
        this.params = params;
        this.ec2 = ec2;
    }

    /** The decoded parameters of a form body or query string. */
    static NavigableMap<String, String> parse(String encoded) {
        NavigableMap<String, String> params = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The input tree of the form's parameters for this input shape. */
    static Map<String, Object> read(Shape input, NavigableMap<String, String> params, boolean ec2) {
        return new WireForm(params, ec2).structure(input, null);
    }

    private Map<String, Object> structure(Shape shape, String prefix) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Shape.Member member : shape.members().values()) {
            String path = prefix == null ? member.locationName() : prefix + "." + member.locationName();
            Object value = value(member, path);
            if (value != null) {
                tree.put(member.name(), value);
            }
        }
        return tree;
    }

    private Object value(Shape.Member member, String path) {
        Shape shape = member.shape();
        switch (shape.kind()) {
            case STRUCTURE:
                return present(path) ? structure(shape, path) : null;
            case LIST: {
                if ("".equals(params.get(path))) {
                    return new ArrayList<>();
                }
                List<Object> list = new ArrayList<>();
                for (int i = 1; ; i++) {
                    String itemPath = ec2 || shape.flattened() ? path + "." + i
                                                               : path + "." + shape.element().locationName() + "." + i;
                    if (!present(itemPath)) {
                        break;
                    }
                    list.add(value(shape.element(), itemPath));
                }
                return list.isEmpty() ? null : list;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 1; ; i++) {
                    String entryPath = shape.flattened() ? path + "." + i : path + ".entry." + i;
                    String key = params.get(entryPath + "." + shape.keyName());
                    if (key == null) {
                        break;
                    }
                    map.put(key, value(shape.element(), entryPath + "." + shape.valueName()));
                }
                return map.isEmpty() ? null : map;
            }
            default: {
                String text = params.get(path);
                return text == null ? null : Trees.normalize(shape, text, path);
            }
        }
    }

    private boolean present(String path) {
        if (params.containsKey(path)) {
            return true;
        }
        String next = params.ceilingKey(path + ".");
        return next != null && next.startsWith(path + ".");
    }
}
