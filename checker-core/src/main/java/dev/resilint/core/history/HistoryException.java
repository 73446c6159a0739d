package dev.resilint.core.history;

/** A revision that cannot be read: no git, no repository, no such revision, a path outside it. */
public final class HistoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }
}
