package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.rules.ca.CacheTtlUnset;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v2 collector makes no per-resource detail call ({@code GetIntegrations} and {@code GetAuthorizers}
 * list the integrations and authorizers of one API), so its faults are those of list calls: each makes its
 * types a gap.
 */
class ApiGatewayV2CollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "ca-central-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String API = "AWS::ApiGatewayV2::Api";
    static final String INTEGRATION = "AWS::ApiGatewayV2::Integration";
    static final String AUTHORIZER = "AWS::ApiGatewayV2::Authorizer";
    static final String URI = "arn:aws:apigateway:ca-central-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:ca-central-1:222233334444:function:auth/invocations";
    static final String ARN = "arn:aws:apigateway:ca-central-1::/apis/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final ApiGatewayV2Collector collector = new ApiGatewayV2Collector();

    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("apigatewayv2", "GetApis", List.of(Map.of("ApiId", "h1", "Name", "orders", "ProtocolType", "HTTP"),
                Map.of("ApiId", "h2", "Name", "chat", "ProtocolType", "WEBSOCKET"),
                Map.of("ApiId", "h3", "Name", "empty", "ProtocolType", "HTTP")));
        r.items("apigatewayv2", "GetIntegrations", "ApiId", "h1", List.of(
                Map.of("IntegrationId", "i1", "IntegrationType", "AWS_PROXY", "IntegrationUri", "arn:aws:lambda:x"),
                Map.of("IntegrationId", "i2", "IntegrationType", "HTTP_PROXY", "IntegrationUri", "https://example.com"),
                Map.of("IntegrationId", "i3", "IntegrationType", "AWS_PROXY", "TimeoutInMillis", 5000)));
        r.items("apigatewayv2", "GetIntegrations", "ApiId", "h2", List.of(
                Map.of("IntegrationId", "w1", "IntegrationType", "AWS_PROXY")));
        r.items("apigatewayv2", "GetAuthorizers", "ApiId", "h1", List.of(
                Map.of("AuthorizerId", "a1", "Name", "uncached", "AuthorizerType", "REQUEST", "AuthorizerUri", URI,
                        "AuthorizerPayloadFormatVersion", "2.0", "AuthorizerResultTtlInSeconds", 0,
                        "EnableSimpleResponses", true, "IdentitySource", List.of("$request.header.Authorization")),
                Map.of("AuthorizerId", "a2", "Name", "cached", "AuthorizerType", "REQUEST", "AuthorizerUri", URI,
                        "AuthorizerResultTtlInSeconds", 300, "IdentitySource", List.of("$request.header.Authorization")),
                Map.of("AuthorizerId", "a3", "Name", "jwt", "AuthorizerType", "JWT",
                        "IdentitySource", List.of("$request.header.Authorization"),
                        "JwtConfiguration", Map.of("Issuer", "https://issuer.example.com", "Audience", List.of("orders")))));
        r.items("apigatewayv2", "GetAuthorizers", "ApiId", "h2", List.of(
                Map.of("AuthorizerId", "w1", "Name", "connect", "AuthorizerType", "REQUEST", "AuthorizerUri", URI,
                        "IdentitySource", List.of("route.request.header.Auth"))));
        return r;
    }

    @Test
    void apisAndTheirIntegrationsArePagedByToken() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(API, INTEGRATION);

        assertThat(run.ofType(API)).hasSize(3);
        assertThat(run.ofType(INTEGRATION)).hasSize(4);
        assertThat(PlainTrees.at(run.get(ARN + "h1/integrations/i3"), "ApiId"))
                .isEqualTo(Ref.to("h1", "AWS::ApiGatewayV2::Api"));
        assertThat(PlainTrees.at(run.get(ARN + "h2"), "ProtocolType")).isEqualTo("WEBSOCKET");
        var calls = FAKE.calls();
        assertThat(calls.count("apigatewayv2", "GetApis")).isEqualTo(2);
        assertThat(calls.count("apigatewayv2", "GetIntegrations")).isEqualTo(2 + 1 + 1);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void authorizersArePagedByTokenPerApiInCloudFormationsShapeWithTheTtlTheyHave() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(API, AUTHORIZER);

        assertThat(run.ofType(AUTHORIZER)).extracting(r -> r.name()).containsExactly("orders authorizer uncached",
                "orders authorizer cached", "orders authorizer jwt", "chat authorizer connect");
        assertThat(PlainTrees.of(run.get(ARN + "h1/authorizers/a1"))).isEqualTo(Map.of(
                "ApiId", Ref.to("h1", "AWS::ApiGatewayV2::Api"), "Name", "uncached", "AuthorizerType", "REQUEST",
                "AuthorizerUri", URI, "AuthorizerPayloadFormatVersion", "2.0", "AuthorizerResultTtlInSeconds", 0L,
                "EnableSimpleResponses", true, "IdentitySource", List.of("$request.header.Authorization")));
        assertThat(PlainTrees.at(run.get(ARN + "h1/authorizers/a3"), "JwtConfiguration"))
                .isEqualTo(Map.of("Issuer", "https://issuer.example.com", "Audience", List.of("orders")));
        assertThat(PlainTrees.of(run.get(ARN + "h2/authorizers/w1"))).as("a TTL the API leaves out stays absent")
                .doesNotContainKey("AuthorizerResultTtlInSeconds");
        assertThat(run.get(ARN + "h1/authorizers/a1").identifiers()).containsEntry("a1", "");
        assertThat(FAKE.calls().count("apigatewayv2", "GetAuthorizers")).as("h1: 2 pages, h2 and h3: 1").isEqualTo(2 + 1 + 1);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnGetAuthorizersLeavesOnlyAuthorizersAGapNamingTheCallTheAccountAndTheRegion() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetAuthorizers"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(API, INTEGRATION);

        assertThat(run.gap(AUTHORIZER).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(AUTHORIZER).detail()).contains("GetAuthorizers: AccessDeniedException");
        assertThat(run.ofType(AUTHORIZER)).isEmpty();
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::DAX::ParameterGroup",
                "AWS::ApiGateway::Authorizer");
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("CA04");
            assertThat(n.resourceType()).isEqualTo(AUTHORIZER);
            assertThat(n.detail()).contains("GetAuthorizers");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void ca04FiresOnTheUncachedLambdaAuthorizerOfTheHttpApiOnly() {
        serve();
        // the WebSocket API's authorizer, were its TTL 0, would still be quiet: WebSocket APIs cache nothing
        FAKE.account(ACCOUNT).region(REGION).items("apigatewayv2", "GetAuthorizers", "ApiId", "h2", List.of(
                Map.of("AuthorizerId", "w1", "Name", "connect", "AuthorizerType", "REQUEST", "AuthorizerUri", URI,
                        "AuthorizerResultTtlInSeconds", 0, "IdentitySource", List.of("route.request.header.Auth"))));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::DAX::ParameterGroup",
                "AWS::ApiGateway::Authorizer");

        assertThat(results.notEvaluated()).isEmpty();
        assertThat(results.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("HTTP API authorizer orders authorizer uncached caches no results"));
    }

    @Test
    void whereOnlyTheApisAreMissingAnUncachedAuthorizerIsNotEvaluatedForItsApiMayBeAWebSocketApi() {
        serve();
        CollectorRun read = CollectorRun.of(FAKE, collector, SCOPE, false).complete(AUTHORIZER);
        Map<String, Optional<Completeness.Gap>> completeness = new HashMap<>(read.completeness());
        completeness.put(API, Optional.of(new Completeness.Gap(NotEvaluated.Reason.ACCESS_DENIED, "GetApis: denied")));
        CollectorRun withoutApis = new CollectorRun(SCOPE, read.ofType(AUTHORIZER), completeness);

        Results results = withoutApis.judge(List.of(new CacheTtlUnset()), "AWS::DAX::ParameterGroup",
                "AWS::ApiGateway::Authorizer");

        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).extracting(n -> n.resourceType() + " " + n.subject()).containsExactlyInAnyOrder(
                API + " ", AUTHORIZER + " " + ARN + "h1/authorizers/a1");
        assertThat(results.notEvaluated()).filteredOn(n -> !n.subject().isEmpty()).singleElement()
                .satisfies(n -> assertThat(n.detail()).contains("WebSocket API"));
    }

    @Test
    void accessDeniedOnGetApisLeavesBothTypesGaps() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetApis"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(API).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(INTEGRATION).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(AUTHORIZER).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(FAKE.calls().count("apigatewayv2", "GetIntegrations")).isZero();
        assertThat(FAKE.calls().count("apigatewayv2", "GetAuthorizers")).isZero();
    }

    @Test
    void accessDeniedOnGetIntegrationsLeavesTheApisRead() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetIntegrations"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(API);

        assertThat(run.gap(INTEGRATION).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.ofType(API)).hasSize(3);
    }
}
