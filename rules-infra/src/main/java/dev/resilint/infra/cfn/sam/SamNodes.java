package dev.resilint.infra.cfn.sam;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.cfn.eval.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Small builders and readers of {@link Node} trees for the SAM transform. */
final class SamNodes {

    private SamNodes() {
    }

    static ScalarNode str(String text, Mark mark) {
        return ScalarNode.string(text, mark);
    }

    static ScalarNode bool(boolean value, Mark mark) {
        return new ScalarNode(Boolean.toString(value), ScalarNode.Type.BOOLEAN, mark, "");
    }

    static ScalarNode integer(long value, Mark mark) {
        return new ScalarNode(Long.toString(value), ScalarNode.Type.INTEGER, mark, "");
    }

    static MapNode single(String key, Mark mark, Node value) {
        return new MapNode(List.of(new MapNode.Entry(key, mark, value)), mark, "");
    }

    static MapNode ref(String id, Mark mark) {
        return single("Ref", mark, str(id, mark));
    }

    static MapNode getAtt(String id, String attribute, Mark mark) {
        return single("Fn::GetAtt", mark, new ListNode(List.of(str(id, mark), str(attribute, mark)), mark, ""));
    }

    static MapNode sub(String text, Mark mark) {
        return single("Fn::Sub", mark, str(text, mark));
    }

    static ListNode list(Mark mark, Node... items) {
        return new ListNode(List.of(items), mark, "");
    }

    /** The text of a scalar that is not null, or null. */
    static String text(Node node) {
        return node instanceof ScalarNode s && !s.isNull() ? s.text() : null;
    }

    static String text(MapNode map, String key) {
        return map == null ? null : text(map.get(key).orElse(null));
    }

    static boolean isTrue(Node node) {
        return "true".equalsIgnoreCase(text(node));
    }

    static boolean isFalse(Node node) {
        return "false".equalsIgnoreCase(text(node));
    }

    /** A one-entry map calling an intrinsic function or a preprocessor directive. */
    static boolean isIntrinsic(Node node) {
        if (node instanceof MapNode m && m.size() == 1) {
            String key = m.keys().get(0);
            return Intrinsics.isFunctionKey(key) || Intrinsics.isDirectiveKey(key);
        }
        return false;
    }

    /** A map that is not an intrinsic function call, or null. */
    static MapNode plainMap(Node node) {
        return node instanceof MapNode m && !isIntrinsic(m) ? m : null;
    }

    static MapNode plainMap(MapNode map, String key) {
        return map == null ? null : plainMap(map.get(key).orElse(null));
    }

    static Optional<MapNode.Entry> entry(MapNode map, String key) {
        return map == null ? Optional.empty() : map.entry(key);
    }

    /** The key mark of {@code key} in {@code map}, or {@code fallback}. */
    static Mark keyMark(MapNode map, String key, Mark fallback) {
        return entry(map, key).map(MapNode.Entry::keyMark).orElse(fallback);
    }

    /** Letters and digits only, as SAM builds logical ids from names. */
    static String alnum(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9]", "");
    }

    /** An ordered map under construction; later puts of a key replace earlier ones. */
    static final class Props {
        private final LinkedHashMap<String, MapNode.Entry> entries = new LinkedHashMap<>();

        Props put(String key, Mark keyMark, Node value) {
            if (value != null) {
                entries.put(key, new MapNode.Entry(key, keyMark, value));
            }
            return this;
        }

        Props put(MapNode.Entry entry) {
            entries.put(entry.key(), entry);
            return this;
        }

        /** Copies {@code key} from {@code source}, keeping its key mark. */
        Props copy(MapNode source, String key) {
            entry(source, key).ifPresent(this::put);
            return this;
        }

        Props copy(MapNode source, String... keys) {
            for (String key : keys) {
                copy(source, key);
            }
            return this;
        }

        /** Copies {@code sourceKey} from {@code source} as {@code key}, keeping its key mark. */
        Props rename(MapNode source, String sourceKey, String key) {
            entry(source, sourceKey).ifPresent(e -> put(key, e.keyMark(), e.value()));
            return this;
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        MapNode build(Mark mark) {
            return new MapNode(new ArrayList<>(entries.values()), mark, "");
        }
    }
}
