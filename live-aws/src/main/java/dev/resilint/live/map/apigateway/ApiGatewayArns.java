package dev.resilint.live.map.apigateway;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.Scope;
import java.util.Map;
import java.util.TreeMap;

/**
 * ARNs and value shapes shared by the API Gateway mappers (REST and v2). API Gateway ARNs name a
 * path of its management API and no account:
 * {@code arn:<partition>:apigateway:<region>::/restapis/<id>/stages/<name>}.
 */
public final class ApiGatewayArns {

    private ApiGatewayArns() {
    }

    /** The ARN of the management API path {@code path} (starting with {@code /}). */
    public static String of(Scope scope, String path) {
        return "arn:" + Arns.partition(scope.region()) + ":apigateway:" + scope.region() + "::" + path;
    }

    /** A map of strings as CloudFormation writes one (a JSON object), sorted by key; null when empty. */
    public static Props stringMap(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Props p = Props.map();
        new TreeMap<>(values).forEach(p::put);
        return p;
    }

    /** A map of booleans, sorted by key; null when empty. */
    public static Props booleanMap(Map<String, Boolean> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        Props p = Props.map();
        new TreeMap<>(values).forEach(p::put);
        return p;
    }
}
