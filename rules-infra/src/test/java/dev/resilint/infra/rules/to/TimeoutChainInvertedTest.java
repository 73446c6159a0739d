package dev.resilint.infra.rules.to;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.rules.mq.StateMachineRetryWithoutJitter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeoutChainInvertedTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              FnTimeout: {Type: Number}
              Mode: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
            """;

    /** A marker, for a finding on the line it ends: in a {@code timeout} for Fn's Timeout, in a state's timeout. */
    private static final String EXPECT = "  # expect TO02";

    /**
     * The function {@code Fn} (its Timeout, if any, on line 13) and the given resources; the findings must be
     * the ones that {@code # expect} markers name.
     */
    private static List<Finding> check(String timeout, String resources) {
        String fn = timeout.isEmpty() ? "" : "      Timeout: " + timeout + "\n";
        return Expect.findings(new TimeoutChainInverted(), HEADER + fn + resources.indent(2));
    }

    private static final String REST_METHOD = """
            Method:
              Type: AWS::ApiGateway::Method
              Properties:
                RestApiId: api123
                ResourceId: res123
                HttpMethod: GET
                AuthorizationType: NONE
                Integration:
                  Type: AWS_PROXY
                  IntegrationHttpMethod: POST
                  Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
            """;

    @Nested
    class ApiGateway {

        @Test
        void firesWhenTheFunctionOutlastsTheDefaultRestIntegrationTimeout() {
            assertThat(check("60" + EXPECT, REST_METHOD)).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("TO02");
                assertThat(f.message()).isEqualTo("Lambda function Fn may run for 60 s but API Gateway method Method "
                        + "gives up after 29 s (the default): callers get a timeout while the function keeps working, "
                        + "and their retries add load; set Timeout to at most 29 s or make the call asynchronous");
                Location.Template loc = (Location.Template) f.location();
                assertThat(loc.logicalPath()).isEqualTo("Resources/Fn/Properties/Timeout");
                assertThat(loc.column()).isEqualTo(7);
            });
        }

        @Test
        void quietUpToTheIntegrationTimeout() {
            assertThat(check("29", REST_METHOD)).isEmpty();
            assertThat(check("", REST_METHOD)).isEmpty(); // 3 s default
            assertThat(check("45", REST_METHOD.replace("Type: AWS_PROXY", "Type: AWS_PROXY\n      TimeoutInMillis: 50000")))
                    .isEmpty();
        }

        @Test
        void anExplicitTimeoutInMillisCounts() {
            assertThat(check("20" + EXPECT,
                    REST_METHOD.replace("Type: AWS_PROXY", "Type: AWS_PROXY\n      TimeoutInMillis: 10000")))
                    .singleElement().satisfies(f -> assertThat(f.message())
                            .contains("gives up after 10 s (TimeoutInMillis)").contains("at most 10 s"));
        }

        @Test
        void joinUriAndAliasesAreFollowed() {
            String join = """
                    Method:
                      Type: AWS::ApiGateway::Method
                      Properties:
                        HttpMethod: GET
                        Integration:
                          Type: AWS
                          Uri: !Join ['', ['arn:aws:apigateway:', !Ref AWS::Region, ':lambda:path/2015-03-31/functions/', !Ref Live, '/invocations']]
                    Live:
                      Type: AWS::Lambda::Alias
                      Properties: {FunctionName: !Ref Fn, FunctionVersion: '3', Name: live}
                    """;
            assertThat(check("40" + EXPECT, join)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("Lambda function Fn may run for 40 s"));
        }

        @Test
        void asynchronousInvocationsAreIgnored() {
            assertThat(check("60", REST_METHOD.replace("Type: AWS_PROXY", "Type: AWS\n"
                    + "      RequestParameters:\n"
                    + "        integration.request.header.X-Amz-Invocation-Type: \"'Event'\""))).isEmpty();
            assertThat(check("60" + EXPECT, REST_METHOD.replace("Type: AWS_PROXY", "Type: AWS\n"
                    + "      RequestParameters:\n"
                    + "        integration.request.header.X-Amz-Invocation-Type: \"'RequestResponse'\""))).hasSize(1);
        }

        @Test
        void httpApisDefaultTo30SecondsAndWebSocketsTo29() {
            String integration = """
                    Api:
                      Type: AWS::ApiGatewayV2::Api
                      Properties: {Name: api, ProtocolType: %s}
                    Integration:
                      Type: AWS::ApiGatewayV2::Integration
                      Properties:
                        ApiId: !Ref Api
                        IntegrationType: AWS_PROXY
                        IntegrationUri: !GetAtt Fn.Arn
                    """;
            assertThat(check("30", integration.formatted("HTTP"))).isEmpty();
            assertThat(check("31" + EXPECT, integration.formatted("HTTP"))).singleElement().satisfies(f -> assertThat(
                    f.message()).contains("HTTP API integration Integration gives up after 30 s (the default)"));
            assertThat(check("30" + EXPECT, integration.formatted("WEBSOCKET"))).singleElement()
                    .satisfies(f -> assertThat(f.message())
                            .contains("WebSocket API integration Integration gives up after 29 s (the default)"));
            // an API from elsewhere: the longer default is assumed
            assertThat(check("30", integration.formatted("WEBSOCKET").replace("ApiId: !Ref Api",
                    "ApiId: !ImportValue shared-api"))).isEmpty();
            String quick = """
                    Api:
                      Type: AWS::ApiGatewayV2::Api
                      Properties: {Name: api, ProtocolType: HTTP, Target: !GetAtt Fn.Arn}
                    """;
            assertThat(check("60" + EXPECT, quick)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("HTTP API Api (quick create Target)"));
        }

        @Test
        void oneFindingPerFunctionNamingTheShortestIntegration() {
            String two = REST_METHOD + REST_METHOD.replace("Method:", "Other:")
                    .replace("Type: AWS_PROXY", "Type: AWS_PROXY\n      TimeoutInMillis: 5000");
            assertThat(check("60" + EXPECT, two)).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("API Gateway method Other (and 1 more) gives up after 5 s"));
        }

        @Test
        void quietWhenATimeoutOrTheFunctionIsUnknown() {
            assertThat(check("!Ref FnTimeout", REST_METHOD)).isEmpty();
            assertThat(check("!If [Prod, 10, 60]", REST_METHOD)).isEmpty();
            assertThat(check("60", REST_METHOD.replace("Type: AWS_PROXY",
                    "Type: AWS_PROXY\n      TimeoutInMillis: !ImportValue api-timeout"))).isEmpty();
            assertThat(check("60", REST_METHOD.replace("${Fn.Arn}", "${ImportedFnArn}"))).isEmpty();
            assertThat(check("60", REST_METHOD.replace("Type: AWS::ApiGateway::Method",
                    "Type: AWS::ApiGateway::Method\n  Condition: Never"))).isEmpty();
        }

        @Test
        void conditionsCountWhenEveryBranchIsInverted() {
            assertThat(check("!If [Prod, 40, 60]" + EXPECT, REST_METHOD)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("may run for at least 40 s"));
        }

        @Test
        void samApiAndHttpApiEventsThroughTheAnalyzer() {
            String sam = """
                    AWSTemplateFormatVersion: '2010-09-09'
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function:
                        Timeout: 45  # expect TO02
                    Resources:
                      Orders:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: src/
                          Events:
                            Get: {Type: Api, Properties: {Path: /orders, Method: get}}
                      Quick:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: src/
                          Timeout: 25  # expect TO02
                          Events:
                            Get: {Type: HttpApi, Properties: {Path: /quick, Method: get, TimeoutInMillis: 20000}}
                    """;
            List<Finding> findings = Expect.analyzed(dir, sam, "TO02"); // at the Timeout in Globals, and Quick's
            assertThat(findings).extracting(f -> ((Location.Template) f.location()).resourceId())
                    .containsExactly("Orders", "Quick");
            assertThat(findings.get(0).message()).contains("may run for 45 s but API Gateway method OrdersGetMethod "
                    + "gives up after 29 s (the default)");
            assertThat(findings.get(1).message()).contains("HTTP API integration QuickGetIntegration gives up after "
                    + "20 s (TimeoutInMillis)");
        }
    }

    @Nested
    class StepFunctions {

        private static String machine(String stateTimeout, String resource, String extra) {
            return """
                    Flow:
                      Type: AWS::StepFunctions::StateMachine
                      Properties:
                        RoleArn: arn:aws:iam::123456789012:role/sfn
                    %s
                        Definition:
                          StartAt: Call
                          States:
                            Call:
                              Type: Task
                    %s
                              TimeoutSeconds: %s
                              End: true
                    """.formatted(extra.indent(4).stripTrailing(), resource.indent(10).stripTrailing(), stateTimeout);
        }

        private static final String INVOKE = "Resource: arn:aws:states:::lambda:invoke\n"
                + "Parameters: {FunctionName: !GetAtt Fn.Arn, Payload.$: $}";

        @Test
        void firesWhenTheStateTimesOutBeforeTheFunction() {
            assertThat(check("60", machine("30" + EXPECT, INVOKE, ""))).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("Task state 'Call' of state machine Flow times out after 30 s but "
                        + "the Lambda function Fn it invokes may run for 60 s: the state fails with States.Timeout "
                        + "while the function keeps working, and a retry runs it twice; set TimeoutSeconds above the "
                        + "function's Timeout");
                Location.Template loc = (Location.Template) f.location();
                assertThat(loc.logicalPath())
                        .isEqualTo("Resources/Flow/Properties/Definition/States/Call/TimeoutSeconds");
                assertThat(loc.column()).isEqualTo(13);
            });
        }

        @Test
        void quietWhenTheStateWaitsLongEnoughOrHasNoTimeout() {
            assertThat(check("60", machine("60", INVOKE, ""))).isEmpty();
            assertThat(check("", machine("3", INVOKE, ""))).isEmpty();
            assertThat(check("60", machine("30", INVOKE, "").replaceAll("(?m)^ *TimeoutSeconds: 30\n", ""))).isEmpty();
        }

        @Test
        void directArnsSubstitutionsAndDefinitionStrings() {
            assertThat(check("60", machine("30" + EXPECT, "Resource: !GetAtt Fn.Arn", ""))).hasSize(1);
            assertThat(check("60", machine("30" + EXPECT, "Resource: !Sub '${Fn.Arn}'", ""))).hasSize(1);
            assertThat(check("60", machine("30" + EXPECT, "Resource: arn:aws:states:::lambda:invoke\n"
                    + "Parameters: {FunctionName: '${CallArn}'}", "DefinitionSubstitutions: {CallArn: !GetAtt Fn.Arn}")))
                    .hasSize(1);
            assertThat(check("60", machine("30" + EXPECT, "Resource: '${CallArn}'",
                    "DefinitionSubstitutions: {CallArn: !Sub '${Fn.Arn}:$LATEST'}"))).hasSize(1);
            String string = """
                    Flow:
                      Type: AWS::StepFunctions::StateMachine
                      Properties:
                        DefinitionString: !Sub |  # expect TO02
                          {"StartAt": "Call", "States": {"Call": {"Type": "Task",
                            "Resource": "arn:${AWS::Partition}:states:::lambda:invoke",
                            "Parameters": {"FunctionName": "${Fn.Arn}"}, "TimeoutSeconds": 10, "End": true}}}
                    """;
            assertThat(check("60", string)).singleElement().satisfies(f -> {
                assertThat(f.message()).contains("'Call'").contains("after 10 s");
                assertThat(((Location.Template) f.location()).logicalPath())
                        .isEqualTo("Resources/Flow/Properties/DefinitionString");
            });
        }

        @Test
        void quietWhenTheFunctionOrTimeoutIsUnknown() {
            assertThat(check("60", machine("30", "Resource: arn:aws:states:::lambda:invoke\n"
                    + "Parameters: {FunctionName.$: $.fn}", ""))).isEmpty();
            assertThat(check("60", machine("30", "Resource: arn:aws:lambda:eu-west-1:123456789012:function:other", "")))
                    .isEmpty();
            assertThat(check("60", machine("30", "Resource: arn:aws:states:::lambda:invoke.waitForTaskToken\n"
                    + "Parameters: {FunctionName: !GetAtt Fn.Arn}", ""))).isEmpty();
            assertThat(check("!Ref FnTimeout", machine("30", INVOKE, ""))).isEmpty();
            assertThat(check("60", machine("!Ref FnTimeout", INVOKE, ""))).isEmpty();
        }

        @Test
        void oneFindingPerState() {
            String two = machine("30" + EXPECT, INVOKE, "").replace("""
                              End: true
                    """, """
                              Next: Again
                            Again:
                              Type: Task
                              Resource: !GetAtt Fn.Arn
                              TimeoutSeconds: 20  # expect TO02
                              End: true
                    """);
            List<Finding> findings = check("60", two);
            assertThat(findings).hasSize(2).extracting(Finding::fingerprint).doesNotHaveDuplicates();
        }

        @Test
        void cdkSynthesizedDefinitionString() {
            String cdk = """
                    {"Resources": {
                      "Fn9270CBC0": {"Type": "AWS::Lambda::Function", "Properties": {"Timeout": 30},
                        "Metadata": {"aws:cdk:path": "App/Fn/Resource"}},
                      "FlowB4C8E2A1": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
                        "DefinitionString": {"Fn::Join": ["", [
                          "{\\"StartAt\\":\\"Invoke\\",\\"States\\":{\\"Invoke\\":{\\"End\\":true,\\"Retry\\":[{\\"ErrorEquals\\":[\\"Lambda.ServiceException\\"],\\"IntervalSeconds\\":2,\\"MaxAttempts\\":6,\\"BackoffRate\\":2}],\\"Type\\":\\"Task\\",\\"TimeoutSeconds\\":10,\\"Resource\\":\\"arn:",
                          {"Ref": "AWS::Partition"},
                          ":states:::lambda:invoke\\",\\"Parameters\\":{\\"FunctionName\\":\\"",
                          {"Fn::GetAtt": ["Fn9270CBC0", "Arn"]},
                          "\\",\\"Payload.$\\":\\"$\\"}}}}"]]}},
                        "Metadata": {"aws:cdk:path": "App/Flow/Resource"}}}}
                    """;
            assertThat(Fixtures.findings(new TimeoutChainInverted(), cdk)).singleElement().satisfies(f -> assertThat(
                    f.message()).startsWith("Task state 'Invoke' of state machine FlowB4C8E2A1 (App/Flow) times out "
                            + "after 10 s but the Lambda function Fn9270CBC0 (App/Fn) it invokes may run for 30 s"));
            assertThat(Fixtures.findings(new StateMachineRetryWithoutJitter(), cdk)).singleElement().satisfies(f ->
                    assertThat(f.message()).contains("retries up to 6 times without JitterStrategy"));
        }

        @Test
        void samStateMachineThroughTheAnalyzer() {
            String sam = """
                    AWSTemplateFormatVersion: '2010-09-09'
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Flow:
                        Type: AWS::Serverless::StateMachine
                        Properties:
                          DefinitionSubstitutions:
                            ChargeArn: !GetAtt Charge.Arn
                          Definition:
                            StartAt: Charge
                            States:
                              Charge:
                                Type: Task
                                Resource: arn:aws:states:::lambda:invoke
                                Parameters: {FunctionName: '${ChargeArn}'}
                                TimeoutSeconds: 10  # expect TO02
                                End: true
                      Charge:
                        Type: AWS::Serverless::Function
                        Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/, Timeout: 15}
                    """;
            assertThat(Expect.analyzed(dir, sam, "TO02")).singleElement().satisfies(f -> assertThat(f.message())
                    .contains("Task state 'Charge' of state machine Flow times out after 10 s")
                    .contains("function Charge it invokes may run for 15 s"));
        }
    }
}
