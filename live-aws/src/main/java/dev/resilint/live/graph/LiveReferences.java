package dev.resilint.live.graph;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.References.Edge;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The references between the resources of a live scope: every resolved reference in their
 * properties, and every ARN of a collected resource written inside a longer string (an API Gateway
 * integration URI holds its function's ARN; a state machine definition its tasks' ARNs), as a
 * template's {@code Fn::Sub} would show it.
 */
final class LiveReferences {

    private LiveReferences() {
    }

    static References of(ResourceGraph graph, Linker linker) {
        List<Edge> edges = new ArrayList<>();
        for (Resource r : graph.resources()) {
            collect(graph, linker, r.id(), "Properties", r.properties(), edges, 0);
        }
        return References.of(edges);
    }

    private static void collect(ResourceGraph graph, Linker linker, String from, String path, Node node,
            List<Edge> out, int depth) {
        if (depth > 200) {
            return;
        }
        if (node instanceof ScalarNode s) {
            Optional<Symbols.ResourceRef> ref = Symbols.resourceRef(s);
            if (ref.isPresent()) {
                if (graph.resource(ref.get().resourceId()).isPresent()) {
                    out.add(new Edge(from, path, ref.get().resourceId(), ref.get().attribute(),
                            ref.get().attribute().isEmpty() ? References.Kind.REF : References.Kind.GET_ATT));
                }
            } else if (!Symbols.isSymbolic(s)) {
                embeddedArns(linker, from, path, s.text(), out);
            }
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                collect(graph, linker, from, path + "/" + i, l.get(i), out, depth + 1);
            }
        } else if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                collect(graph, linker, from, path + "/" + e.key(), e.value(), out, depth + 1);
            }
        }
    }

    /** ARNs of collected resources inside a longer string: the longest match at each {@code arn:}. */
    private static void embeddedArns(Linker linker, String from, String path, String text, List<Edge> out) {
        int at = text.indexOf("arn:");
        while (at >= 0) {
            Linker.Target best = null;
            for (int end = at + 4; end <= text.length(); end++) {
                if (end == text.length() || isBoundary(text.charAt(end))) {
                    Optional<Linker.Target> t = linker.byArn(text.substring(at, end));
                    if (t.isPresent()) {
                        best = t.get();
                    }
                    if (end < text.length() && isEndOfToken(text.charAt(end))) {
                        break;
                    }
                }
            }
            if (best != null && !best.arn().equals(from)) {
                out.add(new Edge(from, path, best.arn(), best.attribute(), References.Kind.SUB));
            }
            at = text.indexOf("arn:", at + 4);
        }
    }

    private static boolean isBoundary(char c) {
        return c == ':' || c == '/' || isEndOfToken(c);
    }

    private static boolean isEndOfToken(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == ',' || c == '}' || c == ']';
    }
}
