package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.core.report.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: commands, exit codes, errors without stack traces. */
class CommandLineTest {

    /** Breaks exactly two rules: AZ04 (error) on Db and DR03 (warning) on Table. */
    static final String DB = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Db:
                Type: AWS::RDS::DBInstance
                DeletionPolicy: Snapshot
                UpdateReplacePolicy: Snapshot
                Properties:
                  Engine: postgres
                  BackupRetentionPeriod: 7
                  DeletionProtection: true
                  MaxAllocatedStorage: 200
              Table:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: Retain
                UpdateReplacePolicy: Retain
                Properties:
                  DeletionProtectionEnabled: true
                  BillingMode: PAY_PER_REQUEST
            """;

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/db.yaml"), DB);
    }

    @Test
    void versionAndHelp() {
        Cli.Result version = cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("resilint ");
        Cli.Result help = cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "rules", "explain", "baseline", "generate-completion",
                "Exit codes (", "2   usage or configuration error");
        assertThat(cli.run("check", "--help").out()).contains("--fail-on", "--baseline", "--output-file", "--format");
    }

    /** The exit code lines of a command's help: {@code code -> meaning}, from the heading to the next blank line. */
    private static List<String> exitCodeLines(String help) {
        int start = help.indexOf("Exit codes (");
        assertThat(start).as("help lists exit codes:%n%s", help).isNotNegative();
        List<String> lines = new ArrayList<>();
        for (String line : help.substring(start).lines().skip(1).toList()) {
            if (line.isBlank()) {
                break;
            }
            lines.add(line.trim());
        }
        return lines;
    }

    private static List<String> listed(ExitCodes.Code... codes) {
        return Arrays.stream(codes).sorted(java.util.Comparator.comparingInt(ExitCodes.Code::code))
                .map(c -> c.code() + "   " + c.description()).toList();
    }

    @Test
    void helpListsTheExitCodesOfExitCodesWithTheirPrecedence() {
        String root = cli.run("--help").out();
        assertThat(root).contains("Exit codes (when several apply, the first of " + ExitCodes.precedenceRule() + " wins):");
        assertThat(exitCodeLines(root)).containsExactlyElementsOf(listed(ExitCodes.Code.values()));

        for (String command : List.of("check", "code")) {
            String help = cli.run(command, "--help").out();
            assertThat(help).contains("the first of 3 > 2 > 1 > 0 wins");
            assertThat(exitCodeLines(help)).as(command).containsExactlyElementsOf(listed(ExitCodes.Code.OK,
                    ExitCodes.Code.FINDINGS, ExitCodes.Code.USAGE_ERROR, ExitCodes.Code.INTERNAL_ERROR));
        }
        for (String command : List.of("create", "update")) {
            List<String> lines = exitCodeLines(cli.run("baseline", command, "--help").out());
            assertThat(lines).as(command).containsExactly("0   the baseline was written",
                    listed(ExitCodes.Code.USAGE_ERROR).get(0), listed(ExitCodes.Code.INTERNAL_ERROR).get(0));
        }
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsAUsageErrorNamingItAndWhy() throws Exception {
        Files.writeString(dir.resolve("reports"), "a file, not a directory");
        Cli.Result r = cli.run("check", "--format", "json", "--output-file", "reports/resilint.json", "stacks");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
        assertThat(r.err()).isEqualTo("resilint: cannot write reports/resilint.json: reports is not a directory\n");

        Files.createDirectories(dir.resolve("out.sarif"));
        Cli.Result dirAsFile = cli.run("check", "-f", "sarif", "-o", "out.sarif", "stacks");
        assertThat(dirAsFile.exitCode()).isEqualTo(2);
        assertThat(dirAsFile.err()).contains("resilint: cannot write out.sarif: is a directory")
                .doesNotContain("Exception").doesNotContain("\tat ");

        Cli.Result baseline = cli.run("baseline", "create", "-o", "reports/base.json", "stacks");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).isEqualTo("resilint: cannot write reports/base.json: reports is not a directory\n");
    }

    @Test
    void reportFilesGoIntoDirectoriesCreatedForThem() throws Exception {
        Cli.Result r = cli.run("check", "-f", "json", "-o", "build/reports/resilint.json", "-f", "text", "stacks");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(dir.resolve("build/reports/resilint.json").toFile())
                .path("findings").findValuesAsText("ruleId")).containsExactly("AZ04", "DR03");
        assertThat(r.out()).contains("stacks/db.yaml");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing a command");
    }

    @Test
    void misspelledCommandSuggestsTheRightOne() {
        Cli.Result r = cli.run("chek", "stacks");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Did you mean", "check").doesNotContain("at picocli");
    }

    @Test
    void rulesListsTheCatalogInThreeFormats() throws Exception {
        Cli.Result text = cli.run("rules");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("AZ04", "RdsInstanceNotMultiAz", "DR03", "RL01");
        JsonNode json = new ObjectMapper().readTree(cli.run("rules", "--format", "json").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.findValuesAsText("id")).contains("AZ04", "DR03", "RL01");
        assertThat(cli.run("rules", "--format", "markdown").out()).startsWith("# resilint rules");
        assertThat(cli.run("rules", "--format", "yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void explainByIdOrNameInAnyCase() {
        Cli.Result r = cli.run("explain", "az04");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("AZ04 RdsInstanceNotMultiAz", "Why it matters", "How to fix it", "REL10-BP01");
        assertThat(cli.run("explain", "DynamoDbPitrDisabled").out()).startsWith("DR03 DynamoDbPitrDisabled");
        Cli.Result unknown = cli.run("explain", "ZZ99");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown rule 'ZZ99'");
    }

    @Test
    void shellCompletionScript() {
        Cli.Result r = cli.run("generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete").contains("resilint");
        assertThat(r.out()).as("completes every command, though only the one named is built for other runs")
                .contains("check", "code", "scan", "merge", "simulate", "rules", "explain", "baseline");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndEveryCommandOtherwise() {
        assertThat(Main.invoked(new String[] {"check", "stacks"})).containsExactly(CheckCommand.class);
        assertThat(Main.invoked(new String[] {"baseline", "create", "-o", "b.json"}))
                .containsExactly(BaselineCommand.class);
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"chek"},
                new String[] {"generate-completion"}, new String[] {"stacks", "check"})) {
            assertThat(Main.invoked(args)).as(String.join(" ", args)).isEqualTo(Main.SUBCOMMANDS);
        }
        assertThat(cli.run("check", "stacks").exitCode()).as("the one command still runs").isEqualTo(1);
    }

    @Test
    void badFlagValuesAreUsageErrors() {
        assertThat(cli.run("check", "--fail-on", "sometimes", "stacks").err()).contains("--fail-on expects");
        assertThat(cli.run("check", "--fail-on", "sometimes", "stacks").exitCode()).isEqualTo(2);
        assertThat(cli.run("check", "--format", "pdf", "stacks").exitCode()).isEqualTo(2);
        assertThat(cli.run("check", "--format", "json", "--format", "sarif", "stacks").err())
                .contains("only one --format can go to standard output");
        assertThat(cli.run("check", "--include-rules", "XX", "stacks").err()).contains("unknown rule id or prefix 'XX'");
        assertThat(cli.run("check").exitCode()).isEqualTo(2);
        assertThat(cli.run("check", "--config", "nope.yaml", "stacks").err()).contains("--config nope.yaml: no such file");
    }

    @Test
    void configErrorsNameFileLineAndKeyWithoutStackTrace() throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), "failOn: warning\nseverity:\n  AZ99: error\n");
        Cli.Result r = cli.run("check", "stacks");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(".resilint.yaml:3:3: severity.AZ99: unknown rule id 'AZ99'")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void configIsDiscoveredFromAParentDirectory() throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), "ignore: [AZ04]\n");
        Path sub = Files.createDirectories(dir.resolve("stacks/sub"));
        Files.writeString(sub.resolve("t.yaml"), DB);
        Cli.Result r = new Cli(sub).run("check", "--fail-on", "none", "--format", "json", ".");
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("findings").findValuesAsText("ruleId")).containsExactly("DR03");
    }

    @Test
    void missingAndBrokenInputsExitWithTwoAndNameTheFile() throws Exception {
        Cli.Result missing = cli.run("check", "nowhere.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("stacks/broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n");
        Cli.Result broken = cli.run("check", "--format", "json", "stacks");
        assertThat(broken.exitCode()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(broken.out());
        assertThat(json.path("problems").get(0).path("file").asText()).isEqualTo("stacks/broken.yaml");
        assertThat(json.path("findings")).isNotEmpty(); // the readable template is still judged
    }

    @Test
    void readmeConfigurationExampleIsValid() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Configuration");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = readme.indexOf("```", start);
        Files.writeString(dir.resolve(".resilint.yaml"), readme.substring(start, end));
        Cli.Result r = cli.run("check", "--format", "json", "stacks");
        assertThat(r.err()).doesNotContain(".resilint.yaml:");
        assertThat(r.exitCode()).isIn(0, 1);
    }
}
