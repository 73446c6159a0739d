package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint scan} end to end: the command line, the SDK's own settings (the {@code aws.*}
 * system properties are what {@code AWS_ACCESS_KEY_ID}, {@code AWS_REGION} and
 * {@code AWS_ENDPOINT_URL} set, readable inside one JVM), the fake account on loopback, the reports and
 * the exit codes.
 */
class ScanFlowTest {

    static final String ACCOUNT = "111122223333";
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    @BeforeEach
    void sdkSettings() {
        System.setProperty("aws.accessKeyId", FakeAws.accessKeyId(ACCOUNT));
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

    private static void singleZoneGroup(FakeRegion region) {
        singleZoneGroup(region, List.of());
    }

    private static void singleZoneGroup(FakeRegion region, List<Map<String, Object>> tags) {
        region.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone",
                region.name() + "a", "VpcId", "vpc-1")));
        region.items("autoscaling", "DescribeAutoScalingGroups", List.of(dev.resilint.live.twin.Trees.map(
                "AutoScalingGroupName", "web",
                "AutoScalingGroupARN", "arn:aws:autoscaling:" + region.name() + ":" + ACCOUNT
                        + ":autoScalingGroup:1:autoScalingGroupName/web",
                "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of(region.name() + "a"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a", "CreatedTime", "2026-01-01T00:00:00Z", "Tags", tags)));
    }

    @Test
    void findingsOfTheDefaultRegionFailTheScanWithTheirArn() throws Exception {
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"));
        Cli.Result r = new Cli(dir).run("scan", "--include-rules", "AZ01", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/findings/0/ruleId").asText()).isEqualTo("AZ01");
        assertThat(json.at("/findings/0/location").toString()).isEqualTo("{\"kind\":\"live\",\"arn\":"
                + "\"arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web\","
                + "\"account\":\"111122223333\",\"region\":\"eu-west-1\",\"resourceType\":"
                + "\"AWS::AutoScaling::AutoScalingGroup\"}");
        assertThat(r.out() + r.err()).doesNotContain("secret-that-never-appears");
    }

    @Test
    void theTextReportGroupsByAccountAndRegionAndIsTheSameEveryTime() {
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"));
        singleZoneGroup(FAKE.account(ACCOUNT).region("us-east-1"));
        Cli.Result first = new Cli(dir).run("scan", "--region", "us-east-1", "--region", "eu-west-1",
                "--include-rules", "AZ01", "--no-color");
        Cli.Result second = new Cli(dir).run("scan", "--region", "eu-west-1", "--region", "us-east-1",
                "--include-rules", "AZ01", "--no-color");
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.out()).contains("aws account 111122223333 eu-west-1\n")
                .contains("aws account 111122223333 us-east-1\n");
        assertThat(first.out().indexOf("eu-west-1\n")).isLessThan(first.out().indexOf("us-east-1\n"));
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aTypeThatCannotBeReadIsAGapAndExitCodeFour() {
        FakeRegion eu = FAKE.account(ACCOUNT).region("eu-west-1");
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of());
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).on("ec2", "DescribeSubnets"));
        Cli.Result r = new Cli(dir).run("scan", "--include-rules", "AZ01", "--no-color");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("not evaluated\n").contains("AWS::EC2::Subnet  access-denied  AZ01")
                .contains("UnauthorizedOperation").doesNotContain("No findings.\n\nnot");
    }

    @Test
    void credentialsThatDoNotWorkAreOneClearLineAndExitTwo() {
        System.setProperty("aws.accessKeyId", "AKIANOTAFAKEKEY");
        Cli.Result r = new Cli(dir).run("scan", "--no-color");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains("the credentials do not work: sts:GetCallerIdentity")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badOptionsAreUsageErrors() throws Exception {
        assertThat(new Cli(dir).run("scan", "--region", "mars-1").err()).contains("--region 'mars-1' is not a region name");
        assertThat(new Cli(dir).run("scan", "--region", "eu-west-1", "--all-regions").exitCode()).isEqualTo(2);
        Files.writeString(dir.resolve("accounts.txt"), "# prod\n111122223333\n12345\n");
        Cli.Result r = new Cli(dir).run("scan", "--accounts", "accounts.txt", "--role-name", "ResilintScan");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("accounts.txt:3: not a 12-digit account id: '12345'");
        assertThat(new Cli(dir).run("scan", "--accounts", "missing.txt", "--role-name", "R").err())
                .contains("--accounts missing.txt: no such file");
        assertThat(new Cli(dir).run("scan", "--organization").err()).contains("need --role-name");
        assertThat(new Cli(dir).run("scan", "--accounts", "a", "--organization").exitCode()).isEqualTo(2);
    }

    @Test
    void aNightlyScanFailsOnlyOnNewProblemsWithABaselineFromItsOwnReport() throws Exception {
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"));
        Cli cli = new Cli(dir);
        assertThat(cli.run("scan", "--include-rules", "AZ01", "--format", "json", "-o", "night1.json").exitCode())
                .isEqualTo(1);
        Cli.Result created = cli.run("baseline", "create", "--from-report", "night1.json", "-o", "baseline.json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(Files.readString(dir.resolve("baseline.json")))
                .contains("arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web");
        Cli.Result night2 = cli.run("scan", "--include-rules", "AZ01", "--baseline", "baseline.json", "--no-color");
        assertThat(night2.exitCode()).as(night2.out()).isZero();
        assertThat(night2.out()).contains("1 baselined");

        FAKE.reset();
        FAKE.account(ACCOUNT).region("eu-west-1").items("autoscaling", "DescribeAutoScalingGroups", List.of());
        FAKE.account(ACCOUNT).region("eu-west-1").items("ec2", "DescribeSubnets", List.of());
        assertThat(cli.run("scan", "--include-rules", "AZ01", "--format", "json", "-o", "night3.json").exitCode())
                .isZero();
        Cli.Result updated = cli.run("baseline", "update", "--from-report", "night3.json", "--baseline",
                "baseline.json");
        assertThat(updated.err()).contains("1 fixed finding(s) removed, 0 remain");
        assertThat(cli.run("baseline", "create", "--from-report", "missing.json", "-o", "b.json").err())
                .contains("missing.json: no such report file");
    }

    @Test
    void aResourceTagOrAnArnGlobInTheConfigurationSuppressesWithAReason() throws Exception {
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"), List.of(Map.of("Key", "resilint:suppress",
                "Value", "AZ01: batch workers, one zone by design", "ResourceId", "web",
                "ResourceType", "auto-scaling-group", "PropagateAtLaunch", false)));
        Cli.Result tagged = new Cli(dir).run("scan", "--include-rules", "AZ01,RL", "--no-color",
                "--include-suppressed");
        assertThat(tagged.exitCode()).as(tagged.out()).isZero();
        assertThat(tagged.out()).contains("(suppressed: batch workers, one zone by design)");

        FAKE.reset();
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"), List.of(Map.of("Key", "resilint:suppress",
                "Value", "AZ01 short", "ResourceId", "web", "ResourceType", "auto-scaling-group",
                "PropagateAtLaunch", false)));
        Cli.Result invalid = new Cli(dir).run("scan", "--include-rules", "AZ01,RL", "--no-color");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).contains("RL01").contains("AZ01");

        FAKE.reset();
        singleZoneGroup(FAKE.account(ACCOUNT).region("eu-west-1"));
        Files.writeString(dir.resolve(".resilint.yaml"), """
                suppressions:
                  - arn: 'arn:aws:autoscaling:*:111122223333:autoScalingGroup:*:autoScalingGroupName/web'
                    id: AZ01
                    reason: batch workers, one zone by design
                """);
        Cli.Result configured = new Cli(dir).run("scan", "--include-rules", "AZ01", "--no-color");
        assertThat(configured.exitCode()).as(configured.out() + configured.err()).isZero();
        assertThat(configured.out()).contains("1 suppressed");
        Files.writeString(dir.resolve(".resilint.yaml"), "suppressions:\n  - {arn: 'web-*', id: AZ01, reason: "
                + "'batch workers, one zone by design'}\n");
        assertThat(new Cli(dir).run("scan").err()).contains(".resilint.yaml:2:").contains("an ARN starts with arn:");
    }

    @Test
    void instanceAgeIsJudgedAgainstTheMaximumOfTheConfiguration() throws Exception {
        FAKE.account(ACCOUNT).region("eu-west-1").items("ec2", "DescribeInstances", List.of(
                dev.resilint.live.twin.Trees.map("ReservationId", "r-1", "OwnerId", ACCOUNT, "Instances", List.of(
                        dev.resilint.live.twin.Trees.map("InstanceId", "i-old", "InstanceType", "t3.small",
                                "LaunchTime", "2020-01-01T00:00:00Z", "State", Map.of("Name", "running", "Code", 16),
                                "Placement", Map.of("AvailabilityZone", "eu-west-1a"))))));
        Cli.Result old = new Cli(dir).run("scan", "--include-rules", "DP05", "--no-color");
        assertThat(old.out()).as(old.err()).contains("DP05").contains("EC2 instance i-old was launched on 2020-01-01")
                .contains("(more than 180)");

        Files.writeString(dir.resolve(".resilint.yaml"), "rules:\n  DP05:\n    maximumAgeDays: 100000\n");
        Cli.Result tolerant = new Cli(dir).run("scan", "--include-rules", "DP05", "--no-color");
        assertThat(tolerant.exitCode()).as(tolerant.out() + tolerant.err()).isZero();
        assertThat(tolerant.out()).doesNotContain("i-old");
    }

    @Test
    void aSuppressionTagThatTakesACallOfItsOwnIsReadUnlessSkipTags() {
        FakeRegion eu = FAKE.account(ACCOUNT).region("eu-west-1");
        String arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders-view";
        eu.items("dynamodb", "ListTables", List.of("orders-view"));
        eu.answer("dynamodb", "DescribeTable", "TableName", "orders-view", Map.of("Table", Map.of(
                "TableName", "orders-view", "TableArn", arn, "TableStatus", "ACTIVE")));
        eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", "orders-view", Map.of(
                "ContinuousBackupsDescription", Map.of("ContinuousBackupsStatus", "ENABLED",
                        "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus", "DISABLED"))));
        eu.items("dynamodb", "ListTagsOfResource", "ResourceArn", arn, List.of(Map.of("Key", "resilint:suppress",
                "Value", "DR03: a view rebuilt from the order events")));

        Cli.Result tagged = new Cli(dir).run("scan", "--include-rules", "DR03", "--no-color", "--include-suppressed");
        assertThat(tagged.exitCode()).as(tagged.out() + tagged.err()).isZero();
        assertThat(tagged.out()).contains("(suppressed: a view rebuilt from the order events)");
        assertThat(FAKE.calls().count("dynamodb", "ListTagsOfResource")).isEqualTo(1);

        FAKE.calls().clear();
        Cli.Result skipped = new Cli(dir).run("scan", "--include-rules", "DR03", "--no-color", "--skip-tags");
        assertThat(skipped.exitCode()).as(skipped.out()).isEqualTo(1);
        assertThat(skipped.out()).contains("DR03").contains(arn);
        assertThat(FAKE.calls().count("dynamodb", "ListTagsOfResource")).isZero();
    }

    @Test
    void helpListsEveryExitCodeIncludingGaps() {
        Cli.Result r = new Cli(dir).run("scan", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--all-regions", "--organization", "--role-name", "AWS_ENDPOINT_URL")
                .contains("4   live scan finished with evaluation gaps");
    }
}
