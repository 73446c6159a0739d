package dev.resilint.core.run;

import dev.resilint.core.Engine;
import dev.resilint.core.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an analyzer is asked to look at.
 *
 * @param inputs files and directories named by the user
 * @param workingDirectory paths in findings are relative to it
 * @param config the configuration: rule selection, severities and parameters, input limits
 * @param sourceRoots source directories used to resolve source files of compiled classes
 * @param namedFilesMustBeTemplates whether a file named in {@code inputs} that is not of the
 *     analyzer's kind is an error (the command line) or is skipped quietly, as in a directory walk
 *     (files picked by patterns, as the Maven plugin does)
 * @param standardInput what the input {@code -} stands for, when it is among {@code inputs}
 * @param progress told how far the analysis got through its inputs
 */
public record AnalysisRequest(List<Path> inputs, Path workingDirectory, Config config, List<Path> sourceRoots,
        boolean namedFilesMustBeTemplates, Optional<StandardInput> standardInput, InputProgress progress) {
    public AnalysisRequest {
        inputs = List.copyOf(inputs);
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** A request without standard input. */
    public AnalysisRequest(List<Path> inputs, Path workingDirectory, Config config, List<Path> sourceRoots,
            boolean namedFilesMustBeTemplates) {
        this(inputs, workingDirectory, config, sourceRoots, namedFilesMustBeTemplates, Optional.empty(),
                InputProgress.NONE);
    }

    /** A request whose named files must be of the analyzer's kind. */
    public AnalysisRequest(List<Path> inputs, Path workingDirectory, Config config, List<Path> sourceRoots) {
        this(inputs, workingDirectory, config, sourceRoots, true);
    }

    /** Runs rules with the configuration applied. */
    public Engine engine() {
        return new Engine(config);
    }
}
