package dev.resilint.infra.rules.sc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiWithoutThrottlingTest {

    private static final String HEADER = """
            Parameters:
              Rate: {Type: Number}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: orders}
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new ApiWithoutThrottling(), HEADER + resources.indent(2));
    }

    /** A stage Stage of Api (its Properties key on line 13) with {@code properties}; {@code marker} on Properties. */
    private static List<Finding> stage(String marker, String properties) {
        return check("Stage:\n  Type: AWS::ApiGateway::Stage\n  Properties:" + marker + "\n"
                + ("RestApiId: !Ref Api\nStageName: prod\nDeploymentId: dep-1\n" + properties).indent(4));
    }

    private static String plan(String throttle, String stage) {
        return """
                Plan:
                  Type: AWS::ApiGateway::UsagePlan
                  Properties:
                    ApiStages: [{ApiId: !Ref Api, Stage: %s}]
                    %s
                """.formatted(stage, throttle);
    }

    @Test
    void firesOnAStageWithoutThrottling() {
        assertThat(stage("  # expect SC04", "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SC04");
            assertThat(f.message()).isEqualTo("API Gateway stage Stage has no throttling limits of its own (no "
                    + "MethodSettings entry sets ThrottlingRateLimit or ThrottlingBurstLimit, and no usage plan with a "
                    + "Throttle covers it), so only the account-wide limit shared by every API in the region holds back "
                    + "a flood of requests to its backend; add a MethodSettings entry {ResourcePath: '/*', HttpMethod: "
                    + "'*', ThrottlingRateLimit: ..., ThrottlingBurstLimit: ...} or a usage plan with a Throttle");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Stage/Properties/MethodSettings");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(5);
        });
        assertThat(stage("", "MethodSettings:  # expect SC04\n  - {ResourcePath: '/*', HttpMethod: '*', "
                + "MetricsEnabled: true}\n")).hasSize(1);
    }

    @Test
    void quietWithStageOrMethodThrottling() {
        assertThat(stage("", "MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100}]\n"))
                .isEmpty();
        assertThat(stage("", "MethodSettings: [{ResourcePath: '/orders', HttpMethod: POST, "
                + "ThrottlingBurstLimit: !Ref Rate}]\n")).isEmpty();
    }

    @Test
    void quietWhenAUsagePlanWithAThrottleCoversTheStage() {
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}
                """ + plan("Throttle: {RateLimit: 50, BurstLimit: 100}", "!Ref Stage"))).isEmpty();
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}
                """ + plan("Throttle: {RateLimit: 50}", "prod"))).isEmpty();
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}  # expect SC04
                """ + plan("Description: no throttle", "prod"))).hasSize(1);
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}  # expect SC04
                """ + plan("Throttle: {RateLimit: 50}", "test"))).hasSize(1);
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}
                """ + plan("Throttle: {RateLimit: 50}", "!Ref Env"))).isEmpty();
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}
                """ + plan("Throttle: {RateLimit: 50}", "prod").replace("Properties:", "Condition: Prod\n  Properties:")))
                .isEmpty();
    }

    @Test
    void quietWhenTheSettingsAreUnknown() {
        assertThat(stage("", "MethodSettings: !If [Prod, [{ResourcePath: '/*', HttpMethod: '*', "
                + "ThrottlingRateLimit: 10}], []]\n")).isEmpty();
        assertThat(stage("", "MethodSettings: !Ref Env\n")).isEmpty();
    }

    @Test
    void judgesTheStageOfADeployment() {
        assertThat(check("""
                Deployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties:  # expect SC04
                    RestApiId: !Ref Api
                    StageName: v1
                """)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("API Gateway deployment "
                        + "Deployment (stage v1) has no throttling limits of its own"));
        assertThat(check("""
                Deployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties:
                    RestApiId: !Ref Api
                    StageName: v1
                    StageDescription: {ThrottlingRateLimit: 100}
                """)).isEmpty();
        assertThat(check("""
                Deployment:
                  Type: AWS::ApiGateway::Deployment
                  Properties: {RestApiId: !Ref Api}
                """)).isEmpty();
    }

    @Test
    void judgesHttpApiStages() {
        String stage = """
                Http:
                  Type: AWS::ApiGatewayV2::Stage
                  Properties:%s
                    ApiId: api-1
                    StageName: $default
                """;
        assertThat(check(stage.formatted("  # expect SC04"))).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("API Gateway HTTP API stage Http has no throttling limits of its own (DefaultRouteSettings "
                        + "sets neither"));
        assertThat(check(stage.formatted("") + "    DefaultRouteSettings: {ThrottlingRateLimit: 10}\n")).isEmpty();
        assertThat(check(stage.formatted("") + "    RouteSettings: {'POST /orders': {ThrottlingBurstLimit: 5}}\n"))
                .isEmpty();
        assertThat(check(stage.formatted("")
                + "    DefaultRouteSettings: {DetailedMetricsEnabled: true}  # expect SC04\n")).hasSize(1);
        assertThat(check(stage.formatted("") + "    DefaultRouteSettings: !Ref Env\n")).isEmpty();
    }

    @Test
    void stagesNeverCreatedAreNotJudged() {
        assertThat(check("""
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Condition: Never
                  Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: dep-1}
                """)).isEmpty();
    }

    @Test
    void judgesSamApisOnTheStageAndUsagePlanSamGenerates(@TempDir Path dir) {
        Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Open:  # expect SC04
                    Type: AWS::Serverless::Api
                    Properties: {StageName: prod}
                  Limited:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100}]
                  Planned:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth: {UsagePlan: {CreateUsagePlan: PER_API, Throttle: {RateLimit: 10, BurstLimit: 20}}}
                  SharedA:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth: {UsagePlan: {CreateUsagePlan: SHARED, Throttle: {RateLimit: 10}}}
                  SharedB:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth: {UsagePlan: {CreateUsagePlan: SHARED}}
                  Http:
                    Type: AWS::Serverless::HttpApi
                    Properties: {DefaultRouteSettings: {ThrottlingRateLimit: 50}}
                  OpenHttp:  # expect SC04
                    Type: AWS::Serverless::HttpApi
                """, "SC04");
    }
}
