package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The v2 collector makes no per-resource detail call ({@code GetIntegrations} lists the integrations
 * of one API), so its faults are those of list calls: each makes its types a gap.
 */
class ApiGatewayV2CollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "ca-central-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String API = "AWS::ApiGatewayV2::Api";
    static final String INTEGRATION = "AWS::ApiGatewayV2::Integration";
    static final String ARN = "arn:aws:apigateway:ca-central-1::/apis/";

    static final FakeAws FAKE = FakeAws.start();
    final ApiGatewayV2Collector collector = new ApiGatewayV2Collector();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

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
    void accessDeniedOnGetApisLeavesBothTypesGaps() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetApis"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(API).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(INTEGRATION).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(FAKE.calls().count("apigatewayv2", "GetIntegrations")).isZero();
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
