package dev.resilint.core.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Exit codes of the command line and of scheduled scans, what each means, and which one wins
 * when several apply. The one place they are defined: {@code resilint --help}, the README's table
 * (checked by a test) and {@link Report#exitCode()} all take them from here.
 */
public final class ExitCodes {
    /** No finding at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** Usage or configuration error, or an input that cannot be read. */
    public static final int USAGE_ERROR = 2;
    /** Internal error: resilint or a rule failed. */
    public static final int INTERNAL_ERROR = 3;
    /** A live scan finished with evaluation gaps and no failing findings. */
    public static final int NOT_EVALUATED = 4;

    /**
     * Every exit code with its one-line meaning, declared in precedence order: when several apply
     * to a run, the one declared first wins ({@link #precedenceRule()}).
     */
    public enum Code {
        INTERNAL_ERROR(ExitCodes.INTERNAL_ERROR, "internal error: resilint or one of its rules failed"),
        USAGE_ERROR(ExitCodes.USAGE_ERROR,
                "usage or configuration error (bad flag, invalid config, unknown rule id) or unreadable input"),
        FINDINGS(ExitCodes.FINDINGS, "findings at or above the failure threshold"),
        NOT_EVALUATED(ExitCodes.NOT_EVALUATED,
                "live scan finished with evaluation gaps (NOT_EVALUATED results) and no failing findings"),
        OK(ExitCodes.OK, "no finding at or above the failure threshold");

        private final int code;
        private final String description;

        Code(int code, String description) {
            this.code = code;
            this.description = description;
        }

        /** The process exit status. */
        public int code() {
            return code;
        }

        /** What the code means, in one line. */
        public String description() {
            return description;
        }
    }

    private ExitCodes() {
    }

    /** Every code in numeric order, as listed in {@code --help} and the README. */
    public static List<Code> all() {
        return Arrays.stream(Code.values()).sorted(Comparator.comparingInt(Code::code)).toList();
    }

    /** The code with this number. */
    public static Code of(int code) {
        return Arrays.stream(Code.values()).filter(c -> c.code() == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exit code " + code));
    }

    /**
     * The code that wins among those that apply: the first in precedence order; {@link Code#OK}
     * when none applies.
     */
    public static Code decide(Collection<Code> applicable) {
        return Arrays.stream(Code.values()).filter(applicable::contains).findFirst().orElse(Code.OK);
    }

    /** {@code 3 > 2 > 1 > 4 > 0}: the precedence of the codes, highest first. */
    public static String precedenceRule() {
        return precedenceRule(List.of(Code.values()));
    }

    /** The precedence among {@code codes} only: {@code 3 > 2 > 1 > 0} without code 4. */
    public static String precedenceRule(Collection<Code> codes) {
        return Arrays.stream(Code.values()).filter(codes::contains).map(c -> Integer.toString(c.code()))
                .collect(Collectors.joining(" > "));
    }
}
