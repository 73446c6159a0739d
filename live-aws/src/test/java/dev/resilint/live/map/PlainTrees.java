package dev.resilint.live.map;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped resource's properties as plain Java values, for asserting a mapper's output field by field:
 * maps keep their order, integers are {@code Long}, decimals {@code Double}, booleans {@code Boolean},
 * strings {@code String}, and a reference still to resolve ({@link Props#ref}) is a {@link Ref}.
 */
public final class PlainTrees {

    /** A reference a mapper wrote: the identifier and the types it may name. */
    public record Ref(String id, List<String> types) {
        public static Ref to(String id, String... types) {
            return new Ref(id, List.of(types));
        }
    }

    private PlainTrees() {
    }

    /** The resource's properties. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(LiveResource resource) {
        return (Map<String, Object>) plain(resource.properties());
    }

    /** The value at a {@code /}-separated path (list items by index), or null when absent. */
    public static Object at(LiveResource resource, String path) {
        Object current = of(resource);
        for (String part : path.split("/")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+") && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    static Object plain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.entries().forEach(e -> map.put(e.key(), plain(e.value())));
            return map;
        }
        if (node instanceof ListNode l) {
            List<Object> list = new ArrayList<>();
            l.items().forEach(i -> list.add(plain(i)));
            return list;
        }
        ScalarNode s = (ScalarNode) node;
        if (Props.refTypes(s).isPresent()) {
            return new Ref(s.text(), Props.refTypes(s).get());
        }
        return switch (s.type()) {
            case INTEGER -> Long.parseLong(s.text());
            case DECIMAL -> Double.parseDouble(s.text());
            case BOOLEAN -> Boolean.parseBoolean(s.text());
            default -> s.text();
        };
    }
}
