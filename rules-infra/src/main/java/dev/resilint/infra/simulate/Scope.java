package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.ParentStack;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One graph to simulate, with what places it among the others of the run.
 *
 * @param graph a template's graph, or one region of a live account
 * @param parent for a nested stack's template, the stack resource of its parent: the template is
 *     simulated as part of its parent's stack
 * @param exports what the graph exports, by export name ({@code Outputs} with {@code Export/Name}):
 *     an {@code Fn::ImportValue} of a graph of the same run reads its value. The graphs of one run
 *     are taken to be deployed in one region, so their symbolic zones ({@code az[0]}) are the same
 */
public record Scope(ResourceGraph graph, Optional<ParentStack> parent, Map<String, Value> exports) {
    public Scope {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(parent, "parent");
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** A graph on its own: a live account region, or a template without exports. */
    public static Scope of(ResourceGraph graph) {
        return new Scope(graph, Optional.empty(), Map.of());
    }
}
