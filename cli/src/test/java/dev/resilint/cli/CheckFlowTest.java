package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.Rule;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.Analyzers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `resilint check` end to end: findings, suppressions, expiry, baselines, determinism. */
class CheckFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB);
    }

    private JsonNode json(Cli.Result r) throws Exception {
        return JSON.readTree(r.out());
    }

    private static List<String> ruleIds(JsonNode findings) {
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.path("ruleId").asText()));
        return ids;
    }

    @Test
    void reportsFindingsWithFileLineAndLogicalPathAndExitsOne() throws Exception {
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode findings = json(r).path("findings");
        assertThat(ruleIds(findings)).containsExactly("AZ04", "DR03");
        JsonNode az04 = findings.get(0).path("location");
        assertThat(az04.path("file").asText()).isEqualTo("stacks/db.yaml");
        assertThat(az04.path("line").asInt()).isEqualTo(7);
        assertThat(az04.path("logicalPath").asText()).isEqualTo("Resources/Db/Properties/MultiAZ");
        assertThat(az04.path("resourceId").asText()).isEqualTo("Db");
    }

    @Test
    void failThresholdAndSeverityOverrides() throws Exception {
        assertThat(cli.run("check", "--fail-on", "error", "stacks").exitCode()).isEqualTo(1); // AZ04 is an error
        assertThat(cli.run("check", "--fail-on", "none", "stacks").exitCode()).isZero();
        Files.writeString(dir.resolve(".resilint.yaml"), "severity: {AZ04: warning}\nfailOn: error\n");
        assertThat(cli.run("check", "stacks").exitCode()).isZero();
        Files.writeString(dir.resolve(".resilint.yaml"), "severity: {AZ04: warning, DR03: error}\nfailOn: error\n");
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(json(r).path("findings").get(0).path("severity").asText()).isEqualTo("warning");
        assertThat(json(r).path("findings").get(1).path("severity").asText()).isEqualTo("error");
        assertThat(cli.run("check", "--fail-on", "none", "stacks").exitCode()).isZero();
    }

    @Test
    void textIsTheDefaultFormatAndNamesTheFile() {
        Cli.Result r = cli.run("check", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("stacks/db.yaml", "AZ04", "DR03").doesNotContain("\u001b[");
        Cli.Result colored = cli.terminal(true).run("check", "stacks");
        assertThat(colored.out()).contains("\u001b[");
        Cli.Result noColor = new Cli(dir).terminal(true).env("NO_COLOR", "1").run("check", "stacks");
        assertThat(noColor.out()).doesNotContain("\u001b[");
        assertThat(new Cli(dir).terminal(true).run("check", "--no-color", "stacks").out()).doesNotContain("\u001b[");
    }

    @Test
    void outputFilesPerFormatAndASummaryOnStandardError() throws Exception {
        Cli.Result r = cli.run("check", "--format", "sarif", "--output-file", "out/r.sarif", "--format", "json",
                "-o", "out/r.json", "--format", "junit", "-o", "out/r.xml", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("2 finding(s)");
        assertThat(JSON.readTree(dir.resolve("out/r.sarif").toFile()).path("version").asText()).isEqualTo("2.1.0");
        assertThat(ruleIds(JSON.readTree(dir.resolve("out/r.json").toFile()).path("findings")))
                .containsExactly("AZ04", "DR03");
        assertThat(Files.readString(dir.resolve("out/r.xml"))).contains("<testsuites");
    }

    @Test
    void sameInputGivesByteIdenticalOutputInEveryFormat() {
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            String first = cli.run("check", "--format", format, "stacks").out();
            String second = cli.run("check", "--format", format, "stacks").out();
            assertThat(second).as(format).isEqualTo(first).isNotEmpty();
        }
    }

    private void suppressDb(String entry) throws Exception {
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("""
                  Db:
                    Type: AWS::RDS::DBInstance
                """, """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint:
                        suppress:
                          - %s
                """.formatted(entry)));
    }

    @Test
    void inlineSuppressionWithReasonHidesTheFinding() throws Exception {
        suppressDb("{id: AZ04, reason: Reporting copy rebuilt nightly, expires: 2027-03-31}");
        Cli.Result r = cli.run("check", "--format", "json", "--today", "2027-03-31", "stacks");
        JsonNode report = json(r);
        assertThat(ruleIds(report.path("findings"))).containsExactly("DR03");
        assertThat(ruleIds(report.path("suppressed"))).containsExactly("AZ04");
        assertThat(cli.run("check", "--include-rules", "AZ", "--today", "2027-03-31", "stacks").exitCode()).isZero();
    }

    @Test
    void expiredSuppressionStopsSuppressingAndSaysSo() throws Exception {
        suppressDb("{id: AZ04, reason: Reporting copy rebuilt nightly, expires: 2027-03-31}");
        Cli.Result r = cli.run("check", "--format", "json", "--today", "2027-04-01", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode az04 = json(r).path("findings").get(0);
        assertThat(az04.path("ruleId").asText()).isEqualTo("AZ04");
        assertThat(az04.path("message").asText()).contains("expired on 2027-03-31");
    }

    @Test
    void suppressionWithoutAProperReasonIsReportedAndSuppressesNothing() throws Exception {
        suppressDb("{id: AZ04, reason: later}");
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(ruleIds(json(r).path("findings"))).containsExactly("RL01", "AZ04", "DR03");
        JsonNode rl01 = json(r).path("findings").get(0);
        assertThat(rl01.path("message").asText()).contains("at least 10 characters");
        assertThat(rl01.path("location").path("line").asInt()).isEqualTo(8);
    }

    @Test
    void suppressionOfAnUnknownRuleIsReported() throws Exception {
        suppressDb("{id: AZ99, reason: Typo in the rule id here}");
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(ruleIds(json(r).path("findings"))).containsExactly("RL01", "AZ04", "DR03");
        assertThat(json(r).path("findings").get(0).path("message").asText()).contains("unknown rule id 'AZ99'");
    }

    @Test
    void otherToolsSuppressionSyntaxNamingResilintIds() throws Exception {
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("""
                  Table:
                    Type: AWS::DynamoDB::Table
                """, """
                  Table:
                    Type: AWS::DynamoDB::Table
                    Metadata:
                      cfn_nag: {rules_to_suppress: [{id: W35, reason: theirs}, {id: DR03, reason: Covered by AWS Backup}]}
                """));
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(ruleIds(json(r).path("findings"))).containsExactly("AZ04");
        assertThat(ruleIds(json(r).path("suppressed"))).containsExactly("DR03");
    }

    @Test
    void cfnLintIgnoreChecksNamingAResilintIdIsReportedForItHasNoReason() throws Exception {
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("""
                  Table:
                    Type: AWS::DynamoDB::Table
                """, """
                  Table:
                    Type: AWS::DynamoDB::Table
                    Metadata:
                      cfn-lint: {config: {ignore_checks: [E3012, DR03]}}
                """));
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(ruleIds(json(r).path("findings"))).containsExactlyInAnyOrder("RL01", "AZ04", "DR03");
        assertThat(json(r).path("suppressed")).isEmpty();
        assertThat(json(r).findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .startsWith("suppression of DR03 in cfn-lint's ignore_checks has no place for a reason"));
    }

    @Test
    void aFileWideSuppressionOfRl01DoesNotHideRl01() throws Exception {
        Files.writeString(dir.resolve("stacks/db.yaml"), "Metadata:\n  resilint:\n    suppress:\n"
                + "      - {id: RL01, reason: 'Vendored template, not ours to fix'}\n"
                + CommandLineTest.DB.replace("""
                  Db:
                    Type: AWS::RDS::DBInstance
                """, """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint: {suppress: [{id: AZ04, reason: later}], surpress: []}
                """));
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(json(r).path("suppressed")).isEmpty();
        assertThat(ruleIds(json(r).path("findings"))).filteredOn("RL01"::equals).hasSize(3);
        assertThat(json(r).findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .startsWith("RL01 cannot be suppressed"));
    }

    @Test
    void pathSuppressionFromConfiguration() throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), """
                suppressions:
                  - path: stacks/**
                    id: DR03
                    reason: Tables are covered by an AWS Backup plan
                """);
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(ruleIds(json(r).path("findings"))).containsExactly("AZ04");
        assertThat(ruleIds(json(r).path("suppressed"))).containsExactly("DR03");
    }

    @Test
    void baselineCreateUseAndUpdate() throws Exception {
        Cli.Result created = cli.run("baseline", "create", "-o", "base.json", "stacks");
        assertThat(created.exitCode()).isZero();
        assertThat(created.err()).contains("2 finding(s)");
        String baselineJson = Files.readString(dir.resolve("base.json"));
        JsonNode entries = JSON.readTree(baselineJson).path("entries");
        assertThat(ruleIds(entries)).containsExactly("AZ04", "DR03");
        assertThat(cli.run("baseline", "create", "-o", "base2.json", "stacks").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("base2.json"))).isEqualTo(baselineJson);

        Cli.Result known = cli.run("check", "--format", "json", "--baseline", "base.json", "stacks");
        assertThat(known.exitCode()).isZero();
        assertThat(json(known).path("findings")).isEmpty();
        assertThat(json(known).path("baselined")).hasSize(2);

        // moving resources within the file (new lines above them) keeps them baselined
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("Resources:\n",
                "Description: moved around\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n"));
        assertThat(cli.run("check", "--baseline", "base.json", "stacks").exitCode()).isZero();

        // a new problem fails; only the new one is reported
        Files.writeString(dir.resolve("stacks/more.yaml"), CommandLineTest.DB);
        Cli.Result withNew = cli.run("check", "--format", "json", "--baseline", "base.json", "stacks");
        assertThat(withNew.exitCode()).isEqualTo(1);
        assertThat(json(withNew).path("findings")).hasSize(2)
                .allSatisfy(f -> assertThat(f.path("location").path("file").asText()).isEqualTo("stacks/more.yaml"));

        // fix DR03 in db.yaml: update removes it, and never adds more.yaml's findings
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("BillingMode: PAY_PER_REQUEST",
                "BillingMode: PAY_PER_REQUEST\n      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}"));
        Cli.Result stale = cli.run("check", "--format", "json", "--baseline", "base.json", "stacks");
        assertThat(json(stale).path("staleBaselineEntries")).hasSize(1);
        Cli.Result updated = cli.run("baseline", "update", "--baseline", "base.json", "stacks");
        assertThat(updated.exitCode()).isZero();
        assertThat(updated.err()).contains("1 fixed finding(s) removed, 1 remain");
        assertThat(ruleIds(JSON.readTree(dir.resolve("base.json").toFile()).path("entries"))).containsExactly("AZ04");
    }

    @Test
    void baselineErrors() throws Exception {
        assertThat(cli.run("check", "--baseline", "missing.json", "stacks").err()).contains("missing.json: no such baseline file");
        Files.writeString(dir.resolve("bad.json"), "{\"something\": 1}");
        Cli.Result bad = cli.run("check", "--baseline", "bad.json", "stacks");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not a resilint baseline");
        Files.writeString(dir.resolve("stacks/broken.yaml"), "AWSTemplateFormatVersion: x\nResources: [\n");
        Cli.Result partial = cli.run("baseline", "create", "-o", "b.json", "stacks");
        assertThat(partial.exitCode()).isEqualTo(2);
        assertThat(partial.err()).contains("stacks/broken.yaml", "baseline not written");
        assertThat(dir.resolve("b.json")).doesNotExist();
    }

    /** A rule that throws must not stop the others; the run ends with exit code 3. */
    @Test
    void failingRuleIsAnInternalErrorAndTheOthersStillReport() throws Exception {
        RuleMetadata boomMeta = RuleMetadata.builder("ZZ01", "AlwaysThrows").summary("x").rationale("x")
                .remediation("x").sources(SourceKind.TEMPLATE).build();
        RuleMetadata fineMeta = RuleMetadata.builder("ZZ02", "AlwaysReports").summary("x").rationale("x")
                .remediation("x").sources(SourceKind.TEMPLATE).build();
        Rule<String> boom = new Rule<>() {
            @Override
            public RuleMetadata metadata() {
                return boomMeta;
            }

            @Override
            public void check(String target, RuleContext context) {
                throw new IllegalStateException("kaboom");
            }
        };
        Rule<String> fine = new Rule<>() {
            @Override
            public RuleMetadata metadata() {
                return fineMeta;
            }

            @Override
            public void check(String target, RuleContext context) {
                context.report(new Location.Template(target, 1, 1, "Resources/X", "X", "AWS::SQS::Queue"), "found X");
            }
        };
        Analyzer analyzer = new Analyzer() {
            @Override
            public String name() {
                return "cloudformation";
            }

            @Override
            public SourceKind kind() {
                return SourceKind.TEMPLATE;
            }

            @Override
            public List<RuleMetadata> rules() {
                return List.of(boomMeta, fineMeta);
            }

            @Override
            public Results analyze(AnalysisRequest request) {
                Results results = new Results();
                results.addFile("t.yaml");
                request.engine().run(List.of(boom, fine), "t.yaml", "t.yaml", results);
                return results;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"check", "--format", "json", "t.yaml"}, new Main.Environment(
                new PrintWriter(out, true), new PrintWriter(err, true), dir, Map.of(), false,
                new Analyzers(List.of(analyzer))));
        assertThat(code).isEqualTo(3);
        JsonNode report = JSON.readTree(out.toString());
        assertThat(ruleIds(report.path("findings"))).containsExactly("ZZ02");
        assertThat(report.path("problems").get(0).path("message").asText()).contains("kaboom");
        assertThat(report.path("problems").get(0).path("ruleId").asText()).isEqualTo("ZZ01");
    }
}
