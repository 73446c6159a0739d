package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static final ReportWriter COLOR = new ReportWriter(ReportFixtures.options(true, false, false));
    private static final ReportWriter PLAIN = new ReportWriter(ReportFixtures.options());

    @Test
    void writesEachFormatToItsFileCreatingDirectories() throws Exception {
        Report report = ReportFixtures.full();
        Path json = dir.resolve("out/reports/resilint.json");
        Path sarif = ReportWriter.fileIn(dir.resolve("target/resilint"), ReportFormat.SARIF);
        assertThat(sarif).isEqualTo(dir.resolve("target/resilint/resilint.sarif"));
        PLAIN.write(report, List.of(ReportWriter.Output.toFile(ReportFormat.JSON, json, "out/reports/resilint.json"),
                ReportWriter.Output.toFile(ReportFormat.SARIF, sarif, "resilint.sarif")), null);
        assertThat(Files.readString(json, StandardCharsets.UTF_8))
                .isEqualTo(ReportFixtures.render(ReportFormat.JSON, report, ReportFixtures.options()));
        assertThat(Files.readString(sarif, StandardCharsets.UTF_8))
                .isEqualTo(ReportFixtures.render(ReportFormat.SARIF, report, ReportFixtures.options()));
    }

    @Test
    void theStreamGetsColourAFileNever() throws Exception {
        Report report = ReportFixtures.full();
        Path file = dir.resolve("report.txt");
        StringWriter stream = new StringWriter();
        COLOR.write(report, List.of(ReportWriter.Output.toFile(ReportFormat.TEXT, file, "report.txt"),
                ReportWriter.Output.toStream(ReportFormat.TEXT)), stream);
        assertThat(stream.toString()).contains("\u001b[")
                .isEqualTo(ReportFixtures.render(ReportFormat.TEXT, report, ReportFixtures.options(true, false, false)));
        assertThat(Files.readString(file)).doesNotContain("\u001b[")
                .isEqualTo(ReportFixtures.render(ReportFormat.TEXT, report, ReportFixtures.options()));
        assertThat(COLOR.render(report, ReportFormat.TEXT)).isEqualTo(stream.toString());
    }

    @Test
    void aParentThatIsAFileIsNamedInTheError() throws Exception {
        Files.writeString(dir.resolve("reports"), "not a directory");
        Path file = dir.resolve("reports/sub/resilint.json");
        assertThatThrownBy(() -> PLAIN.write(ReportFixtures.clean(),
                List.of(ReportWriter.Output.toFile(ReportFormat.JSON, file, "reports/sub/resilint.json")), null))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write reports/sub/resilint.json: reports is not a directory");
        assertThatThrownBy(() -> ReportWriter.writeFile(dir.resolve("reports/r.json"), "reports/r.json", "{}"))
                .hasMessage("cannot write reports/r.json: reports is not a directory");
    }

    @Test
    void aDirectoryInPlaceOfTheFile() throws Exception {
        Path file = Files.createDirectories(dir.resolve("resilint.json"));
        assertThatThrownBy(() -> ReportWriter.writeFile(file, "resilint.json", "{}"))
                .isInstanceOf(ReportWriteException.class)
                .hasMessage("cannot write resilint.json: is a directory");
    }

    @Test
    void aFailingStreamIsNamed() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> PLAIN.write(ReportFixtures.clean(),
                List.of(ReportWriter.Output.toStream(ReportFormat.JSON)), broken))
                .isInstanceOf(ReportWriteException.class).hasMessage("cannot write standard output: Broken pipe");
    }

    @Test
    void writesStopAtTheFirstFailure() throws Exception {
        Files.writeString(dir.resolve("blocked"), "");
        Path later = dir.resolve("later.md");
        assertThatThrownBy(() -> PLAIN.write(ReportFixtures.clean(), List.of(
                ReportWriter.Output.toFile(ReportFormat.JSON, dir.resolve("blocked/r.json"), "blocked/r.json"),
                ReportWriter.Output.toFile(ReportFormat.MARKDOWN, later, "later.md")), null))
                .hasMessage("cannot write blocked/r.json: blocked is not a directory");
        assertThat(later).doesNotExist();
    }

    @Test
    void formatLabelsForMessages() {
        assertThat(ReportFormat.labels()).isEqualTo("text, json, sarif, junit, markdown or gitlab");
    }
}
