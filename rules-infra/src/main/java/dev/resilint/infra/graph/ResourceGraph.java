package dev.resilint.infra.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of one stack or account, by logical id, in a source-neutral shape. Rules read it
 * through {@link Evaluator}, never through raw template syntax.
 */
public final class ResourceGraph {

    private final String name;
    private final Map<String, Resource> resources;
    private Evaluator evaluator;

    public ResourceGraph(String name, List<Resource> resources) {
        this.name = name;
        Map<String, Resource> map = new LinkedHashMap<>();
        for (Resource r : resources) {
            map.put(r.id(), r);
        }
        this.resources = map;
    }

    /** The template file or account this graph was built from. */
    public String name() {
        return name;
    }

    public List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** The evaluator rules read this graph through. */
    public synchronized Evaluator evaluator() {
        if (evaluator == null) {
            evaluator = new Evaluator(this);
        }
        return evaluator;
    }

    /** Resources of one CloudFormation type, in document order. */
    public List<Resource> ofType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }
}
