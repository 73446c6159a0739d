package dev.resilint.cli;

import dev.resilint.core.report.ExitCodes;

/** A mistake the user can fix: printed as one line, never with a stack trace. */
final class UserException extends RuntimeException {
    private final int exitCode;

    UserException(String message) {
        this(message, ExitCodes.USAGE_ERROR);
    }

    UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
