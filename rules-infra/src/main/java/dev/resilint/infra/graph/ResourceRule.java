package dev.resilint.infra.graph;

import dev.resilint.core.RuleContext;

/**
 * The loop most rules share: every resource of the types the rule judges
 * ({@link dev.resilint.core.RuleMetadata#judgedTypes()}) that may exist is judged on its own. A
 * resource that is provably never created (its template condition is false) is not judged.
 */
public abstract class ResourceRule implements InfraRule {

    @Override
    public final void check(GraphView graph, RuleContext context) throws Exception {
        for (String type : metadata().judgedTypes()) {
            for (Resource resource : graph.ofType(type)) {
                if (graph.mayExist(resource)) {
                    check(resource, graph, context);
                }
            }
        }
    }

    /** Judges one resource that may exist. */
    protected abstract void check(Resource resource, GraphView graph, RuleContext context) throws Exception;
}
