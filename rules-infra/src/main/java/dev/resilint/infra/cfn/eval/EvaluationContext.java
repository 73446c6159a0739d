package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.infra.graph.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What values in a graph may refer to besides resources: a template's {@code Parameters},
 * {@code Mappings} and {@code Conditions}, and parameter values given from outside (by a parent
 * stack).
 */
public final class EvaluationContext {

    public static final EvaluationContext EMPTY = new EvaluationContext(null, null, null, Map.of());

    private final MapNode parameters;
    private final MapNode mappings;
    private final MapNode conditions;
    private final Map<String, Value> parameterValues;

    public EvaluationContext(MapNode parameters, MapNode mappings, MapNode conditions,
            Map<String, Value> parameterValues) {
        MapNode empty = new MapNode(List.of(), Mark.UNKNOWN, "");
        this.parameters = parameters == null ? empty : parameters;
        this.mappings = mappings == null ? empty : mappings;
        this.conditions = conditions == null ? empty : conditions;
        this.parameterValues = Map.copyOf(parameterValues);
    }

    /** The context of a template root: its Parameters, Mappings and Conditions sections. */
    public static EvaluationContext of(MapNode templateRoot, Map<String, Value> parameterValues) {
        return new EvaluationContext(section(templateRoot, "Parameters"), section(templateRoot, "Mappings"),
                section(templateRoot, "Conditions"), parameterValues);
    }

    private static MapNode section(MapNode root, String name) {
        return root.get(name).orElse(null) instanceof MapNode m ? m : null;
    }

    public Optional<MapNode> parameter(String name) {
        return parameters.get(name).orElse(null) instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    public boolean hasParameter(String name) {
        return parameters.has(name);
    }

    /** A value given for the parameter from outside (overrides its default). */
    public Optional<Value> parameterValue(String name) {
        return Optional.ofNullable(parameterValues.get(name));
    }

    public MapNode mappings() {
        return mappings;
    }

    public MapNode conditions() {
        return conditions;
    }
}
