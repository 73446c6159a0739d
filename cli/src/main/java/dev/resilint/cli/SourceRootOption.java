package dev.resilint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --source-root DIR}: where the sources of compiled classes are, for file paths and suppressions. */
final class SourceRootOption {

    @Option(names = "--source-root", paramLabel = "DIR",
            description = {"Source directory of the classes (repeatable), e.g. src/main/java: findings then name the "
                    + "source file and @SuppressWarnings(\"resilint:ID\") in it is honoured. Next to target/classes "
                    + "and build/classes/java/main the Maven and Gradle source directory is found by itself."})
    List<Path> roots = new ArrayList<>();
}
