package dev.resilint.live.map.apigatewayv2;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.apigateway.ApiGatewayArns;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigatewayv2.model.Api;

/**
 * {@code GetApis} items (HTTP and WebSocket APIs) as {@code AWS::ApiGatewayV2::Api}: name, protocol
 * type, route selection expression, tags (a map, as CloudFormation has them for API Gateway v2).
 *
 * <p>Live semantics: a template's {@code Target} (with {@code RouteKey} and {@code CredentialsArn})
 * is a create-time shortcut ("quick create") that makes API Gateway create an integration, a default
 * route and a default stage. An API has no {@code Target} afterwards: the integration it created is
 * read by {@code GetIntegrations} as an {@code AWS::ApiGatewayV2::Integration} of its own, which is
 * where the live scan sees the function the API calls. So a live API never has {@code Target}.
 */
public final class HttpApiMapper {

    public static final String TYPE = "AWS::ApiGatewayV2::Api";

    private HttpApiMapper() {
    }

    public static LiveResource map(Scope scope, Api a) {
        Props p = Props.map().put("Name", a.name()).put("ProtocolType", a.protocolTypeAsString())
                .put("RouteSelectionExpression", a.routeSelectionExpression())
                .put("ApiKeySelectionExpression", a.apiKeySelectionExpression())
                .put("Description", a.description())
                .put("Version", a.version())
                .put("DisableExecuteApiEndpoint", a.disableExecuteApiEndpoint())
                .put("DisableSchemaValidation", a.disableSchemaValidation())
                .put("IpAddressType", a.ipAddressTypeAsString())
                .put("Tags", ApiGatewayArns.stringMap(a.tags()));
        return LiveResource.of(TYPE, arn(scope, a.apiId()), a.name() + " (" + a.apiId() + ")", scope, p.build(),
                Ids.of(a.apiId(), ""));
    }

    /** {@code arn:...:apigateway:<region>::/apis/<id>}. */
    public static String arn(Scope scope, String apiId) {
        return ApiGatewayArns.of(scope, "/apis/" + apiId);
    }
}
