package dev.resilint.infra.cfn.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.Fixtures;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value.Reason;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Availability zones through {@code Fn::GetAZs}, {@code Fn::Select}, subnets and parameters. */
class AvailabilityZonesTest {
    private static AzSet subnetZones(String template, String resource, String property) {
        ResourceGraph graph = Fixtures.graph(template);
        GraphView e = Fixtures.view(graph, "AWS::EC2::Subnet", "AWS::X::Y", "AWS::AutoScaling::AutoScalingGroup");
        return e.zonesOfSubnets(e.property(graph.resource(resource).orElseThrow(), property));
    }

    @Test
    void sameZoneWrittenTwoWaysCountsOnce() {
        AzSet zones = subnetZones("""
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select ['0', !GetAZs {Ref: AWS::Region}]}}
                  G:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {VPCZoneIdentifier: [!Ref A, !Ref B]}
                """, "G", "VPCZoneIdentifier");
        assertThat(zones.isKnown()).isTrue();
        assertThat(zones.exact()).contains(Set.of("az[0]"));
        assertThat(zones.maxCount()).isEqualTo(1);
    }

    @Test
    void twoZonesThroughGetAttAndParameterDefaults() {
        AzSet zones = subnetZones("""
                Parameters:
                  ZoneB: {Type: String, Default: us-east-1b}
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
                  B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Ref ZoneB}}
                  C: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !GetAtt A.AvailabilityZone}}
                  G:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {VPCZoneIdentifier: [!Ref A, !Ref B, !Ref C]}
                """, "G", "VPCZoneIdentifier");
        assertThat(zones.exact()).contains(Set.of("us-east-1a", "us-east-1b"));
    }

    @Test
    void unknownWhenAnySubnetCannotBeResolved() {
        String base = """
                Parameters:
                  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  Floating: {Type: AWS::EC2::Subnet, Properties: {CidrBlock: 10.0.0.0/24}}
                  G:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {VPCZoneIdentifier: %s}
                """;
        assertThat(subnetZones(base.formatted("!Ref Subnets"), "G", "VPCZoneIdentifier").isKnown()).isFalse();
        assertThat(subnetZones(base.formatted("[!Ref A, subnet-0abc]"), "G", "VPCZoneIdentifier").isKnown()).isFalse();
        assertThat(subnetZones(base.formatted("[!Ref A, !Ref Floating]"), "G", "VPCZoneIdentifier").unknown())
                .hasValueSatisfying(u -> assertThat(u.detail()).contains("AWS picks one"));
        assertThat(subnetZones(base.formatted("[!Ref A, !ImportValue other-subnet]"), "G", "VPCZoneIdentifier")
                .unknown()).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo(Reason.IMPORT));
    }

    @Test
    void zoneNamesAndGetAzsLists() {
        ResourceGraph graph = Fixtures.graph("""
                Resources:
                  G:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      AvailabilityZones: !GetAZs ''
                      A: [us-east-1a]
                      B: [us-east-1a, !Select [1, !GetAZs '']]
                      C: [!Select [0, !GetAZs us-west-2], !Select [2, !GetAZs us-west-2]]
                """);
        GraphView e = Fixtures.view(graph, graph.resource("G").orElseThrow().type());
        Resource g = graph.resource("G").orElseThrow();
        assertThat(e.zonesOfZoneNames(e.property(g, "AvailabilityZones")).minCount()).isEqualTo(2);
        assertThat(e.zonesOfZoneNames(e.property(g, "A")).exact()).contains(Set.of("us-east-1a"));
        assertThat(e.zonesOfZoneNames(e.property(g, "B")).isKnown()).isFalse(); // literal mixed with symbolic
        assertThat(e.zonesOfZoneNames(e.property(g, "C")).exact())
                .contains(Set.of("az[0]@us-west-2", "az[2]@us-west-2"));
    }

    @Test
    void conditionalSubnetListsWhoseBranchesAgree() {
        AzSet zones = subnetZones("""
                Parameters:
                  Free: {Type: String}
                Conditions:
                  Big: !Equals [!Ref Free, big]
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
                  G:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {VPCZoneIdentifier: !If [Big, [!Ref A], [!Ref B]]}
                """, "G", "VPCZoneIdentifier");
        assertThat(zones.isKnown()).isTrue();
        assertThat(zones.exact()).isEmpty(); // two different possibilities...
        assertThat(zones.maxCount()).isEqualTo(1); // ...that agree: one zone either way
    }

    @Test
    void zoneIdsCountAsZonesAndANameWithAnIdIsUnknown() {
        String template = """
                Resources:
                  Id1: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZoneId: use1-az1}}
                  Id2: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZoneId: use1-az2}}
                  NameA: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}
                  G:
                    Type: AWS::X::Y
                    Properties:
                      Ids: [!Ref Id1, !Ref Id2]
                      Mixed: [!Ref NameA, !Ref Id1]
                """;
        assertThat(subnetZones(template, "G", "Ids").exact()).contains(Set.of("use1-az1", "use1-az2"));
        AzSet mixed = subnetZones(template, "G", "Mixed");
        assertThat(mixed.isKnown()).isFalse();
        assertThat(mixed.unknown().orElseThrow().detail()).contains("zone names mixed with zone ids");
    }
}
