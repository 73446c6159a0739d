package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.twin.Scans;
import dev.resilint.live.twin.WebTierTwinTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scan of the web tier account with faults injected: each fault gives the right gap, with its cause,
 * and every finding that does not depend on the missing data is still there.
 */
class ScanFaultsTest {

    static final String ACCOUNT = WebTierTwinTest.ACCOUNT;
    static final String REGION = WebTierTwinTest.REGION;
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    /** The findings of a clean scan, as {@code ruleId arn} lines. */
    static Set<String> clean;

    @BeforeEach
    void account() {
        WebTierTwinTest.serve(FAKE.account(ACCOUNT).region(REGION));
        if (clean == null) {
            clean = lines(scan());
            FAKE.reset();
            WebTierTwinTest.serve(FAKE.account(ACCOUNT).region(REGION));
        }
    }

    private static Results scan() {
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(results.problems()).isEmpty();
        return results;
    }

    private static Set<String> lines(Results results) {
        return results.findings().stream().map(ScanFaultsTest::line).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String line(Finding f) {
        return f.ruleId() + " " + ((Location.Live) f.location()).arn();
    }

    /** The gaps as {@code ruleId type reason} lines. */
    private static Set<String> gaps(Results results) {
        return results.notEvaluated().stream().map(g -> g.ruleId() + " " + g.resourceType() + " " + g.reason().label()
                + (g.subject().isEmpty() ? "" : " " + g.subject())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> without(Set<String> lines, String... ruleIds) {
        List<String> ids = List.of(ruleIds);
        return lines.stream().filter(l -> !ids.contains(l.substring(0, 4))).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aCleanScanHasTheWebTierFindingsAndNoGap() {
        Results results = scan();
        assertThat(results.notEvaluated()).isEmpty();
        assertThat(clean).hasSize(9);
    }

    @Test
    void accessDeniedOnAListCallMakesTheRulesThatReadTheTypeNotEvaluatedAndNothingElse() {
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).on("ec2", "DescribeSubnets"));
        Results results = scan();
        assertThat(gaps(results)).containsExactly("AZ01 AWS::EC2::Subnet access-denied",
                "AZ02 AWS::EC2::Subnet access-denied", "AZ03 AWS::EC2::Subnet access-denied",
                "AZ07 AWS::EC2::Subnet access-denied", "AZ08 AWS::EC2::Subnet access-denied",
                "AZ11 AWS::EC2::Subnet access-denied", "AZ12 AWS::EC2::Subnet access-denied");
        assertThat(results.notEvaluated().get(0).detail()).contains("DescribeSubnets").contains("UnauthorizedOperation");
        assertThat(lines(results)).isEqualTo(without(clean, "AZ01", "AZ02", "AZ03", "AZ07", "AZ08", "AZ11", "AZ12"));
    }

    @Test
    void accessDeniedOnADetailCallKeepsTheResourceForTheRulesThatDoNotNeedTheDetail() {
        FAKE.inject(Fault.error("AccessDenied", 403).on("elbv2", "DescribeLoadBalancerAttributes"));
        Results results = scan();
        // the attributes are unknown: DR02 cannot judge deletion protection, LB03 the NLB's cross-zone
        // setting (an ALB needs no attribute for LB03); AZ02 and AZ03 still judge both
        assertThat(gaps(results)).containsExactly(
                "DR02 AWS::ElasticLoadBalancingV2::LoadBalancer access-denied " + WebTierTwinTest.ALB,
                "DR02 AWS::ElasticLoadBalancingV2::LoadBalancer access-denied " + WebTierTwinTest.NLB,
                "LB03 AWS::ElasticLoadBalancingV2::LoadBalancer access-denied " + WebTierTwinTest.NLB);
        Set<String> expected = new TreeSet<>(clean);
        expected.removeAll(List.of("LB03 " + WebTierTwinTest.NLB, "DR02 " + WebTierTwinTest.ALB,
                "DR02 " + WebTierTwinTest.NLB));
        assertThat(lines(results)).isEqualTo(expected);
    }

    @Test
    void throttlingOnAFifthOfTheCallsIsRetriedAwayCompletely() {
        Fault throttle = FAKE.inject(Fault.throttle(0.2, 3));
        Results results = scan();
        assertThat(results.notEvaluated()).isEmpty();
        assertThat(lines(results)).isEqualTo(clean);
        long calls = FAKE.calls().calls().size();
        assertThat(throttle.fired()).as("throttled of %s calls", calls).isPositive();
        assertThat(FAKE.calls().calls(c -> c.status() >= 400).size()).isEqualTo(throttle.fired());
    }

    @Test
    void aServerErrorThatLastsIsAnErrorGapAndOneThatPassesIsRetried() {
        FAKE.inject(Fault.error("InternalFailure", 500).on("elbv2", "DescribeTargetGroups"));
        Results failing = scan();
        assertThat(gaps(failing)).containsExactly("AZ03 AWS::ElasticLoadBalancingV2::TargetGroup error",
                "LB01 AWS::ElasticLoadBalancingV2::TargetGroup error", "LB04 AWS::ElasticLoadBalancingV2::TargetGroup error",
                "LB05 AWS::ElasticLoadBalancingV2::TargetGroup error", "SC01 AWS::ElasticLoadBalancingV2::TargetGroup error");
        assertThat(lines(failing)).isEqualTo(without(clean, "AZ03"));

        FAKE.clearFaults();
        FAKE.inject(Fault.error("ServiceUnavailable", 503).on("elbv2", "DescribeTargetGroups").times(2));
        Results recovered = scan();
        assertThat(recovered.notEvaluated()).isEmpty();
        assertThat(lines(recovered)).isEqualTo(clean);
    }

    @Test
    void aRegionThatIsNotEnabledIsARegionDisabledGapWhileTheOthersAreJudged() {
        FAKE.account(ACCOUNT).disableRegion("ap-east-1");
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION, "ap-east-1"));
        assertThat(results.problems()).isEmpty();
        assertThat(results.notEvaluated()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.scope()).isEqualTo(ACCOUNT + "/ap-east-1");
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.REGION_DISABLED);
        });
        assertThat(results.notEvaluated()).extracting(NotEvaluated::ruleId).contains("AZ01", "AZ02", "AZ03", "LB02",
                "LB03");
        assertThat(lines(results)).isEqualTo(clean);
    }

    @Test
    void aPaginationTokenThatRepeatsEndsTheListingAsAnErrorInsteadOfLooping() {
        FAKE.inject(Fault.repeatingToken().on("autoscaling", "DescribeAutoScalingGroups"));
        Results results = scan();
        assertThat(gaps(results)).containsExactly("AZ01 AWS::AutoScaling::AutoScalingGroup error",
                "AZ03 AWS::AutoScaling::AutoScalingGroup error", "LB01 AWS::AutoScaling::AutoScalingGroup error",
                "LB02 AWS::AutoScaling::AutoScalingGroup error", "SC01 AWS::AutoScaling::AutoScalingGroup error",
                "SC02 AWS::AutoScaling::AutoScalingGroup error");
        assertThat(results.notEvaluated().get(0).detail()).contains("same pagination token twice");
        assertThat(lines(results)).isEqualTo(without(clean, "AZ01", "AZ03", "LB02"));
    }

    @Test
    void aResponseThatCannotBeParsedIsAnErrorGap() {
        FAKE.inject(Fault.malformedBody().on("elb", "DescribeLoadBalancers"));
        Results results = scan();
        // DR05 reads classic load balancers too (their access-log buckets are exempt)
        assertThat(gaps(results)).containsExactly("AZ02 AWS::ElasticLoadBalancing::LoadBalancer error",
                "AZ03 AWS::ElasticLoadBalancing::LoadBalancer error", "DR05 AWS::ElasticLoadBalancing::LoadBalancer error",
                "LB01 AWS::ElasticLoadBalancing::LoadBalancer error", "LB03 AWS::ElasticLoadBalancing::LoadBalancer error",
                "LB05 AWS::ElasticLoadBalancing::LoadBalancer error", "SC01 AWS::ElasticLoadBalancing::LoadBalancer error");
        assertThat(lines(results)).isEqualTo(without(clean, "AZ02", "AZ03", "LB03", "LB05"));
    }
}
