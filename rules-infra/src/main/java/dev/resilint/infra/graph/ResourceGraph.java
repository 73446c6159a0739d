package dev.resilint.infra.graph;

import dev.resilint.core.SourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resources of one scope (a template, or one region of a live account) in a source-neutral
 * shape, with what its source knows about them: their values ({@link GraphSource}), who refers to
 * whom ({@link References}) and which types were read in full ({@link Completeness}). Sources build
 * it; rules see it only through a {@link GraphView} limited to the types they declare.
 */
public final class ResourceGraph {

    private final String name;
    private final Map<String, Resource> resources;
    private final List<Resource> ordered;
    private final Map<String, List<Resource>> byType;
    private final Function<ResourceGraph, GraphSource> sourceFactory;
    private final Function<ResourceGraph, References> referencesFactory;
    private final Completeness completeness;
    private GraphSource source;
    private References references;

    /**
     * @param name how reports name the scope: the template file, or {@code account/region}
     * @param resources the resources, in the source's order
     * @param source gives the source's semantics for this graph (built once, on first use)
     * @param references gives the references between the resources (built once, on first use)
     * @param completeness which types were read in full
     */
    public ResourceGraph(String name, List<Resource> resources, Function<ResourceGraph, GraphSource> source,
            Function<ResourceGraph, References> references, Completeness completeness) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, Resource> map = new LinkedHashMap<>();
        for (Resource r : resources) {
            map.put(r.id(), r);
        }
        this.resources = map;
        this.ordered = List.copyOf(map.values());
        Map<String, List<Resource>> types = new HashMap<>();
        for (Resource r : ordered) {
            types.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
        }
        types.replaceAll((t, list) -> List.copyOf(list));
        this.byType = types;
        this.sourceFactory = Objects.requireNonNull(source, "source");
        this.referencesFactory = Objects.requireNonNull(references, "references");
        this.completeness = Objects.requireNonNull(completeness, "completeness");
    }

    /** The template file or account region this graph was built from. */
    public String name() {
        return name;
    }

    public List<Resource> resources() {
        return ordered;
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** Resources of one CloudFormation type, in the source's order. */
    public List<Resource> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** The source's reading of values, existence and embedded JSON. */
    public synchronized GraphSource source() {
        if (source == null) {
            source = sourceFactory.apply(this);
        }
        return source;
    }

    /** The kind of source that built the graph. */
    public SourceKind kind() {
        return source().kind();
    }

    /** Who points at whom. */
    public synchronized References references() {
        if (references == null) {
            references = referencesFactory.apply(this);
        }
        return references;
    }

    public Completeness completeness() {
        return completeness;
    }
}
