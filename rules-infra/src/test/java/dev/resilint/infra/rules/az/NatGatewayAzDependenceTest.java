package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatGatewayAzDependenceTest {

    /** Public subnets PubA (zone 0) and PubB (zone 1), private PrivA (0), PrivB (1), PrivC (2), Floating (no zone). */
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Env: {Type: String}
              NatSubnet: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              PubA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              PubB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
              PrivA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              PrivB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
              PrivC: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [2, !GetAZs '']}}
              Floating: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.9.0/24}}
              NatA:
                Type: AWS::NatGateway
            """.replace("AWS::NatGateway", "AWS::EC2::NatGateway");

    /** NatA in {@code natSubnet} (line 19, {@code marker} there), then {@code rest}. */
    private static List<Finding> check(String natSubnet, String rest) {
        return Expect.findings(new NatGatewayAzDependence(), NETWORK
                + ("  Properties:\n    AllocationId: eipalloc-1\n    SubnetId: " + natSubnet + "\n" + rest).indent(2));
    }

    /** A route table {@code table} with a route through {@code nat} to {@code cidr}, associated with {@code subnets}. */
    private static String table(String table, String nat, String cidr, String routeAttributes, String... subnets) {
        StringBuilder out = new StringBuilder(table + ": {Type: AWS::EC2::RouteTable, Properties: {VpcId: vpc-1}}\n"
                + table + "Default:\n  Type: AWS::EC2::Route\n" + routeAttributes.indent(2)
                + "  Properties: {RouteTableId: !Ref " + table + ", DestinationCidrBlock: " + cidr
                + ", NatGatewayId: !Ref " + nat + "}\n");
        for (String subnet : subnets) {
            out.append(table).append(subnet).append(": {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: ")
                    .append("{RouteTableId: !Ref ").append(table).append(", SubnetId: !Ref ").append(subnet)
                    .append("}}\n");
        }
        return out.toString();
    }

    @Test
    void firesWhenSubnetsOfOtherZonesRouteThroughOneGateway() {
        List<Finding> findings = check("!Ref PubA  # expect AZ12",
                table("Private", "NatA", "0.0.0.0/0", "", "PrivA", "PrivB", "PrivC"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("NAT gateway NatA in az[0] is the internet route (0.0.0.0/0) of "
                    + "subnets in other Availability Zones: PrivB (az[1]), PrivC (az[2]); when az[0] fails they "
                    + "lose their egress too; give each zone its own NAT gateway and route its subnets through it");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/NatA/Properties/SubnetId");
            assertThat(loc.line()).isEqualTo(19);
            assertThat(loc.column()).isEqualTo(7);
        });
        // one table per subnet, all through the same gateway
        assertThat(check("!Ref PubA  # expect AZ12", table("RtA", "NatA", "0.0.0.0/0", "", "PrivA")
                + table("RtB", "NatA", "0.0.0.0/0", "", "PrivB"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("other Availability Zones: PrivB (az[1]);"));
    }

    @Test
    void firesWhenTheGatewayZoneIsUnknownButItsSubnetsSpanZones() {
        assertThat(check("!Ref NatSubnet  # expect AZ12", table("Private", "NatA", "0.0.0.0/0", "", "PrivA", "PrivB")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("NAT gateway NatA is the internet "
                        + "route").contains("when its zone fails"));
        assertThat(check("!Ref NatSubnet", table("Private", "NatA", "0.0.0.0/0", "", "PrivA"))).isEmpty();
    }

    @Test
    void quietWithOneGatewayPerZone() {
        assertThat(check("!Ref PubA", table("RtA", "NatA", "0.0.0.0/0", "", "PrivA")
                + "NatB: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: eipalloc-2, SubnetId: !Ref PubB}}\n"
                + table("RtB", "NatB", "0.0.0.0/0", "", "PrivB"))).isEmpty();
    }

    @Test
    void quietWhenZonesRoutesOrAssociationsCannotBeKnown() {
        assertThat(check("!Ref PubA", table("Private", "NatA", "0.0.0.0/0", "", "PrivA", "Floating"))).isEmpty();
        assertThat(check("!Ref PubA", table("Private", "NatA", "10.1.0.0/16", "", "PrivA", "PrivB"))).isEmpty();
        assertThat(check("!Ref PubA", table("Private", "NatA", "0.0.0.0/0", "Condition: Prod", "PrivA", "PrivB")))
                .isEmpty();
        assertThat(check("!Ref PubA", table("Private", "NatA", "0.0.0.0/0", "Condition: Never", "PrivA", "PrivB")))
                .isEmpty();
        assertThat(check("!Ref PubA", "Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: vpc-1}}\n"
                + "RtDefault: {Type: AWS::EC2::Route, DependsOn: NatA, Properties: {RouteTableId: !Ref Rt, "
                + "DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw-1}}\n"
                + "RtB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref Rt, "
                + "SubnetId: !Ref PrivB}}\n")).isEmpty();
    }

    @Test
    void quietWhenTheGatewayIsNeverCreated() {
        assertThat(Expect.findings(new NatGatewayAzDependence(), NETWORK + ("  Condition: Never\n  Properties: "
                + "{AllocationId: eipalloc-1, SubnetId: !Ref PubA}\n"
                + table("Private", "NatA", "0.0.0.0/0", "", "PrivB")).indent(2))).isEmpty();
    }
}
