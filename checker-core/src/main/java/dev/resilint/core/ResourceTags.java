package dev.resilint.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tags of the resources that findings are about, as their source read them: what reports need
 * to group findings by a tag (the owner team, say). Sources record them only for resources with
 * findings, so this stays as small as the findings. A resource is known by {@link #key(Location)}
 * (file and logical id for a template, ARN for a live resource, class for code), whatever its
 * source. Tag keys are case-sensitive, as in AWS.
 *
 * <p>Three states per resource: its tags were read (possibly none), its tags could not be read
 * (the tag call failed: {@link #unread(Location)}), or nothing was recorded (code, or a source that
 * has no tags), which counts as no tags.
 */
public final class ResourceTags {

    /** No tags recorded for any resource. */
    public static final ResourceTags NONE = new ResourceTags(Map.of(), Set.of());

    private final Map<String, Map<String, String>> read;
    private final Set<String> unread;

    private ResourceTags(Map<String, Map<String, String>> read, Set<String> unread) {
        TreeMap<String, Map<String, String>> sorted = new TreeMap<>();
        read.forEach((k, v) -> sorted.put(k, Map.copyOf(v)));
        this.read = sorted;
        this.unread = new TreeSet<>(unread);
        this.unread.removeAll(sorted.keySet());
    }

    /**
     * Tags by resource key, and the keys of resources whose tags could not be read; a resource in
     * both counts as read.
     */
    public static ResourceTags of(Map<String, Map<String, String>> read, Set<String> unread) {
        return read.isEmpty() && unread.isEmpty() ? NONE : new ResourceTags(read, unread);
    }

    /**
     * The identity of the resource a location points into, the same for every finding about it:
     * template file and logical id, ARN, or class name.
     */
    public static String key(Location location) {
        if (location instanceof Location.Template t) {
            return "template\u0000" + t.file() + "\u0000" + t.resourceId();
        }
        if (location instanceof Location.Code c) {
            return "code\u0000" + c.className();
        }
        return "live\u0000" + location.subject();
    }

    /** The tags of the resource at {@code location} when they were read (possibly none); else empty. */
    public Optional<Map<String, String>> of(Location location) {
        return Optional.ofNullable(read.get(key(location)));
    }

    /** Whether the tags of the resource at {@code location} could not be read. */
    public boolean unread(Location location) {
        return unread.contains(key(location));
    }

    /** Whether anything is known of the resource's tags: read, or known to be unreadable. */
    public boolean recorded(Location location) {
        String key = key(location);
        return read.containsKey(key) || unread.contains(key);
    }

    /** These tags and {@code other}'s; what either read wins over what the other could not read. */
    public ResourceTags with(ResourceTags other) {
        if (other.read.isEmpty() && other.unread.isEmpty()) {
            return this;
        }
        Map<String, Map<String, String>> all = new TreeMap<>(read);
        other.read.forEach(all::putIfAbsent);
        Set<String> notRead = new TreeSet<>(unread);
        notRead.addAll(other.unread);
        return of(all, notRead);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceTags other && read.equals(other.read) && unread.equals(other.unread);
    }

    @Override
    public int hashCode() {
        return Objects.hash(read, unread);
    }

    @Override
    public String toString() {
        return "ResourceTags" + read + " unread " + unread;
    }
}
