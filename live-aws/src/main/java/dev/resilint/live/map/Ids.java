package dev.resilint.live.map;

import java.util.LinkedHashMap;
import java.util.Map;

/** The identifiers of a resource: values by which others refer to it, each with its attribute. */
public final class Ids {

    private Ids() {
    }

    /**
     * Identifier and attribute pairs ({@code "subnet-1", ""}); pairs whose identifier is null or
     * blank are left out, and a repeated identifier keeps its first attribute.
     */
    public static Map<String, String> of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("identifier and attribute pairs expected");
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] != null && !pairs[i].isBlank()) {
                ids.putIfAbsent(pairs[i], pairs[i + 1]);
            }
        }
        return ids;
    }
}
