package dev.resilint.live.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.az.AutoScalingGroupSingleAz;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.autoscaling.AutoScalingGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

class LiveGraphsTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ASG_ARN = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web";

    private static LiveResource subnet(String id, String zone) {
        return SubnetMapper.map(SCOPE, Subnet.builder().subnetId(id).availabilityZone(zone)
                .subnetArn("arn:aws:ec2:eu-west-1:111122223333:subnet/" + id).vpcId("vpc-1").build());
    }

    private static LiveResource group(String subnets) {
        return AutoScalingGroupMapper.map(SCOPE, AutoScalingGroup.builder().autoScalingGroupName("web")
                .autoScalingGroupARN(ASG_ARN).minSize(2).maxSize(4).vpcZoneIdentifier(subnets).build());
    }

    private static Completeness complete(String... types) {
        Map<String, Optional<Completeness.Gap>> read = new java.util.HashMap<>();
        for (String t : types) {
            read.put(t, Optional.empty());
        }
        return Completeness.of(read, new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "not read"));
    }

    private static Results run(ResourceGraph graph) {
        Results results = new Results();
        GraphRules.run(new Engine(Config.defaults()), List.of(new AutoScalingGroupSingleAz()), graph, results);
        assertThat(results.problems()).isEmpty();
        return results;
    }

    @Test
    void aSubnetIdResolvesToTheCollectedSubnetAsARefDoes() {
        ResourceGraph graph = LiveGraphs.build(SCOPE, List.of(subnet("subnet-a", "eu-west-1a"),
                subnet("subnet-b", "eu-west-1b"), group("subnet-a")), complete(SubnetMapper.TYPE,
                        AutoScalingGroupMapper.TYPE));
        assertThat(graph.references().from(ASG_ARN)).extracting(References.Edge::to, References.Edge::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a", "Properties/VPCZoneIdentifier/0"));
        Results results = run(graph);
        assertThat(results.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ01");
            assertThat(f.message()).isEqualTo("Auto Scaling group web runs in 1 Availability Zone (eu-west-1a); "
                    + "spread VPCZoneIdentifier over subnets in at least 2 zones");
            assertThat(f.location()).isEqualTo(new Location.Live(ASG_ARN, "111122223333", "eu-west-1",
                    AutoScalingGroupMapper.TYPE));
        });
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void twoZonesAreQuietAndASubnetNotCollectedIsAPlainStringThatProvesNothing() {
        List<LiveResource> both = new ArrayList<>(List.of(subnet("subnet-a", "eu-west-1a"),
                subnet("subnet-b", "eu-west-1b")));
        both.add(group("subnet-a, subnet-b"));
        assertThat(run(LiveGraphs.build(SCOPE, both, complete(SubnetMapper.TYPE, AutoScalingGroupMapper.TYPE)))
                .findings()).isEmpty();
        ResourceGraph elsewhere = LiveGraphs.build(SCOPE, List.of(subnet("subnet-a", "eu-west-1a"),
                group("subnet-zzz")), complete(SubnetMapper.TYPE, AutoScalingGroupMapper.TYPE));
        Value zones = elsewhere.source().property(elsewhere.resource(ASG_ARN).orElseThrow(), "VPCZoneIdentifier/0");
        assertThat(zones.asString()).contains("subnet-zzz");
        assertThat(run(elsewhere).findings()).isEmpty();
    }

    @Test
    void aTypeThatCouldNotBeReadMakesTheRuleNotEvaluatedInsteadOfQuiet() {
        Map<String, Optional<Completeness.Gap>> read = new java.util.HashMap<>();
        read.put(AutoScalingGroupMapper.TYPE, Optional.empty());
        read.put(SubnetMapper.TYPE, Optional.of(new Completeness.Gap(NotEvaluated.Reason.ACCESS_DENIED,
                "DescribeSubnets: UnauthorizedOperation")));
        ResourceGraph graph = LiveGraphs.build(SCOPE, List.of(group("subnet-a")),
                Completeness.of(read, new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "not read")));
        Results results = run(graph);
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(g -> {
            assertThat(g.ruleId()).isEqualTo("AZ01");
            assertThat(g.scope()).isEqualTo("111122223333/eu-west-1");
            assertThat(g.resourceType()).isEqualTo(SubnetMapper.TYPE);
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.detail()).contains("UnauthorizedOperation");
        });
    }

    @Test
    void aDetailThatCouldNotBeReadMakesTheResourceNotEvaluated() {
        LiveResource unread = AutoScalingGroupMapper.map(SCOPE, AutoScalingGroup.builder()
                .autoScalingGroupName("web").autoScalingGroupARN(ASG_ARN).build())
                .withUnread(Value.unknown(Value.Reason.ACCESS_DENIED, "DescribeThing: AccessDenied"));
        ResourceGraph graph = LiveGraphs.build(SCOPE, List.of(subnet("subnet-a", "eu-west-1a"), unread),
                complete(SubnetMapper.TYPE, AutoScalingGroupMapper.TYPE));
        Results results = run(graph);
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(g -> {
            assertThat(g.subject()).isEqualTo(ASG_ARN);
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });
    }
}
