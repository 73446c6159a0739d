package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conventions cfn-lint and checkov users expect: short flags, exit-code aliases, case-insensitive rule ids. */
class ConventionsTest {

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

    private List<String> ruleIds(Cli.Result r) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.out()).path("findings").forEach(f -> ids.add(f.path("ruleId").asText()));
        return ids;
    }

    @Test
    void shortFlagsIncludeAndIgnoreAsInCfnLint() throws Exception {
        assertThat(ruleIds(cli.run("check", "-f", "json", "-c", "AZ", "stacks"))).containsExactly("AZ04");
        assertThat(ruleIds(cli.run("check", "-f", "json", "-i", "AZ", "stacks"))).containsExactly("DR03");
        assertThat(ruleIds(cli.run("check", "-f", "json", "-i", "AZ04,DR03", "stacks"))).isEmpty();
        assertThat(cli.run("check", "--help").out()).contains("-c, --include-rules", "-i, --ignore-rules");
    }

    @Test
    void rulePrefixesIgnoreCaseOnTheCommandLineAndInTheConfiguration() throws Exception {
        assertThat(ruleIds(cli.run("check", "-f", "json", "--include-rules", "az", "stacks"))).containsExactly("AZ04");
        assertThat(ruleIds(cli.run("check", "-f", "json", "--ignore-rules", "az04", "stacks"))).containsExactly("DR03");
        Cli.Result mq = cli.run("check", "-f", "json", "--include-rules", "mq", "stacks");
        assertThat(mq.exitCode()).as(mq.err()).isZero();
        Files.writeString(dir.resolve(".resilint.yaml"), "ignore: [dr]\nseverity: {az04: note}\n");
        Cli.Result configured = cli.run("check", "-f", "json", "stacks");
        assertThat(configured.exitCode()).as(configured.err()).isZero(); // AZ04 is a note now
        assertThat(ruleIds(configured)).containsExactly("AZ04");
        assertThat(JSON.readTree(configured.out()).path("findings").get(0).path("severity").asText()).isEqualTo("note");
        assertThat(cli.run("explain", "az04").exitCode()).isZero();
        Files.delete(dir.resolve(".resilint.yaml"));
        Files.writeString(dir.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("""
                  Db:
                    Type: AWS::RDS::DBInstance
                """, """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint:
                        suppress:
                          - id: az04
                            reason: Reporting copy, rebuilt in twenty minutes
                """));
        Cli.Result suppressed = cli.run("check", "-f", "json", "stacks");
        assertThat(ruleIds(suppressed)).as(suppressed.out()).containsExactly("DR03");
    }

    @Test
    void nonZeroExitCodeTakesCfnLintLevels() {
        // AZ04 is an error, DR03 a warning
        assertThat(cli.run("check", "--non-zero-exit-code", "error", "stacks").exitCode()).isEqualTo(1);
        assertThat(cli.run("check", "--non-zero-exit-code", "none", "stacks").exitCode()).isZero();
        assertThat(cli.run("check", "--non-zero-exit-code", "informational", "-c", "DR", "stacks").exitCode())
                .isEqualTo(1);
        assertThat(cli.run("check", "--non-zero-exit-code", "error", "-c", "DR", "stacks").exitCode()).isZero();
        Cli.Result bad = cli.run("check", "--non-zero-exit-code", "loud", "stacks");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--non-zero-exit-code", "informational");
    }

    @Test
    void softFailExitsZeroOnFindingsButNotOnErrors() throws Exception {
        Cli.Result soft = cli.run("check", "--soft-fail", "stacks");
        assertThat(soft.exitCode()).isZero();
        assertThat(soft.out()).contains("AZ04", "DR03");
        Files.writeString(dir.resolve("stacks/broken.yaml"), "Resources: {Db: {Type: AWS::RDS::DBInstance\n");
        assertThat(cli.run("check", "--soft-fail", "stacks/broken.yaml").exitCode()).isEqualTo(2);
        Cli.Result both = cli.run("check", "--soft-fail", "--fail-on", "error", "stacks/db.yaml");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--soft-fail", "--fail-on");
    }

    @Test
    void parseableFormatIsOneLinePerFinding() {
        Cli.Result r = cli.run("check", "--format", "parseable", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("stacks/db\\.yaml:7:\\d+: AZ04 error .*Db.*");
        assertThat(lines.get(1)).matches("stacks/db\\.yaml:\\d+:\\d+: DR03 warning .*");
        Cli.Result clean = cli.run("check", "-f", "parseable", "-c", "MQ", "stacks");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).isEmpty();
    }

    @Test
    void rulesTakesTheShortFormatFlag() throws Exception {
        Cli.Result r = cli.run("rules", "-f", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rules = JSON.readTree(r.out());
        assertThat(rules.toString()).contains("AZ04");
    }

    @Test
    void outputFileWithoutFormatWritesText() throws Exception {
        Cli.Result r = cli.run("check", "-o", "out/report.txt", "stacks");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/report.txt"))).contains("stacks/db.yaml", "AZ04", "DR03");
        Cli.Result withJson = cli.run("check", "-f", "json", "-o", "r.json", "-o", "r.txt", "stacks");
        assertThat(withJson.exitCode()).as(withJson.err()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("r.json"))).startsWith("{");
        assertThat(Files.readString(dir.resolve("r.txt"))).contains("stacks/db.yaml", "AZ04");
    }

    @Test
    void noErrorMessageRepeatsTheResilintPrefix() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "failOn: loud\n");
        List<String[]> mistakes = List.of(
                new String[] {"check"},
                new String[] {"check", "--bogus", "stacks"},
                new String[] {"check", "--fail-on", "loud", "stacks"},
                new String[] {"check", "--format", "pdf", "stacks"},
                new String[] {"check", "--config", "bad.yaml", "stacks"},
                new String[] {"check", "--config", "missing.yaml", "stacks"},
                new String[] {"check", "--baseline", "missing.json", "stacks"},
                new String[] {"check", "-c", "ZZ", "stacks"},
                new String[] {"check", "missing.yaml"},
                new String[] {"explain", "ZZ99"},
                new String[] {"rules", "--format", "pdf"},
                new String[] {"baseline"},
                new String[] {"baseline", "create", "stacks"},
                new String[] {"scan", "--accounts", "a.txt", "--organization"},
                new String[] {"frobnicate"});
        for (String[] args : mistakes) {
            Cli.Result r = cli.run(args);
            String what = String.join(" ", args) + ":\n" + r.err();
            assertThat(r.exitCode()).as(what).isEqualTo(2);
            assertThat(r.err()).as(what).doesNotContainIgnoringCase("resilint: error:")
                    .doesNotContain("resilint: resilint:").doesNotContain("Exception");
            for (String line : r.err().lines().toList()) {
                assertThat(line.indexOf("resilint:")).as(what).isEqualTo(line.lastIndexOf("resilint:"));
            }
        }
    }

    @Test
    void ignoreTemplatesOnTheCommandLineAndInTheConfiguration() throws Exception {
        Files.createDirectories(dir.resolve("stacks/legacy"));
        Files.writeString(dir.resolve("stacks/legacy/old.yaml"), CommandLineTest.DB);
        Cli.Result all = cli.run("check", "-f", "json", "stacks");
        assertThat(JSON.readTree(all.out()).path("files")).hasSize(2);
        for (String[] args : List.of(new String[] {"--ignore-templates", "stacks/legacy/**"},
                new String[] {"--skip-path", "stacks/legacy"}, new String[] {"--ignore-templates", "**/old.yaml"})) {
            List<String> run = new ArrayList<>(List.of("check", "-f", "json", "-v"));
            run.addAll(List.of(args));
            run.add("stacks");
            Cli.Result r = cli.run(run.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(JSON.readTree(r.out()).path("files").toString()).as(String.join(" ", args))
                    .isEqualTo("[\"stacks/db.yaml\"]");
        }
        Cli.Result both = cli.run("check", "-f", "json", "--ignore-templates", "stacks/legacy/**", "--skip-path",
                "stacks/db.yaml", "stacks");
        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(JSON.readTree(both.out()).path("files")).isEmpty();
        // in the configuration, globs are relative to its directory, wherever resilint runs
        Files.writeString(dir.resolve(".resilint.yaml"), "ignoreTemplates: [stacks/legacy/**]\n");
        Cli.Result fromRoot = cli.run("check", "-f", "json", "stacks");
        assertThat(JSON.readTree(fromRoot.out()).path("files").toString()).isEqualTo("[\"stacks/db.yaml\"]");
        Cli.Result fromStacks = new Cli(dir.resolve("stacks")).run("check", "-f", "json", ".");
        assertThat(JSON.readTree(fromStacks.out()).path("files").toString()).isEqualTo("[\"db.yaml\"]");
        Cli.Result text = cli.run("check", "-v", "stacks");
        assertThat(text.out()).contains("skipped stacks/legacy/old.yaml: ignored (ignoreTemplates stacks/legacy/**)");
        Files.writeString(dir.resolve(".resilint.yaml"), "ignoreTemplates: {a: b}\n");
        Cli.Result badConfig = cli.run("check", "stacks");
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.err()).contains(".resilint.yaml:1", "ignoreTemplates");
        Files.delete(dir.resolve(".resilint.yaml"));
        Cli.Result badGlob = cli.run("check", "--ignore-templates", "stacks/[a", "stacks");
        assertThat(badGlob.exitCode()).isEqualTo(2);
        assertThat(badGlob.err()).contains("--ignore-templates", "stacks/[a").doesNotContain("Exception");
    }

    @Test
    void aDashReadsOneTemplateFromStandardInput() throws Exception {
        Cli.Result r = new Cli(dir).stdin(CommandLineTest.DB).run("check", "-f", "json", "-");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("files").toString()).isEqualTo("[\"<stdin>\"]");
        assertThat(report.path("findings").get(0).path("location").path("file").asText()).isEqualTo("<stdin>");
        assertThat(new Cli(dir).stdin(CommandLineTest.DB).run("check", "-f", "parseable", "-").out())
                .startsWith("<stdin>:7:");
        // with other paths
        Cli.Result mixed = new Cli(dir).stdin(CommandLineTest.DB).run("check", "-f", "json", "-", "stacks");
        assertThat(JSON.readTree(mixed.out()).path("files")).hasSize(2);

        Cli.Result empty = new Cli(dir).run("check", "-");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("standard input is empty");
        Cli.Result broken = new Cli(dir).stdin("Resources: {Db: {Type: AWS::RDS::DBInstance\n").run("check", "-");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.out()).contains("<stdin>:").doesNotContain("no such file");
        Cli.Result notTemplate = new Cli(dir).stdin("name: value\n").run("check", "-");
        assertThat(notTemplate.exitCode()).isEqualTo(2);
        assertThat(notTemplate.out()).contains("<stdin>", "not a CloudFormation template");
        Files.writeString(dir.resolve(".resilint.yaml"), "maxFileSizeMiB: 1\n");
        Cli.Result big = new Cli(dir).stdin(CommandLineTest.DB + "#" + "x".repeat(1024 * 1024) + "\n")
                .run("check", "-");
        assertThat(big.exitCode()).isEqualTo(2);
        assertThat(big.err()).contains("standard input", "1 MiB", "maxFileSizeMiB");
    }

    @Test
    void aProgressLineOnATerminalOnlyAfterTheDelayAndNeverInCiOrWithNoProgress() throws Exception {
        Files.writeString(dir.resolve("stacks/other.yaml"), CommandLineTest.DB);
        Cli.Result shown = new Cli(dir).terminal(true).run("check", "--progress-after", "0", "--no-color", "stacks");
        assertThat(shown.exitCode()).isEqualTo(1);
        assertThat(shown.err()).contains("\rresilint check: 0/2 file(s)", "\rresilint check: 2/2 file(s)   \n");
        assertThat(shown.out()).doesNotContain("\r").contains("AZ04");
        // a quick run (well under the default delay of two seconds) draws nothing
        assertThat(new Cli(dir).terminal(true).run("check", "--progress-after", "600000", "stacks").err())
                .doesNotContain("\r");
        assertThat(new Cli(dir).run("check", "--progress-after", "0", "stacks").err()).doesNotContain("\r");
        assertThat(new Cli(dir).terminal(true).run("check", "--progress-after", "0", "--no-progress", "stacks").err())
                .doesNotContain("\r");
        assertThat(new Cli(dir).terminal(true).env("CI", "true").run("check", "--progress-after", "0", "stacks").err())
                .doesNotContain("\r");
        assertThat(cli.run("check", "--help").out()).contains("--no-progress").doesNotContain("--progress-after");
    }

    @Test
    void aBaselineMatchesFromAnyWorkingDirectory() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("stacks"));
        Files.writeString(repo.resolve("stacks/db.yaml"), CommandLineTest.DB);
        Cli atRoot = new Cli(repo);
        Cli inStacks = new Cli(repo.resolve("stacks"));
        Cli above = new Cli(dir);
        assertThat(atRoot.run("baseline", "create", "-o", "ci/base.json", "stacks").exitCode()).isZero();
        String written = Files.readString(repo.resolve("ci/base.json"));
        assertThat(written).contains("\"templatePaths\" : \"relative to this file\"", "../stacks/db.yaml#Resources/Db");
        for (Cli.Result r : List.of(atRoot.run("check", "-f", "json", "--baseline", "ci/base.json", "stacks"),
                inStacks.run("check", "-f", "json", "--baseline", "../ci/base.json", "."),
                inStacks.run("check", "-f", "json", "--baseline", "../ci/base.json", "db.yaml"),
                above.run("check", "-f", "json", "--baseline", "repo/ci/base.json", "repo/stacks"))) {
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode report = JSON.readTree(r.out());
            assertThat(report.path("findings")).isEmpty();
            assertThat(report.path("baselined")).hasSize(2);
            assertThat(report.path("staleBaselineEntries").toString()).isIn("", "[]");
        }
        // made from another directory, the same baseline
        assertThat(inStacks.run("baseline", "create", "-o", "../ci/again.json", ".").exitCode()).isZero();
        assertThat(Files.readString(repo.resolve("ci/again.json"))).isEqualTo(written);
        // a new finding is still new, wherever resilint runs
        Files.writeString(repo.resolve("stacks/db.yaml"), CommandLineTest.DB.replace("  Table:",
                "  Db2:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n"
                        + "    Properties: {Engine: postgres, BackupRetentionPeriod: 7, DeletionProtection: true, MaxAllocatedStorage: 200}\n"
                        + "  Table:"));
        Cli.Result fresh = above.run("check", "-f", "json", "--baseline", "repo/ci/base.json", "repo/stacks");
        assertThat(fresh.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(fresh.out()).path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("location").path("resourceId").asText()).isEqualTo("Db2"));
        // update from elsewhere: the fixed finding goes, the file still matches from the repository root
        Files.writeString(repo.resolve("stacks/db.yaml"),
                CommandLineTest.DB.substring(0, CommandLineTest.DB.indexOf("  Table:"))); // DR03 fixed
        Cli.Result updated = inStacks.run("baseline", "update", "--baseline", "../ci/base.json", ".");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.err()).contains("1 fixed finding(s) removed, 1 remain");
        Cli.Result after = atRoot.run("check", "-f", "json", "--baseline", "ci/base.json", "stacks");
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(JSON.readTree(after.out()).path("baselined")).hasSize(1);
    }

    @Test
    void aBaselineWrittenBeforePathsWereRelativeToItStillMatchesWhereItWasMade() throws Exception {
        assertThat(cli.run("baseline", "create", "-o", "base.json", "stacks").exitCode()).isZero();
        String legacy = Files.readString(dir.resolve("base.json")).replace("  \"templatePaths\" : \"relative to this file\",\n", "");
        assertThat(legacy).doesNotContain("templatePaths");
        Files.writeString(dir.resolve("old.json"), legacy);
        Cli.Result r = cli.run("check", "-f", "json", "--baseline", "old.json", "stacks");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("baselined")).hasSize(2);
        Cli.Result updated = cli.run("baseline", "update", "--baseline", "old.json", "stacks");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(Files.readString(dir.resolve("old.json"))).contains("templatePaths");
        Cli.Result moved = new Cli(dir.resolve("stacks")).run("check", "--baseline", "../old.json", ".");
        assertThat(moved.exitCode()).as(moved.out()).isZero();
        Files.writeString(dir.resolve("bad.json"), legacy.replace("\"entries\"", "\"templatePaths\" : \"cwd\", \"entries\""));
        Cli.Result bad = cli.run("check", "--baseline", "bad.json", "stacks");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.json", "templatePaths");
    }
}
