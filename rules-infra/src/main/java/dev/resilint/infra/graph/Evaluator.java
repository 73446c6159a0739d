package dev.resilint.infra.graph;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.Intrinsics;
import java.util.Optional;

/**
 * Answers what a resource's property is. This first evaluator knows literal values and says
 * {@link Value.Unknown} for every intrinsic function, so rules built on it stay quiet whenever a
 * value flows through {@code Ref}, {@code Fn::If} and the like; the symbolic evaluator that resolves
 * them replaces it behind the same methods.
 */
public final class Evaluator {

    private final ResourceGraph graph;

    public Evaluator(ResourceGraph graph) {
        this.graph = graph;
    }

    public ResourceGraph graph() {
        return graph;
    }

    /** The value of a property path below {@code Properties}, such as {@code PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled}. */
    public Value property(Resource resource, String path) {
        Node current = resource.properties();
        for (String part : path.split("/")) {
            Value here = classify(current);
            if (!here.isKnown()) {
                return here;
            }
            if (!(current instanceof MapNode map)) {
                return Value.unknown("expected a map at " + part);
            }
            Optional<Node> next = map.get(part);
            if (next.isEmpty()) {
                return Value.ABSENT;
            }
            current = next.get();
        }
        return classify(current);
    }

    private static Value classify(Node node) {
        if (node instanceof MapNode map && map.size() == 1) {
            String key = map.keys().get(0);
            if (Intrinsics.isFunctionKey(key)) {
                return Value.unknown(key + " is not evaluated");
            }
            if (Intrinsics.isDirectiveKey(key)) {
                return Value.unknown("preprocessor directive " + key);
            }
        }
        if (node instanceof dev.resilint.core.tree.ScalarNode s && s.isNull()) {
            return Value.ABSENT;
        }
        return new Value.Known(node);
    }
}
