package dev.resilint.core.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A YAML mapping or JSON object. Keys are unique and keep their order and positions. */
public final class MapNode implements Node {

    /**
     * One key and its value.
     *
     * @param keyTag the YAML tag written on the key, without its {@code !} ({@code Ref} for
     *     {@code !Ref Name: ...}, {@code tag:yaml.org,2002:str} for {@code !!str}); empty when none
     */
    public record Entry(String key, Mark keyMark, Node value, String keyTag) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyMark, "keyMark");
            Objects.requireNonNull(value, "value");
            keyTag = keyTag == null ? "" : keyTag;
        }

        /** An entry whose key carries no tag. */
        public Entry(String key, Mark keyMark, Node value) {
            this(key, keyMark, value, "");
        }
    }

    private final Map<String, Entry> entries;
    private final Mark mark;
    private final String tag;

    public MapNode(List<Entry> entries, Mark mark, String tag) {
        LinkedHashMap<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (map.putIfAbsent(e.key(), e) != null) {
                throw new IllegalArgumentException("duplicate key " + e.key());
            }
        }
        this.entries = Collections.unmodifiableMap(map);
        this.mark = Objects.requireNonNull(mark, "mark");
        this.tag = tag == null ? "" : tag;
    }

    public Optional<Node> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Iterable<Entry> entries() {
        return entries.values();
    }

    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Mark mark() {
        return mark;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String kindDescription() {
        return "a map";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapNode other && entries.equals(other.entries) && mark.equals(other.mark)
                && tag.equals(other.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, mark, tag);
    }

    @Override
    public String toString() {
        return "MapNode" + entries.keySet() + "@" + mark;
    }
}
