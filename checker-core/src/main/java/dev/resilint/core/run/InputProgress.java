package dev.resilint.core.run;

/**
 * Told how far an analyzer got through its inputs: templates for the CloudFormation analyzer,
 * class directories and jars for the code analyzer. The command line draws a progress line on a
 * terminal from it; nothing of it goes into reports.
 */
@FunctionalInterface
public interface InputProgress {

    /** Progress nobody watches. */
    InputProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} inputs are analyzed. */
    void advanced(int done, int total);
}
