package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTest {

    private static List<String> lines(Report report, ReportOptions options) {
        return List.of(render(ReportFormat.TEXT, report, options).split("\n", -1));
    }

    @Test
    void groupsFindingsUnderFileAccountAndClassHeadings() {
        List<String> lines = lines(ReportFixtures.full(), options());
        int db = lines.indexOf("stacks/db.yaml");
        int web = lines.indexOf("stacks/web app.yaml");
        int src = lines.indexOf(ReportFixtures.CLIENT_SRC);
        int legacyClass = lines.indexOf("com.example.Legacy");
        int account = lines.indexOf("aws account 123456789012 eu-west-1");
        assertThat(List.of(src, db, web, legacyClass, account)).allMatch(i -> i >= 0).isSorted();
        // the template finding with a position, aligned with the one without
        assertThat(lines.get(db + 1)).isEqualTo(
                "  -     note     CA01  Cache has no TTL <b>*stale*</b>  [Resources/Cache]");
        assertThat(lines.get(db + 2)).isEqualTo(
                "  12:7  warning  AZ04  RDS instance Db is not Multi-AZ | set MultiAZ: true"
                        + "  [Resources/Db/Properties/MultiAZ]");
        assertThat(lines.get(src + 1)).isEqualTo(
                "  42  error    CT01  HttpClient built without timeouts in fetch()  [com.example.OrderClient#fetch]");
        assertThat(lines.get(account + 1)).isEqualTo(
                "  -  warning  AZ04  RDS instance orders is not Multi-AZ  [" + ReportFixtures.ORDERS_ARN + "]");
    }

    @Test
    void listsProblemsAndEndsWithTheSummaryLine() {
        List<String> lines = lines(ReportFixtures.full(), options());
        assertThat(lines).contains(
                "error: stacks/broken.yaml:3:1: mapping values are not allowed here",
                "internal error: stacks/web app.yaml: rule LB01: NullPointerException: boom");
        assertThat(lines.get(lines.size() - 1)).isEmpty();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("6 findings (2 errors, 3 warnings, 1 note) in 4 files; "
                + "2 suppressed; 1 baselined; 1 baseline entry no longer occurs; 1 input error; 1 internal error.");
    }

    @Test
    void suppressedFindingsOnlyWhenAskedFor() {
        String plain = render(ReportFormat.TEXT, ReportFixtures.full(), options());
        assertThat(plain).doesNotContain("Replica").doesNotContain("(suppressed");
        List<String> lines = lines(ReportFixtures.full(), options(false, false, true));
        assertThat(lines).contains("  30:7  warning  AZ04  RDS instance Replica is not Multi-AZ"
                + "  [Resources/Replica/Properties/MultiAZ]  (suppressed: Replica is rebuilt from snapshots nightly)");
        assertThat(lines).contains("aws account 123456789012 us-east-1");
    }

    @Test
    void notesOnlyWhenVerbose() {
        String note = "note: skipped README.md: not a CloudFormation template";
        assertThat(lines(ReportFixtures.full(), options())).doesNotContain(note);
        assertThat(lines(ReportFixtures.full(), options(false, true, false))).contains(note);
    }

    @Test
    void colourOnlyWhenAskedFor() {
        String plain = render(ReportFormat.TEXT, ReportFixtures.full(), options());
        assertThat(plain).doesNotContain("\u001b[");
        String coloured = render(ReportFormat.TEXT, ReportFixtures.full(), options(true, false, false));
        assertThat(coloured).contains("\u001b[1mstacks/db.yaml\u001b[0m", "\u001b[31merror\u001b[0m",
                "\u001b[33mwarning\u001b[0m", "\u001b[36mnote\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void cleanAndEmptyReports() {
        assertThat(render(ReportFormat.TEXT, ReportFixtures.clean(), options())).isEqualTo("No findings in 4 files.\n");
        assertThat(render(ReportFormat.TEXT, ReportFixtures.empty(), options())).isEqualTo("No findings.\n");
    }

    @Test
    void singularAndPluralWords() {
        Report one = new Report(ReportFixtures.rules(), ReportFixtures.findings().stream().filter(f -> f.ruleId().equals("CA01")).toList(), List.of(),
                List.of(), List.of(), false, List.of(), List.of(ReportFixtures.DB), List.of(),
                dev.resilint.core.FailThreshold.WARNING);
        List<String> lines = lines(one, options());
        assertThat(lines.get(lines.size() - 2)).isEqualTo("1 finding (0 errors, 0 warnings, 1 note) in 1 file.");
    }
}
