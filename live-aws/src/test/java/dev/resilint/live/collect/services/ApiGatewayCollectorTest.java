package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.rules.ca.ApiCacheWithoutTtl;
import dev.resilint.infra.rules.to.TimeoutChainInverted;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiGatewayCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-south-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String STAGE = "AWS::ApiGateway::Stage";
    static final String DEPLOYMENT = "AWS::ApiGateway::Deployment";
    static final String METHOD = "AWS::ApiGateway::Method";
    static final String AUTHORIZER = "AWS::ApiGateway::Authorizer";
    static final String ARN = "arn:aws:apigateway:eu-south-1::/restapis/a1/";
    static final String FN = "arn:aws:lambda:eu-south-1:222233334444:function:orders";
    static final String URI = "arn:aws:apigateway:eu-south-1:lambda:path/2015-03-31/functions/" + FN + "/invocations";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final ApiGatewayCollector collector = new ApiGatewayCollector();

    /**
     * Three APIs (two pages); a1 has two stages, three deployments and three resources (two pages each):
     * GET /orders with its integration embedded, POST /orders embedded without one (read by
     * GetIntegration), GET / with none at all.
     */
    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("apigateway", "GetRestApis", List.of(Map.of("id", "a1", "name", "shop"), Map.of("id", "a2", "name", "b"),
                Map.of("id", "a3", "name", "c")));
        r.items("apigateway", "GetStages", "restApiId", "a1", List.of(
                Map.of("stageName", "prod", "deploymentId", "d3", "cacheClusterEnabled", true,
                        "methodSettings", Map.of("*/*", Map.of("cachingEnabled", false))),
                Map.of("stageName", "dev", "deploymentId", "d2", "cacheClusterEnabled", false)));
        r.items("apigateway", "GetDeployments", "restApiId", "a1", List.of(Map.of("id", "d1"), Map.of("id", "d2"),
                Map.of("id", "d3", "description", "latest")));
        r.items("apigateway", "GetResources", "restApiId", "a1", List.of(
                Map.of("id", "root", "path", "/", "resourceMethods", Map.of("GET", Map.of("httpMethod", "GET",
                        "authorizationType", "NONE"))),
                Map.of("id", "r1", "path", "/orders", "resourceMethods", Map.of(
                        "GET", Map.of("httpMethod", "GET", "authorizationType", "NONE",
                                "methodIntegration", Map.of("type", "AWS_PROXY", "uri", URI, "httpMethod", "POST")),
                        "POST", Map.of("httpMethod", "POST", "authorizationType", "NONE"))),
                Map.of("id", "r2", "path", "/health")));
        r.answer("apigateway", "GetIntegration", "httpMethod", "POST", Map.of("type", "AWS_PROXY", "uri", URI,
                "timeoutInMillis", 5000));
        r.fail("apigateway", "GetIntegration", "resourceId", "root",
                new AwsError("NotFoundException", 404, "Invalid Integration identifier specified"));
        return r;
    }

    @Test
    void stagesDeploymentsAndMethodsWithTheirIntegrationsWithinTheCallBudget() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(STAGE, DEPLOYMENT, METHOD);

        assertThat(run.ofType(STAGE)).extracting(r -> r.arn()).containsExactly(ARN + "stages/dev", ARN + "stages/prod");
        assertThat(run.ofType(DEPLOYMENT)).hasSize(3);
        assertThat(run.ofType(METHOD)).extracting(r -> r.name())
                .containsExactly("shop GET /orders", "shop POST /orders", "shop GET /");
        assertThat(PlainTrees.at(run.get(ARN + "resources/r1/methods/GET"), "Integration/Uri")).isEqualTo(URI);
        assertThat(PlainTrees.at(run.get(ARN + "resources/r1/methods/POST"), "Integration/TimeoutInMillis")).isEqualTo(5000L);
        assertThat(PlainTrees.of(run.get(ARN + "resources/root/methods/GET"))).doesNotContainKey("Integration");
        assertThat(run.ofType(METHOD)).allSatisfy(m -> assertThat(m.unread()).isEmpty());
        var calls = FAKE.calls();
        assertThat(calls.count("apigateway", "GetRestApis")).isEqualTo(2);
        assertThat(calls.count("apigateway", "GetStages")).isEqualTo(3);
        assertThat(calls.count("apigateway", "GetDeployments")).isEqualTo(2 + 1 + 1);
        assertThat(calls.count("apigateway", "GetResources")).isEqualTo(2 + 1 + 1);
        assertThat(calls.count("apigateway", "GetIntegration")).isEqualTo(2);
        assertThat(calls.count("apigateway", "GetAuthorizers")).isEqualTo(3);
        assertThat(calls.iamActions()).containsExactly("apigateway:GET");
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void accessDeniedOnGetRestApisLeavesEveryTypeAGap() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigateway", "GetRestApis"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        for (String type : List.of(STAGE, DEPLOYMENT, METHOD, AUTHORIZER)) {
            assertThat(run.gap(type).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        }
        assertThat(run.resources()).isEmpty();
    }

    @Test
    void authorizersArePagedPerApiWithTheirTtlAsTheApiGivesIt() {
        serve().items("apigateway", "GetAuthorizers", "restApiId", "a1", List.of(
                Map.of("id", "au1", "name", "token", "type", "TOKEN", "authorizerUri", URI,
                        "identitySource", "method.request.header.Authorization", "authorizerResultTtlInSeconds", 0),
                Map.of("id", "au2", "name", "request", "type", "REQUEST", "authorizerUri", URI,
                        "identitySource", "method.request.header.X,method.request.querystring.q",
                        "authorizerResultTtlInSeconds", 300),
                Map.of("id", "au3", "name", "pool", "type", "COGNITO_USER_POOLS",
                        "providerARNs", List.of("arn:aws:cognito-idp:eu-south-1:222233334444:userpool/p"))));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(AUTHORIZER);

        assertThat(run.ofType(AUTHORIZER)).extracting(r -> r.arn())
                .containsExactly(ARN + "authorizers/au1", ARN + "authorizers/au2", ARN + "authorizers/au3");
        assertThat(PlainTrees.of(run.get(ARN + "authorizers/au1"))).containsEntry("Type", "TOKEN")
                .containsEntry("AuthorizerResultTtlInSeconds", 0L)
                .containsEntry("IdentitySource", "method.request.header.Authorization")
                .containsEntry("AuthorizerUri", URI)
                .containsEntry("RestApiId", PlainTrees.Ref.to("a1", "AWS::ApiGateway::RestApi"));
        // a value the API leaves out stays absent: no default is guessed
        assertThat(PlainTrees.of(run.get(ARN + "authorizers/au3"))).doesNotContainKey("AuthorizerResultTtlInSeconds")
                .containsEntry("ProviderARNs", List.of("arn:aws:cognito-idp:eu-south-1:222233334444:userpool/p"));
        assertThat(FAKE.calls().count("apigateway", "GetAuthorizers")).isEqualTo(2 + 1 + 1);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnGetAuthorizersLeavesOnlyAuthorizersAGapNamingTheScopeAndTheCall() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigateway", "GetAuthorizers"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(STAGE, DEPLOYMENT, METHOD);

        assertThat(run.gap(AUTHORIZER).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(AUTHORIZER).detail()).contains("GetAuthorizers");
        assertThat(run.ofType(AUTHORIZER)).isEmpty();
    }

    @Test
    void accessDeniedOnGetStagesLeavesOnlyStagesAGap() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigateway", "GetStages"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(DEPLOYMENT, METHOD);

        assertThat(run.gap(STAGE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.ofType(METHOD)).hasSize(3);
    }

    @Test
    void aMethodWhoseIntegrationIsDeniedIsKeptUnreadAndTo02IsNotEvaluatedForIt() {
        serve().fail("apigateway", "GetIntegration", "httpMethod", "POST", new AwsError("AccessDeniedException", 403, "no"));
        LiveResource function = LiveResource.of("AWS::Lambda::Function", FN, "orders", SCOPE,
                Props.map().put("FunctionName", "orders").put("Timeout", 60).build(), Ids.of("orders", "", FN, "Arn"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(STAGE, DEPLOYMENT, METHOD);
        Results results = run.judge(List.of(new TimeoutChainInverted(), new ApiCacheWithoutTtl()), List.of(function),
                "AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::StepFunctions::StateMachine",
                "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Api");

        String post = ARN + "resources/r1/methods/POST";
        assertThat(run.get(post).unread()).isPresent();
        // GET /orders (29 s by default) gives up before the function's 60 s; the prod stage caches nothing
        assertThat(results.findings()).extracting(f -> f.ruleId() + " " + f.location().subject())
                .containsExactlyInAnyOrder("TO02 " + FN, "CA02 " + ARN + "stages/prod");
        assertThat(results.notEvaluated()).singleElement().satisfies(g -> {
            assertThat(g.ruleId()).isEqualTo("TO02");
            assertThat(g.subject()).isEqualTo(post);
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });
    }
}
