package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancerSingleAzTest {

    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              LbType: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              A2: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
              Lb:
            """;

    private static List<Finding> check(String body) {
        return Expect.findings(new LoadBalancerSingleAz(), NETWORK + body.indent(4));
    }

    private static String v2(String properties) {
        return "Type: AWS::ElasticLoadBalancingV2::LoadBalancer\nProperties:\n" + properties.indent(2);
    }

    private static String classic(String properties) {
        return "Type: AWS::ElasticLoadBalancing::LoadBalancer\nProperties:\n" + properties.indent(2);
    }

    @Test
    void firesOnAnApplicationLoadBalancerInOneZoneAndPointsAtSubnets() {
        List<Finding> findings = check(v2("Scheme: internal\nSubnets: [!Ref A, !Ref A2]  # expect AZ02\n"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ02");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Application Load Balancer Lb serves 1 Availability Zone (az[0]); "
                    + "give it Subnets in at least 2 zones");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Lb/Properties/Subnets");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void firesOnANetworkLoadBalancerWithOneSubnetMapping() {
        assertThat(check(v2("Type: network\nSubnetMappings:  # expect AZ02\n"
                + "  - {SubnetId: !Ref B, AllocationId: eipalloc-1}\n")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("Network Load Balancer Lb serves 1 Availability Zone (az[1])");
                    assertThat(((Location.Template) f.location()).logicalPath())
                            .isEqualTo("Resources/Lb/Properties/SubnetMappings");
                });
        assertThat(check(v2("Type: network\n"
                + "SubnetMappings: [{SubnetId: !Ref A}, {SubnetId: !Ref A2}]  # expect AZ02\n"))).hasSize(1);
    }

    @Test
    void firesOnAClassicLoadBalancerInOneZone() {
        assertThat(check(classic("AvailabilityZones: [us-east-1a]  # expect AZ02\nListeners: []\n"))).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("Classic Load Balancer Lb serves 1 Availability "
                        + "Zone (us-east-1a); list at least 2 zones in AvailabilityZones"));
        assertThat(check(classic("Subnets: [!Ref A]  # expect AZ02\n"))).hasSize(1);
    }

    @Test
    void quietWhenTheLoadBalancerSpansTwoZones() {
        assertThat(check(v2("Subnets: [!Ref A, !Ref B]\n"))).isEmpty();
        assertThat(check(v2("Type: network\nSubnetMappings: [{SubnetId: !Ref A}, {SubnetId: !Ref B}]\n"))).isEmpty();
        assertThat(check(classic("AvailabilityZones: !GetAZs ''\n"))).isEmpty();
        assertThat(check(classic("Subnets: [!Ref A, !Ref B]\n"))).isEmpty();
    }

    @Test
    void gatewayLoadBalancersAreNotJudged() {
        assertThat(check(v2("Type: gateway\nSubnets: [!Ref A]\n"))).isEmpty();
        assertThat(check(v2("Type: !If [Prod, gateway, network]\nSubnets: [!Ref A]\n"))).isEmpty();
        assertThat(check(v2("Type: !If [Prod, application, network]\nSubnets: [!Ref A]  # expect AZ02\n")))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Load balancer Lb serves"));
    }

    @Test
    void quietWhenTheTypeOrAnySubnetIsUnknown() {
        assertThat(check(v2("Type: !Ref LbType\nSubnets: [!Ref A]\n"))).isEmpty();
        assertThat(check(v2("Subnets: !Ref Subnets\n"))).isEmpty();
        assertThat(check(v2("Subnets: [!Ref A, !ImportValue public-subnet-b]\n"))).isEmpty();
        assertThat(check(v2("SubnetMappings: [{SubnetId: !Ref A}, {SubnetId: !Select [0, !Ref Subnets]}]\n")))
                .isEmpty();
        assertThat(check(v2("SubnetMappings: [{SubnetId: !Ref A}, {SubnetId: !If [Prod, !Ref B, !Ref A]}]\n")))
                .isEmpty();
        assertThat(check(v2("Subnets: !If [Prod, [!Ref A, !Ref B], [!Ref A]]\n"))).isEmpty();
        assertThat(check(v2("Scheme: internal\n"))).isEmpty();
    }

    @Test
    void quietWhenTheLoadBalancerIsNeverCreated() {
        assertThat(check("Condition: Never\n" + v2("Subnets: [!Ref A]\n"))).isEmpty();
    }
}
