package dev.resilint.live.map;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON documents that an API returns as strings (an SQS redrive policy, an SNS subscription's
 * filter policy, an EventBridge event pattern), read as trees where CloudFormation has a JSON
 * object property ({@code Json} in the resource schema).
 */
public final class Json {

    /** Policies and patterns are small; anything larger is kept as the string the API gave. */
    static final long MAX_BYTES = 1024 * 1024;

    private Json() {
    }

    /** The JSON object in {@code text}; empty when {@code text} is null, blank or not a JSON object. */
    public static Optional<MapNode> object(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            Node node = new TreeReader(MAX_BYTES).parse(text, "API JSON");
            return node instanceof MapNode m ? Optional.of(m) : Optional.empty();
        } catch (TreeReadException e) {
            return Optional.empty();
        }
    }

    /**
     * The JSON object in {@code text} as a node, or the string itself when it is not one (so that a
     * rule still sees that the property is set); null for null or blank text.
     */
    public static Node objectOrString(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return object(text).map(Node.class::cast).orElse(Props.str(text));
    }

    /**
     * The object with the string at {@code key} written as a reference to a resource of one of
     * {@code types} ({@link Props#ref}); other entries as they are.
     */
    public static MapNode withRef(MapNode object, String key, String... types) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry e : object.entries()) {
            if (e.key().equals(key) && e.value() instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING
                    && !s.text().isBlank()) {
                entries.add(new MapNode.Entry(e.key(), e.keyMark(), Props.refNode(s.text(), types)));
            } else {
                entries.add(e);
            }
        }
        return new MapNode(entries, object.mark(), object.tag());
    }
}
