package dev.resilint.live.map.apigateway;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code GetAuthorizers} items of a REST API as {@code AWS::ApiGateway::Authorizer}: type, identity
 * source, function URI and {@code AuthorizerResultTtlInSeconds}, with {@code RestApiId} a reference to
 * the API. The API returns the TTL the authorizer has; a value it leaves out stays absent (no default
 * is filled in), as a template that does not set it.
 */
public final class AuthorizerMapper {

    public static final String TYPE = "AWS::ApiGateway::Authorizer";

    private AuthorizerMapper() {
    }

    public static LiveResource map(Scope scope, RestApi api, Authorizer a) {
        Props p = Props.map().ref("RestApiId", api.id(), StageMapper.REST_API)
                .put("Name", a.name())
                .put("Type", a.typeAsString())
                .put("AuthType", a.authType())
                .put("AuthorizerUri", a.authorizerUri())
                .put("AuthorizerCredentials", a.authorizerCredentials())
                .put("IdentitySource", a.identitySource())
                .put("IdentityValidationExpression", a.identityValidationExpression())
                .put("AuthorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds())
                .strings("ProviderARNs", a.providerARNs());
        String arn = ApiGatewayArns.of(scope, "/restapis/" + api.id() + "/authorizers/" + a.id());
        return LiveResource.of(TYPE, arn, api.name() + " authorizer " + a.name(), scope, p.build(), Ids.of(a.id(), ""));
    }
}
