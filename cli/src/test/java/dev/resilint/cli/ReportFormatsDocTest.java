package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/report-formats.md shows what resilint really prints: its examples are the output of a run on
 * {@code docs/examples/report-formats/} ({@link ReportFormatsDoc}). This test fails when a rule's
 * name, severity or message, or a format, changed and the page was not regenerated.
 */
class ReportFormatsDocTest {

    private static final String REGENERATE = "mvn -pl cli test -Dtest=ReportFormatsDocTest -Dresilint.writeDocs=true";

    @Test
    void examplesAreTheOutputOfARealRun() throws Exception {
        String page = Files.readString(ReportFormatsDoc.PAGE, StandardCharsets.UTF_8);
        String expected = ReportFormatsDoc.regenerate(page);
        if (Boolean.getBoolean("resilint.writeDocs")) {
            Files.writeString(ReportFormatsDoc.PAGE, expected, StandardCharsets.UTF_8);
            page = expected;
        }
        assertThat(page).as("docs/report-formats.md is stale; regenerate it with '" + REGENERATE + "'")
                .isEqualTo(expected);
    }

    @Test
    void everyFormatHasAnExample() throws Exception {
        String page = Files.readString(ReportFormatsDoc.PAGE, StandardCharsets.UTF_8);
        for (String kind : new String[] {"text", "json", "sarif-result", "junit", "markdown"}) {
            assertThat(page).contains("<!-- example: " + kind + " -->\n```");
        }
        assertThat(ReportFormatsDoc.example("text")).contains("AZ04", "DR03", "duplicate key", "1 suppressed");
    }
}
