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

/**
 * {@code resilint check} with {@code --compare}, {@code --fail-on-new}, {@code --group-by} and
 * {@code --output-dir}, end to end: two templates whose single-AZ databases belong to two owners,
 * one fixed and one added between two runs.
 */
class CompareFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A single-AZ database (AZ04) owned by {@code owner}, or by nobody when null. */
    static String database(String id, String owner) {
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  %s:
                    Type: AWS::RDS::DBInstance
                    DeletionPolicy: Snapshot
                    UpdateReplacePolicy: Snapshot
                    Properties:
                      Engine: postgres
                      BackupRetentionPeriod: 7
                      DeletionProtection: true
                      MaxAllocatedStorage: 200
                %s""".formatted(id, owner == null ? "" : """
                      Tags:
                        - Key: Owner
                          Value: %s
                """.formatted(owner));
    }

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(dir);
        Files.createDirectories(dir.resolve("stacks"));
        Files.writeString(dir.resolve("stacks/orders.yaml"), database("Orders", "team-a"));
        Files.writeString(dir.resolve("stacks/billing.yaml"), database("Billing", "team-b"));
        Files.writeString(dir.resolve("stacks/scratch.yaml"), database("Scratch", null));
    }

    /** The first run, as a JSON report in night1.json. */
    private void night1(String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--include-rules", "AZ04", "--format", "json", "-o",
                "night1.json"));
        args.addAll(List.of(options));
        args.add("stacks");
        assertThat(cli.run(args.toArray(String[]::new)).exitCode()).isEqualTo(1);
    }

    /** Billing is fixed (Multi-AZ), Reports is added. */
    private void changeOvernight() throws Exception {
        Files.writeString(dir.resolve("stacks/billing.yaml"), database("Billing", "team-b")
                .replace("Engine: postgres", "Engine: postgres\n      MultiAZ: true"));
        Files.writeString(dir.resolve("stacks/reports.yaml"), database("Reports", "team-b"));
    }

    private String previousDate() throws Exception {
        return JSON.readTree(dir.resolve("night1.json").toFile()).at("/run/date").asText();
    }

    @Test
    void theReportLeadsWithWhatIsNewAndWhatIsFixedSinceThePreviousRun() throws Exception {
        night1();
        assertThat(previousDate()).matches("\\d{4}-\\d{2}-\\d{2}");
        changeOvernight();

        Cli.Result r = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--no-color", "stacks");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("1 new, 1 fixed since " + previousDate() + "; 2 unchanged.\n\n")
                .contains("AZ04  new  RDS DB instance Reports")
                .contains("fixed since " + previousDate() + "\n  fixed  stacks/billing.yaml:7:5  error  AZ04");

        Cli.Result md = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--format", "markdown",
                "stacks");
        assertThat(md.out()).contains("**1 new, 1 fixed since " + previousDate() + "; 2 unchanged.**")
                .contains("### Fixed since " + previousDate());

        JsonNode json = JSON.readTree(cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json",
                "--format", "json", "stacks").out());
        List<String> changes = new ArrayList<>();
        json.get("findings").forEach(f -> changes.add(f.at("/location/resourceId").asText() + " "
                + f.get("change").asText()));
        assertThat(changes).containsExactly("Orders unchanged", "Reports new", "Scratch unchanged");
        assertThat(json.at("/fixed/0/location/resourceId").asText()).isEqualTo("Billing");
        assertThat(json.at("/comparison/previousDate").asText()).isEqualTo(previousDate());
        assertThat(json.at("/run").has("scopes")).as("templates are judged files, not scopes").isFalse();
    }

    @Test
    void withFailOnNewOnlyNewFindingsFailTheRun() throws Exception {
        night1();
        Cli.Result same = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--fail-on-new",
                "--no-color", "stacks");
        assertThat(same.exitCode()).as(same.out()).isZero();
        assertThat(same.out()).startsWith("0 new, 0 fixed since " + previousDate() + "; 3 unchanged.");

        changeOvernight();
        Cli.Result worse = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--fail-on-new",
                "--format", "json", "-o", "night2.json", "stacks");
        assertThat(worse.exitCode()).isEqualTo(1);
        assertThat(JSON.readTree(dir.resolve("night2.json").toFile()).at("/summary/failing").asInt()).isEqualTo(1);
        assertThat(worse.err()).contains("resilint: 3 finding(s) (1 new, 1 fixed since " + previousDate() + "), 1 at or "
                + "above warning");
    }

    @Test
    void aTemplateNotAnalyzedThisTimeIsNotCalledFixed() throws Exception {
        night1();
        Cli.Result r = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--no-color",
                "stacks/orders.yaml");
        assertThat(r.out()).startsWith("0 new, 0 fixed since " + previousDate()
                + "; 1 unchanged; 2 not re-checked (not evaluated this time).")
                .contains("(stacks/billing.yaml was not analyzed this time)");
    }

    @Test
    void groupsByOwnerTagWithTheUntaggedInAGroupOfTheirOwn() throws Exception {
        changeOvernight();
        Cli.Result r = cli.run("check", "--include-rules", "AZ04", "--group-by", "tag:Owner", "--no-color", "stacks");

        assertThat(r.exitCode()).isEqualTo(1);
        int teamA = r.out().indexOf("== Owner: team-a ==\n");
        int teamB = r.out().indexOf("== Owner: team-b ==\n");
        int none = r.out().indexOf("== (no Owner tag) ==\n");
        assertThat(List.of(teamA, teamB, none)).allMatch(i -> i >= 0).isSorted();
        assertThat(r.out().substring(teamB, none)).contains("stacks/reports.yaml").doesNotContain("orders");
        assertThat(r.out().substring(none)).contains("stacks/scratch.yaml");

        // tag keys are case-sensitive
        assertThat(cli.run("check", "--include-rules", "AZ04", "--group-by", "tag:owner", "--no-color", "stacks").out())
                .contains("== (no owner tag) ==").doesNotContain("team-a ==");

        JsonNode json = JSON.readTree(cli.run("check", "--include-rules", "AZ04", "--group-by", "rule", "--format",
                "json", "stacks").out());
        assertThat(json.get("groupBy").asText()).isEqualTo("rule");
        assertThat(json.at("/findings/0/group").asText()).isEqualTo("AZ04");
    }

    @Test
    void outputDirWritesOneMarkdownFilePerGroupAndAnIndex() throws Exception {
        night1("--group-by", "tag:Owner");
        changeOvernight();
        Cli.Result r = cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--group-by",
                "tag:Owner", "--output-dir", "out/owners", "--no-color", "stacks");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        Path out = dir.resolve("out/owners");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(4).contains("index.md", "team-a.md", "team-b.md")
                    .anyMatch(n -> n.matches("no-owner-tag-[0-9a-f]{8}\\.md"));
        }
        String teamB = Files.readString(out.resolve("team-b.md"));
        assertThat(teamB).startsWith("# Owner: team-b\n\n").contains("Reports").contains("### Fixed since")
                .contains("Billing").doesNotContain("Orders").doesNotContain("Scratch");
        assertThat(Files.readString(out.resolve("index.md"))).contains("[team-a.md](team-a.md)")
                .contains("| Owner: team-b | 1 | 1 | 1 | 0 | [team-b.md](team-b.md) |");

        String before = Files.readString(out.resolve("index.md"));
        cli.run("check", "--include-rules", "AZ04", "--compare", "night1.json", "--group-by", "tag:Owner",
                "--output-dir", "out/owners", "stacks");
        assertThat(Files.readString(out.resolve("index.md"))).isEqualTo(before);
    }

    @Test
    void aPreviousReportThatCannotBeComparedWithIsOneClearLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1,");
        Files.writeString(dir.resolve("baseline.json"), "{\"version\": 1, \"entries\": []}");
        Files.writeString(dir.resolve("report.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        assertRefused(List.of("--compare", "missing.json"), "resilint: --compare missing.json: no such file");
        assertRefused(List.of("--compare", "broken.json"), "resilint: --compare broken.json: not a resilint JSON "
                + "report (invalid JSON at line 1: Unexpected end-of-input within/between Object entries)");
        assertRefused(List.of("--compare", "baseline.json"),
                "resilint: --compare baseline.json: not a resilint JSON report (resilint ... --format json)");
        assertRefused(List.of("--compare", "report.sarif"),
                "resilint: --compare report.sarif: not a resilint JSON report (resilint ... --format json)");
        assertRefused(List.of("--compare", "stacks"), "resilint: --compare stacks: a directory, not a JSON report");
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() throws Exception {
        Files.writeString(dir.resolve("file.txt"), "x");
        assertRefused(List.of("--fail-on-new"),
                "resilint: --fail-on-new needs --compare PREVIOUS.json: the report that says what is not new");
        assertRefused(List.of("--output-dir", "out"), "resilint: --output-dir needs --group-by: it writes one file per group");
        assertRefused(List.of("--group-by", "owner"),
                "resilint: --group-by 'owner' is not tag:KEY, account, region or rule");
        assertRefused(List.of("--group-by", "tag:"),
                "resilint: --group-by 'tag:' names no tag key: give tag:KEY, e.g. tag:owner");
        assertRefused(List.of("--group-by", "account", "--output-dir", "file.txt"),
                "resilint: --output-dir file.txt: not a directory");
        assertRefused(List.of("--group-by", "account", "--output-dir", "file.txt/pages"),
                "resilint: --output-dir file.txt/pages: cannot create it, file.txt is not a directory");
    }

    private void assertRefused(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(options);
        args.add("stacks");
        Cli.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
