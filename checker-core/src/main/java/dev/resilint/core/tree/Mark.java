package dev.resilint.core.tree;

/**
 * A position in a text file.
 *
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Mark(int line, int column) {
    public static final Mark UNKNOWN = new Mark(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
