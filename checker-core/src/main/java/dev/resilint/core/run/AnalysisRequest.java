package dev.resilint.core.run;

import dev.resilint.core.Engine;
import java.nio.file.Path;
import java.util.List;

/**
 * What an analyzer is asked to look at.
 *
 * @param inputs files and directories named by the user
 * @param workingDirectory paths in findings are relative to it
 * @param engine runs rules with the configuration applied
 * @param sourceRoots source directories used to resolve source files of compiled classes
 */
public record AnalysisRequest(List<Path> inputs, Path workingDirectory, Engine engine, List<Path> sourceRoots) {
    public AnalysisRequest {
        inputs = List.copyOf(inputs);
        sourceRoots = List.copyOf(sourceRoots);
    }
}
