package dev.resilint.live.map.apigateway;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * {@code GetStages} items as {@code AWS::ApiGateway::Stage}. The API keys method settings by method
 * path, {@code <resource path>/<HTTP method>} ({@code *}{@code /*} for the whole stage, a resource
 * path with {@code /} written {@code ~1}); CloudFormation has a list of settings, each with its
 * {@code ResourcePath} ({@code /~1orders}, {@code /*}, {@code /} for the root) and
 * {@code HttpMethod}: the list is sorted by method path; a throttling limit of -1 (not set) is left
 * out. Tags are a map in the API, a
 * {@code {Key, Value}} list in CloudFormation.
 */
public final class StageMapper {

    public static final String TYPE = "AWS::ApiGateway::Stage";
    static final String REST_API = "AWS::ApiGateway::RestApi";

    private StageMapper() {
    }

    public static LiveResource map(Scope scope, RestApi api, Stage s) {
        Props p = Props.map()
                .ref("RestApiId", api.id(), REST_API)
                .put("StageName", s.stageName())
                .ref("DeploymentId", s.deploymentId(), DeploymentMapper.TYPE)
                .put("Description", s.description())
                .put("CacheClusterEnabled", s.cacheClusterEnabled())
                .put("CacheClusterSize", s.cacheClusterSize())
                .put("TracingEnabled", s.tracingEnabled())
                .put("ClientCertificateId", s.clientCertificateId())
                .put("DocumentationVersion", s.documentationVersion())
                .put("Variables", ApiGatewayArns.stringMap(s.variables()))
                .list("MethodSettings", methodSettings(s.methodSettings()))
                .tags("Tags", s.tags());
        if (s.accessLogSettings() != null) {
            p.put("AccessLogSetting", Props.map().put("DestinationArn", s.accessLogSettings().destinationArn())
                    .put("Format", s.accessLogSettings().format()));
        }
        String arn = ApiGatewayArns.of(scope, "/restapis/" + api.id() + "/stages/" + s.stageName());
        return LiveResource.of(TYPE, arn, api.name() + "/" + s.stageName(), scope, p.build(), Ids.of(s.stageName(), ""));
    }

    /** The method settings as CloudFormation's list, sorted by the API's method path. */
    static List<Node> methodSettings(Map<String, MethodSetting> settings) {
        List<Node> list = new ArrayList<>();
        new TreeMap<>(settings).forEach((key, m) -> {
            int slash = key.lastIndexOf('/');
            String resource = slash < 0 ? "*" : key.substring(0, slash);
            String method = slash < 0 ? key : key.substring(slash + 1);
            list.add(Props.map().put("ResourcePath", resourcePath(resource)).put("HttpMethod", method)
                    .put("CachingEnabled", m.cachingEnabled())
                    .put("CacheTtlInSeconds", m.cacheTtlInSeconds())
                    .put("CacheDataEncrypted", m.cacheDataEncrypted())
                    .put("ThrottlingBurstLimit", limit(m.throttlingBurstLimit()))
                    .put("ThrottlingRateLimit", limit(m.throttlingRateLimit()))
                    .put("LoggingLevel", m.loggingLevel())
                    .put("MetricsEnabled", m.metricsEnabled())
                    .put("DataTraceEnabled", m.dataTraceEnabled())
                    .build());
        });
        return list;
    }

    /**
     * A throttling limit as a template would write it: the API reports a limit that is not set as -1
     * (inherit the stage's or the account's), which a template leaves out.
     */
    static Number limit(Number value) {
        return value == null || value.doubleValue() < 0 ? null : value;
    }

    /**
     * CloudFormation's {@code ResourcePath} of the resource part of a method path: {@code /*} for all
     * resources, {@code /} for the root, else {@code /} and the path with each {@code /} as {@code ~1}
     * ({@code ~1orders~1{id}} or {@code orders/{id}} become {@code /~1orders~1{id}}).
     */
    static String resourcePath(String resource) {
        if (resource.equals("*") || resource.equals("/*")) {
            return "/*";
        }
        String path = resource.replace("~1", "/");
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        return path.equals("/") ? "/" : "/" + path.replace("/", "~1");
    }
}
