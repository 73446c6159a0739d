package dev.resilint.infra.cfn;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.ParentStack;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A template as {@link CloudFormationAnalyzer} built it: its graph, the parent stack that nests it,
 * and what it exports. Handed to the analyzer's listener, for readers that look at the graph as a
 * whole (the AZ-failure simulation) rather than through rules.
 *
 * @param graph the template's resource graph
 * @param parent the stack resource of the parent template, for a nested stack's template
 * @param exports the values of its {@code Outputs} whose {@code Export/Name} is a literal name,
 *     evaluated in the template, by export name in the template's order
 */
public record BuiltTemplate(ResourceGraph graph, Optional<ParentStack> parent, Map<String, Value> exports) {

    public BuiltTemplate {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(parent, "parent");
        exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** The template's graph, parent and exports ({@code graph} must be the one {@link TemplateGraphs} built for it). */
    static BuiltTemplate of(TemplateFile template, ResourceGraph graph) {
        Map<String, Value> exports = new LinkedHashMap<>();
        if (template.root().get("Outputs").orElse(null) instanceof MapNode outputs) {
            for (MapNode.Entry e : outputs.entries()) {
                if (!(e.value() instanceof MapNode output)) {
                    continue;
                }
                Optional<Node> name = output.get("Export").filter(MapNode.class::isInstance)
                        .flatMap(x -> ((MapNode) x).get("Name"));
                Optional<Node> value = output.get("Value");
                if (name.isEmpty() || value.isEmpty()) {
                    continue;
                }
                Optional<String> literal = TemplateGraphs.evaluator(graph).evaluate(name.get()).asString();
                literal.ifPresent(n -> exports.putIfAbsent(n, TemplateGraphs.evaluator(graph).evaluate(value.get())));
            }
        }
        return new BuiltTemplate(graph, template.parent(), exports);
    }
}
