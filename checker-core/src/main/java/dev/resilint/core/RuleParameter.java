package dev.resilint.core;

import java.util.List;
import java.util.Objects;

/**
 * A setting of a rule that users may change in {@code .resilint.yaml} under {@code rules.<ID>}.
 *
 * @param name the key, in lowerCamelCase
 * @param type the value type; configuration values of another type are rejected
 * @param defaultValue the value used when the configuration does not set one (an {@link Integer},
 *     {@link Boolean}, {@link String} or {@code List<String>})
 * @param description one sentence for the generated documentation
 */
public record RuleParameter(String name, Type type, Object defaultValue, String description) {

    public enum Type {
        INTEGER("integer"),
        BOOLEAN("boolean"),
        STRING("string"),
        STRING_LIST("list of strings");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public RuleParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (defaultValue instanceof List<?> list) {
            defaultValue = List.copyOf(list);
        }
    }

    public static RuleParameter integer(String name, int defaultValue, String description) {
        return new RuleParameter(name, Type.INTEGER, defaultValue, description);
    }

    public static RuleParameter bool(String name, boolean defaultValue, String description) {
        return new RuleParameter(name, Type.BOOLEAN, defaultValue, description);
    }

    public static RuleParameter string(String name, String defaultValue, String description) {
        return new RuleParameter(name, Type.STRING, defaultValue, description);
    }

    public static RuleParameter stringList(String name, List<String> defaultValue, String description) {
        return new RuleParameter(name, Type.STRING_LIST, defaultValue, description);
    }
}
