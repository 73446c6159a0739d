package dev.resilint.live.map;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapped property tree as one line of text, for field-by-field assertions in mapper tests: maps
 * {@code {Key: value, ...}} in order, lists {@code [a, b]}, strings quoted, numbers and booleans
 * bare, a reference still to resolve as {@code ref(Type|Type)"identifier"}, an unknown value as
 * {@code unknown(REASON)}.
 */
public final class PropsText {

    private PropsText() {
    }

    public static String of(Node node) {
        if (node instanceof MapNode m) {
            List<String> entries = new ArrayList<>();
            for (MapNode.Entry e : m.entries()) {
                entries.add(e.key() + ": " + of(e.value()));
            }
            return "{" + String.join(", ", entries) + "}";
        }
        if (node instanceof ListNode l) {
            List<String> items = new ArrayList<>();
            for (Node item : l.items()) {
                items.add(of(item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        ScalarNode s = (ScalarNode) node;
        Optional<List<String>> ref = Props.refTypes(s);
        if (ref.isPresent()) {
            return "ref(" + String.join("|", ref.get()) + ")\"" + s.text() + "\"";
        }
        if (Symbols.isUnknownPlaceholder(s)) {
            return "unknown(" + Symbols.unknownOf(s).reason() + ")";
        }
        return s.type() == ScalarNode.Type.STRING ? "\"" + s.text() + "\"" : s.text();
    }

    /** The node at a {@code /}-separated path of map keys and list indexes. */
    public static Node at(Node node, String path) {
        Node current = node;
        for (String part : path.split("/")) {
            if (current instanceof MapNode m) {
                current = m.get(part).orElseThrow(() -> new AssertionError("no " + part + " in " + of(node)));
            } else if (current instanceof ListNode l) {
                current = l.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("no " + path + " in " + of(node));
            }
        }
        return current;
    }
}
