package dev.resilint.infra.rules.dp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllAtOnceTrafficShiftTest {

    private static final String HEAD = """
            Parameters:
              Config: {Type: String}
            Conditions:
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new AllAtOnceTrafficShift(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnPredefinedAllAtOnceConfigurations() {
        List<Finding> findings = check("""
                Lambda:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    DeploymentConfigName: CodeDeployDefault.LambdaAllAtOnce  # expect DP04
                Ecs:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    DeploymentConfigName: CodeDeployDefault.ECSAllAtOnce  # expect DP04
                Ec2:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    DeploymentConfigName: CodeDeployDefault.AllAtOnce  # expect DP04
                """);
        assertThat(findings.get(0).message()).isEqualTo("CodeDeploy deployment group Lambda uses "
                + "CodeDeployDefault.LambdaAllAtOnce, which shifts all traffic of the Lambda alias to the new version "
                + "at once, so a bad release reaches every caller before an alarm can stop it; use a canary or linear "
                + "configuration (for SAM, DeploymentPreference.Type: Canary10Percent5Minutes) with rollback alarms");
        Location.Template at = (Location.Template) findings.get(0).location();
        assertThat(at.line()).isEqualTo(10);
        assertThat(at.column()).isEqualTo(7);
        assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("Ec2").contains("taking them all out of service"));
    }

    @Test
    void firesOnACustomAllAtOnceConfiguration() {
        check("""
                Shift:
                  Type: AWS::CodeDeploy::DeploymentConfig
                  Properties:
                    ComputePlatform: ECS
                    TrafficRoutingConfig: {Type: AllAtOnce}
                Canary:
                  Type: AWS::CodeDeploy::DeploymentConfig
                  Properties:
                    ComputePlatform: Lambda
                    TrafficRoutingConfig: {Type: TimeBasedCanary, TimeBasedCanary: {CanaryInterval: 5, CanaryPercentage: 10}}
                A:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    DeploymentConfigName: !Ref Shift  # expect DP04
                B:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties: {ApplicationName: app, DeploymentConfigName: !Ref Canary}
                """).forEach(f -> assertThat(f.message()).contains("deployment configuration Shift"));
    }

    @Test
    void quietOnGradualUnsetOrUnknownConfigurations() {
        assertThat(check("""
                A:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties: {ApplicationName: app, DeploymentConfigName: CodeDeployDefault.LambdaCanary10Percent5Minutes}
                B:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties: {ApplicationName: app}
                C:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties: {ApplicationName: app, DeploymentConfigName: !Ref Config}
                D:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Condition: Never
                  Properties: {ApplicationName: app, DeploymentConfigName: CodeDeployDefault.LambdaAllAtOnce}
                """)).isEmpty();
    }

    @Test
    void firesOnAnAliasMovedToEachPublishedVersionWithoutTrafficShifting() {
        check("""
                Fn:
                  Type: AWS::Lambda::Function
                  Properties: {Runtime: python3.12, Handler: a.b, Role: r, Code: {ZipFile: x}}
                Version:
                  Type: AWS::Lambda::Version
                  Properties: {FunctionName: !Ref Fn}
                Live:
                  Type: AWS::Lambda::Alias
                  Properties:
                    Name: live
                    FunctionName: !Ref Fn
                    FunctionVersion: !GetAtt Version.Version  # expect DP04
                Weighted:
                  Type: AWS::Lambda::Alias
                  Properties:
                    Name: weighted
                    FunctionName: !Ref Fn
                    FunctionVersion: !GetAtt Version.Version
                    RoutingConfig: {AdditionalVersionWeights: [{FunctionVersion: '1', FunctionWeight: 0.1}]}
                Shifted:
                  Type: AWS::Lambda::Alias
                  UpdatePolicy:
                    CodeDeployLambdaAliasUpdate: {ApplicationName: app, DeploymentGroupName: group}
                  Properties: {Name: shifted, FunctionName: !Ref Fn, FunctionVersion: !GetAtt Version.Version}
                Pinned:
                  Type: AWS::Lambda::Alias
                  Properties: {Name: pinned, FunctionName: !Ref Fn, FunctionVersion: '3'}
                """);
    }

    @Test
    void quietOnLambdaAtEdgeAndOnAliasesThatAreNoNames(@TempDir Path dir) {
        assertThat(Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String}
                Resources:
                  Edge:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                      Handler: index.handler
                      Runtime: nodejs22.x
                      AutoPublishAlias: live
                  Cdn:
                    Type: AWS::CloudFront::Distribution
                    Properties:
                      DistributionConfig:
                        Enabled: true
                        DefaultCacheBehavior:
                          TargetOriginId: web
                          ViewerProtocolPolicy: redirect-to-https
                          LambdaFunctionAssociations:
                            - {EventType: origin-request, LambdaFunctionARN: !Ref EdgeVersion}
                  Broken:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                      Handler: index.handler
                      Runtime: nodejs22.x
                      AutoPublishAlias: !GetAtt Edge.Arn
                """, "DP04")).isEmpty();
    }

    @Test
    void samAutoPublishAliasWithoutPreferenceFiresAndAllAtOnceTypeFires(@TempDir Path dir) {
        List<Finding> findings = Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      InlineCode: x
                      AutoPublishAlias: live  # expect DP04
                  AtOnce:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      InlineCode: x
                      AutoPublishAlias: live
                      DeploymentPreference:
                        Type: AllAtOnce  # expect DP04
                  Canary:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      InlineCode: x
                      AutoPublishAlias: live
                      DeploymentPreference:
                        Type: Canary10Percent5Minutes
                """, "DP04");
        assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("CodeDeployDefault.LambdaAllAtOnce"));
    }
}
