package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A small Maven-shaped Java project in a directory: sources under src/main/java, compiled to target/classes. */
final class JavaProject {

    private final Path root;

    JavaProject(Path root) {
        this.root = root;
    }

    JavaProject source(String path, String text) throws IOException {
        Path file = root.resolve("src/main/java").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    /** Compiles every source to {@code output} (relative to the project), as javac does by default: with line numbers. */
    JavaProject compile(String output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", root.resolve(output).toString(), "--release", "17"));
        try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
        }
        StringWriter diagnostics = new StringWriter();
        int code = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(code).as("javac: " + diagnostics).isZero();
        return this;
    }

    JavaProject compile() throws IOException {
        return compile("target/classes");
    }
}
