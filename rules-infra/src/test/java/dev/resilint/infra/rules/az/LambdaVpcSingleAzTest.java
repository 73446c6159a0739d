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

class LambdaVpcSingleAzTest {

    /** Subnets A and A2 in the first zone, B in the second, Floating without a zone. */
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              A2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
              Floating: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}}
              Fn:
                Type: AWS::Lambda::Function
            """;

    /** The function Fn with {@code attributes} and a VpcConfig of {@code subnets} on line 22. */
    private static List<Finding> check(String attributes, String subnets) {
        return Expect.findings(new LambdaVpcSingleAz(), NETWORK + (attributes + """
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/fn
                  Code: {ZipFile: 'def handler(e, c): pass'}
                  VpcConfig:
                    SecurityGroupIds: [sg-1]
                    SubnetIds: %s
                """.formatted(subnets)).indent(4));
    }

    private static List<Finding> check(String subnets) {
        return check("", subnets);
    }

    @Test
    void firesWhenEverySubnetIsInOneZone() {
        List<Finding> findings = check("[!Ref A, !Ref A2]  # expect AZ07");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ07");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Lambda function Fn runs in 1 Availability Zone (az[0]): every subnet "
                    + "of its VpcConfig is in that zone, so the function stops when the zone fails; add subnets in "
                    + "at least 2 zones to VpcConfig SubnetIds");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Fn/Properties/VpcConfig/SubnetIds");
            assertThat(loc.line()).isEqualTo(22);
            assertThat(loc.column()).isEqualTo(9);
        });
        assertThat(check("[!Ref B]  # expect AZ07")).hasSize(1);
    }

    @Test
    void quietOverTwoZones() {
        assertThat(check("[!Ref A, !Ref B]")).isEmpty();
        assertThat(check("[!Ref A, !Ref A2, !Ref B]")).isEmpty();
    }

    @Test
    void quietOutsideAVpc() {
        assertThat(check("[]")).isEmpty();
        assertThat(check("!If [Prod, [!Ref A], []]")).isEmpty();
        assertThat(check("!If [Prod, [!Ref A], !Ref AWS::NoValue]")).isEmpty();
    }

    @Test
    void quietWhenASubnetOrZoneCannotBeKnown() {
        assertThat(check("!Ref Subnets")).isEmpty();
        assertThat(check("[!ImportValue private-a]")).isEmpty();
        assertThat(check("[subnet-0abc]")).isEmpty();
        assertThat(check("[!Ref A, !Ref Floating]")).isEmpty();
    }

    @Test
    void conditionsCountOnlyWhenEveryBranchAgrees() {
        assertThat(check("!If [Prod, [!Ref A, !Ref B], [!Ref A]]")).isEmpty();
        assertThat(check("!If [Prod, [!Ref B], [!Ref A]]  # expect AZ07")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(az[1] or az[0], depending on conditions)"));
    }

    @Test
    void quietWhenTheFunctionIsNeverCreated() {
        assertThat(check("Condition: Never\n", "[!Ref A]")).isEmpty();
        assertThat(check("Condition: Prod\n", "[!Ref A]  # expect AZ07")).hasSize(1);
    }

    @Test
    void judgesSamFunctionsAndTheirGlobals(@TempDir Path dir) {
        // SAM appends a function's SubnetIds to those of Globals: Own runs in A and A2, Spread in A and B
        Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    VpcConfig:
                      SecurityGroupIds: [sg-1]
                      SubnetIds: [!Ref A]  # expect AZ07
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
                  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
                  A2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
                  FromGlobals:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}
                  Own:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      VpcConfig:
                        SecurityGroupIds: [sg-1]
                        SubnetIds: [!Ref A2]  # expect AZ07
                  Spread:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      VpcConfig: {SecurityGroupIds: [sg-1], SubnetIds: [!Ref B]}
                """, "AZ07");
    }
}
