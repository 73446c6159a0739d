package dev.resilint.live.map.apigatewayv2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** The API Gateway v2 mappers: {@code AWS::ApiGatewayV2::Api} and {@code Integration}. */
class ApiGatewayV2MappersTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final Api API = Api.builder().apiId("h1").name("orders").protocolType(ProtocolType.HTTP)
            .routeSelectionExpression("$request.method $request.path").tags(Map.of("team", "shop")).build();

    @Test
    void anApiHasItsProtocolAndMapTagsButNoTarget() {
        LiveResource r = HttpApiMapper.map(SCOPE, API);

        assertThat(r.type()).isEqualTo("AWS::ApiGatewayV2::Api");
        assertThat(r.arn()).isEqualTo("arn:aws:apigateway:eu-west-1::/apis/h1");
        assertThat(r.identifiers()).isEqualTo(Map.of("h1", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("Name", "orders", "ProtocolType", "HTTP",
                "RouteSelectionExpression", "$request.method $request.path", "Tags", Map.of("team", "shop")));
    }

    @Test
    void anIntegrationRefersToItsApi() {
        String fn = "arn:aws:lambda:eu-west-1:111122223333:function:orders";
        Integration i = Integration.builder().integrationId("i1").integrationType(IntegrationType.AWS_PROXY)
                .integrationUri(fn).payloadFormatVersion("2.0").timeoutInMillis(30000).integrationMethod("POST").build();

        LiveResource r = IntegrationMapper.map(SCOPE, API, i);

        assertThat(r.type()).isEqualTo("AWS::ApiGatewayV2::Integration");
        assertThat(r.arn()).isEqualTo("arn:aws:apigateway:eu-west-1::/apis/h1/integrations/i1");
        assertThat(r.identifiers()).isEqualTo(Map.of("i1", ""));
        assertThat(PlainTrees.of(r)).isEqualTo(Map.of("ApiId", Ref.to("h1", "AWS::ApiGatewayV2::Api"),
                "IntegrationType", "AWS_PROXY", "IntegrationUri", fn, "IntegrationMethod", "POST",
                "PayloadFormatVersion", "2.0", "TimeoutInMillis", 30000L));
    }
}
