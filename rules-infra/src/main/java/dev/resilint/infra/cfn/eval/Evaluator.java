package dev.resilint.infra.cfn.eval;

import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.GraphSource;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The symbolic evaluator: what a property of a resource really is, through {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select},
 * {@code Fn::GetAZs}, {@code Fn::FindInMap}, {@code Fn::If} and conditions, parameters (defaults,
 * {@code AllowedValues}, list types, values passed by a parent stack) and pseudo parameters, and
 * when it cannot know. Rules read every value through here and stay quiet on {@link Value.Unknown}.
 *
 * <p>This class is the {@link GraphSource} of a template's graph; the work is done in this package:
 * the {@code Interpreter} (recursion, path navigation, dispatch), one class per intrinsic function
 * ({@code Ref}, {@code FnGetAtt}, ...), {@code Parameters}, {@code Conditions},
 * {@code EmbeddedJson}, {@code Possibilities} (merging the values a node may have) and the
 * {@code Budget}.
 *
 * <p>Evaluation is bounded: a value that takes more than {@link #MAX_STEPS} steps, or nests
 * references deeper than {@link #MAX_DEPTH}, is {@link Reason#TOO_COMPLEX} rather than a hang.
 * An evaluator belongs to one graph and one thread.
 */
public final class Evaluator implements GraphSource {

    public static final int MAX_STEPS = 50_000;
    public static final int MAX_DEPTH = 64;

    private final ResourceGraph graph;
    private final Budget budget = new Budget();
    private final Interpreter interpreter;

    public Evaluator(ResourceGraph graph, EvaluationContext context) {
        this.graph = graph;
        this.interpreter = new Interpreter(graph, context, budget);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.TEMPLATE;
    }

    public ResourceGraph graph() {
        return graph;
    }

    /**
     * The value of a property path below {@code Properties}, parts separated by {@code /}; list
     * items are addressed by index ({@code SubnetMappings/0/SubnetId}).
     */
    @Override
    public Value property(Resource resource, String path) {
        return budget.boundedValue(() -> interpreter.property(resource, path));
    }

    /** The value of a resource attribute outside {@code Properties}, such as {@code DeletionPolicy}. */
    @Override
    public Value attribute(Resource resource, String name) {
        return budget.boundedValue(() -> resource.definition().get(name).map(interpreter::eval).orElse(Value.ABSENT));
    }

    /** Evaluates any node of the graph's source in its context. */
    public Value evaluate(Node node) {
        return budget.boundedValue(() -> interpreter.eval(node));
    }

    /** A named condition: true, false, or empty when it depends on something unknown. */
    public Optional<Boolean> condition(String name) {
        return budget.bounded(() -> interpreter.conditions().named(name), u -> Optional.empty());
    }

    /** Whether the resource is created: true without a {@code Condition}, else its condition's value. */
    @Override
    public Optional<Boolean> exists(Resource resource) {
        Optional<Node> cond = resource.definition().get("Condition");
        if (cond.isEmpty()) {
            return Optional.of(Boolean.TRUE);
        }
        return cond.get() instanceof ScalarNode s ? condition(s.text()) : Optional.empty();
    }

    /**
     * False only when the resource's {@code Condition} is provably false: it is never created, so
     * no rule judges it. Unknown conditions count as maybe created.
     */
    public boolean mayBeCreated(Resource resource) {
        return !exists(resource).equals(Optional.of(Boolean.FALSE));
    }

    /** True when {@code other} has no condition or one that holds, or the same condition as {@code resource}. */
    @Override
    public boolean existsWhenever(Resource resource, Resource other) {
        if (exists(other).equals(Optional.of(Boolean.TRUE))) {
            return true;
        }
        Optional<String> mine = conditionName(resource);
        return mine.isPresent() && mine.equals(conditionName(other));
    }

    private static Optional<String> conditionName(Resource resource) {
        return resource.definition().get("Condition").filter(n -> n instanceof ScalarNode)
                .map(n -> ((ScalarNode) n).text());
    }

    /** The node the template writes at the path below {@code Properties}, intrinsic functions as written. */
    @Override
    public Optional<Node> asWritten(Resource resource, String path) {
        Node current = resource.properties();
        if (path.isEmpty()) {
            return Optional.of(current);
        }
        for (String part : path.split("/")) {
            if (current instanceof MapNode map && map.get(part).isPresent()) {
                current = map.get(part).orElseThrow();
            } else if (current instanceof ListNode list && part.matches("\\d+")
                    && Integer.parseInt(part) < list.items().size()) {
                current = list.items().get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** True when the template writes the property, even if it evaluates to nothing. */
    @Override
    public boolean written(Resource resource, String path) {
        Node current = resource.properties();
        for (String part : path.split("/")) {
            if (!(current instanceof MapNode map) || map.get(part).isEmpty()) {
                return false;
            }
            current = map.get(part).orElseThrow();
        }
        return true;
    }

    /**
     * JSON written as a string, such as a Step Functions {@code DefinitionString} or an SQS
     * {@code RedrivePolicy}, parsed after substitution. Parts that cannot be known are replaced by
     * their {@code ${...}} text, which keeps the JSON parseable when they stand in string
     * positions (as resource ARNs do). A property that is already a map is evaluated as it is.
     */
    /**
     * A script carried as a string, such as {@code UserData}: an {@code Fn::Base64} around it is
     * undone, and its text is built as for {@link #embeddedJson}, parts that cannot be known kept
     * as their {@code ${...}} text. For searching the script, never for comparing it.
     */
    @Override
    public Value scriptText(Resource resource, String path) {
        return budget.boundedValue(() -> {
            Value current = Value.known(resource.properties());
            for (String part : path.split("/")) {
                current = interpreter.step(current, part);
            }
            List<Value> results = new ArrayList<>();
            for (Value option : current.possibilities()) {
                results.add(EmbeddedJson.script(interpreter, option));
            }
            return Possibilities.merge(results);
        });
    }

    @Override
    public Value embeddedJson(Resource resource, String path) {
        return budget.boundedValue(() -> {
            Value current = Value.known(resource.properties());
            for (String part : path.split("/")) {
                current = interpreter.step(current, part);
            }
            List<Value> results = new ArrayList<>();
            for (Value option : current.possibilities()) {
                results.add(EmbeddedJson.of(interpreter, option));
            }
            return Possibilities.merge(results);
        });
    }
}
