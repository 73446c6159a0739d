package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.ec2.NatGatewayMapper;
import dev.resilint.live.map.ec2.RouteTableMapper;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** NAT gateways and route tables (their routes and subnet associations inline), as AZ12 reads them live. */
class Ec2NatCollectorTest {

    static final String ACCOUNT = "410987654321";
    static final String REGION = "eu-west-3";
    static final String EC2 = "arn:aws:ec2:eu-west-3:410987654321:";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    static Map<String, Object> subnet(String id, String zone) {
        return Map.of("SubnetId", id, "AvailabilityZone", zone, "VpcId", "vpc-1");
    }

    /**
     * Public subnets pub-a and pub-b, private subnets priv-a and priv-b; nat-a in pub-a (nat-old deleted);
     * route table rtb-private sends 0.0.0.0/0 of both private subnets through nat-a; rtb-main is the main
     * table (implicit association only).
     */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("ec2", "DescribeSubnets", List.of(subnet("subnet-pub-a", "eu-west-3a"),
                subnet("subnet-pub-b", "eu-west-3b"), subnet("subnet-priv-a", "eu-west-3a"),
                subnet("subnet-priv-b", "eu-west-3b")));
        eu.items("ec2", "DescribeNatGateways", List.of(
                Map.of("NatGatewayId", "nat-a", "SubnetId", "subnet-pub-a", "VpcId", "vpc-1", "State", "available",
                        "ConnectivityType", "public"),
                Map.of("NatGatewayId", "nat-old", "SubnetId", "subnet-pub-b", "VpcId", "vpc-1", "State", "deleted"),
                Map.of("NatGatewayId", "nat-b", "SubnetId", "subnet-pub-b", "VpcId", "vpc-1", "State", "available")));
        eu.items("ec2", "DescribeRouteTables", List.of(
                Map.of("RouteTableId", "rtb-private", "VpcId", "vpc-1",
                        "Routes", List.of(Map.of("DestinationCidrBlock", "10.0.0.0/16", "GatewayId", "local"),
                                Map.of("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", "nat-a")),
                        "Associations", List.of(
                                Map.of("RouteTableAssociationId", "rtbassoc-a", "RouteTableId", "rtb-private",
                                        "SubnetId", "subnet-priv-a", "Main", false),
                                Map.of("RouteTableAssociationId", "rtbassoc-b", "RouteTableId", "rtb-private",
                                        "SubnetId", "subnet-priv-b", "Main", false))),
                Map.of("RouteTableId", "rtb-main", "VpcId", "vpc-1",
                        "Routes", List.of(Map.of("DestinationCidrBlock", "0.0.0.0/0", "GatewayId", "igw-1")),
                        "Associations", List.of(Map.of("RouteTableAssociationId", "rtbassoc-main",
                                "RouteTableId", "rtb-main", "Main", true))),
                Map.of("RouteTableId", "rtb-b", "VpcId", "vpc-1",
                        "Routes", List.of(Map.of("DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", "nat-b")))));
        return eu;
    }

    @Test
    void readsGatewaysTablesRoutesAndSubnetAssociationsOverPages() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new Ec2Collector(), ACCOUNT, REGION, false, NatGatewayMapper.TYPE,
                RouteTableMapper.TYPE, RouteTableMapper.ROUTE, RouteTableMapper.ASSOCIATION);

        assertThat(run.resources(NatGatewayMapper.TYPE)).extracting(r -> r.arn())
                .containsExactly(EC2 + "natgateway/nat-a", EC2 + "natgateway/nat-b");
        assertThat(run.resources(RouteTableMapper.TYPE)).hasSize(3);
        assertThat(run.resources(RouteTableMapper.ROUTE)).extracting(r -> r.arn()).containsExactly(
                EC2 + "route-table/rtb-private/route/10.0.0.0/16", EC2 + "route-table/rtb-private/route/0.0.0.0/0",
                EC2 + "route-table/rtb-main/route/0.0.0.0/0", EC2 + "route-table/rtb-b/route/0.0.0.0/0");
        assertThat(run.resources(RouteTableMapper.ASSOCIATION)).extracting(r -> r.arn()).containsExactly(
                EC2 + "route-table/rtb-private/association/rtbassoc-a",
                EC2 + "route-table/rtb-private/association/rtbassoc-b");
        assertThat(PropsText.of(run.resource(EC2 + "route-table/rtb-private/route/0.0.0.0/0").properties()))
                .contains("NatGatewayId: ref(AWS::EC2::NatGateway)\"nat-a\"");
        assertThat(run.completeness().get(NatGatewayMapper.TYPE)).isEmpty();
        assertThat(run.completeness().get(RouteTableMapper.ROUTE)).isEmpty();
        assertThat(FAKE.calls().count("ec2", "DescribeNatGateways")).isEqualTo(2);
        assertThat(FAKE.calls().count("ec2", "DescribeRouteTables")).isEqualTo(2);
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void az12FindsTheGatewayThatServesAnotherZone() {
        serve();

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(ScanOfOne.findings(results)).filteredOn(f -> f.startsWith("AZ12"))
                .containsExactly("AZ12 " + EC2 + "natgateway/nat-a");
        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("AZ12")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("NAT gateway nat-a in eu-west-3a is the internet "
                        + "route (0.0.0.0/0) of subnets in other Availability Zones: subnet-priv-b (eu-west-3b)"));
    }

    @Test
    void accessDeniedOnDescribeRouteTablesLeavesAz12NotEvaluated() {
        serve();
        FAKE.inject(Fault.error(new AwsError("UnauthorizedOperation", 403, "not allowed"))
                .on("ec2", "DescribeRouteTables"));

        ScanOfOne run = ScanOfOne.of(FAKE, new Ec2Collector(), ACCOUNT, REGION, false, NatGatewayMapper.TYPE,
                RouteTableMapper.TYPE, RouteTableMapper.ROUTE, RouteTableMapper.ASSOCIATION);
        for (String type : List.of(RouteTableMapper.TYPE, RouteTableMapper.ROUTE, RouteTableMapper.ASSOCIATION)) {
            assertThat(run.completeness().get(type)).hasValueSatisfying(g -> {
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
                assertThat(g.detail()).contains("DescribeRouteTables");
            });
        }
        assertThat(run.resources(NatGatewayMapper.TYPE)).hasSize(2);

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("AZ12"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ12")).isNotEmpty()
                .allSatisfy(n -> {
                    assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
                    assertThat(n.detail()).contains("DescribeRouteTables");
                    assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
                });
    }
}
