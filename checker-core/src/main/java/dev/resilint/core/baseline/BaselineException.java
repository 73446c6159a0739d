package dev.resilint.core.baseline;

/** A baseline file that cannot be used; the message names the file. Exit code 2. */
public final class BaselineException extends Exception {
    public BaselineException(String message) {
        super(message);
    }
}
