package dev.resilint.infra.rules.sc;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Optional;

/**
 * SC04: an API Gateway stage without throttling limits of its own. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class ApiWithoutThrottling extends ResourceRule {

    static final String STAGE = "AWS::ApiGateway::Stage";
    static final String DEPLOYMENT = "AWS::ApiGateway::Deployment";
    static final String USAGE_PLAN = "AWS::ApiGateway::UsagePlan";
    static final String HTTP_STAGE = "AWS::ApiGatewayV2::Stage";

    /** What a REST API answers to once throttled, whichever knowledge is missing. */
    private enum Coverage { COVERED, NOT_COVERED, UNKNOWN }

    public static final RuleMetadata METADATA = RuleMetadata.builder("SC04", ApiWithoutThrottling.class)
            .severity(Severity.WARNING)
            .summary("An API Gateway stage has no throttling limits of its own.")
            .rationale("API Gateway always throttles at the account level (by default 10,000 requests per second "
                    + "with a burst of 5,000, per region, shared by every API of the account), but that limit protects "
                    + "AWS, not the API's backend: a single client, a misbehaving integration or a retry storm can "
                    + "send the backend far more than it can serve, and starve the account's other APIs of their "
                    + "share. A stage-level (or method-level) rate and burst limit, or a usage plan with a throttle, "
                    + "sheds the excess with 429 responses before it reaches the backend.")
            .remediation("For a REST API stage add a `MethodSettings` entry `{ResourcePath: '/*', HttpMethod: '*', "
                    + "ThrottlingRateLimit: ..., ThrottlingBurstLimit: ...}` (for a SAM `AWS::Serverless::Api` in its "
                    + "`MethodSettings`), or attach a usage plan with a `Throttle`; for an HTTP API stage set "
                    + "`DefaultRouteSettings: {ThrottlingRateLimit: ..., ThrottlingBurstLimit: ...}`.")
            .wellArchitected("REL05-BP02")
            .anchors(Reference.cdkNag("Serverless-APIGWDefaultThrottling"))
            .tags("throttling", "api-gateway")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(STAGE, DEPLOYMENT, HTTP_STAGE)
            .reads(USAGE_PLAN)
            .firesOn("An `AWS::ApiGateway::Stage` (what a SAM `AWS::Serverless::Api` becomes) without a "
                            + "`MethodSettings` entry that sets `ThrottlingRateLimit` or `ThrottlingBurstLimit` (for "
                            + "`/*/*` or for one method), and not covered by an `AWS::ApiGateway::UsagePlan` with a "
                            + "`Throttle` (for the plan, or for a method of that stage in `ApiStages`) whose "
                            + "`ApiStages` name the stage's API and the stage (by `Ref` to the stage or by its name).",
                    "The stage an `AWS::ApiGateway::Deployment` creates through its `StageName`, in the same way, its "
                            + "`StageDescription` counting as the stage's settings (there also a stage-wide "
                            + "`ThrottlingRateLimit` or `ThrottlingBurstLimit`).",
                    "An `AWS::ApiGatewayV2::Stage` (what a SAM `AWS::Serverless::HttpApi` becomes) whose "
                            + "`DefaultRouteSettings` set neither `ThrottlingRateLimit` nor `ThrottlingBurstLimit` and "
                            + "whose `RouteSettings` set them for no route.")
            .quietWhen("The method settings, route settings, stage name, or a usage plan's `ApiStages` or throttle "
                            + "cannot be known, or differ between the branches of a condition; a usage plan counts "
                            + "only if it exists whenever the stage does.",
                    "A deployment without `StageName`, which creates no stage.",
                    "The stage's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        switch (r.type()) {
            case STAGE -> rest(graph, r, "", graph.property(r, "StageName"), "API Gateway stage " + r.displayName(),
                    context);
            case DEPLOYMENT -> {
                Value stageName = graph.property(r, "StageName");
                if (!stageName.isAbsent()) {
                    rest(graph, r, "StageDescription/", stageName, "API Gateway deployment " + r.displayName()
                            + stageName.asString().map(n -> " (stage " + n + ")").orElse(""), context);
                }
            }
            default -> http(graph, r, context);
        }
    }

    private static void rest(GraphView graph, Resource r, String base, Value stageName, String subject,
            RuleContext context) {
        Value settings = graph.property(r, base + "MethodSettings");
        Optional<Boolean> methodThrottle = anyItemThrottles(settings, "ThrottlingRateLimit", "ThrottlingBurstLimit");
        if (methodThrottle.isEmpty() || methodThrottle.get()) {
            return;
        }
        if (!base.isEmpty() && !(graph.property(r, base + "ThrottlingRateLimit").isAbsent()
                && graph.property(r, base + "ThrottlingBurstLimit").isAbsent())) {
            return;
        }
        if (usagePlans(graph, r, stageName) != Coverage.NOT_COVERED) {
            return;
        }
        context.report(r.locate("Properties/" + base + "MethodSettings"), subject
                + " has no throttling limits of its own (no MethodSettings entry sets ThrottlingRateLimit or "
                + "ThrottlingBurstLimit, and no usage plan with a Throttle covers it), so only the account-wide limit "
                + "shared by every API in the region holds back a flood of requests to its backend; add a "
                + "MethodSettings entry {ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: ..., "
                + "ThrottlingBurstLimit: ...} or a usage plan with a Throttle");
    }

    private static void http(GraphView graph, Resource stage, RuleContext context) {
        Value defaults = graph.property(stage, "DefaultRouteSettings");
        boolean defaultThrottle = !graph.property(stage, "DefaultRouteSettings/ThrottlingRateLimit").isAbsent()
                || !graph.property(stage, "DefaultRouteSettings/ThrottlingBurstLimit").isAbsent();
        if (defaultThrottle || !defaults.always(v -> v instanceof Value.Absent || v.isKnown())) {
            return;
        }
        Value routes = graph.property(stage, "RouteSettings");
        if (!routes.always(v -> v instanceof Value.Absent || v.asMap().isPresent())) {
            return;
        }
        boolean routeThrottle = routes.possibilities().stream().anyMatch(v -> v.asMap().map(m -> m.keys().stream()
                .anyMatch(route -> {
                    Value settings = v.field(route);
                    return !settings.isKnown() || !settings.field("ThrottlingRateLimit").isAbsent()
                            || !settings.field("ThrottlingBurstLimit").isAbsent();
                })).orElse(false));
        if (routeThrottle) {
            return;
        }
        context.report(stage.locateProperty("DefaultRouteSettings"), "API Gateway HTTP API stage "
                + stage.displayName() + " has no throttling limits of its own (DefaultRouteSettings sets neither "
                + "ThrottlingRateLimit nor ThrottlingBurstLimit, and no RouteSettings entry does), so only the "
                + "account-wide limit shared by every API in the region holds back a flood of requests to its "
                + "backend; set DefaultRouteSettings: {ThrottlingRateLimit: ..., ThrottlingBurstLimit: ...}");
    }

    /**
     * Whether an item of a method settings list sets one of {@code keys}, in some possibility;
     * empty when the list or an item cannot be known.
     */
    private static Optional<Boolean> anyItemThrottles(Value settings, String... keys) {
        boolean found = false;
        for (Value option : settings.possibilities()) {
            Optional<List<Value>> items = ListItems.of(option);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            for (Value item : items.get()) {
                if (!item.isKnown()) {
                    return Optional.empty();
                }
                for (String key : keys) {
                    found |= !item.field(key).isAbsent();
                }
            }
        }
        return Optional.of(found);
    }

    /** Whether a usage plan with a throttle covers the stage {@code stageName} of the stage resource's API. */
    private static Coverage usagePlans(GraphView graph, Resource stage, Value stageName) {
        Value api = graph.property(stage, "RestApiId");
        Optional<String> name = stageName.asString();
        Coverage coverage = Coverage.NOT_COVERED;
        for (Resource plan : graph.ofType(USAGE_PLAN)) {
            if (!graph.mayExist(plan)) {
                continue;
            }
            Optional<List<Value>> stages = ListItems.of(graph.property(plan, "ApiStages"));
            if (stages.isEmpty()) {
                return Coverage.UNKNOWN;
            }
            for (Value item : stages.get()) {
                Coverage here = covers(item, api, stage, name);
                if (here == Coverage.NOT_COVERED) {
                    continue;
                }
                boolean throttled = !graph.property(plan, "Throttle").isAbsent() || !item.field("Throttle").isAbsent();
                if (here == Coverage.UNKNOWN || !graph.existsWhenever(stage, plan)) {
                    if (throttled) {
                        coverage = Coverage.UNKNOWN;
                    }
                    continue;
                }
                if (throttled) {
                    return Coverage.COVERED;
                }
            }
        }
        return coverage;
    }

    private static Coverage covers(Value item, Value api, Resource stage, Optional<String> stageName) {
        if (!item.isKnown()) {
            return Coverage.UNKNOWN;
        }
        Coverage sameApi = same(item.field("ApiId"), api);
        if (sameApi == Coverage.NOT_COVERED) {
            return sameApi;
        }
        Value planStage = item.field("Stage");
        Optional<Symbols.ResourceRef> ref = planStage.asResourceRef();
        Coverage sameStage;
        if (ref.isPresent()) {
            sameStage = ref.get().resourceId().equals(stage.id()) ? Coverage.COVERED : Coverage.NOT_COVERED;
        } else if (planStage.asString().isPresent() && stageName.isPresent()) {
            sameStage = planStage.asString().get().equals(stageName.get()) ? Coverage.COVERED : Coverage.NOT_COVERED;
        } else {
            sameStage = Coverage.UNKNOWN;
        }
        if (sameStage == Coverage.NOT_COVERED) {
            return sameStage;
        }
        return sameApi == Coverage.COVERED && sameStage == Coverage.COVERED ? Coverage.COVERED : Coverage.UNKNOWN;
    }

    /** Whether two values name the same API: both references to one resource, or the same literal id. */
    private static Coverage same(Value a, Value b) {
        Optional<Symbols.ResourceRef> ra = a.asResourceRef();
        Optional<Symbols.ResourceRef> rb = b.asResourceRef();
        if (ra.isPresent() && rb.isPresent()) {
            return ra.get().resourceId().equals(rb.get().resourceId()) ? Coverage.COVERED : Coverage.NOT_COVERED;
        }
        Optional<String> sa = a.asString();
        Optional<String> sb = b.asString();
        if (sa.isPresent() && sb.isPresent()) {
            return sa.get().equals(sb.get()) ? Coverage.COVERED : Coverage.NOT_COVERED;
        }
        if ((ra.isPresent() && sb.isPresent()) || (rb.isPresent() && sa.isPresent())) {
            return Coverage.NOT_COVERED; // a resource of the template and a literal id of another API
        }
        return Coverage.UNKNOWN;
    }
}
