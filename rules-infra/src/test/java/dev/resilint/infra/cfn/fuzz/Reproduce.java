package dev.resilint.infra.cfn.fuzz;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;

/**
 * Writes the template a fuzzer input stands for as YAML (short-form tags kept as tags), so that a
 * crashing input becomes a readable regression test: put the crash file into
 * {@code src/test/resources/dev/resilint/infra/cfn/fuzz/PipelineFuzzTestInputs/fuzzPipeline/} and run
 * {@code mvn -pl rules-infra surefire:test -Dtest=PipelineFuzzTest -Dresilint.fuzz.print=true}.
 */
public final class Reproduce {

    private Reproduce() {
    }

    /** The tree as block YAML; scalars are always quoted, so that their type shows as a comment. */
    static String yaml(Node node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Node node, int indent) {
        String pad = " ".repeat(indent);
        if (node instanceof MapNode map) {
            if (map.size() == 0) {
                sb.append(pad).append("{}").append(tag(node)).append('\n');
            }
            for (MapNode.Entry e : map.entries()) {
                sb.append(pad).append(quote(e.key())).append(':');
                inline(sb, e.value(), indent);
            }
        } else if (node instanceof ListNode list) {
            if (list.size() == 0) {
                sb.append(pad).append("[]").append('\n');
            }
            for (Node item : list.items()) {
                sb.append(pad).append('-');
                inline(sb, item, indent);
            }
        } else {
            sb.append(pad).append(scalar((ScalarNode) node)).append('\n');
        }
    }

    private static void inline(StringBuilder sb, Node value, int indent) {
        if (value instanceof ScalarNode s) {
            sb.append(' ').append(tag(value)).append(scalar(s)).append('\n');
        } else if (value instanceof MapNode m && m.size() == 0) {
            sb.append(' ').append(tag(value)).append("{}\n");
        } else if (value instanceof ListNode l && l.size() == 0) {
            sb.append(' ').append(tag(value)).append("[]\n");
        } else {
            sb.append(value.tag().isEmpty() ? "" : " " + tag(value).trim()).append('\n');
            write(sb, value, indent + 2);
        }
    }

    private static String tag(Node node) {
        return node.tag().isEmpty() ? "" : "!" + node.tag() + " ";
    }

    private static String scalar(ScalarNode s) {
        return switch (s.type()) {
            case NULL -> "null";
            case INTEGER, DECIMAL, BOOLEAN -> s.text();
            case STRING -> quote(s.text());
        };
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
