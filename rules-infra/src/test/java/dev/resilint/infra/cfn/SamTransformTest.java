package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SamTransformTest {

    private static final TemplateLoader LOADER = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    private static MapNode load(String yaml) {
        try {
            return LOADER.parse(yaml, "t.yaml");
        } catch (TreeReadException e) {
            throw new AssertionError(e.display(), e);
        }
    }

    private static MapNode expand(String yaml) throws TreeReadException {
        return SamTransform.expand(load(yaml), "t.yaml");
    }

    private static MapNode resources(MapNode root) {
        return (MapNode) root.get("Resources").orElseThrow();
    }

    private static MapNode resource(MapNode root, String id) {
        return (MapNode) resources(root).get(id).orElseThrow(() -> new AssertionError("no resource " + id + " in "
                + resources(root).keys()));
    }

    private static String type(MapNode root, String id) {
        return text(resource(root, id), "Type");
    }

    private static MapNode props(MapNode root, String id) {
        return (MapNode) resource(root, id).get("Properties").orElseThrow();
    }

    /** Walks map keys and list indexes. */
    private static Node at(Node node, String... path) {
        Node current = node;
        for (String part : path) {
            if (current instanceof MapNode m) {
                current = m.get(part).orElseThrow(() -> new AssertionError("no " + part + " in " + m.keys()));
            } else if (current instanceof ListNode l) {
                current = l.get(Integer.parseInt(part));
            } else {
                throw new AssertionError("cannot walk into " + current + " for " + part);
            }
        }
        return current;
    }

    private static String text(Node node, String... path) {
        Node n = at(node, path);
        assertThat(n).isInstanceOf(ScalarNode.class);
        return ((ScalarNode) n).text();
    }

    private static int keyLine(MapNode map, String key) {
        return map.entry(key).orElseThrow(() -> new AssertionError("no " + key + " in " + map.keys())).keyMark()
                .line();
    }

    /** The 1-based line of the first line of {@code yaml} containing {@code fragment}. */
    private static int line(String yaml, String fragment) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    private static void assertNoServerlessTypes(MapNode root) {
        for (MapNode.Entry e : resources(root).entries()) {
            if (e.value() instanceof MapNode def && def.get("Type").orElse(null) instanceof ScalarNode t) {
                assertThat(t.text()).as(e.key()).isNotIn("AWS::Serverless::Function", "AWS::Serverless::Api",
                        "AWS::Serverless::HttpApi", "AWS::Serverless::StateMachine", "AWS::Serverless::SimpleTable");
            }
        }
    }

    // ---------------------------------------------------------------- detection

    @Test
    void leavesNonSamTemplatesAlone() throws Exception {
        MapNode root = load("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 5
                """);
        assertThat(SamTransform.expand(root, "t.yaml")).isSameAs(root);
        MapNode other = load("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                """);
        assertThat(SamTransform.expand(other, "t.yaml")).isSameAs(other);
    }

    @Test
    void recognizesTheTransformInAList() throws Exception {
        MapNode root = expand("""
                Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 5
                """);
        assertThat(type(root, "F")).isEqualTo("AWS::Lambda::Function");
        assertThat(root.has("Transform")).isTrue();
    }

    // ---------------------------------------------------------------- function

    @Test
    void functionBecomesLambdaFunctionWithMarksOnTheSamLines() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  IsProd: !Equals [!Ref AWS::StackName, prod]
                Resources:
                  Dlq:
                    Type: AWS::SQS::Queue
                  F:
                    Type: AWS::Serverless::Function
                    Condition: IsProd
                    DependsOn: Dlq
                    Metadata:
                      Note: x
                    DeletionPolicy: Retain
                    Properties:
                      CodeUri: s3://bucket/path/code.zip?versionId=3
                      Handler: app.handler
                      Runtime: python3.12
                      Timeout: 30
                      MemorySize: !Ref Memory
                      ReservedConcurrentExecutions: 5
                      Tracing: Active
                      Policies: [AWSLambdaBasicExecutionRole]
                      DeadLetterQueue:
                        Type: SQS
                        TargetArn: !GetAtt Dlq.Arn
                      Tags:
                        team: payments
                """;
        MapNode root = expand(yaml);
        MapNode f = resource(root, "F");
        assertThat(text(f, "Type")).isEqualTo("AWS::Lambda::Function");
        assertThat(resources(root).entry("F").orElseThrow().keyMark().line()).isEqualTo(line(yaml, "  F:"));
        assertThat(f.keys()).containsExactly("Type", "Properties", "Condition", "DependsOn", "Metadata",
                "DeletionPolicy");
        assertThat(keyLine(f, "Type")).isEqualTo(line(yaml, "Type: AWS::Serverless::Function"));

        MapNode p = props(root, "F");
        assertThat(p.keys()).doesNotContain("CodeUri", "Policies", "DeadLetterQueue", "Tracing", "Events");
        assertThat(text(p, "Timeout")).isEqualTo("30");
        assertThat(keyLine(p, "Timeout")).isEqualTo(line(yaml, "Timeout: 30"));
        assertThat(((MapNode) at(p, "MemorySize")).keys()).containsExactly("Ref");
        assertThat(text(p, "Code", "S3Bucket")).isEqualTo("bucket");
        assertThat(text(p, "Code", "S3Key")).isEqualTo("path/code.zip");
        assertThat(text(p, "Code", "S3ObjectVersion")).isEqualTo("3");
        assertThat(keyLine(p, "Code")).isEqualTo(line(yaml, "CodeUri:"));
        assertThat(text(p, "TracingConfig", "Mode")).isEqualTo("Active");
        MapNode dlc = (MapNode) at(p, "DeadLetterConfig");
        assertThat(dlc.keys()).containsExactly("TargetArn");
        assertThat(((MapNode) at(dlc, "TargetArn")).keys()).containsExactly("Fn::GetAtt");
        assertThat(keyLine(p, "DeadLetterConfig")).isEqualTo(line(yaml, "DeadLetterQueue:"));
        assertThat(keyLine(dlc, "TargetArn")).isEqualTo(line(yaml, "TargetArn:"));
        ListNode tags = (ListNode) at(p, "Tags");
        assertThat(tags.items()).extracting(t -> text(t, "Key")).containsExactly("team", "lambda:createdBy");
        assertThat(text(tags, "0", "Value")).isEqualTo("payments");
        assertThat(at(tags, "0").mark().line()).isEqualTo(line(yaml, "team: payments"));
        assertThat(root.has("Transform")).isTrue();
    }

    @Test
    void inlineCodeAndLocalCodeUriBecomeCode() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Inline:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: "def handler(e, c): pass"
                  Local:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/
                  Located:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri:
                        Bucket: b
                        Key: k
                """);
        assertThat(text(props(root, "Inline"), "Code", "ZipFile")).startsWith("def handler");
        assertThat(text(props(root, "Local"), "Code", "S3Key")).isEqualTo("src/");
        assertThat(((MapNode) at(props(root, "Located"), "Code")).keys()).containsExactly("S3Bucket", "S3Key");
    }

    @Test
    void globalsMergeIntoFunctionsWithResourceValuesWinning() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 20
                    Runtime: nodejs20.x
                    Layers: [arn:layer:global]
                    Environment:
                      Variables:
                        STAGE: prod
                        LEVEL: info
                Resources:
                  UsesGlobals:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.h
                  Overrides:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 10
                      Layers: [arn:layer:local]
                      Environment:
                        Variables:
                          LEVEL: debug
                  Ignores:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Timeout]
                    Properties:
                      Handler: a.h
                  IgnoresAll:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: "*"
                    Properties:
                      Handler: a.h
                """;
        MapNode root = expand(yaml);
        assertThat(root.has("Globals")).isFalse();

        MapNode uses = props(root, "UsesGlobals");
        assertThat(text(uses, "Timeout")).isEqualTo("20");
        assertThat(keyLine(uses, "Timeout")).isEqualTo(line(yaml, "Timeout: 20"));
        assertThat(at(uses, "Timeout").mark().line()).isEqualTo(line(yaml, "Timeout: 20"));
        assertThat(text(uses, "Runtime")).isEqualTo("nodejs20.x");

        MapNode over = props(root, "Overrides");
        assertThat(text(over, "Timeout")).isEqualTo("10");
        assertThat(keyLine(over, "Timeout")).isEqualTo(line(yaml, "Timeout: 10"));
        assertThat(text(over, "Environment", "Variables", "LEVEL")).isEqualTo("debug");
        assertThat(text(over, "Environment", "Variables", "STAGE")).isEqualTo("prod");
        assertThat(((ListNode) at(over, "Layers")).items()).extracting(n -> ((ScalarNode) n).text())
                .containsExactly("arn:layer:global", "arn:layer:local");

        MapNode ignores = props(root, "Ignores");
        assertThat(ignores.has("Timeout")).isFalse();
        assertThat(text(ignores, "Runtime")).isEqualTo("nodejs20.x");
        assertThat(resource(root, "Ignores").has("IgnoreGlobals")).isFalse();
        assertThat(props(root, "IgnoresAll").has("Runtime")).isFalse();
    }

    @Test
    void copiesIntrinsicValuesAsTheyAre() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  T: {Type: Number, Default: 10}
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: !Ref T
                      Events:
                        Q:
                          Type: SQS
                          Properties:
                            Queue: !If [UseA, !GetAtt A.Arn, !GetAtt B.Arn]
                            BatchSize: !Ref T
                """);
        assertThat(text(props(root, "F"), "Timeout", "Ref")).isEqualTo("T");
        assertThat(((MapNode) at(props(root, "FQ"), "EventSourceArn")).keys()).containsExactly("Fn::If");
        assertThat(text(props(root, "FQ"), "BatchSize", "Ref")).isEqualTo("T");
    }

    // ---------------------------------------------------------------- pull events

    @Test
    void sqsEventBecomesEventSourceMapping() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                  Consumer:
                    Type: AWS::Serverless::Function
                    Condition: Enabled
                    Properties:
                      Timeout: 60
                      Events:
                        FromQueue:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Work.Arn
                            BatchSize: 5
                            Enabled: false
                            FunctionResponseTypes: [ReportBatchItemFailures]
                            ScalingConfig:
                              MaximumConcurrency: 4
                """;
        MapNode root = expand(yaml);
        MapNode esm = resource(root, "ConsumerFromQueue");
        assertThat(text(esm, "Type")).isEqualTo("AWS::Lambda::EventSourceMapping");
        assertThat(text(esm, "Condition")).isEqualTo("Enabled");
        assertThat(resources(root).entry("ConsumerFromQueue").orElseThrow().keyMark().line())
                .isEqualTo(line(yaml, "FromQueue:"));
        MapNode p = props(root, "ConsumerFromQueue");
        assertThat(text(p, "FunctionName", "Ref")).isEqualTo("Consumer");
        assertThat(text(p, "EventSourceArn", "Fn::GetAtt", "0")).isEqualTo("Work");
        assertThat(text(p, "EventSourceArn", "Fn::GetAtt", "1")).isEqualTo("Arn");
        assertThat(keyLine(p, "EventSourceArn")).isEqualTo(line(yaml, "Queue: !GetAtt"));
        assertThat(at(p, "EventSourceArn").mark().line()).isEqualTo(line(yaml, "Queue: !GetAtt"));
        assertThat(text(p, "BatchSize")).isEqualTo("5");
        assertThat(text(p, "Enabled")).isEqualTo("false");
        assertThat(text(p, "FunctionResponseTypes", "0")).isEqualTo("ReportBatchItemFailures");
        assertThat(text(p, "ScalingConfig", "MaximumConcurrency")).isEqualTo("4");
        assertThat(keyLine(p, "FunctionName")).isEqualTo(line(yaml, "FromQueue:"));
        assertThat(type(root, "Consumer")).isEqualTo("AWS::Lambda::Function");
        assertThat(props(root, "Consumer").has("Events")).isFalse();
    }

    @Test
    void streamEventsBecomeEventSourceMappingsWithoutSamTypeHints() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Kin:
                          Type: Kinesis
                          Properties:
                            Stream: !GetAtt S.Arn
                            StartingPosition: LATEST
                            MaximumRetryAttempts: 2
                            BisectBatchOnFunctionError: true
                            DestinationConfig:
                              OnFailure:
                                Type: SQS
                                Destination: !GetAtt Failed.Arn
                        Ddb:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt T.StreamArn
                            StartingPosition: TRIM_HORIZON
                """);
        MapNode kin = props(root, "FKin");
        assertThat(type(root, "FKin")).isEqualTo("AWS::Lambda::EventSourceMapping");
        assertThat(text(kin, "EventSourceArn", "Fn::GetAtt", "0")).isEqualTo("S");
        assertThat(text(kin, "StartingPosition")).isEqualTo("LATEST");
        assertThat(text(kin, "MaximumRetryAttempts")).isEqualTo("2");
        assertThat(text(kin, "BisectBatchOnFunctionError")).isEqualTo("true");
        assertThat(((MapNode) at(kin, "DestinationConfig", "OnFailure")).keys()).containsExactly("Destination");
        MapNode ddb = props(root, "FDdb");
        assertThat(text(ddb, "EventSourceArn", "Fn::GetAtt", "1")).isEqualTo("StreamArn");
        assertThat(text(ddb, "StartingPosition")).isEqualTo("TRIM_HORIZON");
    }

    // ---------------------------------------------------------------- APIs

    @Test
    void apiEventsCreateMethodsAndOneImplicitRestApi() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    CacheClusterEnabled: true
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 40
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            Path: /items
                            Method: get
                            TimeoutInMillis: 5000
                        Any:
                          Type: Api
                          Properties:
                            Path: /{proxy+}
                            Method: any
                """;
        MapNode root = expand(yaml);
        MapNode get = props(root, "FGetMethod");
        assertThat(type(root, "FGetMethod")).isEqualTo("AWS::ApiGateway::Method");
        assertThat(text(get, "RestApiId", "Ref")).isEqualTo("ServerlessRestApi");
        assertThat(text(get, "HttpMethod")).isEqualTo("GET");
        assertThat(keyLine(get, "HttpMethod")).isEqualTo(line(yaml, "Method: get"));
        assertThat(text(get, "Integration", "Type")).isEqualTo("AWS_PROXY");
        assertThat(text(get, "Integration", "IntegrationHttpMethod")).isEqualTo("POST");
        assertThat(text(get, "Integration", "Uri", "Fn::Sub")).contains("${F.Arn}");
        assertThat(text(get, "Integration", "TimeoutInMillis")).isEqualTo("5000");
        assertThat(keyLine((MapNode) at(get, "Integration"), "TimeoutInMillis"))
                .isEqualTo(line(yaml, "TimeoutInMillis:"));
        assertThat(text(props(root, "FAnyMethod"), "HttpMethod")).isEqualTo("ANY");
        assertThat(((MapNode) at(props(root, "FAnyMethod"), "Integration")).has("TimeoutInMillis")).isFalse();

        assertThat(type(root, "ServerlessRestApi")).isEqualTo("AWS::ApiGateway::RestApi");
        assertThat(resources(root).entry("ServerlessRestApi").orElseThrow().keyMark().line())
                .isEqualTo(line(yaml, "Get:"));
        assertThat(type(root, "ServerlessRestApiProdStage")).isEqualTo("AWS::ApiGateway::Stage");
        MapNode stage = props(root, "ServerlessRestApiProdStage");
        assertThat(text(stage, "StageName")).isEqualTo("Prod");
        assertThat(text(stage, "RestApiId", "Ref")).isEqualTo("ServerlessRestApi");
        assertThat(text(stage, "CacheClusterEnabled")).isEqualTo("true");
        assertThat(keyLine(stage, "CacheClusterEnabled")).isEqualTo(line(yaml, "CacheClusterEnabled:"));
        assertThat(type(root, "ServerlessRestApiDeployment")).isEqualTo("AWS::ApiGateway::Deployment");
        assertThat(resources(root).keys().stream().filter(k -> k.startsWith("ServerlessRestApi"))).hasSize(3);
    }

    @Test
    void serverlessApiBecomesRestApiStageAndDeployment() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  MyApi:
                    Type: AWS::Serverless::Api
                    Condition: C
                    Properties:
                      Name: orders
                      StageName: prod
                      CacheClusterEnabled: true
                      CacheClusterSize: "0.5"
                      TracingEnabled: true
                      Variables:
                        k: v
                      MethodSettings:
                        - ResourcePath: /*
                          HttpMethod: "*"
                          CachingEnabled: true
                          CacheTtlInSeconds: 0
                      DefinitionUri: s3://defs/api.yaml
                      EndpointConfiguration: REGIONAL
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            RestApiId: !Ref MyApi
                            Path: /
                            Method: GET
                """;
        MapNode root = expand(yaml);
        assertThat(type(root, "MyApi")).isEqualTo("AWS::ApiGateway::RestApi");
        MapNode api = props(root, "MyApi");
        assertThat(text(api, "Name")).isEqualTo("orders");
        assertThat(text(api, "BodyS3Location", "Bucket")).isEqualTo("defs");
        assertThat(text(api, "BodyS3Location", "Key")).isEqualTo("api.yaml");
        assertThat(text(api, "EndpointConfiguration", "Types", "0")).isEqualTo("REGIONAL");
        assertThat(api.has("CacheClusterEnabled")).isFalse();
        assertThat(text(resource(root, "MyApi"), "Condition")).isEqualTo("C");

        assertThat(type(root, "MyApiprodStage")).isEqualTo("AWS::ApiGateway::Stage");
        MapNode stage = props(root, "MyApiprodStage");
        assertThat(text(stage, "RestApiId", "Ref")).isEqualTo("MyApi");
        assertThat(text(stage, "DeploymentId", "Ref")).isEqualTo("MyApiDeployment");
        assertThat(text(stage, "StageName")).isEqualTo("prod");
        assertThat(text(stage, "CacheClusterEnabled")).isEqualTo("true");
        assertThat(keyLine(stage, "CacheClusterEnabled")).isEqualTo(line(yaml, "CacheClusterEnabled:"));
        assertThat(text(stage, "MethodSettings", "0", "CacheTtlInSeconds")).isEqualTo("0");
        assertThat(keyLine(stage, "MethodSettings")).isEqualTo(line(yaml, "MethodSettings:"));
        assertThat(text(stage, "CacheClusterSize")).isEqualTo("0.5");
        assertThat(text(stage, "TracingEnabled")).isEqualTo("true");
        assertThat(text(stage, "Variables", "k")).isEqualTo("v");
        assertThat(text(resource(root, "MyApiprodStage"), "Condition")).isEqualTo("C");
        assertThat(resources(root).entry("MyApiprodStage").orElseThrow().keyMark().line())
                .isEqualTo(line(yaml, "MyApi:"));
        assertThat(type(root, "MyApiDeployment")).isEqualTo("AWS::ApiGateway::Deployment");

        assertThat(text(props(root, "FGetMethod"), "RestApiId", "Ref")).isEqualTo("MyApi");
        assertThat(resources(root).has("ServerlessRestApi")).isFalse();
    }

    @Test
    void httpApiEventsCreateIntegrationsAndTheImplicitHttpApi() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 35
                      Events:
                        Root:
                          Type: HttpApi
                          Properties:
                            Path: /
                            Method: GET
                            TimeoutInMillis: 10000
                        Explicit:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref Http
                            PayloadFormatVersion: "1.0"
                  Http:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: live
                      DefaultRouteSettings:
                        ThrottlingBurstLimit: 10
                """;
        MapNode root = expand(yaml);
        MapNode integration = props(root, "FRootIntegration");
        assertThat(type(root, "FRootIntegration")).isEqualTo("AWS::ApiGatewayV2::Integration");
        assertThat(text(integration, "ApiId", "Ref")).isEqualTo("ServerlessHttpApi");
        assertThat(text(integration, "IntegrationType")).isEqualTo("AWS_PROXY");
        assertThat(text(integration, "IntegrationUri", "Fn::GetAtt", "0")).isEqualTo("F");
        assertThat(text(integration, "PayloadFormatVersion")).isEqualTo("2.0");
        assertThat(text(integration, "TimeoutInMillis")).isEqualTo("10000");
        assertThat(keyLine(integration, "TimeoutInMillis")).isEqualTo(line(yaml, "TimeoutInMillis:"));
        assertThat(text(props(root, "FExplicitIntegration"), "ApiId", "Ref")).isEqualTo("Http");
        assertThat(text(props(root, "FExplicitIntegration"), "PayloadFormatVersion")).isEqualTo("1.0");

        assertThat(type(root, "ServerlessHttpApi")).isEqualTo("AWS::ApiGatewayV2::Api");
        assertThat(text(props(root, "ServerlessHttpApi"), "ProtocolType")).isEqualTo("HTTP");
        assertThat(text(props(root, "ServerlessHttpApiApiGatewayDefaultStage"), "StageName")).isEqualTo("$default");

        assertThat(type(root, "Http")).isEqualTo("AWS::ApiGatewayV2::Api");
        MapNode stage = props(root, "HttpliveStage");
        assertThat(text(stage, "ApiId", "Ref")).isEqualTo("Http");
        assertThat(text(stage, "StageName")).isEqualTo("live");
        assertThat(text(stage, "AutoDeploy")).isEqualTo("true");
        assertThat(text(stage, "DefaultRouteSettings", "ThrottlingBurstLimit")).isEqualTo("10");
    }

    // ---------------------------------------------------------------- push events

    @Test
    void snsScheduleAndEventBridgeEventsTargetTheFunction() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Condition: C
                    Properties:
                      Events:
                        Topic:
                          Type: SNS
                          Properties:
                            Topic: !Ref T
                            RedrivePolicy:
                              deadLetterTargetArn: !GetAtt SubDlq.Arn
                        Buffered:
                          Type: SNS
                          Properties:
                            Topic: !Ref T
                            SqsSubscription: true
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                            Enabled: false
                            DeadLetterConfig:
                              Type: SQS
                        OnEvent:
                          Type: EventBridgeRule
                          Properties:
                            Pattern:
                              source: [app]
                            DeadLetterConfig:
                              Arn: !GetAtt RuleDlq.Arn
                            RetryPolicy:
                              MaximumRetryAttempts: 2
                        Uploaded:
                          Type: S3
                          Properties:
                            Bucket: !Ref B
                            Events: s3:ObjectCreated:*
                """;
        MapNode root = expand(yaml);
        MapNode sub = props(root, "FTopic");
        assertThat(type(root, "FTopic")).isEqualTo("AWS::SNS::Subscription");
        assertThat(text(sub, "Protocol")).isEqualTo("lambda");
        assertThat(text(sub, "Endpoint", "Fn::GetAtt", "0")).isEqualTo("F");
        assertThat(text(sub, "TopicArn", "Ref")).isEqualTo("T");
        assertThat(text(sub, "RedrivePolicy", "deadLetterTargetArn", "Fn::GetAtt", "0")).isEqualTo("SubDlq");
        assertThat(text(resource(root, "FTopic"), "Condition")).isEqualTo("C");

        assertThat(type(root, "FBufferedQueue")).isEqualTo("AWS::SQS::Queue");
        assertThat(text(props(root, "FBuffered"), "Protocol")).isEqualTo("sqs");
        MapNode buffered = props(root, "FBufferedEventSourceMapping");
        assertThat(text(buffered, "EventSourceArn", "Fn::GetAtt", "0")).isEqualTo("FBufferedQueue");
        assertThat(text(buffered, "BatchSize")).isEqualTo("10");
        assertThat(resources(root).entry("FBufferedQueue").orElseThrow().keyMark().line())
                .isEqualTo(line(yaml, "SqsSubscription:"));

        MapNode nightly = props(root, "FNightly");
        assertThat(type(root, "FNightly")).isEqualTo("AWS::Events::Rule");
        assertThat(text(nightly, "ScheduleExpression")).isEqualTo("rate(1 day)");
        assertThat(text(nightly, "State")).isEqualTo("DISABLED");
        assertThat(text(nightly, "Targets", "0", "Arn", "Fn::GetAtt", "0")).isEqualTo("F");
        assertThat(text(nightly, "Targets", "0", "Id")).isEqualTo("FNightlyLambdaTarget");
        assertThat(text(nightly, "Targets", "0", "DeadLetterConfig", "Arn", "Fn::GetAtt", "0"))
                .isEqualTo("FNightlyQueue");
        assertThat(type(root, "FNightlyQueue")).isEqualTo("AWS::SQS::Queue");
        assertThat(text(resource(root, "FNightlyQueue"), "Condition")).isEqualTo("C");

        MapNode onEvent = props(root, "FOnEvent");
        assertThat(text(onEvent, "EventPattern", "source", "0")).isEqualTo("app");
        MapNode target = (MapNode) at(onEvent, "Targets", "0");
        assertThat(text(target, "DeadLetterConfig", "Arn", "Fn::GetAtt", "0")).isEqualTo("RuleDlq");
        assertThat(keyLine(target, "DeadLetterConfig")).isEqualTo(line(yaml, "Arn: !GetAtt RuleDlq.Arn") - 1);
        assertThat(keyLine((MapNode) at(target, "DeadLetterConfig"), "Arn"))
                .isEqualTo(line(yaml, "Arn: !GetAtt RuleDlq.Arn"));
        assertThat(text(target, "RetryPolicy", "MaximumRetryAttempts")).isEqualTo("2");

        assertThat(resources(root).keys()).noneMatch(k -> k.startsWith("FUploaded"));
    }

    @Test
    void eventInvokeConfigAndFunctionUrl() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      EventInvokeConfig:
                        MaximumRetryAttempts: 1
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                          OnSuccess:
                            Type: Lambda
                            Destination: !GetAtt G.Arn
                      FunctionUrlConfig:
                        AuthType: AWS_IAM
                """);
        MapNode config = props(root, "FEventInvokeConfig");
        assertThat(type(root, "FEventInvokeConfig")).isEqualTo("AWS::Lambda::EventInvokeConfig");
        assertThat(text(config, "Qualifier")).isEqualTo("$LATEST");
        assertThat(text(config, "MaximumRetryAttempts")).isEqualTo("1");
        assertThat(text(config, "DestinationConfig", "OnFailure", "Destination", "Fn::GetAtt", "0"))
                .isEqualTo("FEventInvokeConfigOnFailureQueue");
        assertThat(type(root, "FEventInvokeConfigOnFailureQueue")).isEqualTo("AWS::SQS::Queue");
        assertThat(text(config, "DestinationConfig", "OnSuccess", "Destination", "Fn::GetAtt", "0")).isEqualTo("G");
        assertThat(type(root, "FUrl")).isEqualTo("AWS::Lambda::Url");
        assertThat(text(props(root, "FUrl"), "AuthType")).isEqualTo("AWS_IAM");
    }

    @Test
    void deploymentPreferenceCreatesAliasAndDeploymentGroup() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    AutoPublishAlias: live
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      ProvisionedConcurrencyConfig:
                        ProvisionedConcurrentExecutions: 2
                      DeploymentPreference:
                        Type: AllAtOnce
                        Alarms:
                          - !Ref ErrorsAlarm
                        Hooks:
                          PreTraffic: !Ref PreHook
                  G:
                    Type: AWS::Serverless::Function
                    Properties:
                      DeploymentPreference:
                        Type: Canary10Percent5Minutes
                        Enabled: false
                """;
        MapNode root = expand(yaml);
        assertThat(type(root, "FVersion")).isEqualTo("AWS::Lambda::Version");
        assertThat(text(resource(root, "FVersion"), "DeletionPolicy")).isEqualTo("Retain");
        MapNode alias = resource(root, "FAliaslive");
        assertThat(text(alias, "Type")).isEqualTo("AWS::Lambda::Alias");
        assertThat(text(alias, "Properties", "Name")).isEqualTo("live");
        assertThat(text(alias, "Properties", "FunctionVersion", "Fn::GetAtt", "0")).isEqualTo("FVersion");
        assertThat(text(alias, "Properties", "ProvisionedConcurrencyConfig", "ProvisionedConcurrentExecutions"))
                .isEqualTo("2");
        MapNode update = (MapNode) at(alias, "UpdatePolicy", "CodeDeployLambdaAliasUpdate");
        assertThat(text(update, "DeploymentGroupName", "Ref")).isEqualTo("FDeploymentGroup");
        assertThat(text(update, "BeforeAllowTrafficHook", "Ref")).isEqualTo("PreHook");

        MapNode group = props(root, "FDeploymentGroup");
        assertThat(type(root, "FDeploymentGroup")).isEqualTo("AWS::CodeDeploy::DeploymentGroup");
        assertThat(text(group, "DeploymentConfigName")).isEqualTo("CodeDeployDefault.LambdaAllAtOnce");
        assertThat(keyLine(group, "DeploymentConfigName")).isEqualTo(line(yaml, "Type: AllAtOnce"));
        assertThat(text(group, "AutoRollbackConfiguration", "Enabled")).isEqualTo("true");
        assertThat(text(group, "AutoRollbackConfiguration", "Events", "0")).isEqualTo("DEPLOYMENT_FAILURE");
        assertThat(text(group, "AlarmConfiguration", "Enabled")).isEqualTo("true");
        assertThat(text(group, "AlarmConfiguration", "Alarms", "0", "Name", "Ref")).isEqualTo("ErrorsAlarm");
        assertThat(text(group, "ApplicationName", "Ref")).isEqualTo("ServerlessDeploymentApplication");
        assertThat(type(root, "ServerlessDeploymentApplication")).isEqualTo("AWS::CodeDeploy::Application");

        assertThat(resources(root).has("GAliaslive")).isTrue();
        assertThat(resources(root).has("GDeploymentGroup")).isFalse();
        assertThat(resource(root, "GAliaslive").has("UpdatePolicy")).isFalse();
    }

    // ---------------------------------------------------------------- state machine, table

    @Test
    void stateMachineKeepsItsDefinitionTree() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    DeletionPolicy: Delete
                    Properties:
                      Name: flow
                      Type: EXPRESS
                      Role: !GetAtt R.Arn
                      Logging:
                        Level: ALL
                      Tracing:
                        Enabled: true
                      DefinitionSubstitutions:
                        Fn: !GetAtt F.Arn
                      Definition:
                        StartAt: Call
                        States:
                          Call:
                            Type: Task
                            Resource: ${Fn}
                            Retry:
                              - ErrorEquals: [States.ALL]
                                MaxAttempts: 3
                            End: true
                      Events:
                        Every:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)
                  FromUri:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri:
                        Bucket: b
                        Key: sm.json
                """;
        MapNode root = expand(yaml);
        MapNode flow = resource(root, "Flow");
        assertThat(text(flow, "Type")).isEqualTo("AWS::StepFunctions::StateMachine");
        assertThat(text(flow, "DeletionPolicy")).isEqualTo("Delete");
        MapNode p = props(root, "Flow");
        assertThat(text(p, "StateMachineName")).isEqualTo("flow");
        assertThat(text(p, "StateMachineType")).isEqualTo("EXPRESS");
        assertThat(text(p, "RoleArn", "Fn::GetAtt", "0")).isEqualTo("R");
        assertThat(text(p, "LoggingConfiguration", "Level")).isEqualTo("ALL");
        assertThat(text(p, "TracingConfiguration", "Enabled")).isEqualTo("true");
        assertThat(text(p, "DefinitionSubstitutions", "Fn", "Fn::GetAtt", "0")).isEqualTo("F");
        MapNode retry = (MapNode) at(p, "Definition", "States", "Call", "Retry", "0");
        assertThat(keyLine(retry, "MaxAttempts")).isEqualTo(line(yaml, "MaxAttempts: 3"));
        assertThat(keyLine(p, "Definition")).isEqualTo(line(yaml, "Definition:"));
        assertThat(((ListNode) at(p, "Tags")).items()).extracting(t -> text(t, "Key"))
                .containsExactly("stateMachine:createdBy");

        MapNode rule = props(root, "FlowEvery");
        assertThat(text(rule, "ScheduleExpression")).isEqualTo("rate(5 minutes)");
        assertThat(text(rule, "Targets", "0", "Arn", "Ref")).isEqualTo("Flow");
        assertThat(text(rule, "Targets", "0", "Id")).isEqualTo("FlowEveryStepFunctionsTarget");

        assertThat(text(props(root, "FromUri"), "DefinitionS3Location", "Key")).isEqualTo("sm.json");
    }

    @Test
    void simpleTableBecomesDynamoDbTable() throws Exception {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    SSESpecification:
                      SSEEnabled: true
                Resources:
                  Plain:
                    Type: AWS::Serverless::SimpleTable
                  Keyed:
                    Type: AWS::Serverless::SimpleTable
                    DeletionPolicy: Retain
                    UpdateReplacePolicy: Retain
                    Properties:
                      TableName: orders
                      PrimaryKey:
                        Name: orderId
                        Type: Number
                      ProvisionedThroughput:
                        ReadCapacityUnits: 5
                        WriteCapacityUnits: 5
                      Tags:
                        team: orders
                """;
        MapNode root = expand(yaml);
        MapNode plain = props(root, "Plain");
        assertThat(type(root, "Plain")).isEqualTo("AWS::DynamoDB::Table");
        assertThat(text(plain, "AttributeDefinitions", "0", "AttributeName")).isEqualTo("id");
        assertThat(text(plain, "AttributeDefinitions", "0", "AttributeType")).isEqualTo("S");
        assertThat(text(plain, "KeySchema", "0", "AttributeName")).isEqualTo("id");
        assertThat(text(plain, "KeySchema", "0", "KeyType")).isEqualTo("HASH");
        assertThat(text(plain, "BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(text(plain, "SSESpecification", "SSEEnabled")).isEqualTo("true");
        assertThat(keyLine(plain, "SSESpecification")).isEqualTo(line(yaml, "SSESpecification:"));
        assertThat(resource(root, "Plain").has("DeletionPolicy")).isFalse();

        MapNode keyed = resource(root, "Keyed");
        assertThat(text(keyed, "DeletionPolicy")).isEqualTo("Retain");
        assertThat(text(keyed, "UpdateReplacePolicy")).isEqualTo("Retain");
        MapNode p = props(root, "Keyed");
        assertThat(text(p, "TableName")).isEqualTo("orders");
        assertThat(text(p, "AttributeDefinitions", "0", "AttributeName")).isEqualTo("orderId");
        assertThat(text(p, "AttributeDefinitions", "0", "AttributeType")).isEqualTo("N");
        assertThat(p.has("BillingMode")).isFalse();
        assertThat(text(p, "ProvisionedThroughput", "ReadCapacityUnits")).isEqualTo("5");
        assertThat(text(p, "Tags", "0", "Key")).isEqualTo("team");
        assertThat(keyLine(p, "KeySchema")).isEqualTo(line(yaml, "PrimaryKey:"));
    }

    // ---------------------------------------------------------------- robustness

    @Test
    void keepsOtherResourcesAndTheTemplatesOwnIds() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Layer:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: layer/
                  App:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: s3://b/k
                  FQ:
                    Type: AWS::SNS::Topic
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Q:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt X.Arn
                """);
        assertThat(type(root, "Layer")).isEqualTo("AWS::Serverless::LayerVersion");
        assertThat(type(root, "App")).isEqualTo("AWS::Serverless::Application");
        assertThat(type(root, "FQ")).isEqualTo("AWS::SNS::Topic");
        assertThat(resources(root).keys()).containsExactly("Layer", "App", "FQ", "F");
    }

    @Test
    void malformedSamIsLeftOutWithoutFailing() {
        List<String> templates = List.of("""
                Transform: AWS::Serverless-2016-10-31
                Globals: [not, a, map]
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events: [not, a, map]
                """, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: 42
                  Api: [x]
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        NoType:
                          Properties:
                            Queue: x
                        NullEvent:
                        NoProps:
                          Type: SQS
                        BadProps:
                          Type: Api
                          Properties: [1, 2]
                        Unknown:
                          Type: Teleport
                        TypeIsAMap:
                          Type: {a: b}
                  G:
                    Type: AWS::Serverless::Function
                  H:
                    Type: AWS::Serverless::Function
                    Properties: !If [C, {Timeout: 3}, !Ref AWS::NoValue]
                  I:
                    Type: AWS::Serverless::Function
                    Properties:
                      Tags: [a, b]
                      DeadLetterQueue: x
                      CodeUri: !Sub s3://${B}/k
                      AutoPublishAlias: !Ref Alias
                      DeploymentPreference:
                        Type: !If [P, AllAtOnce, Linear10PercentEvery1Minute]
                        Alarms: !If [P, [a], [b]]
                      EventInvokeConfig:
                        DestinationConfig: !Ref D
                  J: not a map
                  K:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      PrimaryKey: !Ref Key
                  L:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: !Ref Stage
                      EndpointConfiguration:
                        Type: PRIVATE
                        VPCEndpointIds: [vpce-1]
                  M:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: !Ref Stage
                  N:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Events: 3
                """, """
                Transform: AWS::Serverless-2016-10-31
                Resources: [1, 2]
                """, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: 12
                """);
        for (String yaml : templates) {
            assertThatCode(() -> {
                MapNode root = expand(yaml);
                if (root.get("Resources").orElse(null) instanceof MapNode) {
                    assertNoServerlessTypes(root);
                }
            }).as(yaml).doesNotThrowAnyException();
        }
    }

    @Test
    void malformedPartsDoNotStopTheRest() throws Exception {
        MapNode root = expand("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        NoType:
                          Properties: {Queue: x}
                        Good:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Q.Arn
                  I:
                    Type: AWS::Serverless::Function
                    Properties:
                      AutoPublishAlias: !Ref Alias
                      DeploymentPreference:
                        Type: !If [P, AllAtOnce, Linear10PercentEvery1Minute]
                """);
        assertThat(resources(root).keys()).contains("FGood").doesNotContain("FNoType");
        assertThat(text(props(root, "IDeploymentGroup"), "DeploymentConfigName", "Fn::If", "1"))
                .isEqualTo("CodeDeployDefault.LambdaAllAtOnce");
        assertThat(text(props(root, "IDeploymentGroup"), "DeploymentConfigName", "Fn::If", "0")).isEqualTo("P");
        assertThat(resources(root).keys()).contains("IAlias", "IVersion");
    }

    @Test
    void expandingTwiceChangesNothing() throws Exception {
        MapNode once = expand("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 9
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Get:
                          Type: Api
                          Properties: {Path: /, Method: get}
                """);
        MapNode twice = SamTransform.expand(once, "t.yaml");
        assertThat(twice).isEqualTo(once);
    }

    // ---------------------------------------------------------------- corpus

    @Test
    void expandsEveryCorpusSamTemplate() throws IOException {
        Path corpus = CorpusTest.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(SamTransformTest::isSamFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int expanded = 0;
        List<String> unreadable = new ArrayList<>();
        Set<String> samTypes = Set.of("AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi",
                "AWS::Serverless::StateMachine", "AWS::Serverless::SimpleTable");
        for (Path file : files) {
            MapNode root;
            try {
                root = LOADER.load(file, file.toString());
            } catch (TreeReadException e) {
                unreadable.add(e.display());
                continue;
            }
            MapNode result;
            try {
                result = SamTransform.expand(root, file.toString());
            } catch (TreeReadException e) {
                unreadable.add(e.display());
                continue;
            }
            if (!SamTransform.isSam(root)) {
                assertThat(result).isSameAs(root);
                continue;
            }
            expanded++;
            assertThat(result.has("Globals")).as(file.toString()).isFalse();
            if (result.get("Resources").orElse(null) instanceof MapNode resources) {
                for (MapNode.Entry e : resources.entries()) {
                    if (e.value() instanceof MapNode def && def.get("Type").orElse(null) instanceof ScalarNode t) {
                        assertThat(t.text()).as(file + ": " + e.key()).isNotIn(samTypes);
                    }
                }
                assertEveryMarkKnown(resources, file + ": Resources");
            }
        }
        System.out.println("SAM corpus: " + files.size() + " files, " + expanded + " expanded, " + unreadable.size()
                + " unreadable");
        unreadable.forEach(u -> System.out.println("  " + u));
        assertThat(expanded).isGreaterThan(30);
    }

    /** Every key and value below {@code node} points at a line of the source. */
    private static void assertEveryMarkKnown(Node node, String path) {
        assertThat(node.mark().line()).as(path).isPositive();
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                assertThat(e.keyMark().line()).as(path + "/" + e.key()).isPositive();
                assertEveryMarkKnown(e.value(), path + "/" + e.key());
            }
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                assertEveryMarkKnown(l.get(i), path + "/" + i);
            }
        }
    }

    private static boolean isSamFile(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.endsWith(".template"))) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("AWS::Serverless-2016-10-31");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
