package dev.resilint.core.config;

import dev.resilint.core.tree.Mark;

/** A configuration file that is wrong, with the file, line and key. Exit code 2. */
public final class ConfigException extends Exception {

    private final String file;
    private final Mark mark;
    private final String key;

    public ConfigException(String file, Mark mark, String key, String message) {
        super(message);
        this.file = file;
        this.mark = mark;
        this.key = key == null ? "" : key;
    }

    public String file() {
        return file;
    }

    public Mark mark() {
        return mark;
    }

    public String key() {
        return key;
    }

    /** {@code file:line:column: key: message}. */
    public String display() {
        StringBuilder sb = new StringBuilder(file);
        if (mark.line() > 0) {
            sb.append(':').append(mark.line()).append(':').append(mark.column());
        }
        sb.append(": ");
        if (!key.isEmpty()) {
            sb.append(key).append(": ");
        }
        return sb.append(getMessage()).toString();
    }
}
