package dev.resilint.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Maps the configuration items of one AWS Config resource type to the CloudFormation-shaped
 * resource its direct collector would produce: the item's {@code configuration} becomes the SDK
 * model object of the Describe call ({@link ConfigItems}), and the direct mapper maps it.
 *
 * <p>What the direct collector reads with a call of its own comes from the item where Config
 * carries it ({@code supplementaryConfiguration}, {@code tags}); where the item lacks a member a
 * rule reads ({@link #required()}), or a value does not fit the model, the resource is marked
 * unread, as a failed detail call leaves it: the rules that need the missing value are not
 * evaluated for it, never judged on a default.
 */
public abstract class ConfigAdapter {

    /** The Config (and CloudFormation) type of the items this adapter reads. */
    public abstract String type();

    /** The CloudFormation types the items make complete (the type itself, and inline parts). */
    public List<String> types() {
        return List.of(type());
    }

    /**
     * The members of {@code configuration} the rules read that the Describe API always answers: an
     * item without one of them is not trusted for what it lacks.
     */
    protected List<String> required() {
        return List.of();
    }

    /** The resource of an existing item, or empty when the direct mapper leaves such a resource out. */
    public final Optional<LiveResource> map(ConfigItem item) {
        ObjectNode configuration = item.configuration().deepCopy();
        List<String> missing = new ArrayList<>();
        for (String member : required()) {
            JsonNode value = member(configuration, member);
            if (value == null || value.isNull()) {
                missing.add(member);
            }
        }
        prepare(item, configuration);
        List<String> mismatches = new ArrayList<>();
        Optional<LiveResource> resource = map(item, configuration, mismatches);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("its configuration item has no " + String.join(", ", missing));
        }
        if (!mismatches.isEmpty()) {
            problems.add("its configuration item does not fit the " + type() + " shape at "
                    + String.join(", ", mismatches.subList(0, Math.min(3, mismatches.size())))
                    + (mismatches.size() > 3 ? " and " + (mismatches.size() - 3) + " more" : ""));
        }
        if (problems.isEmpty()) {
            return resource;
        }
        Value.Unknown why = Value.unknown(Value.Reason.NOT_COLLECTED, "AWS Config: " + String.join("; ", problems));
        return resource.map(r -> r.unread().isPresent() ? r : r.withUnread(why));
    }

    /** Rewrites the configuration where Config's shape differs from the Describe API's (nothing by default). */
    protected void prepare(ConfigItem item, ObjectNode configuration) {
    }

    /** Maps the prepared configuration; values that did not fit go to {@code mismatches}. */
    protected abstract Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches);

    /** Converts a JSON value with the model's builder, adding what did not fit to {@code mismatches}. */
    protected static <T> T convert(JsonNode json, Supplier<? extends SdkBuilder<?, T>> builder, String at,
            List<String> mismatches) {
        ConfigItems.Converted<T> converted = ConfigItems.convert(json, builder);
        converted.mismatches().forEach(m -> mismatches.add(at.isEmpty() ? m : at + "." + m));
        return converted.value();
    }

    /** A member of an object by name, case-insensitively ({@code dBInstanceArn}, {@code dbInstanceArn}). */
    protected static JsonNode member(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        var fields = object.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (f.equalsIgnoreCase(name)) {
                return object.get(f);
            }
        }
        return null;
    }

    /** The item's tags as the Describe API's tag list ({@code [{key, value}]}), for members that carry tags. */
    protected static void putTags(ConfigItem item, ObjectNode configuration, String member) {
        JsonNode present = member(configuration, member);
        if (present != null && present.isArray() && !present.isEmpty()) {
            return;
        }
        var list = configuration.putArray(member);
        item.tags().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(t -> list.addObject().put("key", t.getKey()).put("value", t.getValue()));
    }

    /** A member adapter that converts a configuration with {@code builder} and maps it with {@code mapper}. */
    static <T> ConfigAdapter of(String type, List<String> required, Supplier<? extends SdkBuilder<?, T>> builder,
            Function<MappedItem<T>, Optional<LiveResource>> mapper) {
        return new ConfigAdapter() {
            @Override
            public String type() {
                return type;
            }

            @Override
            protected List<String> required() {
                return required;
            }

            @Override
            protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
                return mapper.apply(new MappedItem<>(item, convert(configuration, builder, "", mismatches)));
            }
        };
    }

    /** An item with its configuration converted to the model type. */
    record MappedItem<T>(ConfigItem item, T model) {
    }
}
