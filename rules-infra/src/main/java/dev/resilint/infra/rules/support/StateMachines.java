package dev.resilint.infra.rules.support;

import dev.resilint.core.Location;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The states of a Step Functions state machine, read from {@code Definition} (a map, also from
 * SAM) or {@code DefinitionString} (a string, also built with {@code Fn::Sub} or
 * {@code Fn::Join}), with the nested states of {@code Parallel} branches and {@code Map}
 * iterators. A definition in S3 ({@code DefinitionS3Location}) is not local and gives no states.
 */
public final class StateMachines {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private StateMachines() {
    }

    /**
     * One state.
     *
     * @param machine the state machine resource
     * @param name the state's name
     * @param node the state, evaluated
     * @param path where the state is below {@code Definition}, such as {@code States/Fan/Branches/0/States/Work}
     * @param parents the names of the {@code Parallel} and {@code Map} states around it, outermost first
     * @param inString true when the definition is a {@code DefinitionString}
     */
    public record State(Resource machine, String name, MapNode node, String path, List<String> parents, boolean inString) {

        /** A field of the state, as a value ({@link Value.Absent} when not set). */
        public Value field(String key) {
            return node.get(key).map(Symbols::valueOf).orElse(Value.ABSENT);
        }

        /** The state's {@code Type}, when known. */
        public Optional<String> type() {
            return field("Type").asString();
        }

        /** Where a finding about this state (or one of its fields) goes. */
        public Location locate(String field) {
            if (inString) {
                return machine.locateProperty("DefinitionString");
            }
            return machine.locate("Properties/Definition/" + path + (field.isEmpty() ? "" : "/" + field));
        }

        /** {@code 'Name'}, or {@code 'Name' (in 'Outer')} for a nested state. */
        public String display() {
            return parents.isEmpty() ? "'" + name + "'"
                    : "'" + name + "' (in '" + String.join("' > '", parents) + "')";
        }
    }

    /** Every state of the machine's local definition; empty when the definition is not local or cannot be known. */
    public static List<State> states(GraphView graph, Resource machine) {
        Value map = graph.property(machine, "Definition");
        boolean inString = map.isAbsent();
        if (inString && graph.property(machine, "DefinitionString").isAbsent()) {
            return List.of();
        }
        Optional<MapNode> root = inString ? graph.embeddedJson(machine, "DefinitionString").asMap() : map.asMap();
        List<State> out = new ArrayList<>();
        root.ifPresent(r -> walk(machine, r, "", List.of(), inString, out, 0));
        return out;
    }

    private static void walk(Resource machine, MapNode scope, String prefix, List<String> parents, boolean inString,
            List<State> out, int depth) {
        if (depth > 20 || !(scope.get("States").orElse(null) instanceof MapNode states)) {
            return;
        }
        for (MapNode.Entry e : states.entries()) {
            if (!(e.value() instanceof MapNode node)) {
                continue;
            }
            String path = prefix + "States/" + e.key();
            State state = new State(machine, e.key(), node, path, parents, inString);
            out.add(state);
            List<String> inner = new ArrayList<>(parents);
            inner.add(e.key());
            if (node.get("Branches").orElse(null) instanceof ListNode branches) {
                for (int i = 0; i < branches.size(); i++) {
                    if (branches.get(i) instanceof MapNode branch) {
                        walk(machine, branch, path + "/Branches/" + i + "/", inner, inString, out, depth + 1);
                    }
                }
            }
            for (String key : List.of("Iterator", "ItemProcessor")) {
                if (node.get(key).orElse(null) instanceof MapNode processor) {
                    walk(machine, processor, path + "/" + key + "/", inner, inString, out, depth + 1);
                }
            }
        }
    }

    /**
     * The Lambda function that a value inside a state names: a {@code Fn::GetAtt}/{@code Ref} in a
     * {@code Definition} map, a reference written in an {@code Fn::Sub} there, or {@code ${...}}
     * placeholders standing for a resource ({@code ${Fn.Arn}}, {@code ${Fn}}) or for a
     * {@code DefinitionSubstitutions} entry that refers to one. Empty unless exactly one function
     * is found.
     */
    public static Optional<Resource> functionNamedBy(GraphView graph, State state, String field) {
        Value value = field.contains("/") ? nested(state, field) : state.field(field);
        Optional<Symbols.ResourceRef> ref = value.asResourceRef();
        if (ref.isPresent()) {
            return Relations.lambdaFunction(graph, ref.get().resourceId());
        }
        if (value.possibilities().size() > 1 || value.isAbsent()) {
            return Optional.empty();
        }
        Optional<String> text = value.asString();
        if (text.isEmpty()) {
            if (state.inString()) {
                return Optional.empty();
            }
            // e.g. !Sub '${Fn.Arn}' inside a Definition map: what the reference index saw there
            return Relations.oneFunction(graph,
                    Relations.idsAt(graph, state.machine(), "Properties/Definition/" + state.path() + "/" + field));
        }
        List<String> ids = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text.get());
        while (m.find()) {
            String name = m.group(1).trim();
            if (name.startsWith("AWS::") || name.startsWith("!")) {
                continue;
            }
            if (!graph.property(state.machine(), "DefinitionSubstitutions/" + name).isAbsent()) {
                ids.addAll(Relations.referencedIds(graph, state.machine(), "DefinitionSubstitutions/" + name));
            } else {
                int dot = name.indexOf('.');
                ids.add(dot > 0 ? name.substring(0, dot) : name);
            }
        }
        return Relations.oneFunction(graph, ids);
    }

    private static Value nested(State state, String path) {
        Node current = state.node();
        for (String part : path.split("/")) {
            if (!(current instanceof MapNode map) || map.get(part).isEmpty()) {
                return Value.ABSENT;
            }
            current = map.get(part).orElseThrow();
        }
        return Symbols.valueOf(current);
    }
}
