package dev.resilint.infra.rules;

import dev.resilint.core.Location;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Reading the items of an evaluated list property (cache behaviors, method settings, replicas,
 * attributes, tags) and pointing findings at them.
 *
 * <p>Items come from {@link dev.resilint.infra.graph.Evaluator#property}: items that
 * {@code AWS::NoValue} removes are gone, and an item that cannot be known is an
 * {@link Value.Unknown}. Findings about an item keep the list's logical path (the caller adds a
 * discriminator such as a path pattern or region, so fingerprints do not depend on the item's
 * position) and take the line and column of the item's key from the evaluated node, since
 * {@link Resource#locate} does not descend into list items.
 */
final class ListItems {

    private ListItems() {
    }

    /**
     * The items of a list value: empty list when the value is absent, empty when it is not one known
     * list (unknown, or different lists depending on a condition).
     */
    static Optional<List<Value>> of(Value list) {
        if (list.isAbsent()) {
            return Optional.of(List.of());
        }
        return list.asList();
    }

    /**
     * Where a finding about {@code item} goes: at {@code key} inside the item when it is set, else at
     * the item itself, under the logical path of the list ({@code listPath}, relative to the
     * resource, such as {@code Properties/MethodSettings}).
     */
    static Location at(Resource resource, String listPath, Value item, String key) {
        Location list = resource.locate(listPath);
        if (!(list instanceof Location.Template t) || !(item instanceof Value.Known k)
                || !(k.node() instanceof MapNode map)) {
            return list;
        }
        Mark mark = map.entry(key).map(MapNode.Entry::keyMark).orElse(map.mark());
        if (mark.line() <= 0) {
            return list;
        }
        return new Location.Template(t.file(), mark.line(), mark.column(), t.logicalPath(), t.resourceId(),
                t.resourceType());
    }

    /** A literal text field of an item, for discriminators and messages. */
    static Optional<String> text(Value item, String key) {
        return item.field(key).asString();
    }
}
