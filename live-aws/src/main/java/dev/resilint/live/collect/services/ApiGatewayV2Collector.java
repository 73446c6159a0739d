package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.apigatewayv2.HttpApiMapper;
import dev.resilint.live.map.apigatewayv2.HttpAuthorizerMapper;
import dev.resilint.live.map.apigatewayv2.HttpStageMapper;
import dev.resilint.live.map.apigatewayv2.IntegrationMapper;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationsResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;

/**
 * API Gateway HTTP and WebSocket APIs ({@code GetApis}), their integrations
 * ({@code GetIntegrations}, one paged call per API), their stages ({@code GetStages}, one paged call
 * per API) and their authorizers ({@code GetAuthorizers}, one paged call per API, for the cache TTL of
 * Lambda authorizers). The SDK has no paginators for them: the
 * collector follows {@code NextToken} itself, with the service's default page size. The IAM action of
 * every call is {@code apigateway:GET}.
 */
public final class ApiGatewayV2Collector implements Collector {

    @Override
    public String service() {
        return "apigateway";
    }

    @Override
    public List<String> types() {
        return List.of(HttpApiMapper.TYPE, IntegrationMapper.TYPE, HttpStageMapper.TYPE, HttpAuthorizerMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("apigateway:GET");
    }

    @Override
    public void collect(ScopeReader in) {
        ApiGatewayV2Client v2 = in.client(ApiGatewayV2Client.class, ApiGatewayV2Client::builder);
        List<Api> apis = new ArrayList<>();
        in.read(types(), () -> apis.addAll(in.pagesByToken("GetApis", token -> v2.getApis(r -> r.nextToken(token)),
                GetApisResponse::items, GetApisResponse::nextToken)));
        in.read(List.of(HttpApiMapper.TYPE), () -> apis.forEach(a -> in.add(HttpApiMapper.map(in.scope(), a))));
        in.read(List.of(IntegrationMapper.TYPE), () -> in.each(apis, api -> in.pagesByToken("GetIntegrations",
                token -> v2.getIntegrations(r -> r.apiId(api.apiId()).nextToken(token)), GetIntegrationsResponse::items,
                GetIntegrationsResponse::nextToken).stream().map(i -> IntegrationMapper.map(in.scope(), api, i)).toList())
                .stream().flatMap(List::stream).forEach(in::add));
        in.read(List.of(HttpStageMapper.TYPE), () -> in.each(apis, api -> in.pagesByToken("GetStages",
                token -> v2.getStages(r -> r.apiId(api.apiId()).nextToken(token)), GetStagesResponse::items,
                GetStagesResponse::nextToken).stream().map(s -> HttpStageMapper.map(in.scope(), api, s)).toList())
                .stream().flatMap(List::stream).forEach(in::add));
        in.read(List.of(HttpAuthorizerMapper.TYPE), () -> in.each(apis, api -> in.pagesByToken("GetAuthorizers",
                token -> v2.getAuthorizers(r -> r.apiId(api.apiId()).nextToken(token)), GetAuthorizersResponse::items,
                GetAuthorizersResponse::nextToken).stream().map(a -> HttpAuthorizerMapper.map(in.scope(), api, a)).toList())
                .stream().flatMap(List::stream).forEach(in::add));
    }
}
