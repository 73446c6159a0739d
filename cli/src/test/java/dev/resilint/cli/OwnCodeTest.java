package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * resilint's own code passes its own code rules: {@code resilint code} on the compiled classes of
 * the command line and the other modules finds nothing. A module that has not been compiled (a
 * partial build) is left out; the command line's own classes always exist when this runs.
 */
class OwnCodeTest {

    /** The repository root: the cli module's parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void resilintsOwnClassesHaveNoFindings() {
        List<String> modules = List.of("cli", "rules-infra", "checker-core", "rules-code").stream()
                .map(m -> m + "/target/classes")
                .filter(p -> Files.isDirectory(ROOT.resolve(p)))
                .toList();
        assumeTrue(modules.contains("cli/target/classes"), "cli classes not compiled");
        assumeTrue(modules.contains("rules-infra/target/classes"), "rules-infra classes not compiled");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("code", "--no-color", "-v"),
                modules.stream()).toArray(String[]::new);
        Cli.Result r = new Cli(ROOT).run(args);
        assertThat(r.out()).as(r.out()).contains("No findings in").doesNotContain("error:");
        assertThat(r.exitCode()).as(r.out()).isZero();
        // the sources were found (Maven layout), so suppressions in them would count
        assertThat(r.out()).doesNotContain("warning");
    }
}
