package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.Finding;
import dev.resilint.core.ResourceTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousReportTest {

    private static final JsonReportReader READER = new JsonReportReader(JsonReportReaderTest.CATALOG);

    @TempDir
    Path dir;

    private PreviousReport read(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
        return PreviousReport.read(dir.resolve(name), name, READER);
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
        assertThatThrownBy(() -> PreviousReport.read(dir.resolve("night1.json"), "night1.json", READER))
                .hasMessage("night1.json: no such file");
        assertThatThrownBy(() -> PreviousReport.read(dir, "reports/", READER))
                .isInstanceOf(PreviousReportException.class).hasMessage("reports/: a directory, not a JSON report");
    }

    @Test
    void anythingButAResilintJsonReportIsRefused() throws Exception {
        refused("night1.json", "{\"findings\": [", "night1.json: not a resilint JSON report (invalid JSON at line 1: "
                + "Unexpected end-of-input: expected close marker for Array)");
        refused("report.sarif", "{\"version\": \"2.1.0\", \"runs\": []}",
                "report.sarif: not a resilint JSON report (resilint ... --format json)");
        refused("baseline.json", "{\"version\": 1, \"entries\": []}",
                "baseline.json: not a resilint JSON report (resilint ... --format json)");
        refused("list.json", "[]", "list.json: not a resilint JSON report (resilint ... --format json)");
        refused("v9.json", "{\"schemaVersion\": 9, \"tool\": {\"name\": \"resilint\"}, \"findings\": []}",
                "v9.json: a report of schemaVersion 9; this resilint reads schemaVersion 1");
        JsonNode dated = SchemaValidation.parse(ReportFixtures.render(ReportFormat.JSON, night1(),
                ReportOptions.defaults()));
        ((ObjectNode) dated.at("/findings/0")).remove("fingerprint");
        refused("cut.json", dated.toPrettyString(), "cut.json: findings[0].fingerprint: missing");
        ((ObjectNode) dated.at("/findings/0")).put("fingerprint", "x");
        ((ObjectNode) dated.get("run")).put("date", "last night");
        refused("date.json", dated.toPrettyString(), "date.json: run.date: not a date like 2027-03-31: 'last night'");
    }

    @Test
    void aReportWithoutRunDateIsReadUndated() throws Exception {
        Report full = ReportFixtures.full();
        PreviousReport old = read("old.json", ReportFixtures.render(ReportFormat.JSON, full, ReportOptions.defaults()));
        assertThat(old.date()).isEmpty();
        assertThat(old.findings()).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(full.findings().stream().map(Finding::fingerprint).toList());
    }

    @Test
    void aReportOfAnEarlierVersionWhoseRulesChangedStillCompares() throws Exception {
        Report full = ReportFixtures.full();
        String json = ReportFixtures.render(ReportFormat.JSON, full, ReportOptions.defaults())
                .replace("\"summary\": \"An RDS DB instance runs in one Availability Zone.\"",
                        "\"summary\": \"An RDS DB instance has no standby.\"");
        assertThat(json).contains("An RDS DB instance has no standby.");
        Files.writeString(dir.resolve("old.json"), json);
        // merging refuses it: the shards of one scan come from one resilint
        assertThatThrownBy(() -> READER.read(dir.resolve("old.json"), "old.json"))
                .hasMessageContaining("rule AZ04 is described differently by this resilint");

        PreviousReport old = PreviousReport.read(dir.resolve("old.json"), "old.json",
                JsonReportReader.forComparison(JsonReportReaderTest.CATALOG));

        assertThat(old.findings()).extracting(Finding::fingerprint)
                .containsExactlyElementsOf(full.findings().stream().map(Finding::fingerprint).toList());
        Files.writeString(dir.resolve("gone.json"), json.replace("\"id\": \"AZ04\"", "\"id\": \"AZ99\"")
                .replace("\"ruleId\": \"AZ04\"", "\"ruleId\": \"AZ99\"").replace("#az04-", "#az99-"));
        PreviousReport retired = PreviousReport.read(dir.resolve("gone.json"), "gone.json",
                JsonReportReader.forComparison(JsonReportReaderTest.CATALOG));
        assertThat(retired.findings()).extracting(Finding::ruleId).contains("AZ99");
    }

    @Test
    void theGroupsOfAGroupedReportAreItsFindingsGroups() {
        Report report = night1();
        Report tagged = new Report(report.rules(), report.findings(), report.suppressed(), report.baselined(),
                report.staleBaselineEntries(), report.baselineUsed(), report.problems(), report.notEvaluated(),
                report.files(), report.notes(), report.threshold(), report.date(), report.scopes(),
                TriageFixtures.owners(java.util.Map.of(report.findings().get(0).location(), "team-a")),
                Optional.empty());
        PreviousReport previous = TriageFixtures.previous(tagged,
                new ReportOptions(false, false, false, "1.0.0", Optional.of(GroupBy.parse("tag:Owner"))),
                dir.resolve("night1.json"));
        assertThat(previous.groupBy()).contains("tag:Owner");
        assertThat(previous.groups()).containsEntry(report.findings().get(0).fingerprint(), "team-a")
                .hasSize(report.findings().size());
    }

    private static Report night1() {
        Report full = ReportFixtures.full();
        return new Report(full.rules(), full.findings(), full.suppressed(), full.baselined(),
                full.staleBaselineEntries(), true, full.problems(), ReportFixtures.gaps(), full.files(), full.notes(),
                full.threshold(), Optional.of(TriageFixtures.NIGHT1), List.of(), ResourceTags.NONE, Optional.empty());
    }
}
