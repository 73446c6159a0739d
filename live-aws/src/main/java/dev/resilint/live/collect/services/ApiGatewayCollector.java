package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.apigateway.AuthorizerMapper;
import dev.resilint.live.map.apigateway.DeploymentMapper;
import dev.resilint.live.map.apigateway.MethodMapper;
import dev.resilint.live.map.apigateway.StageMapper;
import dev.resilint.live.map.apigateway.UsagePlanMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentsResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.GetUsagePlansResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * API Gateway REST APIs: {@code GetRestApis}, then per API {@code GetStages} (stages with their
 * method settings), {@code GetDeployments} and {@code GetResources} with {@code embed=methods} (every
 * method with its integration, in one paged call) and {@code GetAuthorizers} (paged by hand: the SDK has no paginator for it), and the account's usage plans
 * ({@code GetUsagePlans}, paged). The IAM action of every call is
 * {@code apigateway:GET}.
 *
 * <p>Whether {@code embed=methods} embeds each method's integration is not stated by the API
 * reference; a method embedded without one gets its integration from {@code GetIntegration} (one
 * call per such method; {@code NotFoundException} means the method has none). A failed
 * {@code GetIntegration} keeps the method, marked unread.
 */
public final class ApiGatewayCollector implements Collector {

    /** The largest page {@code GetRestApis}, {@code GetResources}, {@code GetDeployments} and {@code GetAuthorizers} give. */
    static final int PAGE = 500;

    private static final String STAGE = StageMapper.TYPE;
    private static final String DEPLOYMENT = DeploymentMapper.TYPE;
    private static final String METHOD = MethodMapper.TYPE;
    private static final String USAGE_PLAN = UsagePlanMapper.TYPE;
    private static final String AUTHORIZER = AuthorizerMapper.TYPE;

    @Override
    public String service() {
        return "apigateway";
    }

    @Override
    public List<String> types() {
        return List.of(STAGE, DEPLOYMENT, METHOD, USAGE_PLAN, AUTHORIZER);
    }

    @Override
    public List<String> actions() {
        return List.of("apigateway:GET");
    }

    /** A method of a resource of an API, as {@code GetResources} embedded it. */
    private record ApiMethod(RestApi api, Resource resource, Method method) {
    }

    @Override
    public void collect(ScopeReader in) {
        ApiGatewayClient apigateway = in.client(ApiGatewayClient.class, ApiGatewayClient::builder);
        List<RestApi> apis = new ArrayList<>();
        in.read(List.of(STAGE, DEPLOYMENT, METHOD, AUTHORIZER), () -> apis.addAll(in.pages("GetRestApis", apigateway.getRestApisPaginator(r -> r.limit(PAGE)),
                GetRestApisResponse::items, GetRestApisResponse::position)));
        in.read(List.of(USAGE_PLAN), () -> in.pages("GetUsagePlans",
                apigateway.getUsagePlansPaginator(r -> r.limit(PAGE)), GetUsagePlansResponse::items,
                GetUsagePlansResponse::position).forEach(plan -> in.add(UsagePlanMapper.map(in.scope(), plan))));
        in.read(List.of(STAGE), () -> in.each(apis, api -> in.call("GetStages",
                () -> apigateway.getStages(r -> r.restApiId(api.id())).item()).stream()
                .map(s -> StageMapper.map(in.scope(), api, s)).toList()).stream().flatMap(List::stream).forEach(in::add));
        in.read(List.of(DEPLOYMENT), () -> in.each(apis, api -> in.pages("GetDeployments",
                apigateway.getDeploymentsPaginator(r -> r.restApiId(api.id()).limit(PAGE)), GetDeploymentsResponse::items,
                GetDeploymentsResponse::position).stream().map(d -> DeploymentMapper.map(in.scope(), api, d)).toList())
                .stream().flatMap(List::stream).forEach(in::add));
        in.read(List.of(AUTHORIZER), () -> in.each(apis, api -> in.pagesByToken("GetAuthorizers",
                token -> apigateway.getAuthorizers(r -> r.restApiId(api.id()).limit(PAGE).position(token)),
                GetAuthorizersResponse::items, GetAuthorizersResponse::position).stream().map(a -> AuthorizerMapper.map(in.scope(), api, a)).toList())
                .stream().flatMap(List::stream).forEach(in::add));
        in.read(List.of(METHOD), () -> {
            List<List<Resource>> resources = in.each(apis, api -> in.pages("GetResources",
                    apigateway.getResourcesPaginator(r -> r.restApiId(api.id()).embed("methods").limit(PAGE)),
                    GetResourcesResponse::items, GetResourcesResponse::position));
            List<ApiMethod> methods = new ArrayList<>();
            for (int i = 0; i < apis.size(); i++) {
                RestApi api = apis.get(i);
                for (Resource resource : resources.get(i)) {
                    Map<String, Method> byVerb = new TreeMap<>(resource.resourceMethods());
                    byVerb.forEach((verb, m) -> methods.add(new ApiMethod(api, resource,
                            m.httpMethod() == null ? m.toBuilder().httpMethod(verb).build() : m)));
                }
            }
            in.each(methods, m -> method(in, apigateway, m)).forEach(in::add);
        });
    }

    private static LiveResource method(ScopeReader in, ApiGatewayClient apigateway, ApiMethod m) {
        Integration integration = m.method().methodIntegration();
        if (integration == null) {
            try {
                integration = in.call("GetIntegration", () -> {
                    try {
                        return MethodMapper.integration(apigateway.getIntegration(r -> r.restApiId(m.api().id())
                                .resourceId(m.resource().id()).httpMethod(m.method().httpMethod())));
                    } catch (NotFoundException none) {
                        return null; // the method has no integration
                    }
                });
            } catch (ReadFailure f) {
                return MethodMapper.listed(in.scope(), m.api(), m.resource(), m.method()).withUnread(f.asUnknown());
            }
        }
        return MethodMapper.map(in.scope(), m.api(), m.resource(), m.method(), integration);
    }
}
