package dev.resilint.infra.cfn.eval;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The recursive interpreter behind {@link Evaluator}: evaluates nodes of one graph's template in
 * its {@link EvaluationContext}, navigates property paths, and dispatches intrinsic function calls
 * to their {@link IntrinsicFunction}s. Every step and call is charged to the evaluator's
 * {@link Budget}; callers run it inside {@link Budget#bounded}.
 */
final class Interpreter {

    private static final Map<String, IntrinsicFunction> FUNCTIONS = Map.of(
            "Ref", Ref::apply,
            "Fn::GetAtt", FnGetAtt::apply,
            "Fn::GetAZs", FnGetAZs::apply,
            "Fn::Select", FnSelect::apply,
            "Fn::Join", FnJoin::apply,
            "Fn::Split", FnSplit::apply,
            "Fn::Sub", FnSub::apply,
            "Fn::FindInMap", FnFindInMap::apply,
            "Fn::If", FnIf::apply);

    private final ResourceGraph graph;
    private final EvaluationContext context;
    private final Budget budget;
    private final Conditions conditions;

    Interpreter(ResourceGraph graph, EvaluationContext context, Budget budget) {
        this.graph = graph;
        this.context = context;
        this.budget = budget;
        this.conditions = new Conditions(this);
    }

    ResourceGraph graph() {
        return graph;
    }

    EvaluationContext context() {
        return context;
    }

    Budget budget() {
        return budget;
    }

    Conditions conditions() {
        return conditions;
    }

    // ---------------------------------------------------------------- navigation

    /** The fully evaluated value of a property path below {@code Properties} ({@code ""} for all of them). */
    Value property(Resource resource, String path) {
        Value current = Value.known(resource.properties());
        if (!path.isEmpty()) {
            for (String part : path.split("/")) {
                current = step(current, part);
            }
        }
        return full(current);
    }

    /** One step down a path: a map key or a list index, in every possibility. */
    Value step(Value current, String part) {
        List<Value> results = new ArrayList<>();
        for (Value option : current.possibilities()) {
            results.add(stepOne(option, part));
        }
        return Possibilities.merge(results);
    }

    private Value stepOne(Value option, String part) {
        if (!(option instanceof Value.Known known)) {
            return option;
        }
        Value shallow = shallow(known.node());
        if (shallow instanceof Value.OneOf) {
            return step(shallow, part);
        }
        if (!(shallow instanceof Value.Known k)) {
            return shallow;
        }
        Node node = k.node();
        if (node instanceof MapNode map) {
            return map.get(part).<Value>map(Value::known).orElse(Value.ABSENT);
        }
        if (node instanceof ListNode list && part.matches("\\d{1,9}")) {
            int index = Integer.parseInt(part);
            return index < list.size() ? Value.known(list.get(index)) : Value.ABSENT;
        }
        return Value.unknown(Reason.INVALID, "expected a map at " + part + " but found " + node.kindDescription());
    }

    /** Evaluates only the outermost function call of a node, so navigation needs no full evaluation. */
    Value shallow(Node node) {
        if (Symbols.isUnknownPlaceholder(node)) {
            return Symbols.unknownOf(node);
        }
        if (isFunction(node)) {
            return eval(node);
        }
        if (node instanceof ScalarNode s && s.isNull()) {
            return Value.ABSENT;
        }
        return Value.known(node);
    }

    /** Every possibility evaluated all the way down. */
    Value full(Value value) {
        List<Value> results = new ArrayList<>();
        for (Value option : value.possibilities()) {
            results.add(option instanceof Value.Known k ? eval(k.node()) : option);
        }
        return Possibilities.merge(results);
    }

    // ---------------------------------------------------------------- evaluation

    /** A one-entry map calling {@code Ref}, an {@code Fn::} function or a preprocessor directive. */
    static boolean isFunction(Node node) {
        if (node instanceof MapNode map && map.size() == 1) {
            String key = map.keys().get(0);
            return key.equals("Ref") || key.startsWith("Fn::") || Intrinsics.isDirectiveKey(key);
        }
        return false;
    }

    /**
     * The value of a node: scalars as they are (null is absent), lists and maps item by item (items
     * and keys that are {@code AWS::NoValue} disappear, unknown ones become placeholders), function
     * calls by their function.
     */
    Value eval(Node node) {
        budget.tick();
        if (node instanceof ScalarNode s) {
            if (Symbols.isUnknownPlaceholder(s)) {
                return Symbols.unknownOf(s);
            }
            return s.isNull() ? Value.ABSENT : Value.known(s);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                Value v = eval(item);
                if (v instanceof Value.Known k) {
                    items.add(k.node());
                } else if (v instanceof Value.Unknown u) {
                    items.add(Symbols.unknownPlaceholder(u, item.mark()));
                } else if (v instanceof Value.OneOf o) {
                    items.add(Symbols.unknownPlaceholder(Value.unknown(Reason.UNKNOWN_CONDITION,
                            "list item depends on a condition"), item.mark()));
                }
                // Absent (AWS::NoValue) items disappear, as in CloudFormation
            }
            return Value.known(new ListNode(items, list.mark(), list.tag()));
        }
        MapNode map = (MapNode) node;
        if (isFunction(map)) {
            budget.enter();
            try {
                return function(map.keys().get(0), map.get(map.keys().get(0)).orElseThrow(), map.mark());
            } finally {
                budget.leave();
            }
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        boolean unknownCondition = false;
        for (MapNode.Entry e : map.entries()) {
            Value v = eval(e.value());
            if (v instanceof Value.Known k) {
                entries.add(new MapNode.Entry(e.key(), e.keyMark(), k.node()));
            } else if (v instanceof Value.Unknown u) {
                entries.add(new MapNode.Entry(e.key(), e.keyMark(), Symbols.unknownPlaceholder(u, e.value().mark())));
            } else if (v instanceof Value.OneOf) {
                unknownCondition = true;
                entries.add(new MapNode.Entry(e.key(), e.keyMark(), Symbols.unknownPlaceholder(
                        Value.unknown(Reason.UNKNOWN_CONDITION, e.key() + " depends on a condition"), e.value().mark())));
            }
        }
        if (unknownCondition && entries.isEmpty()) {
            return Value.unknown(Reason.UNKNOWN_CONDITION, "map depends on a condition");
        }
        return Value.known(new MapNode(entries, map.mark(), map.tag()));
    }

    private Value function(String name, Node arg, Mark mark) {
        IntrinsicFunction function = FUNCTIONS.get(name);
        if (function != null) {
            return function.apply(this, arg, mark);
        }
        if (name.equals("Fn::ImportValue")) {
            // the export's name, when literal, tells readers which export it is ("Fn::ImportValue orders-vpc-id")
            Optional<String> export = eval(arg).asString();
            return Value.unknown(Reason.IMPORT, "Fn::ImportValue" + export.map(n -> " " + n).orElse(""));
        }
        if (Intrinsics.isDirectiveKey(name)) {
            return Value.unknown(Reason.DIRECTIVE, name);
        }
        return Value.unknown(Reason.UNSUPPORTED_FUNCTION, name);
    }
}
