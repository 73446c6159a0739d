package dev.resilint.live.graph;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.map.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves references between the resources of one scope, as a template's {@code Ref} and
 * {@code Fn::GetAtt} resolve: a reference a mapper marked ({@link Props#ref}) becomes a symbolic
 * reference to the one collected resource of an accepted type with that identifier, and any string
 * that is exactly the ARN of a collected resource becomes one too (ARNs are unique). Everything else
 * stays a plain, known string: a reference to something not collected.
 */
final class Linker {

    /** A resource an identifier names, and the attribute the identifier stands for. */
    record Target(String arn, String type, String attribute) {
    }

    private final Map<String, List<Target>> byIdentifier = new HashMap<>();

    Linker(List<LiveResource> resources) {
        for (LiveResource r : resources) {
            Map<String, String> ids = new HashMap<>(r.identifiers());
            ids.putIfAbsent(r.arn(), "Arn");
            ids.forEach((identifier, attribute) -> byIdentifier.computeIfAbsent(identifier, k -> new ArrayList<>())
                    .add(new Target(r.arn(), r.type(), attribute)));
        }
    }

    /** The one resource an ARN names. */
    Optional<Target> byArn(String arn) {
        List<Target> targets = byIdentifier.getOrDefault(arn, List.of());
        return targets.stream().filter(t -> t.arn().equals(arn)).findFirst();
    }

    /** The tree with its references resolved; {@code self} is never a target. */
    Node link(Node node, String self) {
        if (node instanceof ScalarNode s) {
            return linkScalar(s, self);
        }
        if (node instanceof ListNode l) {
            List<Node> items = new ArrayList<>(l.size());
            for (Node item : l.items()) {
                items.add(link(item, self));
            }
            return new ListNode(items, l.mark(), l.tag());
        }
        MapNode m = (MapNode) node;
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry e : m.entries()) {
            entries.add(new MapNode.Entry(e.key(), e.keyMark(), link(e.value(), self)));
        }
        return new MapNode(entries, m.mark(), m.tag());
    }

    private Node linkScalar(ScalarNode s, String self) {
        Optional<List<String>> types = Props.refTypes(s);
        if (types.isPresent()) {
            List<Target> matches = byIdentifier.getOrDefault(s.text(), List.of()).stream()
                    .filter(t -> types.get().contains(t.type()) && !t.arn().equals(self)).distinct().toList();
            if (matches.stream().map(Target::arn).distinct().count() == 1) {
                return symbol(matches.get(0), s.mark());
            }
            return new ScalarNode(s.text(), ScalarNode.Type.STRING, s.mark(), "");
        }
        if (s.type() == ScalarNode.Type.STRING && s.tag().isEmpty() && s.text().startsWith("arn:")) {
            Optional<Target> target = byArn(s.text()).filter(t -> !t.arn().equals(self));
            if (target.isPresent()) {
                return symbol(target.get(), s.mark());
            }
        }
        return s;
    }

    private static ScalarNode symbol(Target target, Mark mark) {
        return target.attribute().isEmpty() ? Symbols.ref(target.arn(), mark)
                : Symbols.getAtt(target.arn(), target.attribute(), mark);
    }
}
