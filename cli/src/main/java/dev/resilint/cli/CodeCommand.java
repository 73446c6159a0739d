package dev.resilint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code resilint code PATH...}: judge compiled Java code with the code rules. */
@Command(name = "code", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge compiled Java code (class directories and jars) with the code rules.",
            "The rules find clients without timeouts or retries, unbounded waits and thread pools, retries without"
                + " jitter, caches and Redis writes without expiry and clients built per Lambda invocation. Only the"
                + " classes named are read; the libraries they call need not be present.",
            "Suppress a finding with @SuppressWarnings(\"resilint:CT01\") on the class or method (read from the"
                + " source, so give --source-root), or with a path suppression in .resilint.yaml."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  resilint code target/classes --source-root src/main/java",
            "  resilint code --format sarif -o resilint.sarif app/target/app.jar --source-root app/src/main/java"})
final class CodeCommand extends ReportingCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Class directories and jars (for example target/classes).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    SourceRootOption sourceRoots;

    @Override
    String analyzer() {
        return "code";
    }

    @Override
    List<Path> inputs() {
        return paths;
    }

    @Override
    List<Path> sourceRoots() {
        return sourceRoots.roots;
    }
}
