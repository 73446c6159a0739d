package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.twin.Trees;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint simulate --live} end to end against the fake AWS account on loopback (the real
 * SDK, the {@code aws.*} system properties as in {@link ScanFlowTest}): each account region is a
 * stack with named zones, and what could not be read is unknown, never safe.
 */
class LiveSimulateFlowTest {

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

    private static Map<String, Object> group(FakeRegion region, String name, String subnets, List<String> zones) {
        return Trees.map("AutoScalingGroupName", name,
                "AutoScalingGroupARN", "arn:aws:autoscaling:" + region.name() + ":" + ACCOUNT
                        + ":autoScalingGroup:1:autoScalingGroupName/" + name,
                "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", zones, "HealthCheckType", "EC2", "VPCZoneIdentifier", subnets,
                "CreatedTime", "2026-01-01T00:00:00Z");
    }

    private static Map<String, Object> database(String id, boolean multiAz, String zone) {
        return Trees.map("DBInstanceIdentifier", id, "DBInstanceArn", "arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:" + id,
                "DBInstanceStatus", "available", "DBInstanceClass", "db.r6g.large", "Engine", "postgres",
                "MultiAZ", multiAz, "BackupRetentionPeriod", 7, "DeletionProtection", true, "AvailabilityZone", zone);
    }

    /** Two subnets in eu-west-1a and eu-west-1b; web runs in the first only, api in both. */
    private static void account(boolean multiAzDatabase) {
        FakeRegion eu = FAKE.account(ACCOUNT).region("eu-west-1");
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1"),
                Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1")));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(
                group(eu, "web", "subnet-a", List.of("eu-west-1a")),
                group(eu, "api", "subnet-a,subnet-b", List.of("eu-west-1a", "eu-west-1b"))));
        eu.items("rds", "DescribeDBInstances", List.of(database("orders", multiAzDatabase, "eu-west-1b")));
    }

    @Test
    void aRegionIsAStackWithNamedZones() {
        account(true);
        Cli.Result r = new Cli(dir).run("simulate", "--live");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith(ACCOUNT + "/eu-west-1: does not survive the loss of eu-west-1a: web (all "
                + "instances); unknown: types the live scan does not read (AWS::MemoryDB::Cluster, ");
        String table = r.out().substring(r.out().indexOf('\n') + 1);
        assertThat(table).startsWith("  tier ").contains(" eu-west-1a ").contains(" eu-west-1b ");
        assertThat(line(table, "  web ")).containsSubsequence("loses everything", "survives");
        assertThat(line(table, "  api ")).containsSubsequence("loses capacity", "loses capacity");
        assertThat(line(table, "  orders ")).containsSubsequence("survives", "survives");
        assertThat(r.out()).endsWith("1 stack: 1 does not survive the loss of a zone\n");
    }

    @Test
    void aSingleAzDatabaseIsLostWithItsZoneAndJsonNamesTheZones() throws Exception {
        account(false);
        Cli.Result r = new Cli(dir).run("simulate", "--live", "--region", "eu-west-1", "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode stack = new ObjectMapper().readTree(r.out()).path("stacks").path(0);
        assertThat(stack.path("stack").asText()).isEqualTo(ACCOUNT + "/eu-west-1");
        assertThat(stack.path("zones").toString()).isEqualTo("[\"eu-west-1a\",\"eu-west-1b\"]");
        assertThat(stack.path("summary").asText()).contains("the loss of eu-west-1a: web (all instances)")
                .contains("orders (single-AZ primary)");
    }

    @Test
    void aTypeThatCouldNotBeReadIsUnknownNeverSafe() {
        account(true);
        FAKE.inject(Fault.error("AccessDenied", 403).on("rds", "DescribeDBInstances"));

        Cli.Result r = new Cli(dir).run("simulate", "--live", "--fail-when", "never");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("AWS::RDS::DBInstance (not read) (access-denied: ").doesNotContain("orders");
        assertThat(line(r.out(), "  AWS::RDS::DBInstance (not read) ")).contains("unknown").contains("access-denied");
    }

    @Test
    void anAccountThatCannotBeReadIsAnUnknownStack() {
        account(true);
        String other = "444455556666";
        FAKE.account(other).denyAssumeRole("Missing");
        Cli.Result r = new Cli(dir).run("simulate", "--live", "--accounts", accounts(other), "--role-name", "Missing");

        assertThat(r.out()).as(r.err()).contains(other + "/*: unknown: every resource (not read: ");
    }

    private String accounts(String id) {
        try {
            Path file = dir.resolve("accounts.txt");
            java.nio.file.Files.writeString(file, id + "\n");
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void liveOptionsAndPathsAreUsageErrors() {
        Cli.Result both = new Cli(dir).run("simulate", "--live", "t.yaml");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("resilint: give either template PATHs or --live, not both\n");
        Cli.Result region = new Cli(dir).run("simulate", "--region", "eu-west-1", "t.yaml");
        assertThat(region.exitCode()).isEqualTo(2);
        assertThat(region.err()).isEqualTo("resilint: --region needs --live\n");
        Cli.Result none = new Cli(dir).run("simulate");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give the templates to simulate (PATH...), or --live for AWS accounts");
        Cli.Result badRegion = new Cli(dir).run("simulate", "--live", "--region", "Mars");
        assertThat(badRegion.exitCode()).isEqualTo(2);
        assertThat(badRegion.err()).contains("--region 'Mars' is not a region name like eu-west-1");
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no line starting with '" + start + "' in\n" + text));
    }
}
