package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs and outputs that cannot be used end with one line naming the path and its cause, and
 * exit code 2: never "No findings." with exit 0, never an internal error (issue 16).
 */
class InputErrorsTest {

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB);
    }

    private static void assertUsageError(Cli.Result r, String... messages) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains(messages).doesNotContain("No findings.", "internal error", "Exception");
    }

    @Test
    void checkOnAnEmptyDirectory() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertUsageError(cli.run("check", "empty"), "empty: no CloudFormation template found in this directory");
    }

    @Test
    void codeOnGarbageClassesAJarWithACorruptClassAndADirectoryWithoutClasses() throws Exception {
        Files.createDirectories(dir.resolve("classes/a"));
        Files.writeString(dir.resolve("classes/a/B.class"), "garbage");
        assertUsageError(cli.run("code", "classes"), "classes/a/B.class: not a class file");
        Files.createDirectories(dir.resolve("none"));
        assertUsageError(cli.run("code", "none"), "none: no class files in this directory");
        Path jar = dir.resolve("app.jar");
        try (var zip = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.jar.JarEntry("a/C.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9});
            zip.closeEntry();
        }
        assertUsageError(cli.run("code", "app.jar"), "app.jar!/a/C.class: a corrupt or truncated class file");
    }

    @Test
    void symbolicLinkLoopsAndAConfigurationThatIsADirectory() throws Exception {
        Files.createSymbolicLink(dir.resolve("loop.yaml"), dir.resolve("loop.yaml"));
        assertUsageError(cli.run("check", "loop.yaml"), "loop.yaml: a symbolic link loop");
        assertUsageError(cli.run("check", "--config", "stacks", "stacks"), "--config stacks: is a directory, not a file");
        assertUsageError(cli.run("check", "--config", "loop.yaml", "stacks"), "--config loop.yaml: a symbolic link loop");
    }

    private static final String QUEUE = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
            """;

    @Test
    void symbolicLinksInsideAScannedDirectoryAreFollowedAndJudgedOnce() throws Exception {
        Files.createDirectories(dir.resolve("shared/more"));
        Files.writeString(dir.resolve("shared/app.yaml"), QUEUE);
        Files.writeString(dir.resolve("shared/more/worker.yaml"), QUEUE.replace("Jobs", "Work"));
        Files.createSymbolicLink(dir.resolve("stacks/app.yaml"), Path.of("../shared/app.yaml"));
        Files.createSymbolicLink(dir.resolve("stacks/more"), Path.of("../shared/more"));
        Files.createSymbolicLink(dir.resolve("stacks/again.yaml"), Path.of("db.yaml"));
        Files.createSymbolicLink(dir.resolve("stacks/self"), Path.of("."));

        Cli.Result r = cli.run("check", "--format", "json", "stacks");

        assertThat(r.err()).doesNotContain("Exception", "internal error");
        assertThat(r.out()).contains("\"file\": \"stacks/app.yaml\"", "\"file\": \"stacks/more/worker.yaml\"")
                .contains("stacks/again.yaml: the same file as stacks/db.yaml, judged once under that name",
                        "stacks/self: a symbolic link to a directory above it, searched once")
                .doesNotContain("\"file\": \"stacks/again.yaml\"", "stacks/self/");
        Cli.Result once = cli.run("check", "--format", "json", "stacks/db.yaml");
        assertThat(count(r.out(), "\"file\": \"stacks/db.yaml\""))
                .isEqualTo(count(once.out(), "\"file\": \"stacks/db.yaml\""));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    }

    @Test
    void aBrokenSymbolicLinkInsideAScannedDirectoryIsAnError() throws Exception {
        Files.createSymbolicLink(dir.resolve("stacks/gone.yaml"), Path.of("missing.yaml"));
        assertUsageError(cli.run("check", "stacks"),
                "stacks/gone.yaml: cannot read: a broken symbolic link (to missing.yaml, which does not exist)");
    }

    @Test
    void symbolicLinksInAClassDirectoryAreFollowedAndEachClassReadOnce() throws Exception {
        Path cli = dir.resolve("classes/dev/resilint/cli");
        Files.createDirectories(cli);
        try (var in = InputErrorsTest.class.getResourceAsStream("/dev/resilint/cli/Cli.class")) {
            Files.write(cli.resolve("Cli.class"), in.readAllBytes());
        }
        Files.createSymbolicLink(dir.resolve("classes/again"), Path.of("dev"));
        Files.createSymbolicLink(cli.resolve("up"), Path.of(".."));

        Cli.Result r = cli(dir).run("code", "--format", "json", "classes");
        assertThat(r.err()).doesNotContain("Exception", "internal error");
        assertThat(r.out()).contains("imported 1 class from classes",
                "classes/dev/resilint/cli/up: a symbolic link to a directory above it, searched once");

        Files.createSymbolicLink(cli.resolve("Gone.class"), Path.of("Missing.class"));
        assertUsageError(cli(dir).run("code", "classes"),
                "classes/dev/resilint/cli/Gone.class: cannot read: a broken symbolic link (to Missing.class");
    }

    private static Cli cli(Path dir) {
        return new Cli(dir);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aBaselineThatCannotBeWritten() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        assertUsageError(cli.run("baseline", "create", "-o", "out", "stacks"), "cannot write out: is a directory");
        Files.writeString(dir.resolve("file"), "x");
        assertUsageError(cli.run("baseline", "create", "-o", "file/base.json", "stacks"),
                "cannot write file/base.json: file is not a directory");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhy() throws Exception {
        Files.createDirectories(dir.resolve("out"));
        Cli.Result r = cli.run("check", "--format", "json", "--output-file", "out", "stacks");
        assertUsageError(r, "cannot write out: is a directory");
    }

    @Test
    void resourcesWithoutATypeAreErrorsAndTheOthersAreJudged() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), CommandLineTest.DB.replace("Resources:\n",
                "Resources:\n  Broken:\n    Properties: {}\n"));
        Cli.Result r = cli.run("check", "t.yaml");
        assertUsageError(r, "t.yaml:3:3: resource Broken: Type is missing", "AZ04");
    }

    @Test
    void yamlErrorsGiveTheProblemAtItsLine() throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "Resources:\n  A: {Type: AWS::SNS::Topic Properties: {}}\n");
        assertUsageError(cli.run("check", "t.yaml"), "t.yaml:2:39: invalid YAML: expected ',' or '}', but got ':'");
    }

    @Test
    void everyMistakeOfTheConfigurationAtOnce() throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), "failOn: sometimes\nignore: [ZZ]\nmaxFileSizeMiB: 0\n");
        Cli.Result r = cli.run("check", "stacks");
        assertUsageError(r, "resilint: .resilint.yaml:1:9: failOn:", "resilint: .resilint.yaml:2:10: ignore:",
                "resilint: .resilint.yaml:3:17: maxFileSizeMiB:");
    }
}
