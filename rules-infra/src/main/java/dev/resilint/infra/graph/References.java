package dev.resilint.infra.graph;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who points at whom, in both directions, from one resource of a graph to another. A template
 * source finds references in its intrinsic functions (see the CloudFormation source's
 * {@code TemplateReferences}); a live source where an ARN, id, name or URL names another collected
 * resource. Rules derive relations from it: a target group's listeners and load balancer, a
 * queue's consumers and its dead-letter queue, a DB cluster's member instances, a subnet's users.
 */
public final class References {

    /** How a reference is written. */
    public enum Kind { REF, GET_ATT, SUB, DEPENDS_ON }

    /**
     * One reference.
     *
     * @param from logical id of the resource that refers
     * @param path where in that resource, such as {@code Properties/EventSourceArn}
     * @param to logical id of the resource referred to
     * @param attribute the attribute for {@code Fn::GetAtt} and {@code ${X.Attr}}, else {@code ""}
     * @param kind how it is written
     */
    public record Edge(String from, String path, String to, String attribute, Kind kind) {
    }

    private final List<Edge> edges;
    private final Map<String, List<Edge>> byFrom = new LinkedHashMap<>();
    private final Map<String, List<Edge>> byTo = new LinkedHashMap<>();

    private References(List<Edge> edges) {
        this.edges = List.copyOf(edges);
        for (Edge e : edges) {
            byFrom.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            byTo.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
    }

    /** The index of {@code edges}. */
    public static References of(List<Edge> edges) {
        return new References(edges);
    }

    /**
     * The references a graph's values hold as symbolic scalars ({@link Symbols#REF},
     * {@link Symbols#GET_ATT}): how a source that resolves references itself (a live account,
     * where an ARN or id names another collected resource) makes them known.
     */
    public static References fromSymbols(ResourceGraph graph) {
        List<Edge> edges = new ArrayList<>();
        for (Resource r : graph.resources()) {
            collect(graph, r.id(), "Properties", r.properties(), edges, 0);
        }
        return new References(edges);
    }

    private static void collect(ResourceGraph graph, String from, String path, Node node, List<Edge> out, int depth) {
        if (depth > 200) {
            return;
        }
        if (node instanceof ScalarNode s) {
            Symbols.resourceRef(s).filter(ref -> graph.resource(ref.resourceId()).isPresent())
                    .ifPresent(ref -> out.add(new Edge(from, path, ref.resourceId(), ref.attribute(),
                            ref.attribute().isEmpty() ? Kind.REF : Kind.GET_ATT)));
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                collect(graph, from, path + "/" + i, l.get(i), out, depth + 1);
            }
        } else if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                collect(graph, from, path + "/" + e.key(), e.value(), out, depth + 1);
            }
        }
    }

    public List<Edge> all() {
        return edges;
    }

    /** References made by a resource. */
    public List<Edge> from(String resourceId) {
        return byFrom.getOrDefault(resourceId, List.of());
    }

    /** References to a resource. */
    public List<Edge> to(String resourceId) {
        return byTo.getOrDefault(resourceId, List.of());
    }

    /** The resources of {@code type} that refer to {@code resourceId}, each once, in document order. */
    public List<Resource> referrers(ResourceGraph graph, String resourceId, String type) {
        return to(resourceId).stream().map(Edge::from).distinct().map(id -> graph.resource(id).orElseThrow())
                .filter(r -> r.type().equals(type)).toList();
    }
}
