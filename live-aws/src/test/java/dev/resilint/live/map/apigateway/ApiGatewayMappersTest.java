package dev.resilint.live.map.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.GetIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

/** The REST API mappers: {@code AWS::ApiGateway::Stage}, {@code Deployment} and {@code Method}. */
class ApiGatewayMappersTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final RestApi API = RestApi.builder().id("abc123").name("shop").build();
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:orders";
    static final String URI = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/" + FN + "/invocations";

    @Test
    void aStageWithItsMethodSettingsAsCloudFormationsList() {
        Stage s = Stage.builder().stageName("prod").deploymentId("dep1").cacheClusterEnabled(true).cacheClusterSize("0.5")
                .tracingEnabled(false).variables(Map.of("fn", "orders"))
                .methodSettings(Map.of(
                        "*/*", MethodSetting.builder().cachingEnabled(false).metricsEnabled(true)
                                .throttlingBurstLimit(5000).throttlingRateLimit(10000.0).build(),
                        "~1orders~1{id}/GET", MethodSetting.builder().cachingEnabled(true).cacheTtlInSeconds(0).build(),
                        "~1/GET", MethodSetting.builder().cachingEnabled(true).cacheTtlInSeconds(60).build()))
                .tags(Map.of("team", "shop")).build();

        LiveResource r = StageMapper.map(SCOPE, API, s);

        assertThat(r.type()).isEqualTo("AWS::ApiGateway::Stage");
        assertThat(r.arn()).isEqualTo("arn:aws:apigateway:eu-west-1::/restapis/abc123/stages/prod");
        assertThat(r.name()).isEqualTo("shop/prod");
        assertThat(r.identifiers()).isEqualTo(Map.of("prod", ""));
        Map<String, Object> p = PlainTrees.of(r);
        assertThat(p.get("RestApiId")).isEqualTo(Ref.to("abc123", "AWS::ApiGateway::RestApi"));
        assertThat(p.get("StageName")).isEqualTo("prod");
        assertThat(p.get("DeploymentId")).isEqualTo(Ref.to("dep1", "AWS::ApiGateway::Deployment"));
        assertThat(p.get("CacheClusterEnabled")).isEqualTo(true);
        assertThat(p.get("CacheClusterSize")).isEqualTo("0.5");
        assertThat(p.get("TracingEnabled")).isEqualTo(false);
        assertThat(p.get("Variables")).isEqualTo(Map.of("fn", "orders"));
        assertThat(p.get("MethodSettings")).isEqualTo(List.of(
                Map.of("ResourcePath", "/*", "HttpMethod", "*", "CachingEnabled", false, "MetricsEnabled", true,
                        "ThrottlingBurstLimit", 5000L, "ThrottlingRateLimit", 10000.0),
                Map.of("ResourcePath", "/", "HttpMethod", "GET", "CachingEnabled", true, "CacheTtlInSeconds", 60L),
                Map.of("ResourcePath", "/~1orders~1{id}", "HttpMethod", "GET", "CachingEnabled", true,
                        "CacheTtlInSeconds", 0L)));
        assertThat(p.get("Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "shop")));
    }

    @Test
    void resourcePathsOfMethodPathsInEitherSpelling() {
        assertThat(StageMapper.resourcePath("*")).isEqualTo("/*");
        assertThat(StageMapper.resourcePath("~1")).isEqualTo("/");
        assertThat(StageMapper.resourcePath("")).isEqualTo("/");
        assertThat(StageMapper.resourcePath("~1orders")).isEqualTo("/~1orders");
        assertThat(StageMapper.resourcePath("orders/{id}")).isEqualTo("/~1orders~1{id}");
    }

    @Test
    void aDeploymentHasNoStageSettingsOfItsOwn() {
        LiveResource r = DeploymentMapper.map(SCOPE, API, Deployment.builder().id("dep1").description("v2").build());

        assertThat(r.type()).isEqualTo("AWS::ApiGateway::Deployment");
        assertThat(r.arn()).isEqualTo("arn:aws:apigateway:eu-west-1::/restapis/abc123/deployments/dep1");
        assertThat(r.identifiers()).isEqualTo(Map.of("dep1", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("RestApiId", Ref.to("abc123", "AWS::ApiGateway::RestApi"),
                "Description", "v2"));
    }

    @Test
    void aMethodWithItsIntegrationWhoseUriHoldsTheFunctionArn() {
        Resource res = Resource.builder().id("r1").path("/orders").build();
        Method m = Method.builder().httpMethod("POST").authorizationType("NONE").apiKeyRequired(false)
                .requestParameters(Map.of("method.request.header.X-Id", true))
                .methodIntegration(Integration.builder().type(IntegrationType.AWS_PROXY).httpMethod("POST").uri(URI)
                        .timeoutInMillis(5000)
                        .requestParameters(Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'")).build())
                .build();

        LiveResource r = MethodMapper.map(SCOPE, API, res, m, m.methodIntegration());

        assertThat(r.type()).isEqualTo("AWS::ApiGateway::Method");
        assertThat(r.arn()).isEqualTo("arn:aws:apigateway:eu-west-1::/restapis/abc123/resources/r1/methods/POST");
        assertThat(r.name()).isEqualTo("shop POST /orders");
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of(
                "RestApiId", Ref.to("abc123", "AWS::ApiGateway::RestApi"),
                "ResourceId", Ref.to("r1", "AWS::ApiGateway::Resource"),
                "HttpMethod", "POST", "AuthorizationType", "NONE", "ApiKeyRequired", false,
                "RequestParameters", Map.of("method.request.header.X-Id", true),
                "Integration", Map.of("Type", "AWS_PROXY", "Uri", URI, "IntegrationHttpMethod", "POST",
                        "TimeoutInMillis", 5000L,
                        "RequestParameters", Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'"))));
    }

    @Test
    void aMethodWithoutIntegrationAndOneKnownOnlyFromTheResourceList() {
        Resource res = Resource.builder().id("r1").path("/").build();
        Method m = Method.builder().httpMethod("GET").authorizationType("NONE").build();

        assertThat(PlainTrees.of(MethodMapper.map(SCOPE, API, res, m, null))).doesNotContainKey("Integration");
        assertThat(PlainTrees.of(MethodMapper.listed(SCOPE, API, res, m))).containsOnlyKeys("RestApiId", "ResourceId",
                "HttpMethod");
        Integration fromDetail = MethodMapper.integration(GetIntegrationResponse.builder().type(IntegrationType.AWS)
                .uri(URI).timeoutInMillis(1000).build());
        assertThat(fromDetail.typeAsString()).isEqualTo("AWS");
        assertThat(fromDetail.uri()).isEqualTo(URI);
        assertThat(fromDetail.timeoutInMillis()).isEqualTo(1000);
    }
}
