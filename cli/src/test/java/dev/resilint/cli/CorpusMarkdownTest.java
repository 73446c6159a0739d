package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown report of the whole shared corpus ({@code ../shared/corpus} beside the repository,
 * or {@code -Dresilint.corpus}) stays under GitHub's comment limit, summary first and a last line
 * that counts what was left out. Skipped when the corpus is absent.
 */
class CorpusMarkdownTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void theWholeCorpusFitsInAComment() throws Exception {
        String configured = System.getProperty("resilint.corpus");
        Path corpus = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus"))
                .toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        Path md = dir.resolve("report.md");
        Path json = dir.resolve("report.json");

        Cli.Result r = new Cli(corpus).run("check", "--format", "markdown", "--output-file", md.toString(), "--format",
                "json", "--output-file", json.toString(), ".");

        assertThat(r.exitCode()).as(r.err()).isIn(1, 2);
        String report = Files.readString(md);
        JsonNode summary = new ObjectMapper().readTree(json.toFile()).path("summary");
        int findings = summary.path("findings").asInt();
        assertThat(findings).isGreaterThan(200);
        assertThat(report.length()).isLessThanOrEqualTo(60_000);
        assertThat(report).startsWith("## :x: resilint found " + findings + " findings");
        int rules = report.indexOf("| Rule | Severity | Findings |");
        int files = report.indexOf("| File | Findings | Errors | Warnings | Notes |");
        assertThat(rules).isPositive().isLessThan(files);
        assertThat(files).isLessThan(report.indexOf("<details>"));
        assertThat(report).contains("### AZ-failure simulation").containsPattern("more files_ \\| [0-9]+ \\|");
        String[] lines = report.strip().split("\n");
        String last = lines[lines.length - 1];
        Matcher m = Pattern.compile("\\*\\*([0-9]+) findings in ([0-9]+) files.* left out\\*\\* to stay under "
                + "GitHub's comment limit; the full report is in the JSON report `.*report\\.json`\\.").matcher(last);
        assertThat(m.matches()).as(last).isTrue();
        int shown = (int) report.lines().filter(l -> l.startsWith("| `") && l.contains("](https://")).count();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(findings - shown);
        // every error is shown before any note is
        long errors = summary.path("bySeverity").path("error").asLong();
        assertThat(report.lines().filter(l -> l.contains("](https://") && l.contains(" | error | ")
                && l.startsWith("| `")).count()).isEqualTo(errors);
    }
}
