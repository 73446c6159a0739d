package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.FailThreshold;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {

    private static List<String> lines(Report report, ReportOptions options) {
        return List.of(render(ReportFormat.MARKDOWN, report, options).split("\n", -1));
    }

    /** Cells of a table row, split at unescaped pipes, as a GFM renderer does. */
    private static List<String> cells(String row) {
        assertThat(row).startsWith("| ").endsWith(" |");
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The rows of the table that starts right after {@code headingLine} (header and delimiter skipped). */
    private static List<List<String>> tableAfter(List<String> lines, String headingLine) {
        int i = lines.indexOf(headingLine);
        if (i < 0) { // a place's fold: its summary line starts with the place
            i = lines.stream().filter(l -> l.startsWith(headingLine)).findFirst().map(lines::indexOf).orElse(-1);
        }
        assertThat(i).as("heading %s", headingLine).isNotNegative();
        i++;
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (i += 2; lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    @Test
    void verdictAndSummary() {
        List<String> lines = lines(ReportFixtures.full(), options());
        assertThat(lines.get(0)).isEqualTo("## :x: resilint found 6 findings and 2 problems");
        assertThat(lines.get(2)).isEqualTo("6 findings (2 errors, 3 warnings, 1 note) in 4 files; 2 suppressed; "
                + "1 baselined; 1 baseline entry no longer occurs; 1 input error; 1 internal error.");
        assertThat(lines(ReportFixtures.withoutProblems(), options()).get(0))
                .isEqualTo("## :x: resilint found 6 findings");
    }

    @Test
    void ruleTableCountsFindings() {
        List<String> lines = lines(ReportFixtures.full(), options());
        List<String> header = cells(lines.get(4));
        assertThat(header).containsExactly("Rule", "Severity", "Findings");
        int i = 6;
        int total = 0;
        List<String> ruleCells = new ArrayList<>();
        for (; lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            ruleCells.add(row.get(0) + " " + row.get(1));
            total += Integer.parseInt(row.get(2));
        }
        assertThat(total).isEqualTo(6);
        assertThat(ruleCells.get(0)).isEqualTo("[AZ04](" + ReportFixtures.rdsMultiAz().helpUri()
                + ") RdsInstanceSingleAz warning");
        assertThat(ruleCells).hasSize(5).anyMatch(c -> c.startsWith("[CT01]") && c.endsWith("error"))
                .anyMatch(c -> c.startsWith("[CT01]") && c.endsWith("warning"));
    }

    @Test
    void detailsGroupedByFileWithEscapedMessages() {
        List<String> lines = lines(ReportFixtures.full(), options());
        List<String> headings = lines.stream().filter(l -> l.startsWith("### ")).toList();
        assertThat(headings).containsExactly("### Problems");
        List<String> folds = lines.stream().filter(l -> l.startsWith("<details>")).toList();
        assertThat(folds).containsExactly(
                "<details><summary><code>" + ReportFixtures.CLIENT_SRC + "</code>: 1 finding (1 error)</summary>",
                "<details><summary><code>stacks/db.yaml</code>: 2 findings (1 warning, 1 note)</summary>",
                "<details><summary><code>stacks/web app.yaml</code>: 1 finding (1 error)</summary>",
                "<details><summary><code>com.example.Legacy</code>: 1 finding (1 warning)</summary>",
                "<details><summary>aws account 123456789012 eu-west-1: 1 finding (1 warning)</summary>");
        assertThat(lines.stream().filter(l -> l.equals("</details>"))).hasSize(5);
        List<List<String>> db = tableAfter(lines, "<details><summary><code>stacks/db.yaml</code>");
        assertThat(db).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(db.get(0)).containsExactly("`Resources/Cache`",
                "[CA01](" + ReportFixtures.cacheTtl().helpUri() + ")", "note",
                "Cache has no TTL \\<b\\>\\*stale\\*\\</b\\>");
        assertThat(db.get(1)).containsExactly("`12:7` `Resources/Db/Properties/MultiAZ`",
                "[AZ04](" + ReportFixtures.rdsMultiAz().helpUri() + ")", "warning",
                "RDS instance Db is not Multi-AZ \\| set MultiAZ: true");
        assertThat(tableAfter(lines, "<details><summary><code>stacks/web app.yaml</code>").get(0).get(3))
                .isEqualTo("Instance Web runs alone &amp; has no load balancer");
        assertThat(tableAfter(lines, "<details><summary>aws account 123456789012 eu-west-1").get(0).get(0))
                .isEqualTo("`" + ReportFixtures.ORDERS_ARN + "`");
    }

    @Test
    void problemsListed() {
        List<String> lines = lines(ReportFixtures.full(), options());
        assertThat(lines).contains(
                "- **input error** stacks/broken.yaml:3:1: mapping values are not allowed here",
                "- **internal error** stacks/web app.yaml: rule LB01: NullPointerException: boom");
    }

    @Test
    void suppressedOnlyWhenAskedFor() {
        assertThat(render(ReportFormat.MARKDOWN, ReportFixtures.full(), options())).doesNotContain("Replica");
        List<String> lines = lines(ReportFixtures.full(), options(false, false, true));
        assertThat(tableAfter(lines, "<details><summary><code>stacks/db.yaml</code>").get(2).get(3)).isEqualTo(
                "RDS instance Replica is not Multi-AZ _(suppressed: Replica is rebuilt from snapshots nightly)_");
        assertThat(lines).anyMatch(l -> l.startsWith("<details><summary>aws account 123456789012 us-east-1: "));
    }

    @Test
    void verdictsWithoutFailures() {
        Report belowThreshold = new Report(ReportFixtures.rules(),
                ReportFixtures.findings().stream().filter(f -> f.ruleId().equals("CA01")).toList(), List.of(),
                List.of(), List.of(), false, List.of(), ReportFixtures.files(), List.of(), FailThreshold.WARNING);
        assertThat(lines(belowThreshold, options()).get(0))
                .isEqualTo("## :warning: resilint found 1 finding below the failure threshold");
        List<String> clean = lines(ReportFixtures.clean(), options());
        assertThat(clean.get(0)).isEqualTo("## :white_check_mark: resilint: no findings");
        assertThat(clean).contains("No findings in 4 files.").noneMatch(l -> l.startsWith("|"));
        List<String> empty = lines(ReportFixtures.empty(), options());
        assertThat(empty).containsExactly("## :white_check_mark: resilint: no findings", "", "No findings.", "",
                "<sub>resilint 1.2.3-test, failure threshold: error</sub>", "");
    }

    @Test
    void neverColoured() {
        assertThat(render(ReportFormat.MARKDOWN, ReportFixtures.full(), options(true, true, true)))
                .doesNotContain("\u001b[");
    }

    @Test
    void escapesMarkdownAndHtml() {
        assertThat(Markdown.escape("a|b *c* _d_ `e` [f](g) <h> & \\ ~i~ #j\nk"))
                .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> &amp; \\\\ \\~i\\~ \\#j<br>k");
        assertThat(Markdown.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(Markdown.code("a`b")).isEqualTo("``a`b``");
        assertThat(Markdown.codeOutsideTable("x|y")).isEqualTo("`x|y`");
    }
}
