package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {

    private static final JsonSchema CODE_QUALITY =
            SchemaValidation.load("/gitlab-code-quality.schema.json", SpecVersion.VersionFlag.V7);

    private static JsonNode gitlab(Report report, Path workingDirectory) {
        StringWriter out = new StringWriter();
        try {
            new GitlabReporter(workingDirectory).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SchemaValidation.parse(out.toString());
    }

    private static Report with(Report r, List<Finding> findings) {
        return new Report(r.rules(), findings, r.suppressed(), r.baselined(), r.staleBaselineEntries(),
                r.baselineUsed(), List.of(), r.notEvaluated(), r.files(), r.notes(), r.threshold());
    }

    private static List<JsonNode> issues(JsonNode root) {
        List<JsonNode> list = new ArrayList<>();
        root.forEach(list::add);
        return list;
    }

    @Test
    void everyIssueHasTheFieldsGitlabDocuments() {
        SchemaValidation.assertValid(CODE_QUALITY, gitlab(ReportFixtures.full(), Path.of("/work")));
        SchemaValidation.assertValid(CODE_QUALITY, gitlab(ReportFixtures.withGaps(), Path.of("/work")));
        JsonNode clean = gitlab(ReportFixtures.clean(), Path.of("/work"));
        SchemaValidation.assertValid(CODE_QUALITY, clean);
        assertThat(clean.isArray()).isTrue();
        assertThat(clean).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatGitlabWouldReject() {
        ObjectNode issue = (ObjectNode) gitlab(ReportFixtures.full(), Path.of("/work")).get(0);
        issue.put("severity", "error");
        assertThat(CODE_QUALITY.validate(SchemaValidation.JSON.createArrayNode().add(issue))).isNotEmpty();
        ObjectNode noLine = (ObjectNode) gitlab(ReportFixtures.full(), Path.of("/work")).get(0);
        ((ObjectNode) noLine.get("location")).remove("lines");
        assertThat(CODE_QUALITY.validate(SchemaValidation.JSON.createArrayNode().add(noLine))).isNotEmpty();
    }

    @Test
    void findingsBecomeIssuesWithTheirRuleFingerprintSeverityAndPlace() {
        List<JsonNode> issues = issues(gitlab(ReportFixtures.full(), Path.of("/work")));
        Report report = ReportFixtures.full();
        Finding first = report.findings().stream().filter(f -> f.location() instanceof Location.Template)
                .findFirst().orElseThrow();
        JsonNode issue = issues.stream().filter(i -> i.get("fingerprint").asText().equals(first.fingerprint()))
                .findFirst().orElseThrow();
        assertThat(issue.get("check_name").asText()).isEqualTo(first.ruleId());
        assertThat(issue.get("description").asText()).isEqualTo(first.message());
        assertThat(issue.at("/location/path").asText()).isEqualTo(first.location().file());
        assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(Math.max(1, first.location().line()));
        assertThat(issues).anySatisfy(i -> assertThat(i.at("/location/path").asText())
                .isEqualTo(ReportFixtures.ORDERS_ARN));
        assertThat(issues).anySatisfy(i -> assertThat(i.at("/location/path").asText())
                .isEqualTo("com.example.Legacy"));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("check_name").asText()).isEqualTo("resilint/input-error"));
        long findingIssues = issues.stream().filter(i -> !i.get("check_name").asText().startsWith("resilint/")).count();
        assertThat(findingIssues).isEqualTo(report.findings().size());
    }

    @Test
    void severitiesMapOntoGitlabsScale() {
        assertThat(GitlabReporter.severity(Severity.ERROR)).isEqualTo("critical");
        assertThat(GitlabReporter.severity(Severity.WARNING)).isEqualTo("major");
        assertThat(GitlabReporter.severity(Severity.NOTE)).isEqualTo("minor");
    }

    @Test
    void fingerprintsAreUniqueBecauseGitlabShowsOnlyTheFirstOfEach() {
        Report full = ReportFixtures.full();
        Finding f = full.findings().get(0);
        Finding twin = new Finding(f.ruleId(), f.severity(), f.message(), new Location.Template(f.location().file(),
                99, 1, "Resources/Other", "Other", "AWS::RDS::DBInstance"), f.fingerprint(), f.suppression());
        List<Finding> findings = new ArrayList<>(full.findings());
        findings.add(twin);
        List<JsonNode> issues = issues(gitlab(with(full, findings), Path.of("/work")));
        Set<String> fingerprints = new HashSet<>();
        issues.forEach(i -> assertThat(fingerprints.add(i.get("fingerprint").asText())).isTrue());
        assertThat(fingerprints).contains(f.fingerprint(), f.fingerprint() + "-2");
    }

    @Test
    void absolutePathsUnderTheProjectBecomeRelative() {
        Report full = ReportFixtures.full();
        Finding f = full.findings().get(0);
        Finding absolute = new Finding(f.ruleId(), f.severity(), f.message(), new Location.Template(
                "/builds/team/infra/stacks/db.yaml", 12, 7, "Resources/Db", "Db", "AWS::RDS::DBInstance"),
                "abc", f.suppression());
        Finding outside = new Finding(f.ruleId(), f.severity(), f.message(), new Location.Template(
                "/elsewhere/x.yaml", 1, 1, "Resources/X", "X", "AWS::RDS::DBInstance"), "def", f.suppression());
        List<JsonNode> issues = issues(gitlab(with(full, List.of(absolute, outside)),
                Path.of("/builds/team/infra")));
        assertThat(issues.get(0).at("/location/path").asText()).isEqualTo("stacks/db.yaml");
        assertThat(issues.get(1).at("/location/path").asText()).isEqualTo("/elsewhere/x.yaml");
    }

    @Test
    void gapsAreIssuesToo() {
        List<JsonNode> issues = issues(gitlab(ReportFixtures.withGaps(), Path.of("/work")));
        assertThat(issues).anySatisfy(i -> {
            assertThat(i.get("check_name").asText()).isEqualTo("resilint/not-evaluated");
            assertThat(i.get("severity").asText()).isEqualTo("info");
            assertThat(i.get("description").asText()).startsWith("not evaluated: ");
        });
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(gitlab(ReportFixtures.full(), Path.of("/work")).toString())
                .isEqualTo(gitlab(ReportFixtures.full(), Path.of("/work")).toString());
    }
}
