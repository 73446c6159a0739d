package dev.resilint.live.map.apigatewayv2;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.apigateway.ApiGatewayArns;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Authorizer;

/**
 * {@code GetAuthorizers} items of an HTTP or WebSocket API as {@code AWS::ApiGatewayV2::Authorizer}:
 * type ({@code REQUEST} for a Lambda authorizer, {@code JWT}), function URI, identity sources (a list,
 * as CloudFormation has them), payload format, JWT configuration and {@code AuthorizerResultTtlInSeconds},
 * with {@code ApiId} a reference to the API. The API returns the TTL the authorizer has; a value it
 * leaves out stays absent (no default is filled in), as a template that does not set it.
 */
public final class HttpAuthorizerMapper {

    public static final String TYPE = "AWS::ApiGatewayV2::Authorizer";

    private HttpAuthorizerMapper() {
    }

    public static LiveResource map(Scope scope, Api api, Authorizer a) {
        Props p = Props.map().ref("ApiId", api.apiId(), HttpApiMapper.TYPE)
                .put("Name", a.name())
                .put("AuthorizerType", a.authorizerTypeAsString())
                .put("AuthorizerUri", a.authorizerUri())
                .put("AuthorizerCredentialsArn", a.authorizerCredentialsArn())
                .put("AuthorizerPayloadFormatVersion", a.authorizerPayloadFormatVersion())
                .put("AuthorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds())
                .put("EnableSimpleResponses", a.enableSimpleResponses())
                .put("IdentityValidationExpression", a.identityValidationExpression());
        if (a.hasIdentitySource()) {
            p.strings("IdentitySource", a.identitySource());
        }
        if (a.jwtConfiguration() != null) {
            Props jwt = Props.map().put("Issuer", a.jwtConfiguration().issuer());
            if (a.jwtConfiguration().hasAudience()) {
                jwt.strings("Audience", a.jwtConfiguration().audience());
            }
            p.putIfNotEmpty("JwtConfiguration", jwt);
        }
        String arn = ApiGatewayArns.of(scope, "/apis/" + api.apiId() + "/authorizers/" + a.authorizerId());
        return LiveResource.of(TYPE, arn, api.name() + " authorizer " + a.name(), scope, p.build(),
                Ids.of(a.authorizerId(), ""));
    }
}
