package dev.resilint.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-progress}, and when a progress line is drawn at all: on a terminal only, never when
 * {@code CI} is set (CI logs keep every rewrite of the line).
 */
final class ProgressOptions {

    /** How long a run goes before its progress line appears. */
    static final long DEFAULT_DELAY_MILLIS = 2000;

    @Option(names = "--no-progress",
            description = "Never draw the progress line on standard error (drawn only on a terminal, after two seconds).")
    boolean noProgress;

    @Option(names = "--progress-after", hidden = true, paramLabel = "MILLIS",
            description = "Draw the progress line after this many milliseconds (for tests).")
    long delayMillis = DEFAULT_DELAY_MILLIS;

    /** Whether to draw a progress line in {@code env}. */
    boolean enabled(Main.Environment env) {
        return !noProgress && env.terminal() && env.getenv("CI") == null;
    }

    /** The progress line of {@code check} or {@code code} ({@code command}), or none. */
    FileProgress files(Main.Environment env, String command) {
        return new FileProgress(new ProgressLine(env.err()), enabled(env), "resilint " + command,
                Math.max(0, delayMillis), System::nanoTime);
    }
}
