package dev.resilint.infra.rules.lb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsgWithoutElbHealthCheckTest {

    private static List<Finding> check(String properties) {
        return Fixtures.findings(new AsgWithoutElbHealthCheck(), """
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
                    Properties:
                      MinSize: '2'
                      MaxSize: '4'
                """ + properties.indent(6));
    }

    @Test
    void firesWhenTheHealthCheckTypeIsUnsetAndPointsAtProperties() {
        assertThat(check("TargetGroupARNs: [!Ref Tg]\n")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("LB02");
            assertThat(f.message()).isEqualTo("Auto Scaling group WebGroup is attached to a load balancer but "
                    + "HealthCheckType is not set and defaults to EC2, so an instance that fails the load balancer's "
                    + "health check is never replaced; set HealthCheckType: ELB");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/WebGroup/Properties/HealthCheckType");
            assertThat(loc.line()).isEqualTo(12);
        });
    }

    @Test
    void firesOnEc2AndPointsAtTheKey() {
        assertThat(check("LoadBalancerNames: [web-clb]\nHealthCheckType: EC2\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("HealthCheckType is EC2");
            assertThat(f.location().line()).isEqualTo(16);
            assertThat(f.location().column()).isEqualTo(7);
        });
        assertThat(check("TrafficSources: [{Identifier: !Ref Tg}]\nHealthCheckType: EC2,EBS\n")).hasSize(1);
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
                + "HealthCheckType: !If [Prod, EC2, !Ref AWS::NoValue]\n"))
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
