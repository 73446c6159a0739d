package dev.resilint.core;

import java.util.Objects;

/**
 * Something that went wrong outside the rules' verdicts: an input file that cannot be read or
 * parsed, a rule that threw. Problems are reported next to findings and decide the exit code.
 *
 * @param kind input error (exit 2) or internal error (exit 3)
 * @param file path relative to the working directory, or the empty string
 * @param line 1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 * @param ruleId the rule concerned for internal errors, else the empty string
 * @param message what happened, for a human
 */
public record Problem(Kind kind, String file, int line, int column, String ruleId, String message) {

    public enum Kind {
        /** The input could not be read or understood. */
        INPUT_ERROR,
        /** A rule or resilint itself failed. */
        INTERNAL_ERROR
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        file = file == null ? "" : file;
        ruleId = ruleId == null ? "" : ruleId;
        Objects.requireNonNull(message, "message");
    }

    public static Problem input(String file, int line, int column, String message) {
        return new Problem(Kind.INPUT_ERROR, file, line, column, "", message);
    }

    public static Problem internal(String ruleId, String file, String message) {
        return new Problem(Kind.INTERNAL_ERROR, file, 0, 0, ruleId, message);
    }

    /** {@code file:line:column: message}, omitting what is unknown. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        if (!file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        if (!ruleId.isEmpty()) {
            sb.append("rule ").append(ruleId).append(": ");
        }
        return sb.append(message).toString();
    }
}
