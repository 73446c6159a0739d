package dev.resilint.core.tree;

import dev.resilint.core.Problem;

/** A file that cannot be read as YAML or JSON, with the position of the trouble. */
public final class TreeReadException extends Exception {

    private final String file;
    private final Mark mark;

    public TreeReadException(String file, Mark mark, String message) {
        super(message);
        this.file = file;
        this.mark = mark;
    }

    public String file() {
        return file;
    }

    public Mark mark() {
        return mark;
    }

    public Problem toProblem() {
        return Problem.input(file, mark.line(), mark.column(), getMessage());
    }

    /** {@code file:line:column: message}. */
    public String display() {
        return toProblem().display();
    }
}
