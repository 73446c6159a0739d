package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Reading one attribute of a {@code [{Key, Value}]} list, as Elastic Load Balancing writes
 * {@code LoadBalancerAttributes} and {@code TargetGroupAttributes}: the attribute's value in each
 * possibility of the list, absent when the list does not set it, and unknown when the list, or the
 * key of one of its items, cannot be known.
 */
public final class KeyValueAttributes {

    private KeyValueAttributes() {
    }

    /** The value of attribute {@code key} in the attribute list {@code attributes}, per possibility of the list. */
    public static Value value(Value attributes, String key) {
        List<Value> options = attributes.possibilities().stream().map(option -> one(option, key)).toList();
        return options.size() == 1 ? options.get(0) : new Value.OneOf(options);
    }

    private static Value one(Value attributes, String key) {
        if (attributes instanceof Value.Absent) {
            return Value.ABSENT;
        }
        if (attributes instanceof Value.Unknown u) {
            return u;
        }
        Optional<List<Value>> items = attributes.asList();
        if (items.isEmpty()) {
            return Value.unknown(Value.Reason.TOO_COMPLEX, "the attribute list holding " + key);
        }
        Value.Unknown unknownItem = null;
        for (Value item : items.get()) {
            Optional<String> k = item.field("Key").asString();
            if (k.isEmpty()) {
                unknownItem = item instanceof Value.Unknown u ? u
                        : Value.unknown(Value.Reason.TOO_COMPLEX, "an attribute key next to " + key);
            } else if (k.get().trim().equals(key)) {
                return item.field("Value");
            }
        }
        return unknownItem != null ? unknownItem : Value.ABSENT;
    }

    /**
     * The path of the attribute's {@code Value} ({@code Properties/TargetGroupAttributes/2/Value}), when
     * an item of the list property {@code property} of the resource sets it.
     */
    public static Optional<String> path(GraphView graph, Resource resource, String property, String key) {
        for (int i = 0; i < 64; i++) {
            String item = property + "/" + i;
            if (graph.property(resource, item + "/Key").asString().map(k -> k.trim().equals(key)).orElse(false)) {
                return Optional.of("Properties/" + item + "/Value");
            }
        }
        return Optional.empty();
    }
}
