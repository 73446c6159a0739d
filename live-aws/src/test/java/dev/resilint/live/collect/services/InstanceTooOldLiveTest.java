package dev.resilint.live.collect.services;

import static dev.resilint.live.collect.services.OneScope.ACCOUNT;
import static dev.resilint.live.collect.services.OneScope.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.rules.dp.InstanceTooOld;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.ec2.InstanceMapper;
import dev.resilint.live.twin.Trees;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DP05 on instances that the fake account's {@code DescribeInstances} reports with their launch
 * times: the rule judges them at a fixed scan time, so the findings do not depend on the day the
 * test runs.
 */
class InstanceTooOldLiveTest {

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    static final String ARN = "arn:aws:ec2:eu-west-1:111122223333:instance/";
    static final Clock SCAN = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private static Map<String, Object> instance(String id, String launched, String state, String group) {
        Map<String, Object> i = Trees.map("InstanceId", id, "InstanceType", "t3.small", "ImageId", "ami-1",
                "LaunchTime", launched, "State", Map.of("Name", state, "Code", 16),
                "Placement", Map.of("AvailabilityZone", "eu-west-1a"), "SubnetId", "subnet-a");
        if (group != null) {
            i.put("Tags", List.of(Map.of("Key", "aws:autoscaling:groupName", "Value", group)));
        }
        return i;
    }

    private static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeInstances", List.of(Trees.map("ReservationId", "r-1", "OwnerId", ACCOUNT,
                "Instances", List.of(
                        instance("i-old", "2026-01-15T08:30:00Z", "running", null),
                        instance("i-edge", "2026-06-04T12:00:00Z", "stopped", null),
                        instance("i-new", "2026-11-01T00:00:00Z", "running", null),
                        instance("i-asg", "2025-01-01T00:00:00Z", "running", "web"),
                        instance("i-gone", "2024-01-01T00:00:00Z", "terminated", null)))));
    }

    private static OneScope read() {
        return OneScope.collect(FAKE, new Ec2Collector(), List.of(InstanceMapper.TYPE), false);
    }

    @Test
    void flagsStandaloneInstancesLaunchedLongerAgoThanTheMaximum() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Results results = read().run(Config.defaults(), List.of(), new InstanceTooOld(SCAN));
        assertThat(OneScope.findings(results)).containsExactly("DP05 " + ARN + "i-old");
        Finding f = results.findings().get(0);
        assertThat(f.message()).isEqualTo("EC2 instance i-old was launched on 2026-01-15, 320 days before the scan "
                + "(more than 180), so its image and configuration have drifted and its replacement is untested; "
                + "replace it from a current image, or run it in an Auto Scaling group with a maximum instance "
                + "lifetime");
        assertThat(OneScope.gaps(results)).isEmpty();
    }

    @Test
    void theMaximumComesFromTheConfiguration() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Config config = new Config(Optional.empty(), List.of(), List.of(), Map.of(),
                Map.of("DP05", Map.of(InstanceTooOld.MAXIMUM, 20)), List.of(), Optional.empty(), List.of(),
                TreeReader.DEFAULT_MAX_BYTES);
        Results results = read().run(config, List.of(), new InstanceTooOld(SCAN));
        assertThat(OneScope.findings(results)).containsExactly("DP05 " + ARN + "i-edge", "DP05 " + ARN + "i-new",
                "DP05 " + ARN + "i-old");
        assertThat(results.findings()).anySatisfy(f -> assertThat(f.message()).contains("i-new").contains("30 days")
                .contains("(more than 20)"));
    }

    @Test
    void deniedInstancesAreNotEvaluatedNamingTheScopeAndAction() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).on("ec2", "DescribeInstances"));
        Results results = read().run(Config.defaults(), List.of(), new InstanceTooOld(SCAN));
        assertThat(results.findings()).isEmpty();
        assertThat(OneScope.gaps(results)).containsExactly("DP05 AWS::EC2::Instance ACCESS_DENIED");
        NotEvaluated gap = results.notEvaluated().get(0);
        assertThat(gap.scope()).contains(ACCOUNT).contains(REGION);
        assertThat(gap.detail()).contains("DescribeInstances");
    }
}
