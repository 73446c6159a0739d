package dev.resilint.cli;

import dev.resilint.core.run.Analyzers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in-process against a working directory and captures what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private final Path workingDirectory;
    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private byte[] stdin = new byte[0];

    Cli(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** What the command reads from standard input. */
    Cli stdin(String content) {
        this.stdin = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    Cli terminal(boolean value) {
        this.terminal = value;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.Environment environment = new Main.Environment(new PrintWriter(out, true), new PrintWriter(err, true),
                workingDirectory, Map.copyOf(env), terminal, Wiring.analyzers(),
                new java.io.ByteArrayInputStream(stdin));
        int code = Main.execute(args, environment);
        return new Result(code, out.toString(), err.toString());
    }
}
