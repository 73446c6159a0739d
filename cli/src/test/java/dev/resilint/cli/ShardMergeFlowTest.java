package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.core.Shard;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint scan --shard K/N} and {@code resilint merge} end to end: the real CLI in-process,
 * the real SDK against the fake AWS on loopback, six accounts in two regions (findings, a finding
 * suppressed by its tag and one by the configuration, baselined findings and a stale baseline entry,
 * an account whose role cannot be assumed, a type that cannot be read, accounts with nothing).
 * One scan over all accounts and the merge of its three shards give the same bytes in every format,
 * and the same exit code.
 */
class ShardMergeFlowTest {

    static final String CALLER = "111122223333"; // shard 1/3
    static final String PLAIN = "555566667777"; // shard 1/3
    static final String LOCKED = "777788889999"; // shard 2/3
    static final String DENIED = "333344445555"; // shard 2/3
    static final String TAGGED = "444455556666"; // shard 3/3
    static final String EMPTY = "222233334444"; // shard 3/3
    static final List<String> ACCOUNTS = List.of(CALLER, PLAIN, LOCKED, DENIED, TAGGED, EMPTY);
    static final String ROLE = "ResilintScan";
    static final List<String> FORMATS = List.of("json", "text", "sarif", "markdown", "junit");
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    @BeforeEach
    void sdkSettings() {
        System.setProperty("aws.accessKeyId", FakeAws.accessKeyId(CALLER));
        System.setProperty("aws.secretAccessKey", "secret-that-never-appears");
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.endpointUrl", FAKE.endpoint().toString());
    }

    @AfterEach
    void reset() {
        for (String p : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.endpointUrl")) {
            System.clearProperty(p);
        }
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    static String arn(String account, String region, String name) {
        return "arn:aws:autoscaling:" + region + ":" + account + ":autoScalingGroup:1:autoScalingGroupName/" + name;
    }

    /** An Auto Scaling group in one zone: an AZ01 finding, unless a tag suppresses it. */
    private static void singleZoneGroup(String account, String region, String name, List<Map<String, Object>> tags) {
        FakeRegion r = FAKE.account(account).region(region);
        r.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone", region + "a",
                "VpcId", "vpc-1")));
        r.items("autoscaling", "DescribeAutoScalingGroups", List.of(dev.resilint.live.twin.Trees.map(
                "AutoScalingGroupName", name, "AutoScalingGroupARN", arn(account, region, name),
                "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of(region + "a"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a", "CreatedTime", "2026-01-01T00:00:00Z", "Tags", tags)));
    }

    private static void nothing(String account, String region) {
        FakeRegion r = FAKE.account(account).region(region);
        r.items("ec2", "DescribeSubnets", List.of());
        r.items("autoscaling", "DescribeAutoScalingGroups", List.of());
    }

    /** Last night's state, from which the baseline was made: a group in CALLER and one in DENIED. */
    private void lastNight(Cli cli) throws Exception {
        for (String account : ACCOUNTS) {
            for (String region : List.of("eu-west-1", "us-east-1")) {
                nothing(account, region);
            }
        }
        singleZoneGroup(CALLER, "eu-west-1", "web", List.of());
        singleZoneGroup(DENIED, "eu-west-1", "old", List.of());
        Cli.Result night = cli.run(scan("--format", "json", "-o", "night.json"));
        assertThat(night.exitCode()).as(night.err()).isEqualTo(1);
        Cli.Result created = cli.run("baseline", "create", "--from-report", "night.json", "-o", "baseline.json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        FAKE.reset();
    }

    /** Tonight: DENIED's group is gone (stale), and its subnets cannot be read; new groups elsewhere. */
    private static void tonight() {
        for (String account : ACCOUNTS) {
            for (String region : List.of("eu-west-1", "us-east-1")) {
                nothing(account, region);
            }
        }
        singleZoneGroup(CALLER, "eu-west-1", "web", List.of());
        singleZoneGroup(CALLER, "us-east-1", "api", List.of());
        singleZoneGroup(PLAIN, "eu-west-1", "batch", List.of());
        singleZoneGroup(PLAIN, "us-east-1", "reports", List.of());
        singleZoneGroup(TAGGED, "us-east-1", "workers", List.of(Map.of("Key", "resilint:suppress",
                "Value", "AZ01: batch workers, one zone by design", "ResourceId", "workers",
                "ResourceType", "auto-scaling-group", "PropagateAtLaunch", false)));
        FAKE.account(LOCKED).denyAssumeRole(ROLE);
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).on("ec2", "DescribeSubnets").account(DENIED)
                .region("eu-west-1"));
    }

    private static String[] scan(String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "--accounts", "accounts.txt", "--role-name", ROLE,
                "--region", "eu-west-1", "--region", "us-east-1", "--include-rules", "AZ01,RL"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** {@code args} writing every format to {@code prefix.FORMAT}. */
    private static String[] everyFormat(String prefix, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (String format : FORMATS) {
            all.addAll(List.of("--format", format, "-o", prefix + "." + format));
        }
        return all.toArray(String[]::new);
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void setUp(Cli cli) throws Exception {
        Files.writeString(dir.resolve("accounts.txt"), "# the organization\n" + String.join("\n", ACCOUNTS) + "\n");
        Files.writeString(dir.resolve(".resilint.yaml"), """
                suppressions:
                  - arn: 'arn:aws:autoscaling:us-east-1:555566667777:autoScalingGroup:*:autoScalingGroupName/reports'
                    id: AZ01
                    reason: reports are rebuilt each night
                """);
        lastNight(cli);
        tonight();
    }

    @Test
    void theMergedShardsAreTheWholeScanByteForByteInEveryFormat() throws Exception {
        Cli cli = new Cli(dir);
        setUp(cli);
        for (int i = 0; i < ACCOUNTS.size(); i++) { // two accounts in each shard
            assertThat(Shard.of(ACCOUNTS.get(i), 3)).as("shard of " + ACCOUNTS.get(i)).isEqualTo(i / 2 + 1);
        }
        String[] common = scan("--baseline", "baseline.json", "--include-suppressed", "--verbose");
        Cli.Result single = cli.run(everyFormat("whole", common));
        assertThat(single.exitCode()).as(single.err()).isEqualTo(1);
        assertThat(single.err()).contains("resilint: live scan: 10 scope(s), ");

        for (int k = 1; k <= 3; k++) {
            Cli.Result shard = cli.run(with(common, "--shard", k + "/3", "--format", "json", "-o",
                    "shard-" + k + ".json"));
            assertThat(shard.exitCode()).as("shard " + k + ": " + shard.err()).isEqualTo(List.of(1, 4, 0).get(k - 1));
        }
        JsonNode second = new ObjectMapper().readTree(dir.resolve("shard-2.json").toFile());
        assertThat(second.at("/notes/0").asText())
                .isEqualTo("shard 2/3: 2 of 6 accounts: " + DENIED + ", " + LOCKED);
        assertThat(second.at("/summary/exitCode").asInt()).isEqualTo(4);

        Cli.Result merged = cli.run(everyFormat("merged", "merge", "shard-3.json", "shard-1.json", "shard-2.json",
                "--include-suppressed", "--verbose"));
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(single.exitCode());
        for (String format : FORMATS) {
            assertThat(Files.readString(dir.resolve("merged." + format))).as(format)
                    .isEqualTo(Files.readString(dir.resolve("whole." + format)));
        }
        String json = Files.readString(dir.resolve("whole.json"));
        JsonNode report = new ObjectMapper().readTree(json);
        // what the comparison covers: findings of four accounts, both kinds of suppression, baselined and stale
        assertThat(report.at("/summary/findings").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/baselined").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/staleBaselineEntries").asInt()).isEqualTo(1);
        assertThat(json).contains(LOCKED + "\"", "sts:AssumeRole", "UnauthorizedOperation",
                "scanned " + TAGGED + "/us-east-1: 2 resource(s)").doesNotContain("shard ", "call(s)");
        assertThat(Files.readString(dir.resolve("whole.text"))).contains("note: scanned " + CALLER + "/eu-west-1");

        Cli.Result judged = cli.run("merge", "shard-1.json", "shard-2.json", "shard-3.json", "--fail-on", "none",
                "--format", "json", "-o", "none.json");
        Cli.Result none = cli.run(scan("--baseline", "baseline.json", "--fail-on", "none", "--format", "json", "-o",
                "whole-none.json"));
        assertThat(judged.exitCode()).as(judged.err()).isEqualTo(none.exitCode()).isEqualTo(4);
        assertThat(Files.readString(dir.resolve("none.json"))).isEqualTo(Files.readString(dir.resolve("whole-none.json")));
    }

    private static Map<String, Object> owner(String group, String team) {
        return Map.of("Key", "Owner", "Value", team, "ResourceId", group, "ResourceType", "auto-scaling-group",
                "PropagateAtLaunch", false);
    }

    /**
     * Owners' groups in one zone. Yesterday: web (team-a) and api (no tags) in CALLER, batch (team-b)
     * in PLAIN, legacy (team-a) in LOCKED, cache (team-b) in TAGGED. Tonight batch is gone (fixed),
     * LOCKED's role cannot be assumed (legacy is not re-checked), and jobs (team-c) in EMPTY is new.
     */
    private static void owners(boolean tonight) {
        FAKE.reset();
        for (String account : ACCOUNTS) {
            for (String region : List.of("eu-west-1", "us-east-1")) {
                nothing(account, region);
            }
        }
        singleZoneGroup(CALLER, "eu-west-1", "web", List.of(owner("web", "team-a")));
        singleZoneGroup(CALLER, "us-east-1", "api", List.of());
        singleZoneGroup(TAGGED, "eu-west-1", "cache", List.of(owner("cache", "team-b")));
        if (tonight) {
            singleZoneGroup(EMPTY, "us-east-1", "jobs", List.of(owner("jobs", "team-c")));
            FAKE.account(LOCKED).denyAssumeRole(ROLE);
        } else {
            singleZoneGroup(PLAIN, "eu-west-1", "batch", List.of(owner("batch", "team-b")));
            singleZoneGroup(LOCKED, "eu-west-1", "legacy", List.of(owner("legacy", "team-a")));
        }
    }

    private static List<String> filesIn(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The nightly workflow of the README: the merge of tonight's shards, compared with last night's
     * report, failing on new findings only and grouped by the Owner tag into one page per owner, is
     * one scan given the same options: the same JSON, Markdown and text, the same pages, the same
     * exit code. The shards are scanned without those options; their reports carry the tags of
     * their findings' resources and the scopes they judged.
     */
    @Test
    void theMergedShardsComparedAndGroupedByOwnerAreTheWholeScanGivenTheSameOptions() throws Exception {
        Cli cli = new Cli(dir);
        Files.writeString(dir.resolve("accounts.txt"), String.join("\n", ACCOUNTS) + "\n");
        owners(false);
        Cli.Result yesterday = cli.run(scan("--group-by", "tag:Owner", "--format", "json", "-o", "previous.json"));
        assertThat(yesterday.exitCode()).as(yesterday.err()).isEqualTo(1);
        owners(true);
        String[] triage = {"--compare", "previous.json", "--fail-on-new", "--group-by", "tag:Owner"};
        Cli.Result single = cli.run(with(scan(triage), "--output-dir", "owners-whole", "--format", "json", "-o",
                "whole.json", "--format", "markdown", "-o", "whole.md", "--format", "text", "-o", "whole.txt"));
        assertThat(single.exitCode()).as(single.err()).isEqualTo(1);
        for (int k = 1; k <= 3; k++) {
            Cli.Result shard = cli.run(scan("--shard", k + "/3", "--format", "json", "-o", "shard-" + k + ".json"));
            assertThat(shard.exitCode()).as("shard " + k + ": " + shard.err()).isIn(1, 4);
        }
        Cli.Result merged = cli.run(with(with(new String[] {"merge", "shard-2.json", "shard-3.json", "shard-1.json"},
                triage), "--output-dir", "owners-merged", "--format", "json", "-o", "merged.json", "--format",
                "markdown", "-o", "merged.md", "--format", "text", "-o", "merged.txt"));
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(single.exitCode());
        for (String format : List.of("json", "md", "txt")) {
            assertThat(Files.readString(dir.resolve("merged." + format))).as(format)
                    .isEqualTo(Files.readString(dir.resolve("whole." + format)));
        }
        List<String> pages = filesIn(dir.resolve("owners-whole"));
        assertThat(pages).contains("index.md").hasSizeGreaterThanOrEqualTo(5);
        assertThat(filesIn(dir.resolve("owners-merged"))).isEqualTo(pages);
        for (String page : pages) {
            assertThat(Files.readString(dir.resolve("owners-merged").resolve(page))).as(page)
                    .isEqualTo(Files.readString(dir.resolve("owners-whole").resolve(page)));
        }

        JsonNode report = new ObjectMapper().readTree(dir.resolve("merged.json").toFile());
        assertThat(report.at("/run/date").asText()).matches("\\d{4}-\\d{2}-\\d{2}")
                .isEqualTo(new ObjectMapper().readTree(dir.resolve("shard-1.json").toFile()).at("/run/date").asText());
        assertThat(report.at("/comparison/new").asInt()).isEqualTo(1);
        assertThat(report.at("/comparison/unchanged").asInt()).isEqualTo(3);
        assertThat(report.at("/groupBy").asText()).isEqualTo("tag:Owner");
        Map<String, String> groups = new java.util.TreeMap<>();
        for (JsonNode f : report.get("findings")) {
            groups.put(f.at("/location/arn").asText().replaceAll(".*/", ""), f.get("group").asText() + " "
                    + f.get("change").asText() + " " + f.get("tags"));
        }
        assertThat(groups).containsExactly(Map.entry("api", "(no Owner tag) unchanged {}"),
                Map.entry("cache", "team-b unchanged {\"Owner\":\"team-b\"}"),
                Map.entry("jobs", "team-c new {\"Owner\":\"team-c\"}"),
                Map.entry("web", "team-a unchanged {\"Owner\":\"team-a\"}"));
        assertThat(report.at("/fixed/0/location/arn").asText()).endsWith("/batch");
        assertThat(report.at("/fixed/0/group").asText()).isEqualTo("team-b");
        assertThat(report.at("/notRechecked/0/location/arn").asText()).endsWith("/legacy");
        assertThat(report.at("/notRechecked/0/group").asText()).isEqualTo("team-a");
        assertThat(report.get("fixed")).hasSize(1);
        assertThat(report.get("notRechecked")).hasSize(1);
    }

    /** Shards compared with a previous report are refused: the merge is compared, once. */
    @Test
    void mergeRefusesShardsThatWereCompared() throws Exception {
        Cli cli = new Cli(dir);
        Files.writeString(dir.resolve("accounts.txt"), String.join("\n", ACCOUNTS) + "\n");
        owners(false);
        assertThat(cli.run(scan("--format", "json", "-o", "previous.json")).exitCode()).isEqualTo(1);
        for (int k = 1; k <= 3; k++) {
            assertThat(cli.run(scan("--shard", k + "/3", "--compare", "previous.json", "--format", "json", "-o",
                    "shard-" + k + ".json")).exitCode()).isIn(0, 1, 4);
        }
        Cli.Result r = cli.run("merge", "shard-1.json", "shard-2.json", "shard-3.json", "--format", "json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("resilint: shard-1.json was compared with a previous report (--compare): scan "
                + "the shards without --compare and give --compare to merge\n");
    }

    @Test
    void aShardPicksItsAccountsBeforeAnyRoleIsAssumed() throws Exception {
        Cli cli = new Cli(dir);
        setUp(cli);
        int before = FAKE.assumedRoles().size();
        FAKE.calls().clear();
        Cli.Result third = cli.run(scan("--shard", "3/3", "--no-color"));
        assertThat(third.exitCode()).as(third.err()).isZero();
        List<FakeAws.AssumedRole> assumed = FAKE.assumedRoles();
        assertThat(assumed.subList(before, assumed.size())).extracting(FakeAws.AssumedRole::roleArn).containsExactlyInAnyOrder(
                "arn:aws:iam::" + TAGGED + ":role/" + ROLE, "arn:aws:iam::" + EMPTY + ":role/" + ROLE);
        assertThat(third.out()).contains("note: shard 3/3: 2 of 6 accounts: " + EMPTY + ", " + TAGGED + "\n");
        assertThat(FAKE.calls().count("autoscaling", "DescribeAutoScalingGroups")).isEqualTo(4);
    }

    /** Every refusal is one line naming the file, and exit code 2. */
    @Test
    void mergeRefusesWhatIsNotTheShardsOfOneScan() throws Exception {
        Cli cli = new Cli(dir);
        setUp(cli);
        for (int k = 1; k <= 3; k++) {
            assertThat(cli.run(scan("--shard", k + "/3", "--format", "json", "-o", "shard-" + k + ".json",
                    "--format", "text", "-o", "shard-" + k + ".txt")).exitCode()).isIn(0, 1, 4);
        }
        String first = Files.readString(dir.resolve("shard-1.json"));
        Files.writeString(dir.resolve("truncated.json"), first.substring(0, first.length() / 2));
        Files.writeString(dir.resolve("copy.json"), first);
        Files.writeString(dir.resolve("old.json"), first.replaceFirst("\"version\" *: *\"[^\"]*\"",
                "\"version\": \"0.0.1\""));
        String[] otherRules = {"scan", "--accounts", "accounts.txt", "--role-name", ROLE, "--region", "eu-west-1",
            "--region", "us-east-1", "--include-rules", "AZ01", "--shard", "1/3", "--format", "json", "-o",
            "other.json"};
        assertThat(cli.run(otherRules).exitCode()).isIn(0, 1, 4);
        Files.writeString(dir.resolve("stack.yaml"), "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n");
        assertThat(cli.run("check", "stack.yaml", "--format", "json", "-o", "check.json").exitCode()).isIn(0, 1);

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("shard-1.txt", "shard-1.txt: not a resilint JSON report (invalid JSON at line 1: ");
        refusals.put("truncated.json", "truncated.json: not a resilint JSON report (invalid JSON at line ");
        refusals.put("missing.json", "missing.json: no such file");
        refusals.put("check.json", "check.json is not the report of a shard of a scan (resilint scan --shard K/N "
                + "--format json): merge joins the shards of one scan");
        refusals.put("copy.json", "shard-1.json and copy.json are both shard 1/3: give each shard once");
        refusals.put("old.json", "old.json: written by resilint 0.0.1, this is resilint ");
        refusals.put("other.json", "shard-1.json and other.json were scanned with different configurations (rules "
                + "and their settings, suppressions, baseline, accounts or regions): merge the shards of one scan");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Cli.Result r = cli.run("merge", "shard-1.json", refusal.getKey(), "shard-2.json", "shard-3.json",
                    "--format", "json", "-o", "merged.json");
            assertThat(r.exitCode()).as(refusal.getKey()).isEqualTo(2);
            assertThat(r.err()).as(refusal.getKey()).startsWith("resilint: " + refusal.getValue()).endsWith("\n")
                    .hasLineCount(1).doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
        assertThat(dir.resolve("merged.json")).doesNotExist();
        Cli.Result missingShard = cli.run("merge", "shard-1.json", "shard-3.json");
        assertThat(missingShard.exitCode()).isEqualTo(2);
        assertThat(missingShard.err()).isEqualTo("resilint: shard 2/3 is missing (given: shard-1.json (1/3), "
                + "shard-3.json (3/3)): a merge of some shards would pass over the accounts of the others\n");
        Cli.Result none = cli.run("merge");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("REPORT.json");
    }

    /** Shards that could not start (credentials refused) merge into the whole scan that could not either. */
    @Test
    void shardsThatCouldNotListTheAccountsMergeIntoAScanThatCouldNot() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIANOTAFAKEKEY");
        Cli cli = new Cli(dir);
        Cli.Result whole = cli.run("scan", "--include-rules", "AZ01", "--format", "json", "-o", "whole.json");
        assertThat(whole.exitCode()).isEqualTo(2);
        for (int k = 1; k <= 2; k++) {
            assertThat(cli.run("scan", "--include-rules", "AZ01", "--shard", k + "/2", "--format", "json", "-o",
                    "shard-" + k + ".json").exitCode()).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("shard-2.json")))
                .contains("\"shard 2/2: no account list (the scan could not start)\"");
        Cli.Result merged = cli.run("merge", "shard-2.json", "shard-1.json", "--format", "json", "-o", "merged.json");
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("merged.json"))).isEqualTo(Files.readString(dir.resolve("whole.json")));
    }

    @Test
    void aShardThatIsNoShardIsOneClearLine() {
        for (String bad : List.of("0/4", "5/4", "x/y", "4", "1/0")) {
            Cli.Result r = new Cli(dir).run("scan", "--shard", bad);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).isEqualTo("resilint: --shard '" + bad + "': give K/N with 1 <= K <= N, like "
                    + "2/3\n");
        }
    }

    @Test
    void helpNamesShardAndMerge() {
        assertThat(new Cli(dir).run("scan", "--help").out()).contains("--shard=K/N", "resilint merge");
        Cli.Result merge = new Cli(dir).run("merge", "--help");
        assertThat(merge.exitCode()).isZero();
        assertThat(merge.out()).contains("REPORT.json", "--format", "--output-file", "--fail-on",
                "4   live scan finished with evaluation gaps", "--compare=PREVIOUS.json", "--fail-on-new",
                "--group-by=", "--output-dir=DIR");
        assertThat(new Cli(dir).run("--help").out()).contains("resilint merge shard-*.json");
    }
}
