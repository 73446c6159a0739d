package dev.resilint.live.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.live.model.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of {@code SelectAggregateResourceConfig}: a configuration item as the query selected
 * it. The selected fields are those of {@link #FIELDS}.
 *
 * <p>Config writes {@code configuration} as an object, and some of its consumers get it as a JSON
 * string; each value of {@code supplementaryConfiguration} is an object, a list or, again, a JSON
 * string: both are read. {@code tags} is a map, or a list of {@code {key, value}}.
 *
 * @param account the item's {@code accountId}
 * @param region its {@code awsRegion}
 * @param resourceType the Config resource type, which for the types read is the CloudFormation type
 * @param resourceId its {@code resourceId}
 * @param resourceName its {@code resourceName}, or empty
 * @param arn its {@code arn}, or empty
 * @param captureTime its {@code configurationItemCaptureTime}, when readable
 * @param status its {@code configurationItemStatus} ({@code OK}, {@code ResourceDiscovered},
 *     {@code ResourceNotRecorded}, {@code ResourceDeleted}, {@code ResourceDeletedNotRecorded})
 * @param configuration its {@code configuration}, an object (empty when the item has none)
 * @param supplementary its {@code supplementaryConfiguration}, each value parsed
 * @param tags its {@code tags}
 */
public record ConfigItem(String account, String region, String resourceType, String resourceId, String resourceName,
        String arn, Optional<Instant> captureTime, String status, ObjectNode configuration, ObjectNode supplementary,
        Map<String, String> tags) {

    /** The fields resilint selects. */
    public static final String FIELDS = "resourceId, resourceName, resourceType, arn, accountId, awsRegion, "
            + "configuration, supplementaryConfiguration, tags, configurationItemCaptureTime, configurationItemStatus";

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConfigItem {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resourceType, "resourceType");
        tags = Map.copyOf(tags);
    }

    /** Thrown for a result that is not a configuration item resilint can place. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses one result string; {@link Unreadable} when it is not JSON or lacks its account, region or type. */
    /** The {@code accountId} of a result row (such as an aggregation query's), or empty when it has none. */
    static String accountOf(String row) {
        try {
            JsonNode root = JSON.readTree(row);
            return root != null && root.isObject() ? text(root, "accountId") : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    public static ConfigItem parse(String result) {
        JsonNode root;
        try {
            root = JSON.readTree(result);
        } catch (JsonProcessingException e) {
            throw new Unreadable("a result is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("a result is not a JSON object");
        }
        String account = text(root, "accountId");
        String region = text(root, "awsRegion");
        String type = text(root, "resourceType");
        if (account.isEmpty() || region.isEmpty() || type.isEmpty()) {
            throw new Unreadable("a result lacks accountId, awsRegion or resourceType: " + abbreviate(result));
        }
        Optional<Instant> captured = Optional.empty();
        JsonNode time = root.get("configurationItemCaptureTime");
        if (time != null && !time.isNull() && !time.asText().isBlank()) {
            try {
                captured = Optional.of(ConfigItems.instant(time));
            } catch (RuntimeException e) {
                captured = Optional.empty();
            }
        }
        ObjectNode configuration = object(root.get("configuration"));
        ObjectNode supplementary = JsonNodeFactory.instance.objectNode();
        object(root.get("supplementaryConfiguration")).fields()
                .forEachRemaining(e -> supplementary.set(e.getKey(), parsed(e.getValue())));
        return new ConfigItem(account, region, type, text(root, "resourceId"), text(root, "resourceName"),
                text(root, "arn").isEmpty() ? text(root, "ARN") : text(root, "arn"), captured,
                text(root, "configurationItemStatus"), configuration, supplementary, tags(root.get("tags")));
    }

    /** The account and region the item lives in. */
    public Scope scope() {
        return new Scope(account, region);
    }

    /** Whether the item describes a resource that exists and is recorded. */
    public boolean exists() {
        return !status.startsWith("ResourceDeleted") && !status.equals("ResourceNotRecorded");
    }

    private static ObjectNode object(JsonNode node) {
        JsonNode value = parsed(node);
        return value instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    /** A JSON value, with a string that holds a JSON object or list parsed. */
    private static JsonNode parsed(JsonNode node) {
        if (node != null && node.isTextual()) {
            String t = node.asText().strip();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    return JSON.readTree(t);
                } catch (JsonProcessingException e) {
                    return node;
                }
            }
        }
        return node;
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode value = parsed(node);
        if (value == null) {
            return tags;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (value.isArray()) {
            for (JsonNode t : value) {
                String key = text(t, "key");
                if (!key.isEmpty()) {
                    tags.put(key, text(t, "value"));
                }
            }
        }
        return tags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
