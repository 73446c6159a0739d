package dev.resilint.infra.graph;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.ResourceTags;
import dev.resilint.core.Results;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the tags of the resources that findings are about, for reports grouped by a tag
 * ({@code --group-by tag:owner}): the resource's {@code Tags} property as its source wrote it,
 * either CloudFormation's list of {@code {Key, Value}} maps or a map of keys to values. Only literal
 * values count: a template tag whose value is an intrinsic function ({@code !Ref Owner}) is left out,
 * so such a resource has no value for that key. A live resource whose tag call failed (its
 * {@code Tags} are unknown, or missing while its details could not be read) is recorded as unread.
 */
final class FindingTags {

    private FindingTags() {
    }

    /** Records, in {@code out}, the tags of every resource of {@code graph} that one of {@code findings} is about. */
    static void record(ResourceGraph graph, List<Finding> findings, Results out) {
        if (findings.isEmpty()) {
            return;
        }
        Map<String, Resource> byKey = new HashMap<>();
        for (Resource r : graph.resources()) {
            byKey.putIfAbsent(ResourceTags.key(r.locate("")), r);
        }
        Map<String, Location> done = new LinkedHashMap<>();
        for (Finding f : findings) {
            String key = ResourceTags.key(f.location());
            Resource resource = byKey.get(key);
            if (resource == null || done.putIfAbsent(key, f.location()) != null) {
                continue;
            }
            Optional<Node> tags = resource.properties().get("Tags");
            if (tags.isPresent() && Symbols.isUnknownPlaceholder(tags.get())
                    || tags.isEmpty() && graph.source().unread(resource).isPresent()) {
                out.addUnreadTags(f.location());
            } else {
                out.addResourceTags(f.location(), tags.map(FindingTags::literal).orElse(Map.of()));
            }
        }
    }

    /** The tags whose key and value are both written literally. */
    static Map<String, String> literal(Node tags) {
        Map<String, String> result = new LinkedHashMap<>();
        if (!tags.tag().isEmpty()) {
            return result;
        }
        if (tags instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode m && item.tag().isEmpty()) {
                    Optional<String> key = m.get("Key").flatMap(FindingTags::text);
                    Optional<String> value = m.get("Value").flatMap(FindingTags::text);
                    if (key.isPresent() && value.isPresent()) {
                        result.putIfAbsent(key.get(), value.get());
                    }
                }
            }
        } else if (tags instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                text(e.value()).ifPresent(v -> result.putIfAbsent(e.key(), v));
            }
        }
        return result;
    }

    private static Optional<String> text(Node node) {
        return node instanceof ScalarNode s && s.tag().isEmpty() && !s.isNull() ? Optional.of(s.text())
                : Optional.empty();
    }
}
