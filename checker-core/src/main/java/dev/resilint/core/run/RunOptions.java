package dev.resilint.core.run;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One run's settings, already resolved from command line, configuration file and defaults.
 *
 * @param inputs files and directories to analyze
 * @param workingDirectory paths in reports are relative to it
 * @param config the configuration
 * @param baseline known findings to hide, if any
 * @param threshold from which severity findings fail the run
 * @param today the date suppressions' expiry is judged against
 * @param sourceRoots source directories for code findings
 * @param standardInput what the input {@code -} stands for, when it is among {@code inputs}
 * @param progress told how far the analysis got
 */
public record RunOptions(List<Path> inputs, Path workingDirectory, Config config, Optional<Baseline> baseline,
        FailThreshold threshold, LocalDate today, List<Path> sourceRoots, Optional<StandardInput> standardInput,
        InputProgress progress) {
    public RunOptions {
        inputs = List.copyOf(inputs);
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** Options without standard input. */
    public RunOptions(List<Path> inputs, Path workingDirectory, Config config, Optional<Baseline> baseline,
            FailThreshold threshold, LocalDate today, List<Path> sourceRoots) {
        this(inputs, workingDirectory, config, baseline, threshold, today, sourceRoots, Optional.empty(),
                InputProgress.NONE);
    }
}
