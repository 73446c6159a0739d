package dev.resilint.live.graph;

import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.GraphSource;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.Map;
import java.util.Optional;

/**
 * What a live resource's values are: what the APIs answered, already CloudFormation-shaped and
 * linked. A live resource exists (it was listed); it has no template attributes
 * ({@code DeletionPolicy}); JSON that the API returns as a string is parsed and linked like any
 * other value. Where a detail call failed, every property the collector could not read is unknown
 * with that call's reason, so that the rules that need it are not evaluated for the resource.
 */
final class LiveSource implements GraphSource {

    private final Linker linker;
    private final Map<String, Value.Unknown> unread;

    LiveSource(Linker linker, Map<String, Value.Unknown> unread) {
        this.linker = linker;
        this.unread = Map.copyOf(unread);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LIVE;
    }

    @Override
    public Value property(Resource resource, String path) {
        Optional<Node> node = find(resource.properties(), path);
        if (node.isPresent()) {
            return node.get() instanceof ScalarNode s && s.isNull() ? Value.ABSENT : Symbols.valueOf(node.get());
        }
        Value.Unknown why = unread.get(resource.id());
        return why != null ? why : Value.ABSENT;
    }

    @Override
    public Value attribute(Resource resource, String name) {
        return Value.unknown(Value.Reason.NOT_COLLECTED, "a live resource has no " + name);
    }

    @Override
    public boolean written(Resource resource, String path) {
        return find(resource.properties(), path).isPresent();
    }

    @Override
    public Value embeddedJson(Resource resource, String path) {
        Value value = property(resource, path);
        if (!(value instanceof Value.Known k) || !(k.node() instanceof ScalarNode s) || Symbols.isSymbolic(s)) {
            return value;
        }
        String json = s.text().strip();
        if (!json.startsWith("{") && !json.startsWith("[")) {
            return Value.unknown(Value.Reason.INVALID, "not a JSON object or array");
        }
        try {
            return Value.known(linker.link(new TreeReader().parse(json, resource.id() + " " + path), resource.id()));
        } catch (TreeReadException e) {
            return Value.unknown(Value.Reason.INVALID, "not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public Optional<Value.Unknown> unread(Resource resource) {
        return Optional.ofNullable(unread.get(resource.id()));
    }

    @Override
    public Optional<Boolean> exists(Resource resource) {
        return Optional.of(Boolean.TRUE);
    }

    @Override
    public boolean existsWhenever(Resource resource, Resource other) {
        return true;
    }

    private static Optional<Node> find(MapNode properties, String path) {
        Node current = properties;
        if (path.isEmpty()) {
            return Optional.of(current);
        }
        for (String part : path.split("/")) {
            if (current instanceof MapNode map) {
                Optional<Node> next = map.get(part);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            } else if (current instanceof ListNode list && part.matches("\\d{1,9}")) {
                int index = Integer.parseInt(part);
                if (index >= list.size()) {
                    return Optional.empty();
                }
                current = list.get(index);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}
