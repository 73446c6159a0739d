package dev.resilint.core.tree;

import java.util.Objects;

/**
 * A string, number, boolean or null. CloudFormation treats all of these as strings in the end, so
 * the text is always available; {@link #type()} says how it was written.
 */
public record ScalarNode(String text, Type type, Mark mark, String tag) implements Node {

    public enum Type {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }

    public ScalarNode {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mark, "mark");
        tag = tag == null ? "" : tag;
    }

    public static ScalarNode string(String text, Mark mark) {
        return new ScalarNode(text, Type.STRING, mark, "");
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String kindDescription() {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case DECIMAL -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }
}
