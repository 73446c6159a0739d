package dev.resilint.live;

import dev.resilint.core.Location;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Suppressions written on live resources as the tag {@code resilint:suppress}, whose value is
 * {@code ID[,ID...]: reason} (for example {@code AZ04,DR01: reporting copy, rebuilt nightly}): the
 * rule ids, a colon, and a reason of at least {@value Suppression#MIN_REASON_LENGTH} characters. A
 * value without a colon has no reason; an unknown id or a short reason is reported as RL01 like any
 * other invalid suppression, and suppresses nothing.
 */
final class TagSuppressions {

    /** The tag key. */
    static final String KEY = "resilint:suppress";

    private TagSuppressions() {
    }

    /** The suppressions the resource's tags hold. */
    static List<Suppression> of(LiveResource resource) {
        List<Suppression> result = new ArrayList<>();
        Optional<String> value = tag(resource.properties());
        if (value.isEmpty()) {
            return result;
        }
        String text = value.get();
        int colon = text.indexOf(':');
        String ids = colon >= 0 ? text.substring(0, colon) : text;
        String reason = colon >= 0 ? text.substring(colon + 1).strip() : "";
        Location origin = new Location.Live(resource.arn(), resource.scope().account(), resource.scope().region(),
                resource.type());
        for (String id : ids.split("[,\\s]+")) {
            if (!id.isBlank()) {
                result.add(new Suppression(id.strip(), reason, Optional.empty(),
                        new SuppressionScope.LiveResource(resource.arn()), origin, Suppression.Format.RESOURCE_TAG));
            }
        }
        return result;
    }

    private static Optional<String> tag(MapNode properties) {
        Optional<Node> tags = properties.get("Tags");
        if (tags.isPresent() && tags.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode m && m.get("Key").orElse(null) instanceof ScalarNode k
                        && k.text().equals(KEY) && m.get("Value").orElse(null) instanceof ScalarNode v) {
                    return Optional.of(v.text());
                }
            }
        }
        return Optional.empty();
    }
}
