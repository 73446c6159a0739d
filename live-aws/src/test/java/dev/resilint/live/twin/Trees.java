package dev.resilint.live.twin;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answer trees for the fake with more members than {@code Map.of} takes. */
public final class Trees {

    private Trees() {
    }

    /** A map of alternating keys and values, in order. */
    public static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values expected");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
