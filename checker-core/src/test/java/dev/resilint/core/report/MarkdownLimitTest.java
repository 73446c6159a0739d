package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Markdown report under its length limit: what is kept, what is left out, and the line saying so. */
class MarkdownLimitTest {

    private static final ReportOptions OPTIONS = ReportFixtures.options();

    /** {@code files} files with {@code perFile} findings each: file i's findings are notes, but file 3's are errors. */
    private static Report report(int files, int perFile) {
        List<Finding> findings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String file = String.format("stacks/t%02d.yaml", i);
            names.add(file);
            for (int j = 0; j < perFile; j++) {
                Severity severity = i == 3 ? Severity.ERROR : j == 0 ? Severity.WARNING : Severity.NOTE;
                findings.add(Finding.of(severity == Severity.ERROR ? "LB01" : severity == Severity.WARNING ? "AZ04"
                        : "CA01", severity, "finding " + j + " of " + file + " with a message of some length",
                        new Location.Template(file, j + 1, 3, "Resources/R" + j, "R" + j, "AWS::EC2::Instance"),
                        null));
            }
        }
        return new Report(ReportFixtures.rules(), Engine.normalize(findings), List.of(), List.of(), List.of(), false,
                List.of(), names, List.of(), FailThreshold.WARNING);
    }

    private static String render(Report report, ReportOptions options, int limit) {
        return new MarkdownReporter(options, limit).render(report);
    }

    private static String lastLine(String md) {
        String[] lines = md.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aReportThatFitsIsWholeAndSaysNothingIsLeftOut() {
        String md = render(report(3, 2), OPTIONS, MarkdownReporter.LIMIT);
        assertThat(md).doesNotContain("left out");
        assertThat(md.split("<details>", -1)).hasSize(4);
        assertThat(lastLine(md)).startsWith("<sub>resilint");
    }

    @Test
    void summaryFirstThenFoldsPerFile() {
        String md = render(report(2, 2), OPTIONS, MarkdownReporter.LIMIT);
        int rules = md.indexOf("| Rule | Severity | Findings |");
        int files = md.indexOf("| File | Findings | Errors | Warnings | Notes |");
        int fold = md.indexOf("<details><summary><code>stacks/t00.yaml</code>: 2 findings (1 warning, 1 note)</summary>");
        assertThat(rules).isPositive();
        assertThat(files).isGreaterThan(rules);
        assertThat(fold).isGreaterThan(files);
        assertThat(md).contains("| `stacks/t00.yaml` | 2 | 0 | 1 | 1 |\n| `stacks/t01.yaml` | 2 | 0 | 1 | 1 |\n");
    }

    @Test
    void cutReportsKeepTheMostSevereFirstThenFileOrderAndSayWhatIsLeftOut() {
        Report report = report(10, 8);
        int limit = 6_000;
        String md = render(report, OPTIONS, limit);
        assertThat(md.length()).isLessThanOrEqualTo(limit);
        // file 3 holds the only errors: all of them are kept, before any warning
        for (int j = 0; j < 8; j++) {
            assertThat(md).contains("finding " + j + " of stacks/t03.yaml");
        }
        // then warnings in file order, and notes only once every warning is in
        List<Integer> keptWarnings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i != 3 && md.contains("finding 0 of " + String.format("stacks/t%02d.yaml", i))) {
                keptWarnings.add(i);
            }
        }
        assertThat(keptWarnings).isNotEmpty();
        for (int k = 0; k < keptWarnings.size(); k++) {
            assertThat(keptWarnings.get(k)).isEqualTo(k < 3 ? k : k + 1); // a prefix of the files, in order
        }
        boolean everyWarning = keptWarnings.size() == 9;
        assertThat(md.contains("finding 1 of stacks/t00.yaml")).isEqualTo(everyWarning && md.contains("finding 1 of"));
        // the summary is whole: every file is counted though not every file is shown
        assertThat(md).contains("80 findings (8 errors, 9 warnings, 63 notes) in 10 files.")
                .contains("| `stacks/t09.yaml` | 8 | 0 | 1 | 7 |");
        int shown = md.split("\n\\| `[0-9]+:3` ", -1).length - 1;
        assertThat(lastLine(md)).isEqualTo("**" + (80 - shown) + " findings in 9 files left out** to stay under "
                + "GitHub's comment limit; the full report is in " + MarkdownReporter.DEFAULT_FULL_REPORT_HINT + ".");
        assertThat(md).contains("_1 of 8 findings shown").doesNotContain("_8 of 8").doesNotContain("<details><summary><code>stacks/t09.yaml");
        assertThat(md).contains("<sub>resilint 1.2.3-test, failure threshold: warning</sub>");
    }

    @Test
    void theSameInputIsCutTheSameWay() {
        Report report = report(12, 9);
        assertThat(render(report, OPTIONS, 7_000)).isEqualTo(render(report, OPTIONS, 7_000));
    }

    @Test
    void theHintNamesWhereTheFullReportIs() {
        String md = render(report(10, 8), OPTIONS.withFullReportHint(Optional.of("the SARIF report `resilint.sarif`")),
                5_000);
        assertThat(lastLine(md)).endsWith("left out** to stay under GitHub's comment limit; the full report is in the "
                + "SARIF report `resilint.sarif`.");
    }

    @Test
    void theFileTableSumsUpTheFilesItHasNoRoomFor() {
        Report report = report(200, 1);
        String md = render(report, OPTIONS, 8_000);
        assertThat(md.length()).isLessThanOrEqualTo(8_000);
        assertThat(md).containsPattern("\\| _[0-9]+ more files_ \\| [0-9]+ \\| 0 \\| [0-9]+ \\| 0 \\|");
    }

    @Test
    void blocksAreShownWholeThenInBriefThenCounted() {
        List<MarkdownBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            blocks.add(new MarkdownBlock("AZ-failure simulation", "#### `s" + i + ".yaml`\n\n" + "x".repeat(300) + "\n\n",
                    "- `s" + i + ".yaml`: survives\n\n"));
        }
        String whole = render(report(1, 1), OPTIONS.withMarkdownBlocks(blocks), MarkdownReporter.LIMIT);
        assertThat(whole).containsOnlyOnce("### AZ-failure simulation\n\n").contains("#### `s29.yaml`");
        String cut = render(report(10, 8), OPTIONS.withMarkdownBlocks(blocks), 6_000);
        assertThat(cut.length()).isLessThanOrEqualTo(6_000);
        assertThat(cut).contains("#### `s0.yaml`").contains("- `s29.yaml`: survives").doesNotContain("#### `s29.yaml`");
        assertThat(cut.indexOf("### AZ-failure simulation")).isLessThan(cut.indexOf("<details>"));
        String tiny = render(report(10, 8), OPTIONS.withMarkdownBlocks(blocks), 2_500);
        assertThat(tiny.length()).isLessThanOrEqualTo(2_500);
        assertThat(lastLine(tiny)).contains(" entries of the AZ-failure simulation").contains(" findings in 10 files");
    }

    @Test
    void whateverTheInputTheLimitHolds() {
        List<Finding> findings = new ArrayList<>(report(3, 2).findings());
        findings.add(Finding.of("LB01", Severity.ERROR, "x".repeat(70_000),
                new Location.Template("stacks/huge.yaml", 1, 1, "Resources/Huge", "Huge", "AWS::EC2::Instance"), null));
        Report huge = new Report(ReportFixtures.rules(), Engine.normalize(findings), List.of(), List.of(), List.of(),
                false, List.of(), List.of("stacks/huge.yaml"), List.of(), FailThreshold.WARNING);
        String md = render(huge, OPTIONS.withFullReportHint(Optional.of("h".repeat(20_000))), MarkdownReporter.LIMIT);
        assertThat(md.length()).isLessThanOrEqualTo(MarkdownReporter.LIMIT);
        // the huge error does not fit, and being the most severe it ends the choice: nothing less severe is shown
        assertThat(md).doesNotContain("xxxxxxxxxx").doesNotContain("<details>");
        assertThat(lastLine(md)).startsWith("**7 findings in 4 files left out**").endsWith("hhh....");
    }

    @Test
    void cuttingKeepsTablesWellFormed() {
        MarkdownCut cut = MarkdownCut.of("### T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n\n", 38);
        assertThat(cut.text()).isEqualTo("### T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
        assertThat(cut.droppedRows()).isEqualTo(2);
        assertThat(MarkdownCut.of("| a |\n\n", 100).text()).isEqualTo("| a |\n\n");
    }
}
