package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging of possibilities: the values a node may have under unknown conditions or parameters,
 * collapsed to one when they agree and capped at {@value #MAX_POSSIBILITIES}.
 */
final class Possibilities {

    static final int MAX_POSSIBILITIES = 16;

    private Possibilities() {
    }

    /** One value from several possibilities: the single one when they are all equal. */
    static Value merge(List<Value> options) {
        Map<String, Value> distinct = new LinkedHashMap<>();
        for (Value v : options) {
            for (Value p : v.possibilities()) {
                distinct.putIfAbsent(key(p), p); // equal values written at different places are one
            }
        }
        if (distinct.size() == 1) {
            return distinct.values().iterator().next();
        }
        if (distinct.size() > MAX_POSSIBILITIES) {
            return Value.unknown(Reason.TOO_COMPLEX, "more than " + MAX_POSSIBILITIES + " possibilities");
        }
        return new Value.OneOf(new ArrayList<>(distinct.values()));
    }

    /** A structural identity of a value that ignores positions. */
    private static String key(Value v) {
        if (v instanceof Value.Known k) {
            StringBuilder sb = new StringBuilder("K");
            appendKey(k.node(), sb, 0);
            return sb.toString();
        }
        if (v instanceof Value.Unknown u) {
            return "U" + u.reason() + "\u0000" + u.detail();
        }
        return "A";
    }

    private static void appendKey(Node node, StringBuilder sb, int depth) {
        if (depth > 100 || sb.length() > 100_000) {
            sb.append('@').append(System.identityHashCode(node));
            return;
        }
        if (node instanceof ScalarNode s) {
            sb.append('s').append(s.tag()).append('\u0001').append(s.text()).append('\u0002');
        } else if (node instanceof ListNode l) {
            sb.append('[');
            l.items().forEach(i -> appendKey(i, sb, depth + 1));
            sb.append(']');
        } else {
            sb.append('{');
            for (MapNode.Entry e : ((MapNode) node).entries()) {
                sb.append(e.key()).append('=');
                appendKey(e.value(), sb, depth + 1);
            }
            sb.append('}');
        }
    }
}
