package dev.resilint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports read back are the reports written: for every kind of report, writing what was read gives
 * the same bytes in every format, and a field the writer emits but the reader ignores fails here.
 */
class JsonReportReaderTest {

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    static final Function<String, Optional<RuleMetadata>> CATALOG = id -> ReportFixtures.rules().stream()
            .filter(r -> r.id().equals(id)).findFirst();

    @TempDir
    Path dir;

    /**
     * Everything a report can hold, with values that are not defaults: findings of every location
     * kind, suppressions of several syntaxes with and without expiry, baselined findings, a stale
     * entry, problems of both kinds, gaps live and not, files, notes (a shard's too), a threshold
     * and a configuration digest.
     */
    static Report everything() {
        Report full = ReportFixtures.full();
        List<Finding> suppressed = new ArrayList<>(full.suppressed());
        Location.Live table = new Location.Live("arn:aws:dynamodb:eu-west-1:123456789012:table/view", "123456789012",
                "eu-west-1", "AWS::DynamoDB::Table");
        suppressed.add(Finding.of("AZ04", Severity.NOTE, "Table view has no point-in-time recovery", table, "pitr")
                .withSuppression(new Suppression("AZ04", "a view rebuilt from the order events", Optional.empty(),
                        new SuppressionScope.LiveResource(table.arn()), table, Suppression.Format.RESOURCE_TAG)));
        Location.Code code = new Location.Code("com.example.Batch", "run", "src/main/java/com/example/Batch.java", 9);
        suppressed.add(Finding.of("CT01", Severity.ERROR, "client without timeouts", code, null)
                .withSuppression(new Suppression("CT01", "", Optional.empty(),
                        new SuppressionScope.CodeElement("com.example.Batch", "run"), code,
                        Suppression.Format.ANNOTATION)));
        return new Report(full.rules(), full.findings(), suppressed, full.baselined(), full.staleBaselineEntries(), true,
                full.problems(), ReportFixtures.gaps(), full.files(),
                List.of("skipped README.md: not a CloudFormation template", "shard 1/2: 1 of 3 accounts: 123456789012"),
                FailThreshold.NOTE, DIGEST);
    }

    /** The example reports: of templates, of live accounts, of code, and the edge cases. */
    static Map<String, Report> examples() {
        Report full = ReportFixtures.full();
        Report live = new Report(full.rules(), full.findings().stream().filter(f -> f.location() instanceof Location.Live)
                .toList(), full.suppressed().stream().filter(f -> f.location() instanceof Location.Live).toList(),
                List.of(), List.of(), false, List.of(), ReportFixtures.gaps().stream()
                .filter(g -> g.scope().contains("/")).toList(), List.of(), List.of("scanned 123456789012/eu-west-1: "
                + "4 resource(s)"), FailThreshold.WARNING, DIGEST);
        Report code = new Report(full.rules(), full.findings().stream().filter(f -> f.location() instanceof Location.Code)
                .toList(), List.of(), List.of(), List.of(), false, List.of(), List.of(),
                List.of(ReportFixtures.CLIENT_SRC), List.of("imported 2 classes from target/classes"),
                FailThreshold.ERROR, DIGEST);
        Report templates = new Report(full.rules(), full.findings().stream()
                .filter(f -> f.location() instanceof Location.Template).toList(), full.suppressed().subList(0, 1),
                full.baselined(), full.staleBaselineEntries(), true, full.problems(), full.files(), full.notes(),
                FailThreshold.WARNING);
        return Map.of("everything", everything(), "full", full, "templates", templates, "live", live, "code", code,
                "gaps", ReportFixtures.withGaps(), "clean", ReportFixtures.clean(), "empty", ReportFixtures.empty());
    }

    private static String json(Report report) {
        return ReportFixtures.render(ReportFormat.JSON, report, ReportFixtures.options());
    }

    private static JsonReportReader.Read read(String json) throws ReportReadException {
        return new JsonReportReader(CATALOG).read(json, "shard-1.json");
    }

    @Test
    void writingWhatWasReadGivesTheSameBytesInEveryFormat() throws Exception {
        for (Map.Entry<String, Report> example : examples().entrySet()) {
            String written = json(example.getValue());
            JsonReportReader.Read read = read(written);
            assertThat(read.toolVersion()).isEqualTo(ReportFixtures.VERSION);
            assertThat(json(read.report())).as(example.getKey()).isEqualTo(written);
            for (ReportFormat format : ReportFormat.values()) {
                for (ReportOptions options : List.of(ReportFixtures.options(),
                        ReportFixtures.options(false, true, true))) {
                    assertThat(ReportFixtures.render(format, read.report(), options)).as(example.getKey() + " " + format)
                            .isEqualTo(ReportFixtures.render(format, example.getValue(), options));
                }
            }
        }
    }

    @Test
    void theModelReadBackEqualsTheModelWrittenButForSuppressionScopes() throws Exception {
        Report original = everything();
        Report read = read(json(original)).report();
        assertThat(read.findings()).isEqualTo(original.findings());
        assertThat(read.baselined()).isEqualTo(original.baselined());
        assertThat(read.staleBaselineEntries()).isEqualTo(original.staleBaselineEntries());
        assertThat(read.problems()).isEqualTo(original.problems());
        assertThat(read.notEvaluated()).isEqualTo(original.notEvaluated());
        assertThat(read.files()).isEqualTo(original.files());
        assertThat(read.notes()).isEqualTo(original.notes());
        assertThat(read.rules()).isEqualTo(original.rules());
        assertThat(read.threshold()).isEqualTo(FailThreshold.NOTE);
        assertThat(read.baselineUsed()).isTrue();
        assertThat(read.configuration()).isEqualTo(DIGEST);
        assertThat(read.exitCode()).isEqualTo(original.exitCode());
        for (int i = 0; i < original.suppressed().size(); i++) {
            Suppression a = original.suppressed().get(i).suppression().orElseThrow();
            Suppression b = read.suppressed().get(i).suppression().orElseThrow();
            assertThat(b.scope()).isEqualTo(new SuppressionScope.Recorded(a.scope().describe()));
            assertThat(b.scope().covers(original.suppressed().get(i).location())).isFalse();
            assertThat(new Suppression(b.ruleId(), b.reason(), b.expires(), a.scope(), b.origin(), b.format()))
                    .isEqualTo(a);
        }
    }

    /**
     * The guard against a merge that drops what a later writer adds: every field of the JSON report
     * must be read. A field the reader does not know is refused, naming it.
     */
    @Test
    void aFieldTheReaderDoesNotReadIsRefusedByName() {
        JsonNode root = SchemaValidation.parse(json(everything()));
        ((ObjectNode) root.get("run")).put("startedAt", "2027-03-31T03:00:00Z");
        ((ObjectNode) root.at("/findings/0")).put("owner", "team-a");
        ((ObjectNode) root.at("/findings/0")).putObject("tags").put("Owner", "team-a");
        ((ObjectNode) root.at("/notEvaluated/0")).put("since", "yesterday");
        ((ObjectNode) root).putArray("regressions");
        assertThatThrownBy(() -> read(root.toPrettyString())).isInstanceOf(ReportReadException.class)
                .hasMessage("shard-1.json: fields this resilint does not read: findings[].owner, "
                        + "notEvaluated[].since, regressions, run.startedAt (a report of another resilint version?)");
    }

    /** The fields of a comparison or a grouping are read only in a report that was compared or grouped. */
    @Test
    void changeGroupAndFixedWithoutComparisonOrGroupByAreRefused() {
        JsonNode root = SchemaValidation.parse(json(everything()));
        ((ObjectNode) root.at("/findings/0")).put("change", "new").put("group", "team-a");
        ((ObjectNode) root).putArray("fixed");
        assertThatThrownBy(() -> read(root.toPrettyString())).isInstanceOf(ReportReadException.class)
                .hasMessage("shard-1.json: fields this resilint does not read: findings[].change, findings[].group, "
                        + "fixed (a report of another resilint version?)");
    }

    /** What the reader reads must also be used: a value the writer would write differently is refused. */
    @Test
    void contentThatDisagreesWithItselfIsRefused() {
        assertRefused(root -> ((ObjectNode) root.get("summary")).put("findings", 99),
                "shard-1.json: /summary/findings does not agree with the rest of the report (edited by hand?)");
        assertRefused(root -> ((ObjectNode) root.get("summary")).put("exitCode", 0),
                "shard-1.json: /summary/exitCode does not agree with the rest of the report (edited by hand?)");
        assertRefused(root -> ((ObjectNode) root.at("/findings/0")).put("ruleName", "Other"),
                "shard-1.json: /findings/0/ruleName does not agree with the rest of the report (edited by hand?)");
        assertRefused(root -> ((ObjectNode) root.at("/findings/0/location")).put("kind", "cloud"),
                "shard-1.json: findings[0].location.kind: not a location kind: 'cloud'");
        assertRefused(root -> ((ObjectNode) root.at("/findings/1/location")).put("line", "42"),
                "shard-1.json: findings[1].location.line: expected a whole number");
        assertRefused(root -> ((ObjectNode) root.at("/suppressed/0")).remove("suppression"),
                "shard-1.json: suppressed[0].suppression: missing");
        assertRefused(root -> ((ObjectNode) root.at("/rules/0")).put("id", "ZZ99"),
                "shard-1.json: rules[0]: rule ZZ99 is not one this resilint knows (a report of another resilint "
                        + "version?)");
        assertRefused(root -> ((ObjectNode) root.at("/rules/0")).put("summary", "Something else."),
                "shard-1.json: rules[0]: rule AZ04 is described differently by this resilint (a report of another "
                        + "resilint version?)");
        assertRefused(root -> ((ArrayNode) root.at("/notEvaluated/0/rules")).removeAll(),
                "shard-1.json: notEvaluated[0].rules: names no rule");
    }

    private static void assertRefused(Consumer<JsonNode> edit, String message) {
        JsonNode root = SchemaValidation.parse(json(everything()));
        edit.accept(root);
        assertThatThrownBy(() -> read(root.toPrettyString())).isInstanceOf(ReportReadException.class)
                .hasMessage(message);
    }

    @Test
    void whatIsNoResilintReportIsNamedSo() throws Exception {
        JsonReportReader reader = new JsonReportReader(CATALOG);
        Map<String, String> files = Map.of(
                "sarif.json", ReportFixtures.render(ReportFormat.SARIF, everything(), ReportFixtures.options()),
                "broken.json", "{\"schemaVersion\": 1,\n",
                "list.json", "[]",
                "baseline.json", "{\"resilintBaseline\": 1, \"entries\": []}",
                "next.json", json(everything()).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Map<String, String> messages = new java.util.TreeMap<>();
        for (String name : List.of("sarif.json", "broken.json", "list.json", "baseline.json", "next.json",
                "missing.json")) {
            try {
                reader.read(dir.resolve(name), name);
                messages.put(name, "read");
            } catch (ReportReadException e) {
                messages.put(name, e.getMessage());
            }
        }
        assertThat(messages.entrySet().stream().map(e -> e.getValue()).collect(Collectors.toList())).containsExactly(
                "baseline.json: not a resilint JSON report (resilint ... --format json)",
                "broken.json: not a resilint JSON report (invalid JSON at line 2: Unexpected end-of-input within/between "
                        + "Object entries)",
                "list.json: not a resilint JSON report (resilint ... --format json)",
                "missing.json: no such file",
                "next.json: a report of schemaVersion 2; this resilint reads schemaVersion 1",
                "sarif.json: not a resilint JSON report (resilint ... --format json)");
    }
}
