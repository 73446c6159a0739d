package dev.resilint.live.fake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON bodies of the JSON 1.0/1.1 and REST-JSON protocols: members by their {@code locationName},
 * timestamps as epoch seconds unless the member names another format, blobs in base64.
 */
final class WireJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private WireJson() {
    }

    /** The JSON object of the payload members of a structure tree. */
    static byte[] write(Shape shape, Map<String, Object> tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            structure(json, shape, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A JSON error body: {@code {"__type": ..., "message": ...}} and, when given, extra fields. */
    static byte[] error(String type, String message, Map<String, String> extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            if (type != null) {
                json.writeStringField("__type", type);
            }
            for (Map.Entry<String, String> e : extra.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeStringField("message", message);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void structure(JsonGenerator json, Shape shape, Map<String, Object> tree) throws IOException {
        json.writeStartObject();
        for (Shape.Member member : shape.members().values()) {
            Object value = tree.get(member.name());
            if (value != null && member.location() == Shape.Location.PAYLOAD) {
                json.writeFieldName(member.locationName());
                value(json, member, value);
            }
        }
        json.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonGenerator json, Shape.Member member, Object value) throws IOException {
        Shape shape = member.shape();
        switch (shape.kind()) {
            case STRUCTURE -> structure(json, shape, (Map<String, Object>) value);
            case LIST -> {
                json.writeStartArray();
                for (Object item : (List<Object>) value) {
                    value(json, shape.element(), item);
                }
                json.writeEndArray();
            }
            case MAP -> {
                json.writeStartObject();
                for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                    json.writeFieldName(e.getKey());
                    value(json, shape.element(), e.getValue());
                }
                json.writeEndObject();
            }
            case TIMESTAMP -> {
                Instant instant = (Instant) value;
                switch (member.timestampFormat()) {
                    case ISO_8601, RFC_822 -> json.writeString(WireValues.text(member, instant, member.timestampFormat()));
                    case UNIX_TIMESTAMP_MILLIS -> json.writeNumber(instant.toEpochMilli());
                    default -> json.writeNumber(WireValues.epochSeconds(instant));
                }
            }
            case BLOB -> json.writeString(Base64.getEncoder().encodeToString((byte[]) value));
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case INTEGER, SHORT, BYTE -> json.writeNumber(((Number) value).intValue());
            case LONG -> json.writeNumber(((Number) value).longValue());
            case FLOAT, DOUBLE -> json.writeNumber(((Number) value).doubleValue());
            case BIG_DECIMAL -> json.writeNumber((BigDecimal) value);
            case DOCUMENT -> MAPPER.writeValue(json, value);
            default -> json.writeString(String.valueOf(value));
        }
    }

    /** Parses a JSON body ({@code {}} when empty); throws AwsError when it is not JSON. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AwsError("SerializationException", 400, "The request body is not JSON: " + e.getMessage());
        }
    }

    /** The input tree of a JSON object, by member names. */
    static Map<String, Object> read(Shape shape, JsonNode node) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return tree;
        }
        for (Shape.Member member : shape.members().values()) {
            JsonNode field = node.get(member.locationName());
            if (field != null && !field.isNull() && member.location() == Shape.Location.PAYLOAD) {
                tree.put(member.name(), value(member, field));
            }
        }
        return tree;
    }

    private static Object value(Shape.Member member, JsonNode node) {
        Shape shape = member.shape();
        switch (shape.kind()) {
            case STRUCTURE:
                return read(shape, node);
            case LIST: {
                List<Object> list = new ArrayList<>();
                node.forEach(item -> list.add(value(shape.element(), item)));
                return list;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    map.put(e.getKey(), value(shape.element(), e.getValue()));
                }
                return map;
            }
            case TIMESTAMP:
                return node.isNumber() ? Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue())
                                       : Instant.parse(node.asText());
            case BLOB:
                return Base64.getDecoder().decode(node.asText());
            case DOCUMENT:
                return MAPPER.convertValue(node, Object.class);
            default:
                return Trees.normalize(shape, node.isNumber() ? node.numberValue() : node.asText(), member.name());
        }
    }
}
