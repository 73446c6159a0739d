package dev.resilint.infra;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Test helpers that look at node trees as plain values. */
public final class Nodes {

    private Nodes() {
    }

    /**
     * The node as plain Java values: a map becomes a {@link LinkedHashMap} (document order, but
     * {@code equals} ignores order), a list a {@link List}, and every scalar its text, because
     * CloudFormation treats numbers, booleans and null as strings ({@code 5}, {@code "5"} and
     * {@code 5.0} stay distinct; null is the empty string). Marks and tags are ignored.
     */
    public static Object toPlain(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (MapNode.Entry e : map.entries()) {
                out.put(e.key(), toPlain(e.value()));
            }
            return out;
        }
        if (node instanceof ListNode list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Node item : list.items()) {
                out.add(toPlain(item));
            }
            return out;
        }
        return ((ScalarNode) node).text();
    }

    /** One place where two plain values differ: a slash-separated path and what differs there. */
    public record Difference(String path, String detail) {
        @Override
        public String toString() {
            return path + ": " + detail;
        }
    }

    /**
     * Every place where two plain values differ, deepest first reached, in the left value's order.
     * Map keys are compared as sets; a key on one side only is one difference at its path; lists of
     * different lengths are one difference at the list.
     */
    public static List<Difference> differences(String path, Object left, Object right) {
        List<Difference> out = new ArrayList<>();
        collect(path, left, right, out);
        return out;
    }

    private static void collect(String path, Object left, Object right, List<Difference> out) {
        if (Objects.equals(left, right)) {
            return;
        }
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            for (Object key : l.keySet()) {
                if (r.containsKey(key)) {
                    collect(path + "/" + key, l.get(key), r.get(key), out);
                } else {
                    out.add(new Difference(path + "/" + key, "only on the left"));
                }
            }
            for (Object key : r.keySet()) {
                if (!l.containsKey(key)) {
                    out.add(new Difference(path + "/" + key, "only on the right"));
                }
            }
            return;
        }
        if (left instanceof List<?> l && right instanceof List<?> r && l.size() == r.size()) {
            for (int i = 0; i < l.size(); i++) {
                collect(path + "/" + i, l.get(i), r.get(i), out);
            }
            return;
        }
        out.add(new Difference(path, abbreviate(left) + " != " + abbreviate(right)));
    }

    private static String abbreviate(Object value) {
        String s = value instanceof String str ? "'" + str.replace("\n", "\\n") + "'" : String.valueOf(value);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
