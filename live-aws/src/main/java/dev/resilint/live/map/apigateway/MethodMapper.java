package dev.resilint.live.map.apigateway;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigateway.model.GetIntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * The methods {@code GetResources} embeds ({@code embed=methods}) as {@code AWS::ApiGateway::Method},
 * each with its {@code Integration}: type, URI, timeout, HTTP method and request parameters. A Lambda
 * integration's URI
 * ({@code arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations})
 * holds the function's ARN: the graph turns it into a reference to the function, as a template's
 * {@code Fn::Sub} would.
 */
public final class MethodMapper {

    public static final String TYPE = "AWS::ApiGateway::Method";
    static final String RESOURCE = "AWS::ApiGateway::Resource";

    private MethodMapper() {
    }

    /** @param integration the method's integration, or null when it has none */
    public static LiveResource map(Scope scope, RestApi api, Resource resource, Method m, Integration integration) {
        Props p = identity(api, resource, m.httpMethod())
                .put("AuthorizationType", m.authorizationType())
                .put("AuthorizerId", m.authorizerId())
                .put("ApiKeyRequired", m.apiKeyRequired())
                .put("OperationName", m.operationName())
                .put("RequestValidatorId", m.requestValidatorId())
                .put("RequestParameters", ApiGatewayArns.booleanMap(m.requestParameters()))
                .put("Integration", integration(integration));
        return resource(scope, api, resource, m.httpMethod(), p);
    }

    /** A method known only by what {@code GetResources} said of it: its integration could not be read. */
    public static LiveResource listed(Scope scope, RestApi api, Resource resource, Method m) {
        return resource(scope, api, resource, m.httpMethod(), identity(api, resource, m.httpMethod()));
    }

    /** {@code arn:...:apigateway:<region>::/restapis/<api>/resources/<resource>/methods/<METHOD>}. */
    public static String arn(Scope scope, RestApi api, Resource resource, String httpMethod) {
        return ApiGatewayArns.of(scope, "/restapis/" + api.id() + "/resources/" + resource.id() + "/methods/" + httpMethod);
    }

    /** The integration {@code GetIntegration} answered, as the one {@code GetResources} embeds. */
    public static Integration integration(GetIntegrationResponse r) {
        return Integration.builder().type(r.type()).uri(r.uri()).httpMethod(r.httpMethod())
                .timeoutInMillis(r.timeoutInMillis()).connectionType(r.connectionType()).connectionId(r.connectionId())
                .credentials(r.credentials()).passthroughBehavior(r.passthroughBehavior())
                .contentHandling(r.contentHandling()).requestParameters(r.requestParameters())
                .requestTemplates(r.requestTemplates()).cacheNamespace(r.cacheNamespace())
                .cacheKeyParameters(r.cacheKeyParameters()).build();
    }

    private static Props identity(RestApi api, Resource resource, String httpMethod) {
        return Props.map().ref("RestApiId", api.id(), StageMapper.REST_API)
                .ref("ResourceId", resource.id(), RESOURCE)
                .put("HttpMethod", httpMethod);
    }

    private static LiveResource resource(Scope scope, RestApi api, Resource resource, String httpMethod, Props p) {
        return LiveResource.of(TYPE, arn(scope, api, resource, httpMethod),
                api.name() + " " + httpMethod + " " + resource.path(), scope, p.build(), Ids.of());
    }

    private static Props integration(Integration i) {
        if (i == null) {
            return null;
        }
        return Props.map().put("Type", i.typeAsString())
                .put("Uri", i.uri())
                .put("IntegrationHttpMethod", i.httpMethod())
                .put("TimeoutInMillis", i.timeoutInMillis())
                .put("ConnectionType", i.connectionTypeAsString())
                .put("ConnectionId", i.connectionId())
                .put("Credentials", i.credentials())
                .put("PassthroughBehavior", i.passthroughBehavior())
                .put("ContentHandling", i.contentHandlingAsString())
                .put("RequestParameters", ApiGatewayArns.stringMap(i.requestParameters()))
                .put("RequestTemplates", ApiGatewayArns.stringMap(i.requestTemplates()))
                .put("CacheNamespace", i.cacheNamespace())
                .strings("CacheKeyParameters", i.cacheKeyParameters());
    }
}
