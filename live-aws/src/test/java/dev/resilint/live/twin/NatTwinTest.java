package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two NAT gateways: Shared is the default route of private subnets in two zones, Own only of the
 * private subnet of its zone. AZ12 agrees between the template and the account.
 */
class NatTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String EC2 = "arn:aws:ec2:eu-west-1:111122223333:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              PubA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              PubB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              PrivA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a}}
              PrivB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.3.0/24, AvailabilityZone: eu-west-1b}}
              PrivC: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.4.0/24, AvailabilityZone: eu-west-1b}}
              Shared: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: eipalloc-1, SubnetId: !Ref PubA}}
              Own: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: eipalloc-2, SubnetId: !Ref PubB}}
              Private: {Type: AWS::EC2::RouteTable, Properties: {VpcId: vpc-1}}
              PrivateDefault:
                Type: AWS::EC2::Route
                Properties: {RouteTableId: !Ref Private, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Shared}
              PrivateA: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref Private, SubnetId: !Ref PrivA}}
              PrivateB: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref Private, SubnetId: !Ref PrivB}}
              Zonal: {Type: AWS::EC2::RouteTable, Properties: {VpcId: vpc-1}}
              ZonalDefault:
                Type: AWS::EC2::Route
                Properties: {RouteTableId: !Ref Zonal, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Own}
              ZonalC: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref Zonal, SubnetId: !Ref PrivC}}
            """;

    static Map<String, Object> subnet(String id, String zone) {
        return Map.of("SubnetId", id, "AvailabilityZone", zone, "VpcId", "vpc-1", "SubnetArn", EC2 + "subnet/" + id);
    }

    static Map<String, Object> association(String table, String id, String subnet) {
        return Map.of("RouteTableAssociationId", id, "RouteTableId", table, "SubnetId", subnet, "Main", false);
    }

    /** The same network as the account serves it. */
    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(subnet("subnet-pub-a", "eu-west-1a"), subnet("subnet-pub-b",
                "eu-west-1b"), subnet("subnet-priv-a", "eu-west-1a"), subnet("subnet-priv-b", "eu-west-1b"),
                subnet("subnet-priv-c", "eu-west-1b")));
        eu.items("ec2", "DescribeNatGateways", List.of(
                Map.of("NatGatewayId", "nat-shared", "SubnetId", "subnet-pub-a", "VpcId", "vpc-1", "State", "available"),
                Map.of("NatGatewayId", "nat-own", "SubnetId", "subnet-pub-b", "VpcId", "vpc-1", "State", "available")));
        eu.items("ec2", "DescribeRouteTables", List.of(
                Map.of("RouteTableId", "rtb-private", "VpcId", "vpc-1",
                        "Routes", List.of(Map.of("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", "nat-shared")),
                        "Associations", List.of(association("rtb-private", "rtbassoc-a", "subnet-priv-a"),
                                association("rtb-private", "rtbassoc-b", "subnet-priv-b"))),
                Map.of("RouteTableId", "rtb-zonal", "VpcId", "vpc-1",
                        "Routes", List.of(Map.of("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", "nat-own")),
                        "Associations", List.of(association("rtb-zonal", "rtbassoc-c", "subnet-priv-c")))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameNatFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Shared", EC2 + "natgateway/nat-shared").is("Own", EC2 + "natgateway/nat-own")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("AZ")).containsExactly("AZ12 Shared");
    }
}
