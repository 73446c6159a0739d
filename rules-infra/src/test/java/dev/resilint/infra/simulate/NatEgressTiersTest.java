package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NatEgressTiersTest {

    private static String routed(String table, String subnet, String nat) {
        return table + """
                :
                  Type: AWS::EC2::RouteTable
                  Properties: {VpcId: vpc-1}
                """ + table + """
                Default:
                  Type: AWS::EC2::Route
                  Properties: {RouteTableId: !Ref %1$s, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref %3$s}
                %1$sAssociation:
                  Type: AWS::EC2::SubnetRouteTableAssociation
                  Properties: {RouteTableId: !Ref %1$s, SubnetId: !Ref %2$s}
                """.formatted(table, subnet, nat);
    }

    private static final String NATS = """
            NatA:
              Type: AWS::EC2::NatGateway
              Properties: {SubnetId: !Ref SubnetA, AllocationId: eipalloc-1}
            NatB:
              Type: AWS::EC2::NatGateway
              Properties: {SubnetId: !Ref SubnetB, AllocationId: eipalloc-2}
            """;

    @Test
    void oneNatGatewayPerZoneLosesOnlyTheFailedZonesEgress() {
        StackSimulation stack = Simulate.stack(NATS + routed("TableA", "SubnetA2", "NatA") + routed("TableB", "SubnetB", "NatB"));
        Tier egress = Simulate.only(stack);
        assertThat(egress.name()).isEqualTo("NAT egress");
        assertThat(stack.outcome(egress, "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.outcome(egress, "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.SURVIVES);
    }

    @Test
    void subnetsOfTheOtherZoneThatRouteThroughTheFailedZonesNatGatewayLoseTheirEgress() {
        StackSimulation stack = Simulate.stack("""
                Nat:
                  Type: AWS::EC2::NatGateway
                  Properties: {SubnetId: !Ref SubnetA, AllocationId: eipalloc-1}
                """ + routed("Private", "SubnetA2", "Nat") + """
                PrivateBAssociation:
                  Type: AWS::EC2::SubnetRouteTableAssociation
                  Properties: {RouteTableId: !Ref Private, SubnetId: !Ref SubnetB}
                """);
        Tier egress = Simulate.only(stack);
        assertThat(egress.name()).isEqualTo("Nat");
        assertThat(stack.outcome(egress, "az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.outcome(egress, "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(egress.placement().note()).endsWith("routed across zones: SubnetB through Nat in az[0]");
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[0]: Nat (internet egress of its "
                + "subnets)");
    }

    @Test
    void aNatGatewayInASubnetOfUnknownZoneIsUnknown() {
        StackSimulation stack = Simulate.stack("""
                Parameters:
                  PublicSubnet: {Type: 'AWS::EC2::Subnet::Id'}
                """, """
                Nat:
                  Type: AWS::EC2::NatGateway
                  Properties: {SubnetId: !Ref PublicSubnet, AllocationId: eipalloc-1}
                """ + routed("Private", "SubnetB", "Nat"));
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        assertThat(Simulate.only(stack).placement().note())
                .isEqualTo("the zone of Nat: a parameter without a default (Ref PublicSubnet)");
    }
}
