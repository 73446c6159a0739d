package dev.resilint.infra.graph;

import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.Optional;

/**
 * The symbolic scalars that stand, inside known values, for things only deployment decides: a
 * reference to a resource, one of its attributes, an Availability Zone of the stack's region.
 * They are {@link ScalarNode}s with a tag from here; tags start with {@code resilint:} so that
 * they never collide with YAML tags (which the loader has removed by then).
 */
public final class Symbols {

    /** {@code Ref} to a resource; text is the logical id. */
    public static final String REF = "resilint:ref";
    /** {@code Fn::GetAtt}; text is {@code LogicalId.Attribute}. */
    public static final String GET_ATT = "resilint:getatt";
    /** An Availability Zone of the stack's region; text {@code az[0]}, {@code az[1]}, ... */
    public static final String AZ = "resilint:az";
    /** The list {@code Fn::GetAZs} returns; items are {@link #AZ} scalars. */
    public static final String AZ_LIST = "resilint:azs";
    /** An unknown item inside an otherwise known list; text is the reason's name and detail. */
    public static final String UNKNOWN = "resilint:unknown";

    /** A resource and, for {@code Fn::GetAtt}, an attribute ({@code ""} for {@code Ref}). */
    public record ResourceRef(String resourceId, String attribute) {
    }

    private Symbols() {
    }

    public static ScalarNode ref(String resourceId, Mark mark) {
        return new ScalarNode(resourceId, ScalarNode.Type.STRING, mark, REF);
    }

    public static ScalarNode getAtt(String resourceId, String attribute, Mark mark) {
        return new ScalarNode(resourceId + "." + attribute, ScalarNode.Type.STRING, mark, GET_ATT);
    }

    public static ScalarNode az(int index, Mark mark) {
        return new ScalarNode("az[" + index + "]", ScalarNode.Type.STRING, mark, AZ);
    }

    /** A placeholder for an unknown item inside an otherwise known list or map. */
    public static ScalarNode unknownPlaceholder(Value.Unknown unknown, Mark mark) {
        return new ScalarNode(unknown.reason().name() + "\u0000" + unknown.detail(), ScalarNode.Type.STRING, mark,
                UNKNOWN);
    }

    public static boolean isUnknownPlaceholder(Node node) {
        return node instanceof ScalarNode s && UNKNOWN.equals(s.tag());
    }

    public static Value.Unknown unknownOf(Node node) {
        String text = ((ScalarNode) node).text();
        int split = text.indexOf('\u0000');
        return new Value.Unknown(Value.Reason.valueOf(text.substring(0, split)), text.substring(split + 1));
    }

    /** An evaluated node as a value: an unknown placeholder becomes the {@link Value.Unknown} it stands for. */
    public static Value valueOf(Node node) {
        return isUnknownPlaceholder(node) ? unknownOf(node) : new Value.Known(node);
    }

    /** True for the symbolic scalars defined here. */
    public static boolean isSymbolic(ScalarNode s) {
        return s.tag().startsWith("resilint:");
    }

    /** The resource a symbolic {@code Ref} or {@code Fn::GetAtt} scalar points at. */
    public static Optional<ResourceRef> resourceRef(Node node) {
        if (node instanceof ScalarNode s) {
            if (REF.equals(s.tag())) {
                return Optional.of(new ResourceRef(s.text(), ""));
            }
            if (GET_ATT.equals(s.tag())) {
                // a template's logical id has no dot, its attribute may (Endpoint.Address); a live
                // resource's id is its ARN, which may (jobs.fifo), and its attribute has none
                int dot = s.text().startsWith("arn:") ? s.text().lastIndexOf('.') : s.text().indexOf('.');
                return Optional.of(new ResourceRef(s.text().substring(0, dot), s.text().substring(dot + 1)));
            }
        }
        return Optional.empty();
    }
}
