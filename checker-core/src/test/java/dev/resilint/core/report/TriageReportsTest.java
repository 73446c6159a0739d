package dev.resilint.core.report;

import static dev.resilint.core.report.TriageFixtures.DEV;
import static dev.resilint.core.report.TriageFixtures.NIGHT1;
import static dev.resilint.core.report.TriageFixtures.NIGHT2;
import static dev.resilint.core.report.TriageFixtures.PROD;
import static dev.resilint.core.report.TriageFixtures.alone;
import static dev.resilint.core.report.TriageFixtures.deniedInstances;
import static dev.resilint.core.report.TriageFixtures.previous;
import static dev.resilint.core.report.TriageFixtures.report;
import static dev.resilint.core.report.TriageFixtures.scope;
import static dev.resilint.core.report.TriageFixtures.singleAz;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.resilint.core.Finding;
import dev.resilint.core.ResourceTags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text, Markdown and JSON reports of a night compared with the previous one and grouped by
 * owner: night 1 had orders, billing (team-a) and scratch (no owner); night 2 fixed billing,
 * kept orders, added web (team-b), could not read the dev account's instances (a new gap, so
 * scratch is not re-checked) and no longer has the gap prod had.
 */
class TriageReportsTest {

    private static final JsonSchema SCHEMA =
            SchemaValidation.load(JsonReporter.SCHEMA_RESOURCE, SpecVersion.VersionFlag.V202012);

    @TempDir
    Path dir;

    private final Finding orders = singleAz(PROD, "orders");
    private final Finding billing = singleAz(PROD, "billing");
    private final Finding scratch = singleAz(DEV, "scratch");
    private final Finding web = alone(DEV, "web");
    private final List<String> both = List.of(scope(PROD), scope(DEV));

    private ResourceTags tags(List<Finding> tagged) {
        Map<String, Map<String, String>> read = new java.util.HashMap<>();
        for (Finding f : tagged) {
            String owner = f == web ? "team-b" : f == scratch ? null : "team-a";
            read.put(ResourceTags.key(f.location()), owner == null ? Map.of() : Map.of("Owner", owner));
        }
        return ResourceTags.of(read, Set.of());
    }

    private Report compared(boolean failOnNew) {
        Report night1 = report(NIGHT1, List.of(orders, billing, scratch), List.of(deniedInstances(PROD)), both,
                tags(List.of(orders, billing, scratch)));
        Report night2 = report(NIGHT2, List.of(orders, web), List.of(deniedInstances(DEV)), both,
                tags(List.of(orders, web)));
        // the nightly job writes its JSON report grouped as well: what names the owner of a fixed finding
        return night2.withComparison(Comparison.of(night2, previous(night1, byOwner(), dir.resolve("night1.json")),
                failOnNew));
    }

    private static ReportOptions byOwner() {
        return ReportFixtures.options().withGroupBy(Optional.of(GroupBy.parse("tag:Owner")));
    }

    @Test
    void theTextReportLeadsWithWhatChangedAndMarksNewFindingsAndGaps() {
        String text = ReportFixtures.render(ReportFormat.TEXT, compared(false), ReportFixtures.options());

        assertThat(text).startsWith("1 new, 1 fixed since 2027-03-30; 1 unchanged; 1 not re-checked (not evaluated "
                + "this time); 1 new gap; 1 gap resolved.\n\n");
        assertThat(text).contains("LB01  new  Instance web runs alone")
                .contains("AZ04       RDS instance orders is not Multi-AZ")
                .contains("fixed since 2027-03-30\n  fixed  arn:aws:rds:eu-west-1:111122223333:db:billing  warning  AZ04"
                        + "  RDS instance billing is not Multi-AZ\n")
                .contains("  not re-checked  arn:aws:rds:eu-west-1:444455556666:db:scratch  warning  AZ04  RDS instance "
                        + "scratch is not Multi-AZ  (AZ04 was not evaluated in 444455556666 eu-west-1: "
                        + "AWS::RDS::DBInstance access-denied (rds:DescribeDBInstances: AccessDenied))")
                .contains("  gap  new  444455556666 eu-west-1")
                .contains("no longer gaps since 2027-03-30\n  111122223333 eu-west-1");
    }

    @Test
    void theTextReportGroupedByOwnerHasASectionPerOwner() {
        String text = ReportFixtures.render(ReportFormat.TEXT, compared(false), byOwner());

        int teamA = text.indexOf("== Owner: team-a ==");
        int teamB = text.indexOf("== Owner: team-b ==");
        int noTag = text.indexOf("== (no Owner tag) ==");
        assertThat(List.of(teamA, teamB, noTag)).allMatch(i -> i > 0).isSorted();
        assertThat(text.substring(teamA, teamB)).contains("orders").contains("fixed  arn:aws:rds:eu-west-1:"
                + "111122223333:db:billing").doesNotContain("web");
        assertThat(text.substring(teamB, noTag)).contains("Instance web runs alone").doesNotContain("orders");
        assertThat(text.substring(noTag)).contains("not re-checked  arn:aws:rds:eu-west-1:444455556666:db:scratch");
    }

    @Test
    void theMarkdownReportLeadsWithWhatChangedAndHasAChangeColumn() {
        String md = ReportFixtures.render(ReportFormat.MARKDOWN, compared(false), ReportFixtures.options());

        assertThat(md).startsWith("## :x: resilint found 2 findings\n\n**1 new, 1 fixed since 2027-03-30; "
                + "1 unchanged; 1 not re-checked (not evaluated this time); 1 new gap; 1 gap resolved.**\n\n");
        assertThat(md).contains("| Location | Rule | Severity | Change | Message |")
                .contains("| **new** | Instance web runs alone |")
                .contains("| unchanged | RDS instance orders is not Multi-AZ |")
                .contains("### Fixed since 2027-03-30\n\n")
                .contains("### Not re-checked\n\n")
                .contains("### No longer gaps since 2027-03-30\n\n");
    }

    @Test
    void theMarkdownReportGroupedByOwnerHasASectionPerOwner() {
        String md = ReportFixtures.render(ReportFormat.MARKDOWN, compared(false), byOwner());

        int teamA = md.indexOf("### Owner: team-a\n");
        int teamB = md.indexOf("### Owner: team-b\n");
        int noTag = md.indexOf("### (no Owner tag)\n");
        assertThat(List.of(teamA, teamB, noTag)).allMatch(i -> i > 0).isSorted();
        assertThat(md.substring(teamA, teamB)).contains("<details><summary>aws account 111122223333 eu-west-1: ")
                .contains("#### Fixed since 2027-03-30");
    }

    @Test
    void onlyNewFindingsFailWithFailOnNew() {
        Report report = compared(true);
        assertThat(report.failingCount()).isEqualTo(1);
        assertThat(ReportFixtures.render(ReportFormat.MARKDOWN, report, ReportFixtures.options()))
                .startsWith("## :x: resilint found 1 new finding\n");
    }

    @Test
    void theJsonReportHasTheChangeOfEveryFindingAndGapTheFixedOnesAndTheGroupsAndFitsTheSchema() {
        JsonNode json = SchemaValidation.parse(ReportFixtures.render(ReportFormat.JSON, compared(false), byOwner()));
        SchemaValidation.assertValid(SCHEMA, json);

        assertThat(json.at("/run/date").asText()).isEqualTo("2027-03-31");
        assertThat(json.at("/run/scopes").toString()).isEqualTo("[\"111122223333/eu-west-1\",\"444455556666/eu-west-1\"]");
        assertThat(json.get("groupBy").asText()).isEqualTo("tag:Owner");
        List<String> changes = new ArrayList<>();
        json.get("findings").forEach(f -> changes.add(f.at("/location/arn").asText().replaceAll(".*[:/]", "") + " "
                + f.get("change").asText() + " " + f.get("group").asText()));
        assertThat(changes).containsExactly("orders unchanged team-a", "web new team-b");
        assertThat(json.get("fixed")).hasSize(1);
        assertThat(json.at("/fixed/0/fingerprint").asText()).isEqualTo(billing.fingerprint());
        assertThat(json.at("/fixed/0/group").asText()).isEqualTo("team-a");
        assertThat(json.at("/fixed/0/change").isMissingNode()).isTrue();
        assertThat(json.at("/notRechecked/0/fingerprint").asText()).isEqualTo(scratch.fingerprint());
        assertThat(json.at("/notRechecked/0/reason").asText()).startsWith("AZ04 was not evaluated in 444455556666");
        assertThat(json.at("/notEvaluated/0/change").asText()).isEqualTo("new");
        assertThat(json.at("/notEvaluatedResolved/0/account").asText()).isEqualTo(PROD);
        assertThat(json.get("comparison").toString()).isEqualTo("{\"previousDate\":\"2027-03-30\",\"new\":1,"
                + "\"unchanged\":1,\"fixed\":1,\"notRechecked\":1,\"newNotEvaluated\":1,\"notEvaluatedResolved\":1,"
                + "\"failOnNew\":false}");
    }

    @Test
    void withoutCompareOrGroupByTheJsonReportHasNoneOfTheirFields() {
        Report plain = report(NIGHT2, List.of(orders), List.of(), both, ResourceTags.NONE);
        JsonNode json = SchemaValidation.parse(ReportFixtures.render(ReportFormat.JSON, plain, ReportFixtures.options()));
        SchemaValidation.assertValid(SCHEMA, json);
        for (String field : List.of("comparison", "groupBy", "fixed", "notRechecked", "notEvaluatedResolved")) {
            assertThat(json.has(field)).as(field).isFalse();
        }
        assertThat(json.at("/findings/0").has("change")).isFalse();
        assertThat(json.at("/findings/0").has("group")).isFalse();
        JsonNode template = SchemaValidation.parse(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.full(),
                ReportFixtures.options()));
        assertThat(template.get("run").toString()).isEqualTo("{}");
    }

    /**
     * A compared, grouped report with tags read, tags unread and none recorded is read back into a
     * report that every format writes alike, the JSON byte for byte, however it is grouped.
     */
    @Test
    void aComparedGroupedReportIsReadBackAsItWasWritten() throws Exception {
        Report compared = compared(false);
        Map<String, Map<String, String>> read = new java.util.HashMap<>();
        read.put(ResourceTags.key(orders.location()), Map.of("Owner", "team-a", "CostCentre", "42"));
        Report tagged = new Report(compared.rules(), compared.findings(), compared.suppressed(), compared.baselined(),
                compared.staleBaselineEntries(), compared.baselineUsed(), compared.problems(), compared.notEvaluated(),
                compared.files(), compared.notes(), compared.threshold(), "sha256:" + "ab".repeat(32),
                compared.date(), compared.scopes(), ResourceTags.of(read, Set.of(ResourceTags.key(web.location()))),
                compared.comparison());
        JsonReportReader reader = new JsonReportReader(JsonReportReaderTest.CATALOG);
        for (Report report : List.of(compared, compared(true), tagged)) {
            for (String by : List.of("", "tag:Owner", "account", "region", "rule")) {
                ReportOptions options = by.isEmpty() ? ReportFixtures.options() : ReportFixtures.options()
                        .withGroupBy(Optional.of(GroupBy.parse(by)));
                String json = ReportFixtures.render(ReportFormat.JSON, report, options);
                JsonReportReader.Read back = reader.read(json, "night2.json");
                assertThat(back.groupBy().map(GroupBy::label)).isEqualTo(options.groupBy().map(GroupBy::label));
                assertThat(back.report().date()).contains(NIGHT2);
                assertThat(back.report().comparison()).isPresent();
                for (ReportFormat format : ReportFormat.values()) {
                    assertThat(ReportFixtures.render(format, back.report(), options)).as(by + " " + format)
                            .isEqualTo(ReportFixtures.render(format, report, options));
                }
            }
        }
        String json = ReportFixtures.render(ReportFormat.JSON, tagged, byOwner());
        JsonNode root = SchemaValidation.parse(json);
        assertThat(SCHEMA.validate(root)).isEmpty();
        JsonNode first = root.at("/findings/0");
        assertThat(first.at("/location/arn").asText()).isEqualTo(orders.location().subject());
        assertThat(first.get("tags").toString()).isEqualTo("{\"CostCentre\":\"42\",\"Owner\":\"team-a\"}");
        assertThat(root.at("/findings/1/tagsUnread").asBoolean()).isTrue();
        assertThat(root.at("/findings/1/group").asText()).isEqualTo("(Owner tag unknown)");
        assertThat(reader.read(json, "night2.json").report().tags()).isEqualTo(tagged.tags());
    }

    /** What a compared, grouped report says of its findings must follow from the rest: edits are refused. */
    @Test
    void aComparedGroupedReportThatDisagreesWithItselfIsRefused() throws Exception {
        JsonReportReader reader = new JsonReportReader(JsonReportReaderTest.CATALOG);
        String json = ReportFixtures.render(ReportFormat.JSON, compared(false), byOwner());
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("/findings/0/group", "night2.json: /findings/0/group does not agree with the rest of the report "
                + "(edited by hand?)");
        refusals.put("/findings/0/change", "night2.json: /comparison/new does not agree with the rest of the report "
                + "(edited by hand?)");
        refusals.put("/findings/0/tagsUnread", "night2.json: findings[0].tagsUnread: true or absent, not false");
        refusals.put("/findings/0/tags", "night2.json: /findings/0/group does not agree with the rest of the report "
                + "(edited by hand?)");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            JsonNode root = SchemaValidation.parse(json);
            com.fasterxml.jackson.databind.node.ObjectNode first =
                    (com.fasterxml.jackson.databind.node.ObjectNode) root.at("/findings/0");
            switch (refusal.getKey()) {
                case "/findings/0/group" -> first.put("group", "team-z");
                case "/findings/0/change" -> first.put("change",
                        first.get("change").asText().equals("new") ? "unchanged" : "new");
                case "/findings/0/tagsUnread" -> first.put("tagsUnread", false);
                default -> first.putObject("tags").put("Owner", "team-z");
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(root.toPrettyString(), "night2.json"))
                    .as(refusal.getKey()).isInstanceOf(ReportReadException.class).hasMessage(refusal.getValue());
        }
    }
}
