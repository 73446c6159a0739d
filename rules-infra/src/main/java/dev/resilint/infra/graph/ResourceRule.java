package dev.resilint.infra.graph;

import dev.resilint.core.RuleContext;
import java.util.List;

/**
 * The loop most rules share, written once: every resource of the types the rule judges
 * ({@link dev.resilint.core.RuleMetadata#judgedTypes()}, declared with {@code .judges(...)}) that
 * may exist is judged on its own, in the source's order. A resource that is provably never created
 * (its template condition is false) is not judged. A rule that needs the whole graph at once
 * (counting a cluster's members, gathering a function's callers) implements {@link InfraRule}.
 */
public abstract class ResourceRule implements InfraRule {

    @Override
    public final void check(GraphView graph, RuleContext context) throws Exception {
        List<String> judged = metadata().judgedTypes();
        List<Resource> candidates = judged.size() == 1 ? graph.ofType(judged.get(0)) : graph.resources();
        for (Resource resource : candidates) {
            if (judged.contains(resource.type()) && graph.mayExist(resource)) {
                check(resource, graph, context);
            }
        }
    }

    /** Judges one resource of a judged type that may exist. */
    protected abstract void check(Resource resource, GraphView graph, RuleContext context) throws Exception;
}
