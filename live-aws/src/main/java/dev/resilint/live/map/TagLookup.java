package dev.resilint.live.map;

import dev.resilint.core.tree.Mark;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.Map;
import java.util.Optional;

/**
 * The tags a separate tag call returned for a batch of resources, or why it failed. When the call
 * failed, every resource of the batch gets a {@code Tags} property that is unknown with the cause:
 * only the rules that read tags are then not evaluated for them, the others judge them as usual.
 */
public final class TagLookup {

    private static final TagLookup NONE = new TagLookup(Map.of(), Optional.empty());

    private final Map<String, Map<String, String>> byArn;
    private final Optional<Value.Unknown> failure;

    private TagLookup(Map<String, Map<String, String>> byArn, Optional<Value.Unknown> failure) {
        this.byArn = Map.copyOf(byArn);
        this.failure = failure;
    }

    /** Tags were not asked for (no enabled rule reads them). */
    public static TagLookup none() {
        return NONE;
    }

    /** The tags of each resource by ARN. */
    public static TagLookup of(Map<String, Map<String, String>> byArn) {
        return new TagLookup(byArn, Optional.empty());
    }

    /** The tag call failed. */
    public static TagLookup failed(Value.Unknown why) {
        return new TagLookup(Map.of(), Optional.of(why));
    }

    /** Writes the resource's {@code Tags}: the tags, or unknown when the call failed. */
    public Props apply(Props properties, String arn) {
        if (failure.isPresent()) {
            return properties.put("Tags", Symbols.unknownPlaceholder(failure.get(), Mark.UNKNOWN));
        }
        return properties.tags("Tags", byArn.getOrDefault(arn, Map.of()));
    }
}
