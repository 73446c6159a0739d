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
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static final JsonSchema SCHEMA =
            SchemaValidation.load(JsonReporter.SCHEMA_RESOURCE, SpecVersion.VersionFlag.V202012);

    private static JsonNode json(Report report, ReportOptions options) {
        return SchemaValidation.parse(render(ReportFormat.JSON, report, options));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelInFixedOrder() {
        JsonNode root = json(ReportFixtures.full(), options());
        assertThat(fieldNames(root)).containsExactly("schemaVersion", "tool", "run", "summary", "findings", "suppressed",
                "baselined", "staleBaselineEntries", "problems", "notEvaluated", "files", "notes", "rules");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(JsonReporter.SCHEMA_VERSION);
        assertThat(root.at("/tool/name").asText()).isEqualTo("resilint");
        assertThat(root.at("/tool/version").asText()).isEqualTo(ReportFixtures.VERSION);
    }

    @Test
    void theRunNamesTheDigestOfItsConfigurationWhenKnown() {
        Report full = ReportFixtures.full();
        String digest = "sha256:" + "ab".repeat(32);
        Report digested = new Report(full.rules(), full.findings(), full.suppressed(), full.baselined(),
                full.staleBaselineEntries(), full.baselineUsed(), full.problems(), full.notEvaluated(), full.files(),
                full.notes(), full.threshold(), digest);
        JsonNode root = json(digested, options());
        assertThat(fieldNames(root.get("run"))).containsExactly("configuration");
        assertThat(root.at("/run/configuration").asText()).isEqualTo(digest);
        assertThat(fieldNames(json(full, options()).get("run"))).isEmpty();
    }

    @Test
    void summaryCounts() {
        JsonNode summary = json(ReportFixtures.full(), options()).get("summary");
        assertThat(summary.at("/bySeverity/error").asInt()).isEqualTo(2);
        assertThat(summary.at("/bySeverity/warning").asInt()).isEqualTo(3);
        assertThat(summary.at("/bySeverity/note").asInt()).isEqualTo(1);
        assertThat(summary.get("findings").asInt()).isEqualTo(6);
        assertThat(summary.get("suppressed").asInt()).isEqualTo(2);
        assertThat(summary.get("baselined").asInt()).isEqualTo(1);
        assertThat(summary.get("staleBaselineEntries").asInt()).isEqualTo(1);
        assertThat(summary.get("problems").asInt()).isEqualTo(2);
        assertThat(summary.get("notEvaluated").asInt()).isZero();
        assertThat(summary.get("files").asInt()).isEqualTo(4);
        assertThat(summary.get("failing").asInt()).isEqualTo(5);
        assertThat(summary.get("threshold").asText()).isEqualTo("warning");
        assertThat(summary.get("exitCode").asInt()).isEqualTo(ExitCodes.INTERNAL_ERROR);

        JsonNode withoutProblems = json(ReportFixtures.withoutProblems(), options()).get("summary");
        assertThat(withoutProblems.get("exitCode").asInt()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void findingsCarryRuleAndTypedLocation() {
        JsonNode root = json(ReportFixtures.full(), options());
        JsonNode findings = root.get("findings");
        assertThat(findings).hasSize(6);
        List<String> kinds = new ArrayList<>();
        findings.forEach(f -> kinds.add(f.at("/location/kind").asText()));
        assertThat(kinds).containsExactly("live", "code", "code", "template", "template", "template");

        JsonNode db = findByMessagePrefix(findings, "RDS instance Db");
        assertThat(db.get("ruleId").asText()).isEqualTo("AZ04");
        assertThat(db.get("ruleName").asText()).isEqualTo("RdsInstanceSingleAz");
        assertThat(db.get("severity").asText()).isEqualTo("warning");
        assertThat(db.get("fingerprint").asText()).hasSize(32);
        assertThat(db.at("/location/file").asText()).isEqualTo(ReportFixtures.DB);
        assertThat(db.at("/location/line").asInt()).isEqualTo(12);
        assertThat(db.at("/location/column").asInt()).isEqualTo(7);
        assertThat(db.at("/location/logicalPath").asText()).isEqualTo("Resources/Db/Properties/MultiAZ");
        assertThat(db.at("/location/resourceId").asText()).isEqualTo("Db");
        assertThat(db.has("suppression")).isFalse();

        JsonNode live = findings.get(0);
        assertThat(live.at("/location/arn").asText()).isEqualTo(ReportFixtures.ORDERS_ARN);
        assertThat(live.at("/location/account").asText()).isEqualTo("123456789012");
        assertThat(live.at("/location/region").asText()).isEqualTo("eu-west-1");

        JsonNode code = findByMessagePrefix(findings, "HttpClient");
        assertThat(code.at("/location/className").asText()).isEqualTo("com.example.OrderClient");
        assertThat(code.at("/location/member").asText()).isEqualTo("fetch");
        assertThat(code.at("/location/line").asInt()).isEqualTo(42);
    }

    @Test
    void suppressedAlwaysIncludedWithTheirSuppression() {
        JsonNode suppressed = json(ReportFixtures.full(), options()).get("suppressed");
        assertThat(suppressed).hasSize(2);
        JsonNode replica = suppressed.get(0).get("suppression");
        assertThat(replica.get("reason").asText()).isEqualTo("Replica is rebuilt from snapshots nightly");
        assertThat(replica.get("expires").isNull()).isTrue();
        assertThat(replica.get("format").asText()).isEqualTo("resilint");
        assertThat(replica.at("/origin/kind").asText()).isEqualTo("template");
        assertThat(replica.at("/origin/line").asInt()).isEqualTo(26);
        JsonNode queue = suppressed.get(1).get("suppression");
        assertThat(queue.get("expires").asText()).isEqualTo("2027-03-31");
        assertThat(queue.get("format").asText()).isEqualTo("config");
    }

    @Test
    void baselineProblemsFilesAndRules() {
        JsonNode root = json(ReportFixtures.full(), options());
        assertThat(root.get("baselined")).hasSize(1);
        assertThat(root.at("/baselined/0/ruleId").asText()).isEqualTo("LB01");
        assertThat(root.at("/staleBaselineEntries/0/fingerprint").asText())
                .isEqualTo(ReportFixtures.STALE_FINGERPRINT);
        assertThat(root.at("/staleBaselineEntries/0/location").asText()).isEqualTo("stacks/old.yaml#Resources/Gone");
        assertThat(root.at("/problems/0/kind").asText()).isEqualTo("input");
        assertThat(root.at("/problems/0/line").asInt()).isEqualTo(3);
        assertThat(root.at("/problems/1/kind").asText()).isEqualTo("internal");
        assertThat(root.at("/problems/1/ruleId").asText()).isEqualTo("LB01");
        assertThat(root.get("files")).hasSize(4);
        assertThat(root.at("/notes/0").asText()).startsWith("skipped README.md");
        JsonNode rules = root.get("rules");
        assertThat(rules).hasSize(ReportFixtures.rules().size());
        assertThat(fieldNames(rules.get(0))).containsExactly("id", "name", "severity", "summary", "helpUri");
        assertThat(rules.get(0).get("helpUri").asText()).endsWith("#az04-rdsinstancesingleaz");
    }

    @Test
    void notEvaluatedGroupedByScopeTypeReasonAndDetailAndSorted() {
        JsonNode root = json(ReportFixtures.withGaps(), options());
        JsonNode gaps = root.get("notEvaluated");
        assertThat(gaps).hasSize(4);
        assertThat(root.at("/summary/notEvaluated").asInt()).isEqualTo(4);
        assertThat(root.at("/summary/exitCode").asInt()).isEqualTo(ExitCodes.NOT_EVALUATED);

        JsonNode subnets = gaps.get(0);
        assertThat(fieldNames(subnets)).containsExactly("account", "region", "resourceType", "subject", "rules",
                "reason", "message");
        assertThat(subnets.get("account").asText()).isEqualTo("123456789012");
        assertThat(subnets.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(subnets.get("resourceType").asText()).isEqualTo("AWS::EC2::Subnet");
        assertThat(subnets.get("subject").asText()).isEmpty();
        assertThat(subnets.get("rules")).extracting(JsonNode::asText).containsExactly("AZ04", "LB01");
        assertThat(subnets.get("reason").asText()).isEqualTo("access-denied");
        assertThat(subnets.get("message").asText()).isEqualTo("ec2:DescribeSubnets: AccessDenied (User is not authorized)");

        JsonNode instance = gaps.get(1);
        assertThat(instance.get("resourceType").asText()).isEqualTo("AWS::RDS::DBInstance");
        assertThat(instance.get("subject").asText()).isEqualTo(ReportFixtures.ORDERS_ARN);
        assertThat(instance.get("rules")).extracting(JsonNode::asText).containsExactly("AZ04");

        JsonNode throttled = gaps.get(2);
        assertThat(throttled.get("region").asText()).isEqualTo("us-east-1");
        assertThat(throttled.get("reason").asText()).isEqualTo("throttled");

        JsonNode template = gaps.get(3);
        assertThat(fieldNames(template)).containsExactly("scope", "resourceType", "subject", "rules", "reason",
                "message");
        assertThat(template.get("scope").asText()).isEqualTo(ReportFixtures.DB);
        assertThat(template.get("reason").asText()).isEqualTo("unsupported");
        assertThat(template.get("message").asText()).isEmpty();
    }

    @Test
    void notEvaluatedDoesNotDependOnTheOrderGapsWereRecorded() {
        Report report = ReportFixtures.withGaps();
        List<dev.resilint.core.NotEvaluated> reversed = new ArrayList<>(ReportFixtures.gaps());
        java.util.Collections.reverse(reversed);
        Report other = new Report(report.rules(), report.findings(), report.suppressed(), report.baselined(),
                report.staleBaselineEntries(), false, report.problems(), reversed, report.files(), report.notes(),
                report.threshold());
        assertThat(render(ReportFormat.JSON, other, options())).isEqualTo(render(ReportFormat.JSON, report, options()));
    }

    @Test
    void validAgainstTheDocumentedSchema() {
        SchemaValidation.assertValid(SCHEMA, json(ReportFixtures.withGaps(), options()));
        SchemaValidation.assertValid(SCHEMA, json(ReportFixtures.full(), options()));
        SchemaValidation.assertValid(SCHEMA, json(ReportFixtures.clean(), options()));
        SchemaValidation.assertValid(SCHEMA, json(ReportFixtures.empty(), options()));
    }

    @Test
    void schemaRejectsWhatTheFormatForbids() {
        ObjectNode bad = (ObjectNode) json(ReportFixtures.full(), options());
        ((ObjectNode) bad.at("/findings/0/location")).put("kind", "cloud");
        assertThat(SCHEMA.validate(bad)).isNotEmpty();
        ObjectNode missing = (ObjectNode) json(ReportFixtures.full(), options());
        missing.remove("summary");
        assertThat(SCHEMA.validate(missing)).isNotEmpty();
        ObjectNode bothScopes = (ObjectNode) json(ReportFixtures.withGaps(), options());
        ((ObjectNode) bothScopes.at("/notEvaluated/0")).put("scope", "123456789012/eu-west-1");
        assertThat(SCHEMA.validate(bothScopes)).as("account/region or scope, not both").isNotEmpty();
        ObjectNode noRules = (ObjectNode) json(ReportFixtures.withGaps(), options());
        ((ObjectNode) noRules.at("/notEvaluated/3")).putArray("rules");
        assertThat(SCHEMA.validate(noRules)).isNotEmpty();
        ObjectNode badReason = (ObjectNode) json(ReportFixtures.withGaps(), options());
        ((ObjectNode) badReason.at("/notEvaluated/1")).put("reason", "ACCESS_DENIED");
        assertThat(SCHEMA.validate(badReason)).isNotEmpty();
    }

    @Test
    void emptyReport() {
        JsonNode root = json(ReportFixtures.empty(), options());
        assertThat(root.get("findings")).isEmpty();
        assertThat(root.get("rules")).isEmpty();
        assertThat(root.at("/summary/exitCode").asInt()).isZero();
        assertThat(root.at("/summary/threshold").asText()).isEqualTo("error");
    }

    @Test
    void optionsDoNotChangeTheDocument() {
        assertThat(render(ReportFormat.JSON, ReportFixtures.full(), options(true, true, true)))
                .isEqualTo(render(ReportFormat.JSON, ReportFixtures.full(), options()));
    }

    private static JsonNode findByMessagePrefix(JsonNode findings, String prefix) {
        for (JsonNode f : findings) {
            if (f.get("message").asText().startsWith(prefix)) {
                return f;
            }
        }
        throw new AssertionError("no finding starting with " + prefix);
    }
}
