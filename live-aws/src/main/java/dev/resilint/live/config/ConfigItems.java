package dev.resilint.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Turns the {@code configuration} of an AWS Config configuration item into the SDK model object the
 * direct collectors get from the service's Describe call, so that their mappers judge both alike.
 *
 * <p>For the older resource types Config records the Describe API's answer, with member names in
 * camelCase ({@code subnetId}, {@code dBInstanceIdentifier}, {@code vpczoneIdentifier},
 * {@code dbclusterArn}). The conversion walks the SDK's own model of the shape
 * ({@link SdkPojo#sdkFields()}: member name, wire name, marshalling type, setter) and matches names
 * case-insensitively against the member and the wire name; it recurses into structures, lists and
 * maps, reads timestamps as ISO-8601 text or epoch numbers, numbers and booleans also from text, and
 * ignores members the SDK model does not have. A value whose JSON kind does not fit the member (an
 * object where a string is expected, a string where a structure is) is not guessed at: it is left
 * out and reported in {@link Converted#mismatches()}, so the caller can mark the resource unread.
 */
public final class ConfigItems {

    private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private ConfigItems() {
    }

    /**
     * A converted model object and the paths of the values that did not fit its shape.
     *
     * @param value the SDK model object
     * @param mismatches {@code ipPermissions[0].ipRanges[0]: a string where a structure belongs}, in order
     */
    public record Converted<T>(T value, List<String> mismatches) {
        public Converted {
            mismatches = List.copyOf(mismatches);
        }
    }

    /**
     * Converts {@code json} with a fresh builder of the model type ({@code Subnet::builder}).
     *
     * @param <T> the model type the builder builds
     */
    @SuppressWarnings("unchecked")
    public static <T> Converted<T> convert(JsonNode json, Supplier<? extends SdkBuilder<?, T>> builder) {
        List<String> mismatches = new ArrayList<>();
        SdkBuilder<?, T> b = builder.get();
        fill((SdkPojo) b, json, "", mismatches);
        return new Converted<>(b.build(), mismatches);
    }

    private static void fill(SdkPojo builder, JsonNode json, String path, List<String> mismatches) {
        if (!json.isObject()) {
            mismatches.add(display(path) + ": " + kind(json) + " where a structure belongs");
            return;
        }
        Map<String, SdkField<?>> fields = fields(builder);
        Iterator<Map.Entry<String, JsonNode>> members = json.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            SdkField<?> field = fields.get(member.getKey().toLowerCase(Locale.ROOT));
            if (field == null || member.getValue().isNull()) {
                continue;
            }
            String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            Object value = value(field, member.getValue(), at, mismatches);
            if (value != null) {
                field.set(builder, value);
            }
        }
    }

    /** The fields of a builder by lower-cased member name, and by wire name where that differs. */
    private static Map<String, SdkField<?>> fields(SdkPojo builder) {
        return FIELDS.computeIfAbsent(builder.getClass(), k -> {
            Map<String, SdkField<?>> byName = new HashMap<>();
            for (SdkField<?> f : builder.sdkFields()) {
                if (f.memberName() != null) {
                    byName.put(f.memberName().toLowerCase(Locale.ROOT), f);
                }
            }
            for (SdkField<?> f : builder.sdkFields()) {
                if (f.locationName() != null) {
                    byName.putIfAbsent(f.locationName().toLowerCase(Locale.ROOT), f);
                }
            }
            return byName;
        });
    }

    private static Object value(SdkField<?> field, JsonNode json, String path, List<String> mismatches) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            if (!json.isObject()) {
                mismatches.add(path + ": " + kind(json) + " where a structure belongs");
                return null;
            }
            SdkPojo nested = field.constructor().get();
            fill(nested, json, path, mismatches);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            if (!json.isArray()) {
                mismatches.add(path + ": " + kind(json) + " where a list belongs");
                return null;
            }
            SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                if (!json.get(i).isNull()) {
                    Object item = value(member, json.get(i), path + "[" + i + "]", mismatches);
                    if (item != null) {
                        items.add(item);
                    }
                }
            }
            return items;
        }
        if (type == MarshallingType.MAP) {
            if (!json.isObject()) {
                mismatches.add(path + ": " + kind(json) + " where a map belongs");
                return null;
            }
            SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    Object v = value(member, e.getValue(), path + "." + e.getKey(), mismatches);
                    if (v != null) {
                        map.put(e.getKey(), v);
                    }
                }
            });
            return map;
        }
        Object scalar = scalar(type, json);
        if (scalar == null && type != MarshallingType.SDK_BYTES && type != MarshallingType.DOCUMENT) {
            mismatches.add(path + ": " + kind(json) + " where " + name(type) + " belongs");
        }
        return scalar;
    }

    /** A scalar of the marshalling type, or null when the JSON value is not one. */
    private static Object scalar(MarshallingType<?> type, JsonNode json) {
        if (json.isContainerNode()) {
            return null;
        }
        String text = json.asText().trim();
        try {
            if (type == MarshallingType.STRING) {
                return json.asText();
            }
            if (type == MarshallingType.BOOLEAN) {
                if (json.isBoolean()) {
                    return json.booleanValue();
                }
                return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
            if (type == MarshallingType.INTEGER) {
                return new BigDecimal(text).intValueExact();
            }
            if (type == MarshallingType.LONG) {
                return new BigDecimal(text).longValueExact();
            }
            if (type == MarshallingType.SHORT) {
                return new BigDecimal(text).shortValueExact();
            }
            if (type == MarshallingType.BYTE) {
                return new BigDecimal(text).byteValueExact();
            }
            if (type == MarshallingType.FLOAT) {
                return Float.valueOf(text);
            }
            if (type == MarshallingType.DOUBLE) {
                return Double.valueOf(text);
            }
            if (type == MarshallingType.BIG_DECIMAL) {
                return new BigDecimal(text);
            }
            if (type == MarshallingType.INSTANT) {
                return instant(json);
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return null;
        }
        return null; // blobs and documents: no rule reads them
    }

    /**
     * A timestamp as Config writes them: ISO-8601 text ({@code 2024-05-01T10:00:00.000Z}, or with an
     * offset), or an epoch number (milliseconds when it is too large for seconds).
     */
    public static Instant instant(JsonNode json) {
        if (json.isNumber() || json.asText().matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal n = new BigDecimal(json.asText());
            BigDecimal millis = n.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0 ? n
                    : n.multiply(BigDecimal.valueOf(1000));
            return Instant.ofEpochMilli(millis.longValue());
        }
        String text = json.asText().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static String name(MarshallingType<?> type) {
        if (type == MarshallingType.INSTANT) {
            return "a timestamp";
        }
        if (type == MarshallingType.BOOLEAN) {
            return "a boolean";
        }
        return type == MarshallingType.STRING ? "a string" : "a number";
    }

    private static String kind(JsonNode json) {
        if (json.isObject()) {
            return "an object";
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isTextual()) {
            return "the text '" + abbreviate(json.asText()) + "'";
        }
        return "the value " + abbreviate(json.asText());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String display(String path) {
        return path.isEmpty() ? "configuration" : path;
    }
}
