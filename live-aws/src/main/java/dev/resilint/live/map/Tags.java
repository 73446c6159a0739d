package dev.resilint.live.map;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Tags of the API's many tag types, as one map. */
public final class Tags {

    private Tags() {
    }

    /** Tags of any shape, by their key and value readers; null-safe. */
    public static <T> Map<String, String> of(Collection<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (T t : tags) {
                if (key.apply(t) != null) {
                    map.put(key.apply(t), value.apply(t) == null ? "" : value.apply(t));
                }
            }
        }
        return map;
    }

    /** EC2 tags. */
    public static Map<String, String> ec2(Collection<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return of(tags, software.amazon.awssdk.services.ec2.model.Tag::key,
                software.amazon.awssdk.services.ec2.model.Tag::value);
    }

    /** The value of the EC2 {@code Name} tag, else {@code fallback}. */
    public static String nameOr(Collection<software.amazon.awssdk.services.ec2.model.Tag> tags, String fallback) {
        String name = ec2(tags).get("Name");
        return name == null || name.isBlank() ? fallback : name + " (" + fallback + ")";
    }
}
