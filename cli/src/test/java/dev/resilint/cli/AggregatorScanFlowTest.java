package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.twin.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resilint scan --source config-aggregator} end to end, as {@link ScanFlowTest} does the
 * direct scan: the options, the fake AWS Config aggregator on loopback, the reports, the exit codes
 * and the usage errors.
 */
class AggregatorScanFlowTest {

    static final String ACCOUNT = "111122223333";
    static final String MEMBER = "444455556666";
    static final String REGION = "eu-west-1";
    static final String ASG = "arn:aws:autoscaling:eu-west-1:444455556666:autoScalingGroup:1:autoScalingGroupName/web";
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    FakeConfig config;

    @BeforeEach
    void sdkSettings() {
        System.setProperty("aws.accessKeyId", FakeAws.accessKeyId(ACCOUNT));
        System.setProperty("aws.secretAccessKey", "secret-that-never-appears");
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.endpointUrl", FAKE.endpoint().toString());
        config = FakeConfig.serve(FAKE, ACCOUNT, REGION, "org");
    }

    @AfterEach
    void reset() {
        for (String p : List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region", "aws.endpointUrl")) {
            System.clearProperty(p);
        }
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    /** A member account's single-zone Auto Scaling group (AZ01), as its APIs and as Config's items. */
    void singleZoneGroup(Instant captured) {
        FakeRegion member = FAKE.account(MEMBER).region(REGION);
        member.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a",
                "VpcId", "vpc-1")));
        member.items("autoscaling", "DescribeAutoScalingGroups", List.of(Trees.map("AutoScalingGroupName", "web",
                "AutoScalingGroupARN", ASG, "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2", "VPCZoneIdentifier", "subnet-a",
                "CreatedTime", "2026-01-01T00:00:00Z")));
        config.source(MEMBER, REGION, "SUCCEEDED").recorder(MEMBER, REGION, true, List.of());
        config.item(item("AWS::EC2::Subnet", "subnet-a", "arn:aws:ec2:eu-west-1:444455556666:subnet/subnet-a", captured,
                Map.of("subnetId", "subnet-a", "availabilityZone", "eu-west-1a", "vpcId", "vpc-1")));
        config.item(item("AWS::AutoScaling::AutoScalingGroup", "web", ASG, captured, Trees.map(
                "autoScalingGroupName", "web", "autoScalingGroupARN", ASG, "minSize", 2, "maxSize", 4,
                "desiredCapacity", 2, "defaultCooldown", 300, "availabilityZones", List.of("eu-west-1a"),
                "healthCheckType", "EC2", "vpczoneIdentifier", "subnet-a", "createdTime", "2026-01-01T00:00:00Z")));
    }

    static Map<String, Object> item(String type, String id, String arn, Instant captured, Map<String, Object> conf) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("accountId", MEMBER);
        item.put("awsRegion", REGION);
        item.put("resourceType", type);
        item.put("resourceId", id);
        item.put("arn", arn);
        item.put("configurationItemCaptureTime", captured.toString());
        item.put("configurationItemStatus", "OK");
        item.put("configuration", conf);
        item.put("tags", Map.of());
        return item;
    }

    @Test
    void theAggregatorGivesTheFindingTheMemberAccountsOwnScanGivesFromTheAggregatorAccountAlone() throws Exception {
        singleZoneGroup(Instant.now().minus(Duration.ofHours(2)));
        Cli.Result viaConfig = new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org",
                "--include-rules", "AZ01", "--format", "json");
        assertThat(viaConfig.exitCode()).as(viaConfig.err()).isEqualTo(1);
        assertThat(FAKE.calls().calls()).allMatch(c -> c.account().equals(ACCOUNT));
        JsonNode fromConfig = new ObjectMapper().readTree(viaConfig.out());
        assertThat(fromConfig.at("/findings/0/location/arn").asText()).isEqualTo(ASG);
        assertThat(fromConfig.at("/notes").toString()).contains("AWS Config aggregator org in eu-west-1: 1 account region(s)");

        System.setProperty("aws.accessKeyId", FakeAws.accessKeyId(MEMBER));
        Cli.Result direct = new Cli(dir).run("scan", "--include-rules", "AZ01", "--format", "json");
        assertThat(direct.exitCode()).as(direct.err()).isEqualTo(1);
        assertThat(fromConfig.at("/findings")).isEqualTo(new ObjectMapper().readTree(direct.out()).at("/findings"));
    }

    @Test
    void itemsOlderThanMaxAgeAreStaleGapsAndExitCodeFour() {
        singleZoneGroup(Instant.now().minus(Duration.ofDays(2)));
        Cli.Result stale = new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org",
                "--include-rules", "AZ01", "--no-color");
        assertThat(stale.exitCode()).as(stale.out() + stale.err()).isEqualTo(4);
        assertThat(stale.out()).contains("stale  AZ01").contains("older than --max-age 26h");
        Cli.Result lenient = new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org",
                "--max-age", "3d", "--include-rules", "AZ01", "--no-color");
        assertThat(lenient.exitCode()).as(lenient.out()).isEqualTo(1);
        assertThat(lenient.out()).contains(ASG);
    }

    @Test
    void anAggregatorThatDoesNotExistIsOneClearLineAndExitTwo() {
        Cli.Result r = new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "nope", "--no-color");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains("--aggregator nope: no such AWS Config aggregator in eu-west-1")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void badAggregatorOptionsAreUsageErrors() {
        assertError(new Cli(dir).run("scan", "--source", "config-aggregator"),
                "--source config-aggregator needs --aggregator NAME");
        assertError(new Cli(dir).run("scan", "--source", "cloud"),
                "--source 'cloud' is not a source: give direct or config-aggregator");
        assertError(new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org", "--max-age", "26x"),
                "--max-age '26x' is not a duration like 26h, 90m or 2d");
        assertError(new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org", "--max-age", "0h"),
                "--max-age '0h' is not a positive duration");
        assertError(new Cli(dir).run("scan", "--aggregator", "org"), "--aggregator needs --source config-aggregator");
        assertError(new Cli(dir).run("scan", "--source", "config-aggregator", "--aggregator", "org",
                "--aggregator-region", "moon"), "--aggregator-region 'moon' is not a region name");
    }

    private static void assertError(Cli.Result r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
        assertThat(r.err().strip().lines().filter(l -> l.contains(message)).count()).isEqualTo(1);
    }

    @Test
    void printIamPolicyForTheAggregatorIsTheCommittedDocument() throws Exception {
        Cli.Result r = new Cli(dir).run("scan", "--source", "config-aggregator", "--print-iam-policy");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(IamPolicy.aggregatorJson())
                .isEqualTo(Files.readString(Path.of("..", "docs", "iam-policy-aggregator.json")));
        assertThat(new Cli(dir).run("scan", "--print-iam-policy").out()).isEqualTo(IamPolicy.json());
    }
}
