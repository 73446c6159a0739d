package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoScalingGroupTiersTest {

    private static StackSimulation group(String properties) {
        return Simulate.stack("""
                Parameters:
                  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
                  Spread: {Type: String, AllowedValues: ['yes', 'no']}
                Conditions:
                  IsSpread: !Equals [!Ref Spread, 'yes']
                """, """
                Web:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                """ + properties.indent(4));
    }

    @Test
    void aGroupInOneZoneLosesEverythingThereAndSurvivesElsewhere() {
        StackSimulation stack = group("MinSize: '2'\nMaxSize: '4'\nVPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetA2]\n");
        Tier web = Simulate.only(stack);
        assertThat(web.placement().note()).isEqualTo("VPCZoneIdentifier: az[0]");
        assertThat(stack.zones()).containsExactly("az[0]");
        assertThat(stack.outcome(web, "az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.outcome(web, "az[1]")).isEqualTo(Outcome.SURVIVES);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[0]: Web (all instances)");
    }

    @Test
    void aGroupOverTwoZonesLosesCapacityInEach() {
        StackSimulation stack = group("MaxSize: '4'\nVPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]\n");
        assertThat(stack.outcome(Simulate.only(stack), "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.outcome(Simulate.only(stack), "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.SURVIVES);
    }

    @Test
    void aGroupOfAtMostOneInstanceLosesItWithWhicheverZoneItRunsIn() {
        StackSimulation stack = group("MaxSize: '1'\nVPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]\n");
        Tier web = Simulate.only(stack);
        assertThat(web.placement().kind()).isEqualTo(Placement.Kind.ONE_OF_ZONES);
        assertThat(stack.outcome(web, "az[0]")).isEqualTo(Outcome.UNKNOWN);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of the zone it runs in: Web (single instance)");
    }

    @Test
    void subnetsOfAParameterWithoutDefaultAreUnknownNeverSafe() {
        StackSimulation stack = group("MaxSize: '4'\nVPCZoneIdentifier: !Ref Subnets\n");
        Tier web = Simulate.only(stack);
        assertThat(web.placement().kind()).isEqualTo(Placement.Kind.UNKNOWN);
        assertThat(stack.zones()).containsExactly(StackSimulation.ANY_ZONE);
        assertThat(stack.outcome(web, StackSimulation.ANY_ZONE)).isEqualTo(Outcome.UNKNOWN);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.UNKNOWN);
        assertThat(stack.verdict().text()).isEqualTo("unknown: Web (VPCZoneIdentifier: a parameter without a default "
                + "(Ref Subnets))");
    }

    @Test
    void whenAConditionDecidesBetweenOneAndTwoZonesTheLossOfTheFirstIsUnknown() {
        StackSimulation stack = group("MaxSize: '4'\n"
                + "VPCZoneIdentifier: !If [IsSpread, [!Ref SubnetA, !Ref SubnetB], [!Ref SubnetA]]\n");
        Tier web = Simulate.only(stack);
        assertThat(stack.outcome(web, "az[0]")).isEqualTo(Outcome.UNKNOWN);
        assertThat(stack.outcome(web, "az[1]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.UNKNOWN);
    }

    @Test
    void everyZoneOfGetAzsLosesOnlyCapacity() {
        StackSimulation stack = group("MaxSize: '4'\nAvailabilityZones: !GetAZs ''\n");
        Tier web = Simulate.only(stack);
        assertThat(web.placement().kind()).isEqualTo(Placement.Kind.ALL_ZONES);
        assertThat(stack.outcome(web, StackSimulation.ANY_ZONE)).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.SURVIVES);
    }

    @Test
    void literalZoneNamesAreZonesOfTheirOwn() {
        StackSimulation stack = group("MaxSize: '4'\nAvailabilityZones: [eu-west-1a]\n");
        assertThat(stack.zones()).containsExactly("eu-west-1a");
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of eu-west-1a: Web (all instances)");
    }
}
