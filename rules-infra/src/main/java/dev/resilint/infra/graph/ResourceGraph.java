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
    private final EvaluationContext context;
    private Evaluator evaluator;
    private References references;

    public ResourceGraph(String name, List<Resource> resources) {
        this(name, resources, EvaluationContext.EMPTY);
    }

    /** A graph whose values may refer to parameters, mappings and conditions of {@code context}. */
    public ResourceGraph(String name, List<Resource> resources, EvaluationContext context) {
        this.name = name;
        this.context = context;
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

    public EvaluationContext context() {
        return context;
    }

    /** Who points at whom. */
    public synchronized References references() {
        if (references == null) {
            references = References.of(this);
        }
        return references;
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
