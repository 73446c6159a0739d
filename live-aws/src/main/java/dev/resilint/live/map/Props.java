package dev.resilint.live.map;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds CloudFormation-shaped property trees from API values. A {@code null} value (the API did not
 * return the field) and an empty list leave the key out, as an unset property would be in a
 * template. A reference to another resource is written with {@link #ref}: the graph builder turns it
 * into a resolved reference when a resource of one of the named types with that identifier was
 * collected, and into the plain identifier otherwise.
 */
public final class Props {

    /** Tag prefix of a reference still to resolve; the rest of the tag lists the types it may name. */
    public static final String REF_TAG = "resilint:live-ref:";

    private final List<MapNode.Entry> entries = new ArrayList<>();

    private Props() {
    }

    /** An empty map to fill. */
    public static Props map() {
        return new Props();
    }

    public Props put(String key, String value) {
        return value == null ? this : add(key, str(value));
    }

    public Props put(String key, Number value) {
        return value == null ? this : add(key, number(value));
    }

    public Props put(String key, Boolean value) {
        return value == null ? this : add(key, bool(value));
    }

    public Props put(String key, Node value) {
        return value == null ? this : add(key, value);
    }

    public Props put(String key, Props value) {
        return value == null ? this : add(key, value.build());
    }

    /** A map value only when it has entries. */
    public Props putIfNotEmpty(String key, Props value) {
        return value == null || value.entries.isEmpty() ? this : add(key, value.build());
    }

    /** A list of strings; left out when null or empty. */
    public Props strings(String key, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        return add(key, list(values.stream().map(Props::str).map(Node.class::cast).toList()));
    }

    /** A list of nodes (maps built with {@link Props}); left out when null or empty. */
    public Props list(String key, List<? extends Node> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        return add(key, list(values));
    }

    /** A reference to a resource of one of {@code types} by {@code identifier}; left out when null or blank. */
    public Props ref(String key, String identifier, String... types) {
        return identifier == null || identifier.isBlank() ? this : add(key, refNode(identifier, types));
    }

    /** A list of references; left out when null or empty. */
    public Props refs(String key, Collection<String> identifiers, String... types) {
        if (identifiers == null || identifiers.isEmpty()) {
            return this;
        }
        return add(key, list(identifiers.stream().map(id -> (Node) refNode(id, types)).toList()));
    }

    /**
     * Tags as CloudFormation writes most of them: a list of {@code {Key, Value}} maps, sorted by key;
     * left out when there are none.
     */
    public Props tags(String key, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return this;
        }
        List<Node> items = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> items.add(map().put("Key", k).put("Value", v).build()));
        return add(key, list(items));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public MapNode build() {
        return new MapNode(entries, Mark.UNKNOWN, "");
    }

    private Props add(String key, Node value) {
        entries.removeIf(e -> e.key().equals(key));
        entries.add(new MapNode.Entry(key, Mark.UNKNOWN, value));
        return this;
    }

    // ---------------------------------------------------------------- nodes

    public static ScalarNode str(String value) {
        return new ScalarNode(value, ScalarNode.Type.STRING, Mark.UNKNOWN, "");
    }

    public static ScalarNode number(Number value) {
        boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short;
        return new ScalarNode(value.toString(), integral ? ScalarNode.Type.INTEGER : ScalarNode.Type.DECIMAL,
                Mark.UNKNOWN, "");
    }

    public static ScalarNode bool(boolean value) {
        return new ScalarNode(Boolean.toString(value), ScalarNode.Type.BOOLEAN, Mark.UNKNOWN, "");
    }

    public static ListNode list(List<? extends Node> items) {
        return new ListNode(List.copyOf(items), Mark.UNKNOWN, "");
    }

    /** A reference still to resolve: {@code identifier}, naming a resource of one of {@code types}. */
    public static ScalarNode refNode(String identifier, String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("a reference names the types it may refer to");
        }
        return new ScalarNode(identifier, ScalarNode.Type.STRING, Mark.UNKNOWN, REF_TAG + String.join(",", types));
    }

    /** The types a reference still to resolve may name; empty for any other node. */
    public static Optional<List<String>> refTypes(Node node) {
        if (node instanceof ScalarNode s && s.tag().startsWith(REF_TAG)) {
            return Optional.of(List.of(s.tag().substring(REF_TAG.length()).split(",")));
        }
        return Optional.empty();
    }
}
