package dev.resilint.live.map.apigateway;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * {@code GetUsagePlans} items as {@code AWS::ApiGateway::UsagePlan}: {@code ApiStages} with the API
 * (a reference to the REST API), the stage name and the per-method throttles (a map by method path,
 * as in CloudFormation), the plan's {@code Throttle} and {@code Quota}. Tags are a map in the API, a
 * {@code {Key, Value}} list in CloudFormation.
 */
public final class UsagePlanMapper {

    public static final String TYPE = "AWS::ApiGateway::UsagePlan";

    private UsagePlanMapper() {
    }

    public static LiveResource map(Scope scope, UsagePlan plan) {
        Props p = Props.map()
                .put("UsagePlanName", plan.name())
                .put("Description", plan.description())
                .list("ApiStages", plan.apiStages().stream().map(UsagePlanMapper::apiStage).toList())
                .put("Throttle", throttle(plan.throttle()))
                .tags("Tags", plan.tags());
        if (plan.quota() != null) {
            p.put("Quota", Props.map().put("Limit", plan.quota().limit()).put("Offset", plan.quota().offset())
                    .put("Period", plan.quota().periodAsString()));
        }
        String arn = ApiGatewayArns.of(scope, "/usageplans/" + plan.id());
        return LiveResource.of(TYPE, arn, plan.name() == null ? plan.id() : plan.name() + " (" + plan.id() + ")",
                scope, p.build(), Ids.of(plan.id(), ""));
    }

    private static Node apiStage(ApiStage s) {
        Props p = Props.map().ref("ApiId", s.apiId(), StageMapper.REST_API).put("Stage", s.stage());
        if (s.hasThrottle() && !s.throttle().isEmpty()) {
            Props methods = Props.map();
            new TreeMap<>(s.throttle()).forEach((path, t) -> methods.put(path, throttle(t)));
            p.putIfNotEmpty("Throttle", methods);
        }
        return p.build();
    }

    /** A throttle as CloudFormation's {@code ThrottleSettings}; null when it sets no limit. */
    private static Props throttle(ThrottleSettings t) {
        if (t == null || t.burstLimit() == null && t.rateLimit() == null) {
            return null;
        }
        return Props.map().put("BurstLimit", t.burstLimit()).put("RateLimit", t.rateLimit());
    }
}
