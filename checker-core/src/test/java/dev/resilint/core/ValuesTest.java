package dev.resilint.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.config.ConfigException;
import dev.resilint.core.tree.Mark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small value types: thresholds, severities, problems, display paths. */
class ValuesTest {

    @TempDir
    Path dir;

    @Test
    void thresholdsFailFromTheirSeverityOn() {
        assertThat(FailThreshold.ERROR.fails(Severity.ERROR)).isTrue();
        assertThat(FailThreshold.ERROR.fails(Severity.WARNING)).isFalse();
        assertThat(FailThreshold.WARNING.fails(Severity.ERROR)).isTrue();
        assertThat(FailThreshold.WARNING.fails(Severity.WARNING)).isTrue();
        assertThat(FailThreshold.WARNING.fails(Severity.NOTE)).isFalse();
        assertThat(FailThreshold.NOTE.fails(Severity.NOTE)).isTrue();
        for (Severity s : Severity.values()) {
            assertThat(FailThreshold.NONE.fails(s)).isFalse();
        }
    }

    @Test
    void parsing() {
        assertThat(FailThreshold.parse(" Warning ")).contains(FailThreshold.WARNING);
        assertThat(FailThreshold.parse("never")).isEmpty();
        assertThat(FailThreshold.parse(null)).isEmpty();
        assertThat(FailThreshold.NONE.label()).isEqualTo("none");
        assertThat(Severity.parse("NOTE")).contains(Severity.NOTE);
        assertThat(Severity.parse("none")).isEmpty();
        assertThat(Severity.ERROR.label()).isEqualTo("error");
        assertThat(Severity.ERROR.isAtLeast(Severity.NOTE)).isTrue();
        assertThat(Severity.NOTE.isAtLeast(Severity.ERROR)).isFalse();
    }

    @Test
    void problemDisplayOmitsWhatIsUnknown() {
        assertThat(Problem.input("a.yaml", 3, 7, "bad").display()).isEqualTo("a.yaml:3:7: bad");
        assertThat(Problem.input("a.yaml", 3, 0, "bad").display()).isEqualTo("a.yaml:3: bad");
        assertThat(Problem.input("a.yaml", 0, 0, "bad").display()).isEqualTo("a.yaml: bad");
        assertThat(Problem.internal("AZ01", "a.yaml", "boom").display()).isEqualTo("a.yaml: rule AZ01: boom");
        assertThat(Problem.internal("", null, "boom").display()).isEqualTo("boom");
    }

    @Test
    void configExceptionDisplay() {
        assertThat(new ConfigException("c.yaml", new Mark(2, 5), "ignore", "bad").display())
                .isEqualTo("c.yaml:2:5: ignore: bad");
        assertThat(new ConfigException("c.yaml", Mark.UNKNOWN, null, "no such file").display())
                .isEqualTo("c.yaml: no such file");
    }

    @Test
    void displayPaths() {
        assertThat(DisplayPaths.display(dir.resolve("stacks/db.yaml"), dir)).isEqualTo("stacks/db.yaml");
        assertThat(DisplayPaths.display(dir.resolve("stacks/../db.yaml"), dir)).isEqualTo("db.yaml");
        assertThat(DisplayPaths.display(dir, dir)).isEqualTo(".");
        Path outside = dir.resolveSibling(dir.getFileName() + "-other").resolve("x.yaml");
        assertThat(DisplayPaths.display(outside, dir))
                .isEqualTo(outside.toAbsolutePath().normalize().toString().replace(java.io.File.separatorChar, '/'));
    }

    @Test
    void locationDisplays() {
        assertThat(new Location.Template("a.yaml", 3, 5, "Resources/X", "X", "T").display()).isEqualTo("a.yaml:3:5");
        assertThat(new Location.Template("a.yaml", 0, 0, "Resources/X", "X", "T").display()).isEqualTo("a.yaml");
        assertThat(new Location.Code("com.acme.C", "m", "C.java", 9).display()).isEqualTo("C.java:9");
        assertThat(new Location.Code("com.acme.C", "m", "", 0).display()).isEqualTo("com.acme.C#m");
        assertThat(new Location.Code("com.acme.C", null, null, 0).display()).isEqualTo("com.acme.C");
    }
}
