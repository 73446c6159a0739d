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

class HardcodedAvailabilityZoneTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Zone: {Type: 'AWS::EC2::AvailabilityZone::Name', Default: eu-west-1a}
              Env: {Type: String}
            Mappings:
              Zones:
                eu-west-1: {First: eu-west-1a}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new HardcodedAvailabilityZone(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnALiteralZoneAtIt() {
        List<Finding> findings = check("""
                Subnet:
                  Type: AWS::EC2::Subnet
                  Properties:
                    VpcId: vpc-1
                    AvailabilityZone: eu-west-1a  # expect AZ13
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("EC2 Subnet Subnet hard-codes the Availability Zone eu-west-1a in "
                    + "AvailabilityZone: zone names differ between accounts and regions; use !Select [i, !GetAZs ''] "
                    + "or a parameter of type AWS::EC2::AvailabilityZone::Name");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Subnet/Properties/AvailabilityZone");
            assertThat(loc.line()).isEqualTo(16);
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void firesOnEveryLiteralOfAListAndOnNestedAndZoneIdForms() {
        List<Finding> findings = check("""
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    MinSize: '2'
                    MaxSize: '4'
                    AvailabilityZones:
                      - us-east-1a  # expect AZ13
                      - !Select [1, !GetAZs '']
                      - us-east-1c  # expect AZ13
                Template:
                  Type: AWS::EC2::LaunchTemplate
                  Properties:
                    LaunchTemplateData:
                      Placement: {AvailabilityZone: use1-az4}  # expect AZ13
                Files:
                  Type: AWS::EFS::FileSystem
                  Properties: {AvailabilityZoneName: us-west-2-lax-1a}  # expect AZ13
                Cache:
                  Type: AWS::ElastiCache::CacheCluster
                  Properties:
                    CacheNodeType: cache.t4g.small
                    Engine: memcached
                    NumCacheNodes: 2
                    PreferredAvailabilityZones: [us-east-1a, us-east-1b]  # expect AZ13 AZ13
                """);
        assertThat(findings).extracting(f -> ((Location.Template) f.location()).logicalPath()).contains(
                "Resources/Group/Properties/AvailabilityZones/0", "Resources/Group/Properties/AvailabilityZones/2",
                "Resources/Template/Properties/LaunchTemplateData/Placement/AvailabilityZone");
    }

    @Test
    void quietOnFunctionsParametersAndMappings() {
        check("""
                ByGetAzs:
                  Type: AWS::EC2::Subnet
                  Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}
                ByParameter:
                  Type: AWS::EC2::Subnet
                  Properties: {VpcId: vpc-1, AvailabilityZone: !Ref Zone}
                ByMapping:
                  Type: AWS::EC2::Subnet
                  Properties: {VpcId: vpc-1, AvailabilityZone: !FindInMap [Zones, !Ref 'AWS::Region', First]}
                ByCondition:
                  Type: AWS::EC2::Subnet
                  Properties: {VpcId: vpc-1, AvailabilityZone: !If [Prod, eu-west-1a, eu-west-1b]}
                BySelect:
                  Type: AWS::EC2::Volume
                  Properties: {Size: 10, AvailabilityZone: !Select [0, [eu-west-1a, eu-west-1b]]}
                Targets:
                  Type: AWS::ElasticLoadBalancingV2::TargetGroup
                  Properties:
                    TargetType: ip
                    Targets: [{Id: 10.1.0.1, AvailabilityZone: all}]
                NotAZone:
                  Type: AWS::EC2::Instance
                  Properties: {ImageId: ami-12345678, Tags: [{Key: AvailabilityZone, Value: eu-west-1a}]}
                """);
    }

    @Test
    void quietWhenTheResourceIsNeverCreated() {
        check("""
                Subnet:
                  Type: AWS::EC2::Subnet
                  Condition: Never
                  Properties: {VpcId: vpc-1, AvailabilityZone: eu-west-1a}
                Other:
                  Type: AWS::EC2::Subnet
                  Condition: Prod
                  Properties: {VpcId: vpc-1, AvailabilityZone: eu-west-1b}  # expect AZ13
                """);
    }

    @Test
    void skipsTemplatesWithCdkMetadata() {
        check("""
                CdkMetadata:
                  Type: AWS::CDK::Metadata
                Subnet:
                  Type: AWS::EC2::Subnet
                  Properties: {VpcId: vpc-1, AvailabilityZone: eu-west-1a}
                """);
    }

    @Test
    void skipsResourcesSynthesizedByCdkAndJudgesSamTemplates(@TempDir Path dir) {
        Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                  FromCdk:
                    Type: AWS::EC2::Subnet
                    Metadata: {'aws:cdk:path': Stack/Vpc/PrivateSubnet1/Subnet}
                    Properties: {VpcId: vpc-1, AvailabilityZone: eu-west-1a}
                  Written:
                    Type: AWS::EC2::Subnet
                    Properties: {VpcId: vpc-1, AvailabilityZone: eu-west-1b}  # expect AZ13
                """, "AZ13");
    }
}
