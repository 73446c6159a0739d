package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsgWithoutElbHealthCheckTest {

    private static List<Finding> check(String properties) {
        return check("", properties);
    }

    /** A group WebGroup with {@code properties} from line 15; {@code marker} goes on its Properties line (12). */
    private static List<Finding> check(String marker, String properties) {
        return Expect.findings(new AsgWithoutElbHealthCheck(), """
                Parameters:
                  Check: {Type: String}
                  Groups: {Type: CommaDelimitedList}
                Conditions:
                  Prod: !Equals [!Ref Check, prod]
                Resources:
                  Tg:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:%s
                      MinSize: '2'
                      MaxSize: '4'
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesWhenTheHealthCheckTypeIsUnsetAndPointsAtProperties() {
        assertThat(check("  # expect LB02", "TargetGroupARNs: [!Ref Tg]\n")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LB02");
            assertThat(f.message()).isEqualTo("Auto Scaling group WebGroup is attached to a load balancer but "
                    + "HealthCheckType is not set and defaults to EC2, so an instance that fails the load balancer's "
                    + "health check is never replaced; set HealthCheckType: ELB");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/WebGroup/Properties/HealthCheckType");
        });
    }

    @Test
    void firesOnEc2AndPointsAtTheKey() {
        List<Finding> findings = check("LoadBalancerNames: [web-clb]\nHealthCheckType: EC2  # expect LB02\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("HealthCheckType is EC2");
            assertThat(f.location().column()).isEqualTo(7);
        });
        assertThat(check("TrafficSources: [{Identifier: !Ref Tg}]\nHealthCheckType: EC2,EBS  # expect LB02\n"))
                .hasSize(1);
    }

    @Test
    void quietWithElbHealthChecks() {
        assertThat(check("TargetGroupARNs: [!Ref Tg]\nHealthCheckType: ELB\n")).isEmpty();
        assertThat(check("TargetGroupARNs: [!Ref Tg]\nHealthCheckType: 'EBS,ELB'\n")).isEmpty();
    }

    @Test
    void quietWhenNotAttached() {
        assertThat(check("")).isEmpty();
        assertThat(check("TargetGroupARNs: []\n")).isEmpty();
        assertThat(check("TrafficSources: [{Identifier: lattice-tg, Type: vpc-lattice}]\n")).isEmpty();
    }

    @Test
    void quietWhenUnknown() {
        assertThat(check("TargetGroupARNs: [!Ref Tg]\nHealthCheckType: !Ref Check\n")).isEmpty();
        assertThat(check("TargetGroupARNs: [!Ref Tg]\nHealthCheckType: !If [Prod, ELB, EC2]\n")).isEmpty();
        assertThat(check("TargetGroupARNs: !Ref Groups\n")).isEmpty();
        assertThat(check("TargetGroupARNs: !If [Prod, [!Ref Tg], []]\n")).isEmpty();
    }

    @Test
    void actsOnConditionsWhenEveryBranchAgrees() {
        assertThat(check("TargetGroupARNs: !If [Prod, [!Ref Tg], [web-tg-arn]]\n"
                + "HealthCheckType: !If [Prod, EC2, !Ref AWS::NoValue]  # expect LB02\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("whichever way its condition goes"));
    }

    @Test
    void skipsGroupsThatAreNeverCreated() {
        assertThat(Fixtures.findings(new AsgWithoutElbHealthCheck(), """
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Condition: Never
                    Properties: {MinSize: 2, MaxSize: 2, TargetGroupARNs: [arn]}
                """)).isEmpty();
    }
}
