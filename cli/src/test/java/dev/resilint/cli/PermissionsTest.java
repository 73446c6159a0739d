package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directories the user may not read or write are errors that say "permission denied"
 * and name the path, with exit code 2: never skipped, never "no such file", never an internal
 * error. Run where permissions bind ({@link Unprivileged}); skipped with the reason elsewhere.
 */
class PermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        Unprivileged.assumeAvailable();
        Files.createDirectories(dir.resolve("stacks/closed"));
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB);
        Files.writeString(dir.resolve("stacks/closed/hidden.yaml"), CommandLineTest.DB);
    }

    private static void assertDenied(Cli.Result r, String... messages) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains(messages)
                .doesNotContain("No findings.\n", "no such file", "internal error", "Exception");
    }

    @Test
    void anUnreadableDirectoryNamedOrBelowANamedOneIsAnError() throws Exception {
        Unprivileged.chmod(dir.resolve("stacks/closed"), "---------");
        Cli.Result below = Unprivileged.run(dir, "check", "stacks");
        assertDenied(below, "stacks/closed: cannot list directory: permission denied");
        assertThat(below.out()).contains("stacks/db.yaml", "AZ04"); // the readable rest is still judged
        assertDenied(Unprivileged.run(dir, "check", "stacks/closed"),
                "stacks/closed: cannot list directory: permission denied");
        assertDenied(Unprivileged.run(dir, "check", "stacks/closed/hidden.yaml"),
                "stacks/closed/hidden.yaml: permission denied");
    }

    @Test
    void anUnreadableTemplateIsAnError() throws Exception {
        Unprivileged.chmod(dir.resolve("stacks/db.yaml"), "---------");
        assertDenied(Unprivileged.run(dir, "check", "stacks/db.yaml"), "stacks/db.yaml: permission denied");
        assertDenied(Unprivileged.run(dir, "check", "stacks"), "stacks/db.yaml: permission denied");
    }

    @Test
    void baselinesAndReportsThatCannotBeWrittenSayWhy() throws Exception {
        Files.createDirectories(dir.resolve("ro"));
        Unprivileged.chmod(dir.resolve("ro"), "r-xr-xr-x");
        assertDenied(Unprivileged.run(dir, "baseline", "create", "-o", "ro/base.json", "stacks/db.yaml"),
                "resilint: cannot write ro/base.json: permission denied");
        assertDenied(Unprivileged.run(dir, "baseline", "create", "-o", "ro/sub/base.json", "stacks/db.yaml"),
                "resilint: cannot write ro/sub/base.json: ro/sub: permission denied");
        assertDenied(Unprivileged.run(dir, "check", "--format", "json", "--output-file", "ro/r.json", "stacks/db.yaml"),
                "resilint: cannot write ro/r.json: permission denied");
    }

    @Test
    void anUnreadableConfigurationBaselineOrClassDirectoryIsAnError() throws Exception {
        Files.writeString(dir.resolve("conf.yaml"), "failOn: error\n");
        Unprivileged.chmod(dir.resolve("conf.yaml"), "---------");
        assertDenied(Unprivileged.run(dir, "check", "--config", "conf.yaml", "stacks/db.yaml"),
                "conf.yaml: permission denied");
        Files.writeString(dir.resolve("base.json"), "{}");
        Unprivileged.chmod(dir.resolve("base.json"), "---------");
        assertDenied(Unprivileged.run(dir, "check", "--baseline", "base.json", "stacks/db.yaml"),
                "base.json: cannot read baseline: permission denied");
        Files.createDirectories(dir.resolve("classes/a"));
        Unprivileged.chmod(dir.resolve("classes/a"), "---------");
        assertDenied(Unprivileged.run(dir, "code", "classes"), "classes/a: cannot list directory: permission denied");
    }
}
