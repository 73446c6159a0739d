package dev.resilint.live.map.apigatewayv2;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.apigateway.ApiGatewayArns;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;

/**
 * {@code GetIntegrations} items of an HTTP or WebSocket API as {@code AWS::ApiGatewayV2::Integration},
 * with {@code ApiId} a reference to the API. {@code IntegrationUri} is a Lambda function's ARN (or an
 * invocation URI holding it), which the graph turns into a reference to the function, or another
 * integration target (an HTTP URL, a listener ARN).
 */
public final class IntegrationMapper {

    public static final String TYPE = "AWS::ApiGatewayV2::Integration";

    private IntegrationMapper() {
    }

    public static LiveResource map(Scope scope, Api api, Integration i) {
        Props p = Props.map().ref("ApiId", api.apiId(), HttpApiMapper.TYPE)
                .put("IntegrationType", i.integrationTypeAsString())
                .put("IntegrationSubtype", i.integrationSubtype())
                .put("IntegrationUri", i.integrationUri())
                .put("IntegrationMethod", i.integrationMethod())
                .put("PayloadFormatVersion", i.payloadFormatVersion())
                .put("TimeoutInMillis", i.timeoutInMillis())
                .put("ConnectionType", i.connectionTypeAsString())
                .put("ConnectionId", i.connectionId())
                .put("CredentialsArn", i.credentialsArn())
                .put("Description", i.description())
                .put("PassthroughBehavior", i.passthroughBehaviorAsString())
                .put("TemplateSelectionExpression", i.templateSelectionExpression())
                .put("RequestParameters", ApiGatewayArns.stringMap(i.requestParameters()))
                .put("RequestTemplates", ApiGatewayArns.stringMap(i.requestTemplates()));
        String arn = ApiGatewayArns.of(scope, "/apis/" + api.apiId() + "/integrations/" + i.integrationId());
        return LiveResource.of(TYPE, arn, api.name() + " integration " + i.integrationId(), scope, p.build(),
                Ids.of(i.integrationId(), ""));
    }
}
