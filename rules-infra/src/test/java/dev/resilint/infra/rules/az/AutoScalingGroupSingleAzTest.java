package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoScalingGroupSingleAzTest {

    /** Subnets A and A2 in the first zone, B in the second, Floating without a zone. */
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Env: {Type: String}
              ZoneA: {Type: String, Default: eu-west-1a}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              A2: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [1, !GetAZs '']}}
              Floating: {Type: AWS::EC2::Subnet, Properties: {CidrBlock: 10.0.0.0/24}}
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
            """;

    private static List<Finding> check(String groupBody) {
        return Expect.findings(new AutoScalingGroupSingleAz(), NETWORK + groupBody.indent(4));
    }

    @Test
    void firesOnOneSubnetAndPointsAtVpcZoneIdentifier() {
        List<Finding> findings = check("""
                Properties:
                  MinSize: '2'
                  MaxSize: '4'
                  VPCZoneIdentifier: [!Ref A]  # expect AZ01
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ01");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Auto Scaling group Group runs in 1 Availability Zone (az[0]); "
                    + "spread VPCZoneIdentifier over subnets in at least 2 zones");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Group/Properties/VPCZoneIdentifier");
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void firesWhenEverySubnetIsInTheSameZone() {
        assertThat(check("Properties: {VPCZoneIdentifier: [!Ref A, !Ref A2]}  # expect AZ01")).hasSize(1);
    }

    @Test
    void firesOnOneZoneNameAndPointsAtAvailabilityZones() {
        List<Finding> findings = check("Properties: {AvailabilityZones: [!Ref ZoneA]}  # expect AZ01");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("(eu-west-1a)").contains("list at least 2 zones in AvailabilityZones");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Group/Properties/AvailabilityZones");
        });
        assertThat(check("Properties: {AvailabilityZones: [!Select [1, !GetAZs '']]}  # expect AZ01")).hasSize(1);
    }

    @Test
    void quietWhenTheGroupSpansTwoZones() {
        assertThat(check("Properties: {VPCZoneIdentifier: [!Ref A, !Ref B]}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: [!Ref A, !Ref A2, !Ref B]}")).isEmpty();
        assertThat(check("Properties: {AvailabilityZones: !GetAZs ''}")).isEmpty();
        assertThat(check("Properties: {AvailabilityZones: [eu-west-1a, eu-west-1b]}")).isEmpty();
    }

    @Test
    void vpcZoneIdentifierDecidesWhenBothAreSet() {
        assertThat(check("Properties: {AvailabilityZones: !GetAZs '', VPCZoneIdentifier: [!Ref A]}  # expect AZ01"))
                .singleElement().satisfies(f -> assertThat(((Location.Template) f.location()).logicalPath())
                        .endsWith("VPCZoneIdentifier"));
        assertThat(check("Properties: {AvailabilityZones: [eu-west-1a], VPCZoneIdentifier: [!Ref A, !Ref B]}"))
                .isEmpty();
    }

    @Test
    void quietWhenAnySubnetIsUnknown() {
        assertThat(check("Properties: {VPCZoneIdentifier: !Ref Subnets}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: [!ImportValue private-subnet-a]}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: [subnet-0abc]}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: [!Ref A, !Ref Floating]}")).isEmpty();
        assertThat(check("Properties: {AvailabilityZones: [!Ref Env]}")).isEmpty();
    }

    @Test
    void quietWithoutAnyZoneProperty() {
        assertThat(check("Properties: {LaunchTemplate: {LaunchTemplateId: lt-1, Version: '1'}}")).isEmpty();
    }

    @Test
    void conditionsCountOnlyWhenEveryBranchAgrees() {
        assertThat(check("Properties: {VPCZoneIdentifier: !If [Prod, [!Ref A, !Ref B], [!Ref A]]}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: !If [Prod, [!Ref A2], [!Ref A]]}  # expect AZ01")).hasSize(1);
        assertThat(check("Properties: {VPCZoneIdentifier: !If [Prod, [!Ref A], !Ref AWS::NoValue]}")).isEmpty();
        assertThat(check("Properties: {VPCZoneIdentifier: !If [Prod, [!Ref B], [!Ref A]]}  # expect AZ01"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("(az[1] or az[0], depending on conditions)"));
    }

    @Test
    void quietWhenTheGroupIsNeverCreated() {
        assertThat(check("Condition: Never\nProperties: {VPCZoneIdentifier: [!Ref A]}")).isEmpty();
        assertThat(check("Condition: Prod\nProperties: {VPCZoneIdentifier: [!Ref A]}  # expect AZ01")).hasSize(1);
    }

    @Test
    void judgesTemplatesWithTheSamTransform(@TempDir Path dir) {
        Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                  Subnet: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !Select [0, !GetAZs '']}}
                  Workers:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties: {MinSize: '1', MaxSize: '2', VPCZoneIdentifier: [!Ref Subnet]}  # expect AZ01
                """, "AZ01");
    }

    /** Subnets in zones given by name or by id, and a group over {@code subnets}; {@code marker} on its subnets line. */
    private static List<Finding> zoned(String subnets, String marker) {
        return Expect.findings(new AutoScalingGroupSingleAz(), """
                Resources:
                  Id1: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZoneId: use1-az1}}
                  Id1b: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZoneId: USE1-AZ1}}
                  Id2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZoneId: use1-az2}}
                  NameA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: us-east-1a}}
                  Group:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      MinSize: '2'
                      MaxSize: '4'
                      VPCZoneIdentifier: %s%s
                """.formatted(subnets, marker));
    }

    @Test
    void zoneIdsAreZonesToo() {
        assertThat(zoned("[!Ref Id1, !Ref Id2]", "")).isEmpty();
        assertThat(zoned("[!Ref Id1, !Ref Id1b]", "  # expect AZ01")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(use1-az1)"));
    }

    @Test
    void aZoneNameAndAZoneIdMayBeTheSameZoneSoNothingIsClaimed() {
        // us-east-1a is use1-az1 in one account and use1-az4 in another: neither one zone nor two is proved
        assertThat(zoned("[!Ref NameA, !Ref Id1]", "")).isEmpty();
        assertThat(zoned("[!Ref NameA, !Ref Id2]", "")).isEmpty();
    }
}
