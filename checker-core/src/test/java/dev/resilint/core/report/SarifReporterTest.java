package dev.resilint.core.report;

import static dev.resilint.core.report.ReportFixtures.options;
import static dev.resilint.core.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static final JsonSchema SARIF_SCHEMA =
            SchemaValidation.load("/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);

    private static JsonNode sarif(Report report, ReportOptions options) {
        return SchemaValidation.parse(render(ReportFormat.SARIF, report, options));
    }

    private static JsonNode run(Report report, ReportOptions options) {
        JsonNode root = sarif(report, options);
        assertThat(root.get("runs")).hasSize(1);
        return root.at("/runs/0");
    }

    private static List<JsonNode> results(JsonNode run) {
        List<JsonNode> list = new ArrayList<>();
        run.get("results").forEach(list::add);
        return list;
    }

    private static JsonNode result(JsonNode run, Predicate<JsonNode> which) {
        return results(run).stream().filter(which).findFirst().orElseThrow();
    }

    private static Predicate<JsonNode> message(String prefix) {
        return r -> r.at("/message/text").asText().startsWith(prefix);
    }

    @Test
    void validAgainstTheOfficialSchema() {
        SchemaValidation.assertValid(SARIF_SCHEMA, sarif(ReportFixtures.full(), options()));
        SchemaValidation.assertValid(SARIF_SCHEMA, sarif(ReportFixtures.full(), options(false, false, true)));
        SchemaValidation.assertValid(SARIF_SCHEMA, sarif(ReportFixtures.clean(), options()));
        SchemaValidation.assertValid(SARIF_SCHEMA, sarif(ReportFixtures.empty(), options()));
    }

    @Test
    void officialSchemaCatchesMistakes() {
        ObjectNode root = (ObjectNode) sarif(ReportFixtures.full(), options());
        ((ObjectNode) root.at("/runs/0/results/0")).put("level", "warn");
        assertThat(SARIF_SCHEMA.validate(root)).isNotEmpty();
    }

    @Test
    void headerAndDriver() {
        JsonNode root = sarif(ReportFixtures.full(), options());
        assertThat(root.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode driver = root.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("resilint");
        assertThat(driver.get("version").asText()).isEqualTo(ReportFixtures.VERSION);
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
    }

    @Test
    void ruleDescriptorsCarryHelp() {
        JsonNode rules = run(ReportFixtures.full(), options()).at("/tool/driver/rules");
        assertThat(rules).hasSize(ReportFixtures.rules().size());
        JsonNode az04 = rules.get(0);
        assertThat(az04.get("id").asText()).isEqualTo("AZ04");
        assertThat(az04.get("name").asText()).isEqualTo("RdsInstanceSingleAz");
        assertThat(az04.at("/shortDescription/text").asText()).isEqualTo(ReportFixtures.rdsMultiAz().summary());
        assertThat(az04.at("/fullDescription/text").asText()).isEqualTo(ReportFixtures.rdsMultiAz().rationale());
        assertThat(az04.at("/help/text").asText())
                .contains(ReportFixtures.rdsMultiAz().rationale(), "Remediation: Set `MultiAZ: true`",
                        "- REL10-BP01 Deploy the workload to multiple locations: https://docs.aws.amazon.com/"
                                + "wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html",
                        "- AWS Config rule rds-multi-az-support: "
                                + "https://docs.aws.amazon.com/config/latest/developerguide/rds-multi-az-support.html");
        assertThat(az04.at("/help/markdown").asText())
                .contains("**Remediation:**", "[REL10-BP01 Deploy the workload to multiple locations](https://docs.aws.amazon.com/");
        assertThat(az04.get("helpUri").asText()).isEqualTo(ReportFixtures.rdsMultiAz().helpUri());
        assertThat(az04.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(az04.at("/properties/tags/0").asText()).isEqualTo("availability");
        assertThat(rules.get(2).at("/defaultConfiguration/level").asText()).isEqualTo("error");
        assertThat(rules.get(1).at("/defaultConfiguration/level").asText()).isEqualTo("note");
    }

    @Test
    void resultsPointAtRulesAndCarryFingerprints() {
        JsonNode run = run(ReportFixtures.full(), options());
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(results(run)).hasSize(ReportFixtures.findings().size());
        for (JsonNode r : results(run)) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.at("/partialFingerprints/resilint~1v1").asText()).hasSize(32);
            assertThat(r.get("level").asText()).isIn("error", "warning", "note");
            assertThat(r.get("baselineState").asText()).isEqualTo("new");
            assertThat(r.has("suppressions")).isFalse();
            assertThat(r.at("/locations/0/logicalLocations")).hasSize(1);
            JsonNode physical = r.at("/locations/0/physicalLocation");
            if (!physical.isMissingNode()) {
                assertThat(physical.at("/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(physical.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
                assertThat(physical.at("/artifactLocation/uri").asText()).doesNotStartWith("/").doesNotContain(" ");
            }
        }
    }

    @Test
    void templateLocations() {
        JsonNode run = run(ReportFixtures.full(), options());
        JsonNode db = result(run, message("RDS instance Db"));
        assertThat(db.get("level").asText()).isEqualTo("warning");
        assertThat(db.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("stacks/db.yaml");
        assertThat(db.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(db.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(7);
        JsonNode logical = db.at("/locations/0/logicalLocations/0");
        assertThat(logical.get("name").asText()).isEqualTo("Db");
        assertThat(logical.get("fullyQualifiedName").asText()).isEqualTo("Resources/Db/Properties/MultiAZ");
        assertThat(logical.get("kind").asText()).isEqualTo("resource");

        JsonNode web = result(run, message("Instance Web"));
        assertThat(web.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("stacks/web%20app.yaml");

        JsonNode cache = result(run, message("Cache has no TTL"));
        JsonNode region = cache.at("/locations/0/physicalLocation/region");
        assertThat(region.get("startLine").asInt()).isEqualTo(1);
        assertThat(region.has("startColumn")).isFalse();
    }

    @Test
    void liveAndCodeLocations() {
        JsonNode run = run(ReportFixtures.full(), options());
        JsonNode live = result(run, message("RDS instance orders"));
        assertThat(live.at("/locations/0/physicalLocation").isMissingNode()).isTrue();
        assertThat(live.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo(ReportFixtures.ORDERS_ARN);
        assertThat(live.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("resource");

        JsonNode member = result(run, message("HttpClient"));
        assertThat(member.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(ReportFixtures.CLIENT_SRC);
        assertThat(member.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(42);
        assertThat(member.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("member");
        assertThat(member.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("com.example.OrderClient.fetch");

        JsonNode type = result(run, message("OkHttpClient"));
        assertThat(type.at("/locations/0/physicalLocation").isMissingNode()).isTrue();
        assertThat(type.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("type");
        assertThat(type.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("Legacy");
    }

    @Test
    void suppressedResultsOnlyWhenAskedFor() {
        JsonNode plain = run(ReportFixtures.full(), options());
        assertThat(results(plain)).noneMatch(r -> r.has("suppressions"))
                .noneMatch(message("RDS instance Replica")).noneMatch(message("Queue jobs"));

        JsonNode all = run(ReportFixtures.full(), options(false, false, true));
        assertThat(results(all)).hasSize(ReportFixtures.findings().size() + 2);
        JsonNode replica = result(all, message("RDS instance Replica")).at("/suppressions/0");
        assertThat(replica.get("kind").asText()).isEqualTo("inSource");
        assertThat(replica.get("justification").asText()).isEqualTo("Replica is rebuilt from snapshots nightly");
        JsonNode queue = result(all, message("Queue jobs")).at("/suppressions/0");
        assertThat(queue.get("kind").asText()).isEqualTo("external");
    }

    @Test
    void baselinedResultsLeftOut() {
        assertThat(results(run(ReportFixtures.full(), options(false, false, true))))
                .noneMatch(message("Instance Old"));
    }

    @Test
    void problemsAreNotifications() {
        JsonNode invocation = run(ReportFixtures.full(), options()).at("/invocations/0");
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        JsonNode notes = invocation.get("toolExecutionNotifications");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).get("level").asText()).isEqualTo("error");
        assertThat(notes.get(0).at("/message/text").asText()).contains("mapping values are not allowed here");
        assertThat(notes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("stacks/broken.yaml");
        assertThat(notes.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(notes.get(1).at("/descriptor/id").asText()).isEqualTo("internal-error");
        assertThat(notes.get(1).at("/associatedRule/id").asText()).isEqualTo("LB01");

        JsonNode clean = run(ReportFixtures.withoutProblems(), options()).at("/invocations/0");
        assertThat(clean.get("executionSuccessful").asBoolean()).isTrue();
        assertThat(clean.get("toolExecutionNotifications")).isEmpty();
    }

    @Test
    void emptyReport() {
        JsonNode run = run(ReportFixtures.empty(), options());
        assertThat(run.get("results")).isEmpty();
        assertThat(run.at("/tool/driver/rules")).isEmpty();
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
    }

    @Test
    void encodesPathsAsUriReferences() {
        assertThat(SarifReporter.encodePath("stacks/web app.yaml")).isEqualTo("stacks/web%20app.yaml");
        assertThat(SarifReporter.encodePath("a/b#c?d%e:f.yaml")).isEqualTo("a/b%23c%3Fd%25e%3Af.yaml");
        assertThat(SarifReporter.encodePath("stäcks/ü.yaml")).isEqualTo("st%C3%A4cks/%C3%BC.yaml");
    }
}
