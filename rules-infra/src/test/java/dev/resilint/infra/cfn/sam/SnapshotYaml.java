package dev.resilint.infra.cfn.sam;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a node tree as block YAML for snapshot files: keys in the tree's order (which the
 * transform makes deterministic), two spaces of indentation, numbers, booleans and nulls as
 * written, strings plain when YAML 1.1 and 1.2 readers both read them back as the same string and
 * double-quoted (JSON escapes) otherwise. Positions are not written; a tagged node is refused,
 * since loaded templates carry none.
 */
final class SnapshotYaml {

    /** Starts with a letter, {@code _}, {@code $} or {@code /}; no quote, comment or escape characters. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$/][A-Za-z0-9_$/.:,;()\\[\\]{}+*=@<>?!%&^~ -]*");

    /** Words YAML 1.1 reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private SnapshotYaml() {
    }

    static String write(MapNode root) {
        StringBuilder out = new StringBuilder();
        if (root.size() == 0) {
            return "{}\n";
        }
        entries(root, 0, false, out);
        return out.toString();
    }

    private static void entries(MapNode map, int indent, boolean firstInline, StringBuilder out) {
        boolean first = true;
        for (MapNode.Entry e : map.entries()) {
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(string(e.key())).append(':');
            value(e.value(), indent, out);
        }
    }

    /** A value after {@code key:}. */
    private static void value(Node node, int indent, StringBuilder out) {
        untagged(node);
        if (node instanceof MapNode m && m.size() > 0) {
            out.append('\n');
            entries(m, indent + 2, false, out);
        } else if (node instanceof ListNode l && l.size() > 0) {
            out.append('\n');
            items(l, indent + 2, out);
        } else {
            out.append(' ').append(flat(node)).append('\n');
        }
    }

    private static void items(ListNode list, int indent, StringBuilder out) {
        for (Node item : list.items()) {
            untagged(item);
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof MapNode m && m.size() > 0) {
                out.append(' ');
                entries(m, indent + 2, true, out);
            } else if (item instanceof ListNode l && l.size() > 0) {
                out.append('\n');
                items(l, indent + 2, out);
            } else {
                out.append(' ').append(flat(item)).append('\n');
            }
        }
    }

    /** A scalar, an empty map or an empty list. */
    private static String flat(Node node) {
        if (node instanceof MapNode) {
            return "{}";
        }
        if (node instanceof ListNode) {
            return "[]";
        }
        ScalarNode s = (ScalarNode) node;
        return switch (s.type()) {
            case STRING -> string(s.text());
            case NULL -> "null";
            default -> s.text();
        };
    }

    private static String string(String text) {
        if (PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.endsWith(":") && !text.contains(": ")
                && !text.contains(" #") && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static void untagged(Node node) {
        if (!node.tag().isEmpty()) {
            throw new IllegalArgumentException("snapshots do not show tags, found !" + node.tag() + " at "
                    + node.mark());
        }
    }
}
