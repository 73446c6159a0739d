package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancerAsgZoneMismatchTest {

    /** Subnets A, B and C in the first three zones; the group's subnets and the listener vary. */
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
              C: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [2, !GetAZs '']}}
              Lb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Subnets: %s
              Tg:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}
            %s
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '2'
                  MaxSize: '4'
                  VPCZoneIdentifier: %s
                  TargetGroupARNs: [!Ref Tg]
            """;

    /** The resources between the target group and the group, indented as entries of Resources. */
    private static final String LISTENER = """
              Listener:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Lb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]
            """;

    /** The findings; a finding on the group's VPCZoneIdentifier is marked in {@code groupSubnets}. */
    private static List<Finding> check(String lbSubnets, String listener, String groupSubnets) {
        return Expect.findings(new LoadBalancerAsgZoneMismatch(),
                TEMPLATE.formatted(lbSubnets, listener.stripTrailing(), groupSubnets));
    }

    private static List<Finding> check(String lbSubnets, String groupSubnets) {
        return check(lbSubnets, LISTENER, groupSubnets);
    }

    @Test
    void firesWhenTheLoadBalancerServesAZoneWithoutInstancesAndPointsAtVpcZoneIdentifier() {
        assertThat(check("[!Ref A, !Ref B]", "[!Ref A]  # expect AZ03")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ03");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("Auto Scaling group Group runs in az[0] but its load balancer Lb serves "
                    + "az[0], az[1]: the load balancer serves az[1], where the group has no instances; make the "
                    + "group's VPCZoneIdentifier and the load balancer's Subnets cover the same zones");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Group/Properties/VPCZoneIdentifier");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void firesWhenInstancesRunInAZoneTheLoadBalancerDoesNotServe() {
        assertThat(check("[!Ref A, !Ref B]", "[!Ref A, !Ref B, !Ref C]  # expect AZ03")).singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("the group's instances in az[2] get no traffic from the load balancer"));
        assertThat(check("[!Ref A, !Ref B]", "[!Ref A, !Ref C]  # expect AZ03")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("serves az[1], where the group has no instances; "
                        + "the group's instances in az[2]"));
    }

    @Test
    void quietWhenTheZonesMatch() {
        assertThat(check("[!Ref A, !Ref B]", "[!Ref B, !Ref A]")).isEmpty();
        assertThat(check("[!Ref A]", "[!Ref A]")).isEmpty(); // AZ01 and AZ02 say what is wrong here
    }

    @Test
    void followsListenerRulesAndForwardConfig() {
        String viaRule = """
                  Listener:
                    Type: AWS::ElasticLoadBalancingV2::Listener
                    Properties:
                      LoadBalancerArn: !Ref Lb
                      Port: 80
                      DefaultActions: [{Type: fixed-response, FixedResponseConfig: {StatusCode: '404'}}]
                  Rule:
                    Type: AWS::ElasticLoadBalancingV2::ListenerRule
                    Properties:
                      ListenerArn: !Ref Listener
                      Priority: 1
                      Conditions: [{Field: path-pattern, Values: [/app/*]}]
                      Actions:
                        - Type: forward
                          ForwardConfig:
                            TargetGroups: [{TargetGroupArn: !Ref Tg, Weight: 1}]
                """;
        assertThat(check("[!Ref A, !Ref B]", viaRule, "[!Ref A]  # expect AZ03")).hasSize(1);
        String forwardConfig = LISTENER.replace("[{Type: forward, TargetGroupArn: !Ref Tg}]",
                "[{Type: forward, ForwardConfig: {TargetGroups: [{TargetGroupArn: !Ref Tg}]}}]");
        assertThat(check("[!Ref A, !Ref B]", forwardConfig, "[!Ref A]  # expect AZ03")).hasSize(1);
    }

    @Test
    void followsClassicLoadBalancerNames() {
        assertThat(Expect.findings(new LoadBalancerAsgZoneMismatch(), """
                Resources:
                  Elb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties:
                      AvailabilityZones: [us-east-1a, us-east-1b]
                      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      AvailabilityZones: [us-east-1a, us-east-1c]  # expect AZ03
                      LoadBalancerNames: [!Ref Elb]
                      MinSize: '2'
                      MaxSize: '2'
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("runs in us-east-1a, us-east-1c but its load balancer Elb serves "
                            + "us-east-1a, us-east-1b").contains("load balancer's Subnets or AvailabilityZones");
                    assertThat(((Location.Template) f.location()).logicalPath()).endsWith("AvailabilityZones");
                });
    }

    @Test
    void quietWhenEitherZoneSetIsUnknown() {
        assertThat(check("!Ref Subnets", "[!Ref A]")).isEmpty();
        assertThat(check("[!Ref A, !Ref B]", "!Ref Subnets")).isEmpty();
        assertThat(check("[!Ref A, !Ref B]", "!If [Prod, [!Ref A, !Ref B], [!Ref A]]")).isEmpty();
        assertThat(check("[us-east-1a, !Ref B]", "[!Ref A]")).isEmpty();
    }

    @Test
    void quietWhenZonesCannotBeCompared() {
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), """
                Resources:
                  Elb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties: {AvailabilityZones: !GetAZs ''}
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {AvailabilityZones: [us-east-1a], LoadBalancerNames: [!Ref Elb], MinSize: 1, MaxSize: 1}
                """)).isEmpty();
    }

    @Test
    void quietWhenEitherSideIsEveryZoneOfTheRegion() {
        String template = """
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
                  C: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [2, !GetAZs '']}}
                  Elb:
                    Type: AWS::ElasticLoadBalancing::LoadBalancer
                    Properties: {%s}
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {%s, LoadBalancerNames: [!Ref Elb], MinSize: '2', MaxSize: '2'}
                """;
        // Fn::GetAZs lists every zone of the region, however many there are
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), template.formatted(
                "Subnets: [!Ref A, !Ref B, !Ref C]", "AvailabilityZones: !GetAZs ''"))).isEmpty();
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), template.formatted(
                "AvailabilityZones: !GetAZs ''", "VPCZoneIdentifier: [!Ref A, !Ref B]"))).isEmpty();
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), template.formatted(
                "AvailabilityZones: [!Select [0, !GetAZs ''], !Select [1, !GetAZs '']]",
                "VPCZoneIdentifier: [!Ref A, !Ref B, !Ref C]"))).hasSize(1);
    }

    @Test
    void quietWhenTheAttachmentIsNotProvable() {
        String conditionalListener = LISTENER.replace("    Type: AWS::ElasticLoadBalancingV2::Listener\n",
                "    Type: AWS::ElasticLoadBalancingV2::Listener\n    Condition: Prod\n");
        assertThat(check("[!Ref A, !Ref B]", conditionalListener, "[!Ref A]")).isEmpty();
        String conditionalAction = LISTENER.replace("TargetGroupArn: !Ref Tg",
                "TargetGroupArn: !If [Prod, !Ref Tg, !Ref AWS::NoValue]");
        assertThat(check("[!Ref A, !Ref B]", conditionalAction, "[!Ref A]")).isEmpty();
        String otherTargetGroup = LISTENER.replace("TargetGroupArn: !Ref Tg", "TargetGroupArn: arn:aws:tg/other")
                + "      Tags: [{Key: uses, Value: !Ref Tg}]\n";
        assertThat(check("[!Ref A, !Ref B]", otherTargetGroup, "[!Ref A]")).isEmpty();
    }

    @Test
    void sharedConditionsKeepTheChain() {
        String listener = LISTENER.replace("    Type: AWS::ElasticLoadBalancingV2::Listener\n",
                "    Type: AWS::ElasticLoadBalancingV2::Listener\n    Condition: Prod\n");
        String template = TEMPLATE.formatted("[!Ref A, !Ref B]", listener.stripTrailing(), "[!Ref A]").replace("""
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                """, """
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Condition: Prod
                """);
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), template)).hasSize(1);
        assertThat(Fixtures.findings(new LoadBalancerAsgZoneMismatch(), template.replace("Condition: Prod\n    Prop",
                "Condition: Never\n    Prop"))).isEmpty();
    }
}
