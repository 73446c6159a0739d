package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.twin.Trees;
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
 * {@code resilint scan} night after night against the fake account: {@code --compare} with the
 * previous night's JSON report, {@code --fail-on-new}, and {@code --group-by tag:Owner} over the tags
 * the scan reads ({@link ScanFlowTest} sets up the SDK the same way).
 */
class ScanCompareFlowTest {

    static final String ACCOUNT = ScanFlowTest.ACCOUNT;
    static final FakeAws FAKE = FakeAws.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void sdkSettings() {
        System.setProperty("aws.accessKeyId", FakeAws.accessKeyId(ACCOUNT));
        System.setProperty("aws.secretAccessKey", "secret-that-never-appears");
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.endpointUrl", FAKE.endpoint().toString());
        cli = new Cli(dir);
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

    /** The tag {@code key=value} as DescribeAutoScalingGroups returns it for the group {@code group}. */
    private static Map<String, Object> tag(String group, String key, String value) {
        return Map.of("Key", key, "Value", value, "ResourceId", group, "ResourceType", "auto-scaling-group",
                "PropagateAtLaunch", false);
    }

    private static String arn(String group) {
        return "arn:aws:autoscaling:eu-west-1:" + ACCOUNT + ":autoScalingGroup:1:autoScalingGroupName/" + group;
    }

    /** Auto Scaling groups in one zone (AZ01), each with its tags. */
    private static void singleZoneGroups(Map<String, List<Map<String, Object>>> groups) {
        FakeRegion region = FAKE.account(ACCOUNT).region("eu-west-1");
        region.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone",
                "eu-west-1a", "VpcId", "vpc-1")));
        List<Object> items = new ArrayList<>();
        groups.forEach((name, tags) -> items.add(Trees.map("AutoScalingGroupName", name,
                "AutoScalingGroupARN", arn(name), "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2,
                "DefaultCooldown", 300, "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a", "CreatedTime", "2026-01-01T00:00:00Z", "Tags", tags)));
        region.items("autoscaling", "DescribeAutoScalingGroups", items);
    }

    /** An Auto Scaling group in one zone (AZ01) in {@code account}. */
    private static void singleZoneGroup(String account, String name) {
        FakeRegion region = FAKE.account(account).region("eu-west-1");
        region.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone",
                "eu-west-1a", "VpcId", "vpc-1")));
        region.items("autoscaling", "DescribeAutoScalingGroups", List.of(Trees.map("AutoScalingGroupName", name,
                "AutoScalingGroupARN", "arn:aws:autoscaling:eu-west-1:" + account
                        + ":autoScalingGroup:1:autoScalingGroupName/" + name,
                "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2", "VPCZoneIdentifier", "subnet-a",
                "CreatedTime", "2026-01-01T00:00:00Z", "Tags", List.of())));
    }

    /** web (Owner team-a), batch (owner team-b: another key) and jobs (no tags). */
    private static void night1Account() {
        singleZoneGroups(new java.util.TreeMap<>(Map.of(
                "web", List.of(tag("web", "Owner", "team-a")),
                "batch", List.of(tag("batch", "owner", "team-b")),
                "jobs", List.of())));
    }

    private String date(String report) throws Exception {
        return JSON.readTree(dir.resolve(report).toFile()).at("/run/date").asText();
    }

    @Test
    void findingsAreGroupedByTheOwnerTagAndResourcesWithoutItFormTheirOwnGroup() throws Exception {
        night1Account();
        Cli.Result r = cli.run("scan", "--include-rules", "AZ01", "--group-by", "tag:Owner", "--no-color");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        int teamA = r.out().indexOf("== Owner: team-a ==\n");
        int none = r.out().indexOf("== (no Owner tag) ==\n");
        assertThat(List.of(teamA, none)).allMatch(i -> i >= 0).isSorted();
        assertThat(r.out().substring(teamA, none)).contains(arn("web")).doesNotContain(arn("batch"));
        assertThat(r.out().substring(none)).contains(arn("batch")).contains(arn("jobs"));

        JsonNode json = JSON.readTree(cli.run("scan", "--include-rules", "AZ01", "--group-by", "tag:owner",
                "--format", "json").out());
        List<String> groups = new ArrayList<>();
        json.get("findings").forEach(f -> groups.add(f.at("/location/arn").asText().replaceAll(".*/", "") + " "
                + f.get("group").asText()));
        assertThat(groups).containsExactly("batch team-b", "jobs (no owner tag)", "web (no owner tag)");

        assertThat(cli.run("scan", "--group-by", "tag:Owner", "--skip-tags").err()).isEqualTo("resilint: --group-by "
                + "tag:Owner needs the resources' tags, which --skip-tags does not read: give one of them\n");
    }

    @Test
    void aResourceWhoseTagsCouldNotBeReadIsInAGroupThatSaysSo() throws Exception {
        FakeRegion eu = FAKE.account(ACCOUNT).region("eu-west-1");
        String arn = "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders-view";
        eu.items("dynamodb", "ListTables", List.of("orders-view"));
        eu.answer("dynamodb", "DescribeTable", "TableName", "orders-view", Map.of("Table", Map.of(
                "TableName", "orders-view", "TableArn", arn, "TableStatus", "ACTIVE")));
        eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", "orders-view", Map.of(
                "ContinuousBackupsDescription", Map.of("ContinuousBackupsStatus", "ENABLED",
                        "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus", "DISABLED"))));
        FAKE.inject(Fault.error("AccessDeniedException", 400).on("dynamodb", "ListTagsOfResource"));

        Cli.Result r = cli.run("scan", "--include-rules", "DR03", "--group-by", "tag:Owner", "--format", "json");

        JsonNode json = JSON.readTree(r.out());
        assertThat(json.at("/findings/0/location/arn").asText()).as(r.out() + r.err()).isEqualTo(arn);
        assertThat(json.at("/findings/0/group").asText()).isEqualTo("(Owner tag unknown)");
    }

    @Test
    void theNextNightSaysWhatIsNewAndWhatIsFixedAndFailsOnlyOnWhatIsNew() throws Exception {
        night1Account();
        assertThat(cli.run("scan", "--include-rules", "AZ01", "--group-by", "tag:Owner", "--format", "json", "-o",
                "night1.json").exitCode()).isEqualTo(1);

        FAKE.reset();
        singleZoneGroups(new java.util.TreeMap<>(Map.of(
                "web", List.of(tag("web", "Owner", "team-a")),
                "api", List.of(tag("api", "Owner", "team-a")))));
        Cli.Result r = cli.run("scan", "--include-rules", "AZ01", "--compare", "night1.json", "--group-by",
                "tag:Owner", "--no-color");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("1 new, 2 fixed since " + date("night1.json") + "; 1 unchanged.\n\n");
        int teamA = r.out().indexOf("== Owner: team-a ==\n");
        int none = r.out().indexOf("== (no Owner tag) ==\n");
        assertThat(List.of(teamA, none)).allMatch(i -> i >= 0).isSorted();
        assertThat(r.out().substring(teamA, none)).contains("new  Auto Scaling group api");
        // the fixed groups are no longer there: their owner comes from the previous report
        assertThat(r.out().substring(none)).contains("fixed  " + arn("batch")).contains("fixed  " + arn("jobs"));

        Cli.Result onlyNew = cli.run("scan", "--include-rules", "AZ01", "--compare", "night1.json", "--fail-on-new",
                "--format", "json", "-o", "night2.json");
        assertThat(onlyNew.exitCode()).isEqualTo(1);
        assertThat(cli.run("scan", "--include-rules", "AZ01", "--compare", "night2.json", "--fail-on-new",
                "--no-color").exitCode()).isZero();
    }

    @Test
    void aFindingWhoseTypeCouldNotBeReadTonightIsNotFixedAndTheGapIsNew() throws Exception {
        night1Account();
        assertThat(cli.run("scan", "--include-rules", "AZ01", "--format", "json", "-o", "night1.json").exitCode())
                .isEqualTo(1);

        FAKE.reset();
        night1Account();
        FAKE.inject(Fault.error("AccessDenied", 403).on("autoscaling", "DescribeAutoScalingGroups"));
        Cli.Result r = cli.run("scan", "--include-rules", "AZ01", "--compare", "night1.json", "--no-color");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).startsWith("0 new, 0 fixed since " + date("night1.json")
                + "; 3 not re-checked (not evaluated this time); 1 new gap.\n\n")
                .contains("  not re-checked  " + arn("web"))
                .contains("(AZ01 was not evaluated in 111122223333 eu-west-1: AWS::AutoScaling::AutoScalingGroup "
                        + "access-denied")
                .contains("  gap  new  111122223333 eu-west-1  AWS::AutoScaling::AutoScalingGroup  access-denied")
                .doesNotContain("fixed  ");

        Cli.Result json = cli.run("scan", "--include-rules", "AZ01", "--compare", "night1.json", "--format", "json");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("fixed")).isEmpty();
        assertThat(report.get("notRechecked")).hasSize(3);
        assertThat(report.at("/notEvaluated/0/change").asText()).isEqualTo("new");
    }

    @Test
    void theFindingsOfAnAccountWhoseRoleCouldNotBeAssumedTonightAreNotFixed() throws Exception {
        String member = "444455556666";
        singleZoneGroup(ACCOUNT, "web");
        singleZoneGroup(member, "batch");
        Files.writeString(dir.resolve("accounts.txt"), ACCOUNT + "\n" + member + "\n");
        String[] scan = {"scan", "--accounts", "accounts.txt", "--role-name", "ResilintScan", "--include-rules", "AZ01"};
        List<String> night1 = new ArrayList<>(List.of(scan));
        night1.addAll(List.of("--format", "json", "-o", "night1.json"));
        Cli.Result first = cli.run(night1.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        JsonNode previous = JSON.readTree(dir.resolve("night1.json").toFile());
        assertThat(previous.get("findings")).hasSize(2);
        assertThat(previous.at("/run/scopes").toString())
                .isEqualTo("[\"111122223333/eu-west-1\",\"" + member + "/eu-west-1\"]");

        FAKE.account(member).denyAssumeRole("ResilintScan");
        List<String> night2 = new ArrayList<>(List.of(scan));
        night2.addAll(List.of("--compare", "night1.json", "--no-color"));
        Cli.Result r = cli.run(night2.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1); // web is still there: 1 before 4
        assertThat(r.out()).startsWith("0 new, 0 fixed since " + date("night1.json")
                + "; 1 unchanged; 1 not re-checked (not evaluated this time); 1 new gap.\n\n")
                .contains("  not re-checked  arn:aws:autoscaling:eu-west-1:" + member)
                .contains("(AZ01 was not evaluated in " + member + " (every region): access-denied")
                .doesNotContain("fixed  ");
    }

    @Test
    void onePagePerOwnerGoesToTheOutputDirectory() throws Exception {
        night1Account();
        Cli.Result r = cli.run("scan", "--include-rules", "AZ01", "--group-by", "tag:Owner", "--output-dir",
                "owners", "--format", "json", "-o", "night1.json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        String teamA = Files.readString(dir.resolve("owners/team-a.md"));
        assertThat(teamA).startsWith("# Owner: team-a\n\n## :x: resilint found 1 finding\n").contains(arn("web"))
                .doesNotContain(arn("jobs"));
        try (var files = Files.list(dir.resolve("owners"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(3)
                    .contains("index.md", "team-a.md");
        }
    }
}
