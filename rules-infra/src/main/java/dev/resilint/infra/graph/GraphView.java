package dev.resilint.infra.graph;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one rule sees of a graph: the resources of the types its metadata declares
 * ({@link RuleMetadata#resourceTypes()}), their values, existence and relations, whatever the
 * source. Resources of other types are not there: references to and from them are left out, and
 * asking for such a type by name (or handing the view a resource of one) throws
 * {@link UndeclaredTypeException}, because a rule's declared types decide where a live scan can
 * evaluate it.
 *
 * <p>A value that a live source could not read ({@link Value.Reason#isReadGap()}) is recorded as a
 * read gap of its resource: the rule stays quiet on it, and the engine reports the rule as not
 * evaluated for that resource.
 */
public final class GraphView {

    /** A value the rule needed that the source could not read. */
    record ReadGap(Resource resource, NotEvaluated.Reason reason, String detail) {
    }

    private final ResourceGraph graph;
    private final String ruleId;
    private final Set<String> declared;
    private final Map<String, ReadGap> readGaps = new LinkedHashMap<>();
    private ZoneResolver zones;

    public GraphView(ResourceGraph graph, RuleMetadata rule) {
        this(graph, rule, rule.resourceTypes());
    }

    /** A view of only {@code types} of the rule's declared types (those that were read, for a rule that judges its types independently). */
    public GraphView(ResourceGraph graph, RuleMetadata rule, List<String> types) {
        this.graph = graph;
        this.ruleId = rule.id();
        this.declared = new LinkedHashSet<>(types);
        if (!rule.resourceTypes().containsAll(types)) {
            throw new IllegalArgumentException(rule.id() + " does not declare all of " + types);
        }
    }

    /**
     * Whether the view holds {@code type}: a rule that judges its types independently sees only those
     * of its declared types that were read in full.
     */
    public boolean holds(String type) {
        return declared.contains(type);
    }

    /** The template file or account region the graph was built from. */
    public String name() {
        return graph.name();
    }

    /** The kind of source that built the graph. */
    public SourceKind kind() {
        return graph.kind();
    }

    // ---------------------------------------------------------------- resources

    /** Every resource of a declared type, in the source's order. */
    public List<Resource> resources() {
        if (declared.size() == 1) {
            return graph.ofType(declared.iterator().next());
        }
        return graph.resources().stream().filter(r -> declared.contains(r.type())).toList();
    }

    /** The resources of {@code type}, which must be declared. */
    public List<Resource> ofType(String type) {
        require(type);
        return graph.ofType(type);
    }

    /** The resource with this id; throws when it exists with an undeclared type. */
    public Optional<Resource> resource(String id) {
        Optional<Resource> r = graph.resource(id);
        r.ifPresent(this::require);
        return r;
    }

    /** The resource with this id when it is of one of {@code types} (each declared). */
    public Optional<Resource> resource(String id, String... types) {
        for (String type : types) {
            require(type);
        }
        return graph.resource(id).filter(r -> List.of(types).contains(r.type()));
    }

    /** The resource of one of {@code types} that a value refers to ({@code Ref}, {@code Fn::GetAtt}, a live ARN or id). */
    public Optional<Resource> resolve(Value value, String... types) {
        for (String type : types) {
            require(type);
        }
        return value.asResourceRef().flatMap(ref -> resource(ref.resourceId(), types));
    }

    // ---------------------------------------------------------------- references

    /** References to the resource from resources of declared types. */
    public List<References.Edge> edgesTo(Resource resource) {
        require(resource);
        return graph.references().to(resource.id()).stream().filter(e -> isDeclared(e.from())).toList();
    }

    /** References from the resource to resources of declared types. */
    public List<References.Edge> edgesFrom(Resource resource) {
        require(resource);
        return graph.references().from(resource.id()).stream().filter(e -> isDeclared(e.to())).toList();
    }

    /** The resources of {@code type} that refer to {@code resource}, each once, in the source's order. */
    public List<Resource> referrers(Resource resource, String type) {
        require(type);
        return edgesTo(resource).stream().map(References.Edge::from).distinct()
                .map(id -> graph.resource(id).orElseThrow()).filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The ids of the declared resources referred to at {@code fullPath} of the resource (relative to
     * it, such as {@code Properties/Integration/Uri}) or anywhere below it, {@code DependsOn} aside.
     */
    public List<String> referencedIdsAt(Resource resource, String fullPath) {
        Set<String> ids = new LinkedHashSet<>();
        for (References.Edge e : edgesFrom(resource)) {
            if (e.kind() != References.Kind.DEPENDS_ON
                    && (e.path().equals(fullPath) || e.path().startsWith(fullPath + "/"))) {
                ids.add(e.to());
            }
        }
        return new ArrayList<>(ids);
    }

    private boolean isDeclared(String id) {
        return graph.resource(id).map(r -> declared.contains(r.type())).orElse(false);
    }

    // ---------------------------------------------------------------- values

    /** A property's value; see {@link GraphSource#property}. */
    public Value property(Resource resource, String path) {
        require(resource);
        return noted(resource, graph.source().property(resource, path));
    }

    /**
     * A property's value of {@code resource} that the judgement of {@code judged} depends on: when the
     * source could not read it, the read gap is {@code judged}'s (the rule cannot judge that one), not
     * {@code resource}'s.
     */
    public Value property(Resource resource, String path, Resource judged) {
        require(resource);
        require(judged);
        return noted(judged, graph.source().property(resource, path));
    }

    /** An attribute outside {@code Properties} ({@code DeletionPolicy}); see {@link GraphSource#attribute}. */
    public Value attribute(Resource resource, String name) {
        require(resource);
        return noted(resource, graph.source().attribute(resource, name));
    }

    /** Whether the source writes the property at all; see {@link GraphSource#written}. */
    public boolean written(Resource resource, String path) {
        require(resource);
        return graph.source().written(resource, path);
    }

    /** The property as the source writes it, functions unevaluated; see {@link GraphSource#asWritten}. */
    public Optional<Node> asWritten(Resource resource, String path) {
        require(resource);
        return graph.source().asWritten(resource, path);
    }

    /** A script carried as a string, for searching it; see {@link GraphSource#scriptText}. */
    public Value scriptText(Resource resource, String path) {
        require(resource);
        return noted(resource, graph.source().scriptText(resource, path));
    }

    /** JSON carried as a string, parsed; see {@link GraphSource#embeddedJson}. */
    public Value embeddedJson(Resource resource, String path) {
        require(resource);
        return noted(resource, graph.source().embeddedJson(resource, path));
    }

    /**
     * Whether the source read all of the resource's details. When it did not, the rule cannot know
     * what the missing ones say (a reference to the resource being judged, say): the resource is
     * recorded as a read gap, so the engine reports the rule as not evaluated for it.
     */
    public boolean fullyRead(Resource resource) {
        require(resource);
        Optional<Value.Unknown> why = graph.source().unread(resource);
        why.ifPresent(u -> noted(resource, u));
        return why.isEmpty();
    }

    /**
     * Records that the rule cannot judge {@code resource} because data it needs could not be read
     * ({@code why}, a live read gap): the engine reports the rule as not evaluated for it.
     */
    public void cannotJudge(Resource resource, Value.Unknown why) {
        require(resource);
        noted(resource, why);
    }

    private Value noted(Resource resource, Value value) {
        for (Value option : value.possibilities()) {
            if (option instanceof Value.Unknown u && u.reason().isReadGap()) {
                readGaps.putIfAbsent(resource.id(), new ReadGap(resource, gapReason(u.reason()), u.detail()));
            }
        }
        return value;
    }

    private static NotEvaluated.Reason gapReason(Value.Reason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> NotEvaluated.Reason.ACCESS_DENIED;
            case THROTTLED -> NotEvaluated.Reason.THROTTLED;
            default -> NotEvaluated.Reason.ERROR;
        };
    }

    /** The resources whose values the rule needed and the source could not read. */
    List<ReadGap> readGaps() {
        return List.copyOf(readGaps.values());
    }

    // ---------------------------------------------------------------- existence

    /** Whether the resource exists: true, false, or empty when that depends on something unknown. */
    public Optional<Boolean> exists(Resource resource) {
        require(resource);
        return graph.source().exists(resource);
    }

    /** False only when the resource provably never exists (a template condition that is false). */
    public boolean mayExist(Resource resource) {
        return !exists(resource).equals(Optional.of(Boolean.FALSE));
    }

    /** Whether {@code other} exists whenever {@code resource} does; see {@link GraphSource#existsWhenever}. */
    public boolean existsWhenever(Resource resource, Resource other) {
        require(resource);
        require(other);
        return graph.source().existsWhenever(resource, other);
    }

    // ---------------------------------------------------------------- zones

    /** The Availability Zones of a list of subnets (or one subnet); the rule must declare {@code AWS::EC2::Subnet}. */
    public AzSet zonesOfSubnets(Value subnets) {
        require(ZoneResolver.SUBNET);
        return zones().ofSubnets(subnets);
    }

    /** The Availability Zones a list of zone names (or one zone) stands for. */
    public AzSet zonesOfZoneNames(Value zoneNames) {
        return zones().ofZoneNames(zoneNames);
    }

    private ZoneResolver zones() {
        if (zones == null) {
            zones = new ZoneResolver(graph);
        }
        return zones;
    }

    // ---------------------------------------------------------------- declared types

    private void require(String type) {
        if (!declared.contains(type)) {
            throw new UndeclaredTypeException(ruleId, type);
        }
    }

    private void require(Resource resource) {
        require(resource.type());
    }
}
