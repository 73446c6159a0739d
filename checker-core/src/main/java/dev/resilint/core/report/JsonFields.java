package dev.resilint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a JSON document that remembers which fields were read, so that a reader can
 * tell which fields it ignored ({@link #unread()}): a field a writer adds later must not be
 * dropped silently by whatever reads reports back. Errors name the field, as in
 * {@code findings[3].location.line: expected a number}.
 */
final class JsonFields {

    /** A place in the document: {@code findings[3].location} for messages, {@code findings[].location} for bookkeeping. */
    record Place(String concrete, String pattern) {
        static final Place ROOT = new Place("", "");

        Place field(String name) {
            return new Place(concrete.isEmpty() ? name : concrete + "." + name,
                    pattern.isEmpty() ? name : pattern + "." + name);
        }

        Place item(int index) {
            return new Place(concrete + "[" + index + "]", pattern + "[]");
        }

        String shown() {
            return concrete.isEmpty() ? "the document" : concrete;
        }
    }

    /** A field that is missing or of the wrong type. */
    static final class FieldException extends Exception {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> read = new TreeSet<>();
    private final Set<String> wholly = new TreeSet<>();

    /** The field {@code name} of the object at {@code place}, which must be present. */
    JsonNode get(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = object.get(name);
        if (value == null) {
            throw new FieldException(place.field(name).shown() + ": missing");
        }
        read.add(place.field(name).pattern());
        return value;
    }

    /** Whether the object has the field; marks it read when it does. */
    boolean has(JsonNode object, Place place, String name) {
        boolean present = object.has(name);
        if (present) {
            read.add(place.field(name).pattern());
        }
        return present;
    }

    String text(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (!value.isTextual()) {
            throw new FieldException(place.field(name).shown() + ": expected a string");
        }
        return value.asText();
    }

    /** A string or {@code null}. */
    String textOrNull(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldException(place.field(name).shown() + ": expected a string or null");
        }
        return value.asText();
    }

    int integer(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new FieldException(place.field(name).shown() + ": expected a whole number");
        }
        return value.asInt();
    }

    boolean bool(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (!value.isBoolean()) {
            throw new FieldException(place.field(name).shown() + ": expected true or false");
        }
        return value.asBoolean();
    }

    JsonNode object(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (!value.isObject()) {
            throw new FieldException(place.field(name).shown() + ": expected an object");
        }
        return value;
    }

    /** The items of an array field, each an object. */
    List<JsonNode> objects(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = array(object, place, name);
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw new FieldException(place.field(name).item(i).shown() + ": expected an object");
            }
            items.add(value.get(i));
        }
        return items;
    }

    /** An object field whose every value is a string (a resource's tags), read whole, in the document's order. */
    Map<String, String> textMap(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = object(object, place, name);
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new FieldException(place.field(name).field(e.getKey()).shown() + ": expected a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        wholly.add(place.field(name).pattern());
        return map;
    }

    /** The items of an array field, each a string. */
    List<String> texts(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = array(object, place, name);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new FieldException(place.field(name).item(i).shown() + ": expected a string");
            }
            items.add(value.get(i).asText());
        }
        return items;
    }

    private JsonNode array(JsonNode object, Place place, String name) throws FieldException {
        JsonNode value = get(object, place, name);
        if (!value.isArray()) {
            throw new FieldException(place.field(name).shown() + ": expected a list");
        }
        return value;
    }

    /**
     * The fields of {@code root} that were never read, as patterns ({@code findings[].group}), sorted;
     * below an unread field nothing more is listed.
     */
    List<String> unread(JsonNode root) {
        Set<String> unread = new TreeSet<>();
        collect(root, Place.ROOT, unread);
        return List.copyOf(unread);
    }

    private void collect(JsonNode node, Place place, Set<String> unread) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Place child = place.field(e.getKey());
                if (wholly.contains(child.pattern())) {
                    continue;
                }
                if (read.contains(child.pattern())) {
                    collect(e.getValue(), child, unread);
                } else {
                    unread.add(child.pattern());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), place.item(i), unread);
            }
        }
    }
}
