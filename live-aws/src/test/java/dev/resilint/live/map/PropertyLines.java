package dev.resilint.live.map;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapped property tree as one line per leaf, in order, for field-by-field assertions:
 * {@code MultiAZ = true}, {@code AllocatedStorage = "20"} (strings quoted, numbers and booleans
 * bare), {@code DBClusterIdentifier -> AWS::RDS::DBCluster "aurora"} (a reference still to resolve,
 * with the types it may name), {@code Tags = unknown ACCESS_DENIED} (a value a call could not read).
 */
public final class PropertyLines {

    private PropertyLines() {
    }

    public static List<String> of(MapNode properties) {
        List<String> lines = new ArrayList<>();
        walk("", properties, lines);
        return lines;
    }

    private static void walk(String path, Node node, List<String> out) {
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                walk(path.isEmpty() ? e.key() : path + "/" + e.key(), e.value(), out);
            }
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                walk(path + "/" + i, l.get(i), out);
            }
        } else {
            out.add(path + scalar((ScalarNode) node));
        }
    }

    private static String scalar(ScalarNode s) {
        if (Symbols.isUnknownPlaceholder(s)) {
            Value.Unknown u = Symbols.unknownOf(s);
            return " = unknown " + u.reason();
        }
        var refs = Props.refTypes(s);
        if (refs.isPresent()) {
            return " -> " + String.join(",", refs.get()) + " \"" + s.text() + "\"";
        }
        return switch (s.type()) {
            case STRING -> " = \"" + s.text() + "\"";
            default -> " = " + s.text();
        };
    }
}
