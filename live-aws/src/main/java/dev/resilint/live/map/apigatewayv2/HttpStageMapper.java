package dev.resilint.live.map.apigatewayv2;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.apigateway.ApiGatewayArns;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.RouteSettings;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;

/**
 * {@code GetStages} items of an HTTP or WebSocket API as {@code AWS::ApiGatewayV2::Stage}:
 * {@code DefaultRouteSettings}, {@code RouteSettings} (a map by route key, as in CloudFormation),
 * {@code AutoDeploy}, stage variables and tags (maps in both). A throttling limit below 0 is one
 * that is not set, and is left out as a template leaves it out.
 */
public final class HttpStageMapper {

    public static final String TYPE = "AWS::ApiGatewayV2::Stage";

    private HttpStageMapper() {
    }

    public static LiveResource map(Scope scope, Api api, Stage s) {
        Props p = Props.map()
                .ref("ApiId", api.apiId(), HttpApiMapper.TYPE)
                .put("StageName", s.stageName())
                .put("Description", s.description())
                .put("AutoDeploy", s.autoDeploy())
                .put("DeploymentId", s.deploymentId())
                .put("DefaultRouteSettings", settings(s.defaultRouteSettings()))
                .put("StageVariables", ApiGatewayArns.stringMap(s.stageVariables()))
                .put("Tags", ApiGatewayArns.stringMap(s.tags()));
        if (s.hasRouteSettings() && !s.routeSettings().isEmpty()) {
            Props routes = Props.map();
            new TreeMap<>(s.routeSettings()).forEach((route, settings) -> routes.putIfNotEmpty(route, settings(settings)));
            p.putIfNotEmpty("RouteSettings", routes);
        }
        String arn = ApiGatewayArns.of(scope, "/apis/" + api.apiId() + "/stages/" + s.stageName());
        return LiveResource.of(TYPE, arn, api.name() + "/" + s.stageName(), scope, p.build(),
                Ids.of(s.stageName(), ""));
    }

    private static Props settings(RouteSettings r) {
        if (r == null) {
            return null;
        }
        Props p = Props.map().put("DataTraceEnabled", r.dataTraceEnabled())
                .put("DetailedMetricsEnabled", r.detailedMetricsEnabled())
                .put("LoggingLevel", r.loggingLevelAsString())
                .put("ThrottlingBurstLimit", r.throttlingBurstLimit() == null || r.throttlingBurstLimit() < 0 ? null
                        : r.throttlingBurstLimit())
                .put("ThrottlingRateLimit", r.throttlingRateLimit() == null || r.throttlingRateLimit() < 0 ? null
                        : r.throttlingRateLimit());
        return p;
    }
}
