package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.Value;
import java.util.List;
import java.util.Optional;

/**
 * Reading the items of a list property (cache behaviors, method settings, replicas, attributes,
 * tags). Items that {@code AWS::NoValue} removes are gone, and an item that cannot be known is an
 * {@link Value.Unknown}. Findings about an item go to
 * {@link dev.resilint.infra.graph.Resource#locateInItem}, with a discriminator such as a path
 * pattern or region, so that fingerprints do not depend on the item's position.
 */
public final class ListItems {

    private ListItems() {
    }

    /**
     * The items of a list value: empty list when the value is absent, empty when it is not one known
     * list (unknown, or different lists depending on a condition).
     */
    public static Optional<List<Value>> of(Value list) {
        if (list.isAbsent()) {
            return Optional.of(List.of());
        }
        return list.asList();
    }

    /** A literal text field of an item, for discriminators and messages. */
    public static Optional<String> text(Value item, String key) {
        return item.field(key).asString();
    }
}
