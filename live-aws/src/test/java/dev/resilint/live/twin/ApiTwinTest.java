package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.to.TimeoutChainInverted;
import dev.resilint.live.LiveScan;
import dev.resilint.live.collect.services.ApiGatewayCollector;
import dev.resilint.live.collect.services.ApiGatewayV2Collector;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.model.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Gateway twins. CA02: stages with a cache cluster nothing uses or a TTL of 0, and a deployment
 * whose {@code StageDescription} creates such a stage (live, that stage is a stage of its own and the
 * finding lands on it). TO02's API half: REST methods, HTTP, quick-create and WebSocket integrations in
 * front of functions with longer or shorter timeouts, with the Lambda side stood in for
 * ({@link AssumedLambdaCollector}) until its collector is merged.
 */
class ApiTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String APIGW = "arn:aws:apigateway:eu-west-1::";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- CA02

    static final String CACHE_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Api: {Type: AWS::ApiGateway::RestApi, Properties: {Name: shop}}
              Deploy:
                Type: AWS::ApiGateway::Deployment
                Properties: {RestApiId: !Ref Api, StageName: v1, StageDescription: {CacheClusterEnabled: true}}
              Plain:
                Type: AWS::ApiGateway::Deployment
                Properties: {RestApiId: !Ref Api, Description: plain}
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
                  DeploymentId: !Ref Plain
                  CacheClusterEnabled: true
                  MethodSettings: [{ResourcePath: /~1orders, HttpMethod: GET, CachingEnabled: true, CacheTtlInSeconds: 0}]
              Cached:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: cached
                  DeploymentId: !Ref Plain
                  CacheClusterEnabled: true
                  MethodSettings: [{ResourcePath: /*, HttpMethod: '*', CachingEnabled: true, CacheTtlInSeconds: 300}]
              Dev:
                Type: AWS::ApiGateway::Stage
                Properties: {RestApiId: !Ref Api, StageName: dev, DeploymentId: !Ref Plain, CacheClusterEnabled: false}
            """;

    static Map<String, Object> stage(String name, String deployment, boolean cluster, Map<String, Object> settings) {
        return Trees.map("stageName", name, "deploymentId", deployment, "cacheClusterEnabled", cluster,
                "cacheClusterSize", "0.5", "cacheClusterStatus", cluster ? "AVAILABLE" : "NOT_AVAILABLE",
                "methodSettings", settings, "tracingEnabled", false);
    }

    static void serveCache(FakeRegion eu) {
        eu.items("apigateway", "GetRestApis", List.of(Map.of("id", "a1", "name", "shop", "rootResourceId", "root")));
        eu.items("apigateway", "GetDeployments", "restApiId", "a1", List.of(Map.of("id", "d1"),
                Map.of("id", "d2", "description", "plain")));
        eu.items("apigateway", "GetStages", "restApiId", "a1", List.of(
                // created by the deployment's StageDescription
                stage("v1", "d1", true, Map.of()),
                stage("prod", "d2", true, Map.of("~1orders/GET", Map.of("cachingEnabled", true, "cacheTtlInSeconds", 0))),
                stage("cached", "d2", true, Map.of("*/*", Map.of("cachingEnabled", true, "cacheTtlInSeconds", 300))),
                stage("dev", "d2", false, Map.of())));
    }

    @Test
    void ca02GetsTheSameFindingsAndADeploymentsStageIsAStageLive() {
        serveCache(FAKE.account(ACCOUNT).region(REGION));
        String stages = APIGW + "/restapis/a1/stages/";
        var findings = Twin.of(CACHE_TEMPLATE).is("Deploy", stages + "v1").is("Prod", stages + "prod")
                .is("Cached", stages + "cached").is("Dev", stages + "dev")
                .is("Plain", APIGW + "/restapis/a1/deployments/d2").assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("CA02 Deploy", "CA02 Prod", "SC04 Cached", "SC04 Deploy", "SC04 Dev",
                "SC04 Prod");
    }

    // ---------------------------------------------------------------- TO02

    static final String TIMEOUT_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Slow: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 60}}
              Fast: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 10}}
              Async: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 60}}
              Short: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}}}
              Direct: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 10}}
              QuickFn: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 45}}
              WsFn: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: {ZipFile: x}, Timeout: 30}}
              Rest: {Type: AWS::ApiGateway::RestApi, Properties: {Name: rest}}
              SlowGet:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Rest
                  ResourceId: !GetAtt Rest.RootResourceId
                  HttpMethod: GET
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Slow.Arn}/invocations
              FastGet:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Rest
                  ResourceId: !GetAtt Rest.RootResourceId
                  HttpMethod: PUT
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    TimeoutInMillis: 20000
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fast.Arn}/invocations
              AsyncPost:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Rest
                  ResourceId: !GetAtt Rest.RootResourceId
                  HttpMethod: POST
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS
                    IntegrationHttpMethod: POST
                    RequestParameters: {integration.request.header.X-Amz-Invocation-Type: "'Event'"}
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Async.Arn}/invocations
              ShortGet:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Rest
                  ResourceId: !GetAtt Rest.RootResourceId
                  HttpMethod: DELETE
                  AuthorizationType: NONE
                  Integration:
                    Type: AWS_PROXY
                    IntegrationHttpMethod: POST
                    TimeoutInMillis: 2000
                    Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Short.Arn}/invocations
              Http: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: http, ProtocolType: HTTP}}
              DirectInt:
                Type: AWS::ApiGatewayV2::Integration
                Properties: {ApiId: !Ref Http, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Direct.Arn,
                             PayloadFormatVersion: '2.0', TimeoutInMillis: 5000}
              Quick: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: quick, ProtocolType: HTTP, Target: !GetAtt QuickFn.Arn}}
              Ws: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}}
              WsInt:
                Type: AWS::ApiGatewayV2::Integration
                Properties:
                  ApiId: !Ref Ws
                  IntegrationType: AWS_PROXY
                  IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${WsFn.Arn}/invocations
            """;

    static final Map<String, String> LOGICAL_IDS = Map.of("slow", "Slow", "fast", "Fast", "async", "Async",
            "short", "Short", "direct", "Direct", "quickfn", "QuickFn", "wsfn", "WsFn");

    static String fn(String name) {
        return AssumedLambdaCollector.arn(SCOPE, name);
    }

    static String invocation(String name) {
        return "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/" + fn(name) + "/invocations";
    }

    static Map<String, Object> resource(String id, String verb, Map<String, Object> integration) {
        return Map.of("id", id, "path", "/" + id, "resourceMethods", Map.of(verb, Map.of("httpMethod", verb,
                "authorizationType", "NONE", "methodIntegration", integration)));
    }

    static void serveTimeouts(FakeRegion eu) {
        eu.items("apigateway", "GetRestApis", List.of(Map.of("id", "r1", "name", "rest", "rootResourceId", "root")));
        // the API answers the integration timeout it applies, 29 s unless set
        eu.items("apigateway", "GetResources", "restApiId", "r1", List.of(
                resource("slow", "GET", Map.of("type", "AWS_PROXY", "httpMethod", "POST", "uri", invocation("slow"),
                        "timeoutInMillis", 29000)),
                resource("fast", "PUT", Map.of("type", "AWS_PROXY", "httpMethod", "POST", "uri", invocation("fast"),
                        "timeoutInMillis", 20000)),
                resource("async", "POST", Map.of("type", "AWS", "httpMethod", "POST", "uri", invocation("async"),
                        "timeoutInMillis", 29000, "requestParameters",
                        Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'"))),
                resource("short", "DELETE", Map.of("type", "AWS_PROXY", "httpMethod", "POST", "uri", invocation("short"),
                        "timeoutInMillis", 2000))));
        eu.items("apigatewayv2", "GetApis", List.of(Map.of("ApiId", "h1", "Name", "http", "ProtocolType", "HTTP"),
                Map.of("ApiId", "q1", "Name", "quick", "ProtocolType", "HTTP"),
                Map.of("ApiId", "w1", "Name", "ws", "ProtocolType", "WEBSOCKET",
                        "RouteSelectionExpression", "$request.body.action")));
        eu.items("apigatewayv2", "GetIntegrations", "ApiId", "h1", List.of(Map.of("IntegrationId", "i1",
                "IntegrationType", "AWS_PROXY", "IntegrationUri", fn("direct"), "PayloadFormatVersion", "2.0",
                "TimeoutInMillis", 5000)));
        // quick create made this integration; the API keeps no Target
        eu.items("apigatewayv2", "GetIntegrations", "ApiId", "q1", List.of(Map.of("IntegrationId", "qi",
                "IntegrationType", "AWS_PROXY", "IntegrationUri", fn("quickfn"), "PayloadFormatVersion", "2.0",
                "TimeoutInMillis", 30000, "ApiGatewayManaged", true)));
        eu.items("apigatewayv2", "GetIntegrations", "ApiId", "w1", List.of(Map.of("IntegrationId", "wi",
                "IntegrationType", "AWS_PROXY", "IntegrationUri", invocation("wsfn"), "TimeoutInMillis", 29000)));
    }

    @Test
    void to02sApiHalfGetsTheSameFindingsWithTheLambdaSideStoodIn() throws IOException {
        serveTimeouts(FAKE.account(ACCOUNT).region(REGION));
        Files.writeString(dir.resolve("api.yaml"), TIMEOUT_TEMPLATE);
        Results template = new CloudFormationAnalyzer(List.of(new TimeoutChainInverted())).analyze(
                new AnalysisRequest(List.of(dir.resolve("api.yaml")), dir, Config.defaults(), List.of()));
        Map<String, Integer> timeouts = new TreeMap<>(Map.of("slow", 60, "fast", 10, "async", 60, "short", 3,
                "direct", 10, "quickfn", 45, "wsfn", 30));
        Results live = new LiveScan(Scans.caller(FAKE, ACCOUNT, REGION), List.of(new ApiGatewayCollector(),
                new ApiGatewayV2Collector(), new AssumedLambdaCollector(timeouts)), LiveScan.Progress.NONE)
                .run(List.of(new TimeoutChainInverted()), new Engine(Config.defaults()));

        assertThat(template.problems()).isEmpty();
        assertThat(live.problems()).isEmpty();
        assertThat(live.notEvaluated()).isEmpty();
        assertThat(FAKE.problems()).isEmpty();
        Set<String> expected = template.findings().stream()
                .map(f -> f.ruleId() + " " + ((Location.Template) f.location()).resourceId())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = live.findings().stream().map(f -> {
            String arn = ((Location.Live) f.location()).arn();
            return f.ruleId() + " " + LOGICAL_IDS.getOrDefault(arn.substring(arn.lastIndexOf(':') + 1), arn);
        }).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).containsExactly("TO02 Direct", "TO02 QuickFn", "TO02 Short", "TO02 Slow", "TO02 WsFn");
    }
}
