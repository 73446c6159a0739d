package dev.resilint.core.config;

import dev.resilint.core.tree.Mark;
import java.util.List;

/**
 * A configuration file that is wrong, with the file, line and key. Exit code 2. When a file has
 * several mistakes, one exception holds all of them ({@link #errors()}), so that they are fixed in
 * one go; its own file, mark, key and message are those of the first.
 */
public final class ConfigException extends Exception {

    private final String file;
    private final Mark mark;
    private final String key;
    private final List<ConfigException> errors;

    public ConfigException(String file, Mark mark, String key, String message) {
        super(message);
        this.file = file;
        this.mark = mark;
        this.key = key == null ? "" : key;
        this.errors = List.of(this);
    }

    /** Several mistakes of one file, in the order found; at least one. */
    public ConfigException(List<ConfigException> errors) {
        super(errors.get(0).getMessage());
        ConfigException first = errors.get(0);
        this.file = first.file;
        this.mark = first.mark;
        this.key = first.key;
        this.errors = errors.stream().flatMap(e -> e.errors().stream()).toList();
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

    /** Every mistake, this one alone when there is one. */
    public List<ConfigException> errors() {
        return errors;
    }

    /** {@code file:line:column: key: message}, one line for each mistake. */
    public String display() {
        return String.join("\n", errors.stream().map(ConfigException::displayOne).toList());
    }

    private String displayOne() {
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
