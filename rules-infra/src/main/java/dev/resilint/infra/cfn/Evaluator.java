package dev.resilint.infra.cfn;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphSource;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The symbolic evaluator: what a property of a resource really is, through {@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Split}, {@code Fn::Select},
 * {@code Fn::GetAZs}, {@code Fn::FindInMap}, {@code Fn::If} and conditions, parameters (defaults,
 * {@code AllowedValues}, list types, values passed by a parent stack) and pseudo parameters, and
 * when it cannot know. Rules read every value through here and stay quiet on {@link Value.Unknown}.
 *
 * <p>Evaluation is bounded: a value that takes more than {@link #MAX_STEPS} steps, or nests
 * references deeper than {@link #MAX_DEPTH}, is {@link Reason#TOO_COMPLEX} rather than a hang.
 * An evaluator belongs to one graph and one thread.
 */
public final class Evaluator implements GraphSource {

    public static final int MAX_STEPS = 50_000;
    public static final int MAX_DEPTH = 64;

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final ResourceGraph graph;
    private final EvaluationContext context;
    private final Map<String, Optional<Boolean>> conditionCache = new HashMap<>();
    private final Set<String> conditionsInProgress = new HashSet<>();
    private int steps;
    private int depth;
    private int entered;

    /** Thrown inside evaluation when the budget is spent; turned into {@link Reason#TOO_COMPLEX}. */
    private static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message, null, false, false);
        }
    }

    public Evaluator(ResourceGraph graph, EvaluationContext context) {
        this.graph = graph;
        this.context = context;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.TEMPLATE;
    }

    public ResourceGraph graph() {
        return graph;
    }

    // ---------------------------------------------------------------- public API

    /**
     * The value of a property path below {@code Properties}, parts separated by {@code /}; list
     * items are addressed by index ({@code SubnetMappings/0/SubnetId}).
     */
    @Override
    public Value property(Resource resource, String path) {
        return boundedValue(() -> {
            Value current = Value.known(resource.properties());
            if (!path.isEmpty()) {
                for (String part : path.split("/")) {
                    current = step(current, part);
                }
            }
            return full(current);
        });
    }

    /** The value of a resource attribute outside {@code Properties}, such as {@code DeletionPolicy}. */
    @Override
    public Value attribute(Resource resource, String name) {
        return boundedValue(() -> resource.definition().get(name).map(this::eval).orElse(Value.ABSENT));
    }

    /** Evaluates any node of the graph's source in its context. */
    public Value evaluate(Node node) {
        return boundedValue(() -> eval(node));
    }

    /** A named condition: true, false, or empty when it depends on something unknown. */
    public Optional<Boolean> condition(String name) {
        return bounded(() -> conditionNamed(name), u -> Optional.empty());
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
    @Override
    public Value embeddedJson(Resource resource, String path) {
        return boundedValue(() -> {
            Value current = Value.known(resource.properties());
            for (String part : path.split("/")) {
                current = step(current, part);
            }
            List<Value> results = new ArrayList<>();
            for (Value option : current.possibilities()) {
                results.add(jsonOf(option));
            }
            return merge(results);
        });
    }

    // ---------------------------------------------------------------- bounds

    /** Runs a top-level evaluation with a fresh budget; {@code onTooComplex} shapes the result when it runs out. */
    private <T> T bounded(java.util.function.Supplier<T> work, java.util.function.Function<Value.Unknown, T> onTooComplex) {
        boolean outermost = entered == 0;
        if (outermost) {
            steps = 0;
            depth = 0;
        }
        entered++;
        try {
            return work.get();
        } catch (TooComplex e) {
            if (!outermost) {
                throw e;
            }
            return onTooComplex.apply(Value.unknown(Reason.TOO_COMPLEX, e.getMessage()));
        } finally {
            entered--;
        }
    }

    private Value boundedValue(java.util.function.Supplier<Value> work) {
        return bounded(work, u -> u);
    }

    private void tick() {
        if (++steps > MAX_STEPS) {
            throw new TooComplex("more than " + MAX_STEPS + " evaluation steps");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TooComplex("references nested deeper than " + MAX_DEPTH);
        }
    }

    private void leave() {
        depth--;
    }

    // ---------------------------------------------------------------- navigation

    private Value step(Value current, String part) {
        List<Value> results = new ArrayList<>();
        for (Value option : current.possibilities()) {
            results.add(stepOne(option, part));
        }
        return merge(results);
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
    private Value shallow(Node node) {
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

    private Value full(Value value) {
        List<Value> results = new ArrayList<>();
        for (Value option : value.possibilities()) {
            results.add(option instanceof Value.Known k ? eval(k.node()) : option);
        }
        return merge(results);
    }

    /** One value from several possibilities: the single one when they are all equal. */
    private static Value merge(List<Value> options) {
        Map<String, Value> distinct = new java.util.LinkedHashMap<>();
        for (Value v : options) {
            for (Value p : v.possibilities()) {
                distinct.putIfAbsent(key(p), p); // equal values written at different places are one
            }
        }
        if (distinct.size() == 1) {
            return distinct.values().iterator().next();
        }
        if (distinct.size() > 16) {
            return Value.unknown(Reason.TOO_COMPLEX, "more than 16 possibilities");
        }
        return new Value.OneOf(new ArrayList<>(distinct.values()));
    }

    /** A structural identity of a value that ignores positions. */
    private static String key(Value v) {
        if (v instanceof Value.Known k) {
            StringBuilder sb = new StringBuilder("K");
            appendKey(k.node(), sb, 0);
            return sb.toString();
        }
        if (v instanceof Value.Unknown u) {
            return "U" + u.reason() + "\u0000" + u.detail();
        }
        return "A";
    }

    private static void appendKey(Node node, StringBuilder sb, int depth) {
        if (depth > 100 || sb.length() > 100_000) {
            sb.append('@').append(System.identityHashCode(node));
            return;
        }
        if (node instanceof ScalarNode s) {
            sb.append('s').append(s.tag()).append('\u0001').append(s.text()).append('\u0002');
        } else if (node instanceof ListNode l) {
            sb.append('[');
            l.items().forEach(i -> appendKey(i, sb, depth + 1));
            sb.append(']');
        } else {
            sb.append('{');
            for (MapNode.Entry e : ((MapNode) node).entries()) {
                sb.append(e.key()).append('=');
                appendKey(e.value(), sb, depth + 1);
            }
            sb.append('}');
        }
    }

    // ---------------------------------------------------------------- evaluation

    private static boolean isFunction(Node node) {
        if (node instanceof MapNode map && map.size() == 1) {
            String key = map.keys().get(0);
            return key.equals("Ref") || key.startsWith("Fn::") || Intrinsics.isDirectiveKey(key);
        }
        return false;
    }

    private Value eval(Node node) {
        tick();
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
            enter();
            try {
                return function(map.keys().get(0), map.get(map.keys().get(0)).orElseThrow(), map.mark());
            } finally {
                leave();
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
        switch (name) {
            case "Ref":
                return ref(arg, mark);
            case "Fn::GetAtt":
                return getAtt(arg, mark);
            case "Fn::GetAZs":
                return getAzs(arg, mark);
            case "Fn::Select":
                return select(arg, mark);
            case "Fn::Join":
                return join(arg, mark);
            case "Fn::Split":
                return split(arg, mark);
            case "Fn::Sub":
                return sub(arg, mark, false);
            case "Fn::FindInMap":
                return findInMap(arg);
            case "Fn::If":
                return ifFunction(arg);
            case "Fn::ImportValue":
                return Value.unknown(Reason.IMPORT, "Fn::ImportValue");
            default:
                if (Intrinsics.isDirectiveKey(name)) {
                    return Value.unknown(Reason.DIRECTIVE, name);
                }
                return Value.unknown(Reason.UNSUPPORTED_FUNCTION, name);
        }
    }

    private Value ref(Node arg, Mark mark) {
        Optional<String> name = literal(eval(arg));
        if (name.isEmpty()) {
            return Value.unknown(Reason.INVALID, "Ref needs a name");
        }
        String n = name.get();
        if (n.equals("AWS::NoValue")) {
            return Value.ABSENT;
        }
        if (n.startsWith("AWS::")) {
            return Value.unknown(Reason.PSEUDO_PARAMETER, n);
        }
        if (context.hasParameter(n) || context.parameterValue(n).isPresent()) {
            return parameter(n, mark);
        }
        if (graph.resource(n).isPresent()) {
            return Value.known(Symbols.ref(n, mark));
        }
        return Value.unknown(Reason.MISSING_REFERENCE, "Ref " + n);
    }

    private Value parameter(String name, Mark mark) {
        Optional<Value> given = context.parameterValue(name);
        if (given.isPresent()) {
            return given.get();
        }
        MapNode def = context.parameter(name).orElse(null);
        if (def == null) {
            return Value.unknown(Reason.INVALID, "parameter " + name + " is not a map");
        }
        String type = def.get("Type").orElse(null) instanceof ScalarNode t ? t.text() : "String";
        boolean list = type.startsWith("List<") || type.equals("CommaDelimitedList");
        Optional<Node> dflt = def.get("Default");
        if (dflt.isPresent() && dflt.get() instanceof ScalarNode s && !s.isNull()) {
            return list ? Value.known(splitText(s.text(), ",", s.mark(), true)) : Value.known(s);
        }
        if (dflt.isPresent() && dflt.get() instanceof ListNode l) {
            return eval(l);
        }
        if (!list && def.get("AllowedValues").orElse(null) instanceof ListNode allowed && allowed.size() > 0
                && allowed.size() <= 16) {
            List<Value> options = new ArrayList<>();
            for (Node v : allowed.items()) {
                options.add(eval(v));
            }
            return merge(options);
        }
        return Value.unknown(Reason.PARAMETER_WITHOUT_DEFAULT, "Ref " + name);
    }

    private Value getAtt(Node arg, Mark mark) {
        String resourceId;
        String attribute;
        if (arg instanceof ListNode l && l.size() == 2) {
            Optional<String> id = literal(eval(l.get(0)));
            Optional<String> attr = literal(eval(l.get(1)));
            if (id.isEmpty() || attr.isEmpty()) {
                return Value.unknown(Reason.INVALID, "Fn::GetAtt needs a resource and an attribute");
            }
            resourceId = id.get();
            attribute = attr.get();
        } else if (arg instanceof ScalarNode s && s.text().indexOf('.') > 0) {
            resourceId = s.text().substring(0, s.text().indexOf('.'));
            attribute = s.text().substring(s.text().indexOf('.') + 1);
        } else {
            return Value.unknown(Reason.INVALID, "Fn::GetAtt needs a resource and an attribute");
        }
        Optional<Resource> target = graph.resource(resourceId);
        if (target.isEmpty()) {
            return Value.unknown(Reason.MISSING_REFERENCE, "Fn::GetAtt " + resourceId + "." + attribute);
        }
        if (target.get().type().equals("AWS::EC2::Subnet") && attribute.equals("AvailabilityZone")) {
            Value zone = property(target.get(), "AvailabilityZone");
            return zone.isAbsent() ? Value.unknown(Reason.RUNTIME_ATTRIBUTE,
                    "subnet " + resourceId + " has no AvailabilityZone; AWS picks one") : zone;
        }
        return Value.known(Symbols.getAtt(resourceId, attribute, mark));
    }

    private Value getAzs(Node arg, Mark mark) {
        Optional<String> region = regionOf(arg);
        if (region.isEmpty()) {
            return Value.unknown(Reason.UNSUPPORTED_FUNCTION, "Fn::GetAZs of a region that cannot be known");
        }
        // At least two zones exist in every region; Fn::Select reaches further ones by index.
        List<Node> zones = List.of(zone(0, region.get(), mark), zone(1, region.get(), mark));
        return Value.known(new ListNode(zones, mark, Symbols.AZ_LIST + ":" + region.get()));
    }

    /** "" for the stack's own region, the region name for a literal one; empty when unknown. */
    private Optional<String> regionOf(Node arg) {
        if (arg instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text().trim());
        }
        if (arg instanceof MapNode m && m.size() == 1 && m.get("Ref").orElse(null) instanceof ScalarNode r
                && r.text().equals("AWS::Region")) {
            return Optional.of("");
        }
        return literal(eval(arg));
    }

    private static ScalarNode zone(int index, String region, Mark mark) {
        ScalarNode az = Symbols.az(index, mark);
        return region.isEmpty() ? az
                : new ScalarNode(az.text() + "@" + region, ScalarNode.Type.STRING, mark, Symbols.AZ);
    }

    private Value select(Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Select needs an index and a list");
        }
        Value index = eval(l.get(0));
        Optional<Long> i = index.asLong();
        if (i.isEmpty()) {
            return index.isUnknown() ? index.firstUnknown().orElseThrow()
                    : Value.unknown(Reason.INVALID, "Fn::Select index is not a number");
        }
        if (i.get() < 0 || i.get() > 1000) {
            return Value.unknown(Reason.INVALID, "Fn::Select index out of range: " + i.get());
        }
        int n = i.get().intValue();
        Value list = eval(l.get(1));
        List<Value> results = new ArrayList<>();
        for (Value option : list.possibilities()) {
            if (option instanceof Value.Known k && k.node() instanceof ListNode items
                    && items.tag().startsWith(Symbols.AZ_LIST)) {
                results.add(Value.known(zone(n, items.tag().substring(Symbols.AZ_LIST.length() + 1), mark)));
            } else if (option instanceof Value.Known k && k.node() instanceof ListNode items) {
                results.add(n < items.size() ? shallow(items.get(n))
                        : Value.unknown(Reason.INVALID, "Fn::Select index " + n + " beyond a list of " + items.size()));
            } else if (option instanceof Value.Unknown) {
                results.add(option);
            } else {
                results.add(Value.unknown(Reason.INVALID, "Fn::Select needs a list"));
            }
        }
        return merge(results);
    }

    private Value join(Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Join needs a delimiter and a list");
        }
        Optional<String> delimiter = literal(eval(l.get(0)));
        Value items = eval(l.get(1));
        if (delimiter.isEmpty()) {
            return Value.unknown(Reason.INVALID, "Fn::Join delimiter is not a string");
        }
        Optional<List<Value>> list = items.asList();
        if (list.isEmpty()) {
            return items.isUnknown() ? items.firstUnknown().orElseThrow()
                    : Value.unknown(Reason.UNKNOWN_CONDITION, "Fn::Join list depends on a condition");
        }
        List<String> parts = new ArrayList<>();
        for (Value item : list.get()) {
            Optional<String> text = literal(item);
            if (text.isEmpty()) {
                return unknownPart(item);
            }
            parts.add(text.get());
        }
        return Value.known(ScalarNode.string(String.join(delimiter.get(), parts), mark));
    }

    private Value split(Node arg, Mark mark) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Value.unknown(Reason.INVALID, "Fn::Split needs a delimiter and a string");
        }
        Optional<String> delimiter = literal(eval(l.get(0)));
        Value source = eval(l.get(1));
        Optional<String> text = literal(source);
        if (delimiter.isEmpty() || delimiter.get().isEmpty()) {
            return Value.unknown(Reason.INVALID, "Fn::Split delimiter is not a string");
        }
        if (text.isEmpty()) {
            return unknownPart(source);
        }
        return Value.known(splitText(text.get(), delimiter.get(), mark, false));
    }

    private static ListNode splitText(String text, String delimiter, Mark mark, boolean trim) {
        List<Node> items = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter), -1)) {
            items.add(ScalarNode.string(trim ? part.trim() : part, mark));
        }
        return new ListNode(items, mark, "");
    }

    /**
     * {@code Fn::Sub}. With {@code placeholders}, variables that cannot be known stay as their
     * {@code ${...}} text instead of making the whole string unknown (for embedded JSON).
     */
    private Value sub(Node arg, Mark mark, boolean placeholders) {
        String template;
        MapNode variables = null;
        if (arg instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            template = s.text();
        } else if (arg instanceof ListNode l && l.size() == 2 && l.get(0) instanceof ScalarNode s
                && l.get(1) instanceof MapNode vars) {
            template = s.text();
            variables = vars;
        } else {
            return Value.unknown(Reason.INVALID, "Fn::Sub needs a string, or a string and a map");
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            tick();
            out.append(template, last, m.start());
            last = m.end();
            String name = m.group(1);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
                continue;
            }
            Value v = subVariable(name.trim(), variables, mark);
            Optional<String> text = literal(v);
            if (text.isPresent()) {
                out.append(text.get());
            } else if (placeholders) {
                out.append(m.group());
            } else {
                return unknownPart(v);
            }
        }
        out.append(template.substring(last));
        return Value.known(ScalarNode.string(out.toString(), mark));
    }

    private Value subVariable(String name, MapNode variables, Mark mark) {
        if (variables != null && variables.has(name)) {
            return eval(variables.get(name).orElseThrow());
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return getAtt(ScalarNode.string(name, mark), mark);
        }
        return ref(ScalarNode.string(name, mark), mark);
    }

    private Value findInMap(Node arg) {
        if (!(arg instanceof ListNode l) || l.size() < 3 || l.size() > 4) {
            return Value.unknown(Reason.INVALID, "Fn::FindInMap needs a map name and two keys");
        }
        List<Value> keys = List.of(eval(l.get(0)), eval(l.get(1)), eval(l.get(2)));
        Node fallback = null;
        if (l.size() == 4 && l.get(3) instanceof MapNode opts) {
            fallback = opts.get("DefaultValue").orElse(null);
        }
        List<Value> results = new ArrayList<>();
        for (Value mapName : keys.get(0).possibilities()) {
            for (Value top : keys.get(1).possibilities()) {
                for (Value second : keys.get(2).possibilities()) {
                    results.add(lookup(mapName, top, second, fallback));
                }
            }
        }
        return merge(results);
    }

    private Value lookup(Value mapName, Value top, Value second, Node fallback) {
        for (Value key : List.of(mapName, top, second)) {
            if (literal(key).isEmpty()) {
                return unknownPart(key);
            }
        }
        Optional<Node> found = context.mappings().get(literal(mapName).orElseThrow())
                .flatMap(m -> m instanceof MapNode mm ? mm.get(literal(top).orElseThrow()) : Optional.empty())
                .flatMap(m -> m instanceof MapNode mm ? mm.get(literal(second).orElseThrow()) : Optional.empty());
        if (found.isPresent()) {
            return eval(found.get());
        }
        if (fallback != null) {
            return eval(fallback);
        }
        return Value.unknown(Reason.INVALID, "Fn::FindInMap finds nothing for " + literal(mapName).orElseThrow()
                + "/" + literal(top).orElseThrow() + "/" + literal(second).orElseThrow());
    }

    private Value ifFunction(Node arg) {
        if (!(arg instanceof ListNode l) || l.size() != 3 || !(l.get(0) instanceof ScalarNode cond)) {
            return Value.unknown(Reason.INVALID, "Fn::If needs a condition name and two values");
        }
        Optional<Boolean> holds = conditionNamed(cond.text());
        if (holds.isPresent()) {
            return eval(l.get(holds.get() ? 1 : 2));
        }
        return merge(List.of(eval(l.get(1)), eval(l.get(2))));
    }

    // ---------------------------------------------------------------- conditions

    private Optional<Boolean> conditionNamed(String name) {
        if (conditionCache.containsKey(name)) {
            return conditionCache.get(name);
        }
        Optional<Node> def = context.conditions().get(name);
        if (def.isEmpty() || !conditionsInProgress.add(name)) {
            return Optional.empty(); // undefined or circular
        }
        Optional<Boolean> result;
        try {
            enter();
            result = conditionValue(def.get());
        } finally {
            leave();
            conditionsInProgress.remove(name);
        }
        conditionCache.put(name, result);
        return result;
    }

    private Optional<Boolean> conditionValue(Node node) {
        tick();
        if (!(node instanceof MapNode m) || m.size() != 1) {
            return node instanceof ScalarNode s ? parseBoolean(s.text()) : Optional.empty();
        }
        String fn = m.keys().get(0);
        Node arg = m.get(fn).orElseThrow();
        switch (fn) {
            case "Condition":
                return arg instanceof ScalarNode s ? conditionNamed(s.text()) : Optional.empty();
            case "Fn::Not":
                if (arg instanceof ListNode l && l.size() == 1) {
                    return conditionValue(l.get(0)).map(b -> !b);
                }
                return Optional.empty();
            case "Fn::And":
            case "Fn::Or":
                return andOr(fn.equals("Fn::And"), arg);
            case "Fn::Equals":
                return equalsFunction(arg);
            default:
                return Optional.empty();
        }
    }

    private Optional<Boolean> andOr(boolean and, Node arg) {
        if (!(arg instanceof ListNode l)) {
            return Optional.empty();
        }
        boolean unknown = false;
        for (Node item : l.items()) {
            Optional<Boolean> v = conditionValue(item);
            if (v.isEmpty()) {
                unknown = true;
            } else if (v.get() != and) {
                return Optional.of(!and); // false short-circuits And, true short-circuits Or
            }
        }
        return unknown ? Optional.empty() : Optional.of(and);
    }

    private Optional<Boolean> equalsFunction(Node arg) {
        if (!(arg instanceof ListNode l) || l.size() != 2) {
            return Optional.empty();
        }
        Value a = eval(l.get(0));
        Value b = eval(l.get(1));
        Boolean result = null;
        for (Value x : a.possibilities()) {
            for (Value y : b.possibilities()) {
                Optional<String> sx = literal(x);
                Optional<String> sy = literal(y);
                if (sx.isEmpty() || sy.isEmpty()) {
                    return Optional.empty();
                }
                boolean eq = sx.get().equals(sy.get());
                if (result != null && result != eq) {
                    return Optional.empty();
                }
                result = eq;
            }
        }
        return Optional.ofNullable(result);
    }

    private static Optional<Boolean> parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- embedded JSON

    private Value jsonOf(Value option) {
        if (!(option instanceof Value.Known k)) {
            return option;
        }
        Node node = k.node();
        if (node instanceof MapNode m && !isFunction(m)) {
            return eval(m);
        }
        if (node instanceof MapNode m && isFunction(m)) {
            String fn = m.keys().get(0);
            if (!fn.equals("Fn::Sub") && !fn.equals("Fn::Join")) {
                // Fn::If, Ref to a parameter and the like: evaluate first, then read each possibility
                List<Value> results = new ArrayList<>();
                for (Value p : eval(m).possibilities()) {
                    results.add(p instanceof Value.Known known && !isFunction(known.node()) ? jsonOf(p) : p);
                }
                return merge(results);
            }
        }
        Optional<String> text = textWithPlaceholders(node);
        if (text.isEmpty()) {
            return Value.unknown(Reason.UNSUPPORTED_FUNCTION, "JSON text built in a way resilint cannot follow");
        }
        String json = text.get().strip();
        if (!json.startsWith("{") && !json.startsWith("[")) {
            return Value.unknown(Reason.INVALID, "not a JSON object or array");
        }
        try {
            return Value.known(new TreeReader().parse(json, "embedded JSON"));
        } catch (TreeReadException e) {
            return Value.unknown(Reason.INVALID, "not valid JSON after substitution: " + e.getMessage());
        }
    }

    private Optional<String> textWithPlaceholders(Node node) {
        if (node instanceof ScalarNode s && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text());
        }
        if (node instanceof MapNode m && m.size() == 1) {
            String fn = m.keys().get(0);
            Node arg = m.get(fn).orElseThrow();
            if (fn.equals("Fn::Sub")) {
                return literal(sub(arg, m.mark(), true));
            }
            if (fn.equals("Fn::Join") && arg instanceof ListNode l && l.size() == 2
                    && l.get(1) instanceof ListNode parts) {
                Optional<String> delimiter = literal(eval(l.get(0)));
                if (delimiter.isEmpty()) {
                    return Optional.empty();
                }
                List<String> texts = new ArrayList<>();
                for (Node part : parts.items()) {
                    Optional<String> t = textWithPlaceholders(part);
                    if (t.isEmpty()) {
                        Value v = eval(part);
                        t = literal(v).or(() -> Optional.of("${" + describePlaceholder(part) + "}"));
                    }
                    texts.add(t.get());
                }
                return Optional.of(String.join(delimiter.get(), texts));
            }
            Optional<String> lit = literal(eval(node));
            return lit.isPresent() ? lit : Optional.of("${" + describePlaceholder(node) + "}");
        }
        return Optional.empty();
    }

    private static String describePlaceholder(Node node) {
        if (node instanceof MapNode m && m.size() == 1) {
            Node arg = m.get(m.keys().get(0)).orElseThrow();
            if (arg instanceof ScalarNode s) {
                return s.text();
            }
            if (arg instanceof ListNode l && l.size() == 2 && l.get(0) instanceof ScalarNode a
                    && l.get(1) instanceof ScalarNode b) {
                return a.text() + "." + b.text();
            }
        }
        return "unknown";
    }

    // ---------------------------------------------------------------- helpers

    /** A literal, non-symbolic scalar's text. */
    private static Optional<String> literal(Value value) {
        if (value instanceof Value.Known k && k.node() instanceof ScalarNode s && !s.isNull()
                && !Symbols.isSymbolic(s)) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    private static Value unknownPart(Value part) {
        if (part.isUnknown()) {
            return part.firstUnknown().orElseThrow();
        }
        if (part instanceof Value.OneOf) {
            return Value.unknown(Reason.UNKNOWN_CONDITION, "part depends on a condition");
        }
        Optional<Symbols.ResourceRef> ref = part.asResourceRef();
        if (ref.isPresent()) {
            return Value.unknown(Reason.RUNTIME_ATTRIBUTE, ref.get().attribute().isEmpty()
                    ? "the physical id of " + ref.get().resourceId()
                    : ref.get().resourceId() + "." + ref.get().attribute());
        }
        return Value.unknown(Reason.INVALID, "expected a string");
    }
}
