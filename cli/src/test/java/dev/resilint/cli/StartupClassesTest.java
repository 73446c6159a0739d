package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands other than {@code scan} load no AWS SDK class: the SDK lives in a jar of its own
 * ({@code lib/resilint-aws-sdk.jar}) that they then never open, so carrying it costs their start-up
 * nothing. Each command runs in a JVM of its own that logs every class it loads.
 */
class StartupClassesTest {

    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"check", "check-junit", "rules", "explain", "version"})
    void aCommandThatReadsNoAccountLoadsNoSdkClass(String command) throws Exception {
        List<String> args = switch (command) {
            case "check" -> List.of("check", EXAMPLES.toString(), "--fail-on", "none");
            case "check-junit" -> List.of("check", EXAMPLES.toString(), "--fail-on", "none", "--format", "junit");
            case "rules" -> List.of("rules");
            case "explain" -> List.of("explain", "AZ01");
            default -> List.of("--version");
        };
        List<String> loaded = classesLoaded(args);
        assertThat(loaded).as("classes loaded").anyMatch(c -> c.startsWith("dev.resilint.cli."));
        assertThat(loaded).noneMatch(c -> c.startsWith("software.amazon."));
    }

    private List<String> classesLoaded(List<String> args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isIn(0, 1);
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int start = line.indexOf("] ");
            int end = line.indexOf(" source:");
            if (start > 0 && end > start) {
                classes.add(line.substring(start + 2, end).trim());
            }
        }
        return classes;
    }
}
