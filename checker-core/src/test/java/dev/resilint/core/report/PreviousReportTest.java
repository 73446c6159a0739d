package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.Finding;
import dev.resilint.core.ResourceTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousReportTest {

    @TempDir
    Path dir;

    private PreviousReport read(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
        return PreviousReport.read(dir.resolve(name), name);
    }

    private void refused(String name, String content, String message) {
        assertThatThrownBy(() -> read(name, content)).isInstanceOf(PreviousReportException.class)
                .hasMessage(message);
    }

    @Test
    void readsBackTheActiveFindingsOfEveryLocationKindTheGapsAndTheDate() {
        Report full = ReportFixtures.full();
        Report dated = new Report(full.rules(), full.findings(), full.suppressed(), full.baselined(),
                full.staleBaselineEntries(), true, full.problems(), ReportFixtures.gaps(), full.files(), full.notes(),
                full.threshold(), Optional.of(TriageFixtures.NIGHT1), List.of(), ResourceTags.NONE, Optional.empty());

        PreviousReport previous = TriageFixtures.previous(dated, dir.resolve("night1.json"));

        assertThat(previous.name()).isEqualTo("night1.json");
        assertThat(previous.date()).contains(TriageFixtures.NIGHT1);
        // active findings only: what is suppressed or baselined there was not a finding of that night
        assertThat(previous.findings()).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(full.findings().stream().map(Finding::fingerprint).toList());
        assertThat(previous.findings()).extracting(Finding::location)
                .containsExactlyElementsOf(full.findings().stream().map(Finding::location).toList());
        assertThat(previous.notEvaluated()).isEqualTo(NotEvaluatedGroup.of(ReportFixtures.gaps()));
        assertThat(previous.groupBy()).isEmpty();
    }

    @Test
    void aMissingFileOrADirectoryIsNamed() {
        assertThatThrownBy(() -> PreviousReport.read(dir.resolve("night1.json"), "night1.json"))
                .hasMessage("night1.json: no such file");
        assertThatThrownBy(() -> PreviousReport.read(dir, "reports/"))
                .isInstanceOf(PreviousReportException.class).hasMessage("reports/: a directory, not a JSON report");
    }

    @Test
    void anythingButAResilintJsonReportIsRefused() {
        refused("night1.json", "{\"findings\": [", "night1.json:1: not a resilint JSON report (not valid JSON: "
                + "Unexpected end-of-input: expected close marker for Array)");
        refused("report.sarif", "{\"version\": \"2.1.0\", \"runs\": []}",
                "report.sarif: not a resilint JSON report (write one with --format json)");
        refused("baseline.json", "{\"version\": 1, \"entries\": []}",
                "baseline.json: not a resilint JSON report (write one with --format json)");
        refused("list.json", "[]", "list.json: not a resilint JSON report (write one with --format json)");
        refused("v9.json", "{\"schemaVersion\": 9, \"tool\": {\"name\": \"resilint\"}, \"findings\": []}",
                "v9.json: a resilint JSON report of schema version 9, which this resilint (schema version 1) "
                        + "cannot compare with");
        String oneFinding = "{\"schemaVersion\": 1, \"tool\": {\"name\": \"resilint\"}, \"run\": {\"date\": \"%s\"}, "
                + "\"findings\": [{\"ruleId\": \"AZ04\", \"severity\": \"warning\", \"location\": {\"kind\": \"live\", "
                + "\"arn\": \"arn:aws:rds:eu-west-1:111122223333:db:orders\"}}]}";
        refused("cut.json", oneFinding.formatted("2027-03-30"), "cut.json: findings[0]: no \"fingerprint\"");
        refused("date.json", oneFinding.formatted("last night"),
                "date.json: run.date 'last night' is not a date like 2027-03-31");
    }

    @Test
    void aReportOfOlderResilintWithoutRunDateIsRead() throws Exception {
        PreviousReport old = read("old.json", "{\"schemaVersion\": 1, \"tool\": {\"name\": \"resilint\"}, "
                + "\"findings\": [], \"notEvaluated\": []}");
        assertThat(old.date()).isEmpty();
        assertThat(old.findings()).isEmpty();
    }
}
