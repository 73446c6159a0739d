package dev.resilint.live.fake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Trees of values as the fake exchanges them with tests: a structure is a {@code Map} keyed by model
 * member names, a list a {@code List}, a map a {@code Map}, a scalar a String, Integer, Long, Double,
 * Boolean, {@link Instant}, byte[] or BigDecimal. {@link #normalize} checks a tree a test wrote against a
 * shape and converts its scalars (a number may be given as a string, a timestamp as an ISO string or epoch
 * seconds, a structure as an SDK model object), naming the path of anything that does not fit.
 */
final class Trees {
    private Trees() {
    }

    /** The tree of {@code value} checked against {@code shape}; throws IllegalArgumentException naming the path. */
    static Object normalize(Shape shape, Object value, String path) {
        if (value == null) {
            return null;
        }
        switch (shape.kind()) {
            case STRUCTURE:
                return structure(shape, value, path);
            case LIST: {
                if (!(value instanceof List<?> list)) {
                    throw mismatch(path, "a list", value);
                }
                List<Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(normalize(shape.element().shape(), list.get(i), path + "[" + i + "]"));
                }
                return out;
            }
            case MAP: {
                if (!(value instanceof Map<?, ?> map)) {
                    throw mismatch(path, "a map", value);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), normalize(shape.element().shape(), v, path + "." + k)));
                return out;
            }
            default:
                return scalar(shape.kind(), value, path);
        }
    }

    private static Map<String, Object> structure(Shape shape, Object value, String path) {
        Object source = value instanceof SdkPojo pojo ? fromPojo(pojo) : value;
        if (!(source instanceof Map<?, ?> map)) {
            throw mismatch(path, "a structure " + shape.name() + " (a Map of member names)", value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Shape.Member member = shape.member(name);
            if (member == null) {
                throw new IllegalArgumentException(path + ": " + shape.name() + " has no member '" + name
                                                   + "'; its members are " + shape.members().keySet());
            }
            Object converted = normalize(member.shape(), entry.getValue(), path + "." + name);
            if (converted != null) {
                out.put(name, converted);
            }
        }
        return out;
    }

    private static Object scalar(Shape.Kind kind, Object value, String path) {
        try {
            switch (kind) {
                case STRING:
                    if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Number
                        || value instanceof Boolean) {
                        return value.toString();
                    }
                    throw mismatch(path, "a string", value);
                case INTEGER:
                case SHORT:
                case BYTE:
                    return value instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(text(value, path));
                case LONG:
                    return value instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(text(value, path));
                case FLOAT:
                case DOUBLE:
                    return value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(text(value, path));
                case BIG_DECIMAL:
                    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                case BOOLEAN:
                    if (value instanceof Boolean b) {
                        return b;
                    }
                    String text = text(value, path);
                    if (!text.equals("true") && !text.equals("false")) {
                        throw mismatch(path, "a boolean", value);
                    }
                    return Boolean.valueOf(text);
                case TIMESTAMP:
                    return instant(value, path);
                case BLOB:
                    if (value instanceof byte[] bytes) {
                        return bytes;
                    }
                    if (value instanceof SdkBytes bytes) {
                        return bytes.asByteArray();
                    }
                    return text(value, path).getBytes(StandardCharsets.UTF_8);
                default:
                    return value;
            }
        } catch (NumberFormatException e) {
            throw mismatch(path, "a " + kind.name().toLowerCase(java.util.Locale.ROOT), value);
        }
    }

    private static Instant instant(Object value, String path) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(Math.round(number.doubleValue() * 1000));
        }
        try {
            return Instant.parse(text(value, path));
        } catch (DateTimeParseException e) {
            throw mismatch(path, "a timestamp (Instant, ISO-8601 string or epoch seconds)", value);
        }
    }

    private static String text(Object value, String path) {
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw mismatch(path, "a scalar", value);
    }

    private static IllegalArgumentException mismatch(String path, String wanted, Object value) {
        return new IllegalArgumentException(path + ": expected " + wanted + ", got "
                                            + value.getClass().getSimpleName() + " " + value);
    }

    /** The tree of an SDK model object (members set on it, by member name). */
    static Map<String, Object> fromPojo(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            Object converted = fromSdkValue(value);
            if (converted != null) {
                out.put(field.memberName(), converted);
            }
        }
        return out;
    }

    private static Object fromSdkValue(Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return fromPojo(pojo);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(fromSdkValue(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), fromSdkValue(v)));
            return out;
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteArray();
        }
        return value;
    }

    /** The value at a dotted member path of a structure tree, or null. */
    static Object get(Map<String, Object> tree, String path) {
        Object current = tree;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** Sets the value at a dotted member path, creating the structures on the way. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> tree, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        current.put(parts[parts.length - 1], value);
    }

    /** The shape at a dotted member path of a structure. */
    static Shape shapeAt(Shape structure, String path) {
        Shape current = structure;
        for (String part : path.split("\\.")) {
            Shape.Member member = current.isStructure() ? current.member(part) : null;
            if (member == null) {
                throw new IllegalStateException(structure.name() + " has no member path " + path);
            }
            current = member.shape();
        }
        return current;
    }
}
