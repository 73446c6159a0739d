package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caches without a lifetime (CA04), written as a template and served by the fake account: DAX parameter
 * groups with an item or a query TTL of 0, with five minutes, and without parameters of their own (the
 * account answers the defaults for it, and has DAX's own {@code default.dax1.0}, with the defaults,
 * besides); REST API authorizers (a TOKEN authorizer with caching off, one caching by default, a Cognito
 * one with 0); HTTP API authorizers (REQUEST with 0, with 300, with 0 but no identity source, a JWT one)
 * and a WebSocket API's REQUEST authorizer with 0. Both sides get the same findings, with the same messages once the
 * resources' names are the same; and where one type cannot be read, only its resources are not evaluated.
 */
class CacheTtlTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String DAX = "arn:aws:dax:eu-west-1:111122223333:";
    static final String APIGW = "arn:aws:apigateway:eu-west-1::";
    static final String URI = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:eu-west-1:111122223333:function:auth/invocations";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              AuthUri: {Type: String, Default: '%s'}
            Resources:
              NoItemTtl:
                Type: AWS::DAX::ParameterGroup
                Properties: {ParameterGroupName: no-item-ttl, ParameterNameValues: {record-ttl-millis: '0'}}
              NoQueryTtl:
                Type: AWS::DAX::ParameterGroup
                Properties: {ParameterGroupName: no-query-ttl, ParameterNameValues: {query-ttl-millis: '0'}}
              FiveMinutes:
                Type: AWS::DAX::ParameterGroup
                Properties:
                  ParameterGroupName: five-minutes
                  ParameterNameValues: {record-ttl-millis: '300000', query-ttl-millis: '300000'}
              Unset:
                Type: AWS::DAX::ParameterGroup
                Properties: {ParameterGroupName: unset, Description: sets nothing}
              Orders:
                Type: AWS::DAX::Cluster
                Properties: {ClusterName: orders, NodeType: dax.r5.large, ReplicationFactor: 3,
                  IAMRoleARN: 'arn:aws:iam::111122223333:role/dax', ParameterGroupName: !Ref NoItemTtl}
              Shop:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: shop}
              ShopToken:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Shop, Name: token, Type: TOKEN, AuthorizerUri: !Ref AuthUri,
                  IdentitySource: method.request.header.Authorization, AuthorizerResultTtlInSeconds: 0}
              ShopDefault:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Shop, Name: default, Type: REQUEST, AuthorizerUri: !Ref AuthUri,
                  IdentitySource: method.request.header.Authorization}
              ShopCognito:
                Type: AWS::ApiGateway::Authorizer
                Properties: {RestApiId: !Ref Shop, Name: cognito, Type: COGNITO_USER_POOLS, AuthorizerResultTtlInSeconds: 0,
                  IdentitySource: method.request.header.Authorization,
                  ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:111122223333:userpool/p']}
              Http:
                Type: AWS::ApiGatewayV2::Api
                Properties: {Name: http, ProtocolType: HTTP}
              HttpUncached:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties: {ApiId: !Ref Http, Name: uncached, AuthorizerType: REQUEST, AuthorizerUri: !Ref AuthUri,
                  AuthorizerPayloadFormatVersion: '2.0', IdentitySource: [$request.header.Authorization],
                  AuthorizerResultTtlInSeconds: 0}
              HttpCached:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties: {ApiId: !Ref Http, Name: cached, AuthorizerType: REQUEST, AuthorizerUri: !Ref AuthUri,
                  AuthorizerPayloadFormatVersion: '2.0', IdentitySource: [$request.header.Authorization],
                  AuthorizerResultTtlInSeconds: 300}
              HttpNoSource:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties: {ApiId: !Ref Http, Name: nosource, AuthorizerType: REQUEST, AuthorizerUri: !Ref AuthUri,
                  AuthorizerPayloadFormatVersion: '2.0', AuthorizerResultTtlInSeconds: 0}
              HttpJwt:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties: {ApiId: !Ref Http, Name: jwt, AuthorizerType: JWT, IdentitySource: [$request.header.Authorization],
                  JwtConfiguration: {Issuer: 'https://issuer.example.com', Audience: [http]}}
              Chat:
                Type: AWS::ApiGatewayV2::Api
                Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
              ChatConnect:
                Type: AWS::ApiGatewayV2::Authorizer
                Properties: {ApiId: !Ref Chat, Name: connect, AuthorizerType: REQUEST, AuthorizerUri: !Ref AuthUri,
                  IdentitySource: [route.request.header.Auth], AuthorizerResultTtlInSeconds: 0}
            """.formatted(URI);

    /** The live resources' names in findings, with the logical id each stands for. */
    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("shop authorizer token", "ShopToken");
        NAMES.put("http authorizer uncached", "HttpUncached");
        NAMES.put("no-item-ttl", "NoItemTtl");
        NAMES.put("no-query-ttl", "NoQueryTtl");
    }

    static Map<String, Object> parameter(String name, String value) {
        return Map.of("ParameterName", name, "ParameterValue", value, "ParameterType", "DEFAULT", "IsModifiable", "TRUE");
    }

    static Map<String, Object> authorizer(String id, String name, Object... more) {
        Map<String, Object> a = Trees.map("AuthorizerId", id, "Name", name, "AuthorizerUri", URI);
        for (int i = 0; i < more.length; i += 2) {
            a.put((String) more[i], more[i + 1]);
        }
        return a;
    }

    /** The same caches as the account serves them: DescribeParameters answers every parameter's value in effect. */
    static void serve(FakeRegion eu) {
        eu.items("dax", "DescribeClusters", List.of(Map.of("ClusterName", "orders", "ClusterArn", DAX + "cache/orders",
                "NodeType", "dax.r5.large", "TotalNodes", 3, "Status", "available",
                "IamRoleArn", "arn:aws:iam::111122223333:role/dax",
                "ParameterGroup", Map.of("ParameterGroupName", "no-item-ttl"))));
        eu.items("dax", "DescribeParameterGroups", List.of(
                Map.of("ParameterGroupName", "default.dax1.0", "Description", "Default parameter group for dax1.0"),
                Map.of("ParameterGroupName", "no-item-ttl"), Map.of("ParameterGroupName", "no-query-ttl"),
                Map.of("ParameterGroupName", "five-minutes"),
                Map.of("ParameterGroupName", "unset", "Description", "sets nothing")));
        eu.items("dax", "DescribeParameters", "ParameterGroupName", "no-item-ttl", List.of(
                parameter("query-ttl-millis", "300000"), parameter("record-ttl-millis", "0")));
        eu.items("dax", "DescribeParameters", "ParameterGroupName", "no-query-ttl", List.of(
                parameter("query-ttl-millis", "0"), parameter("record-ttl-millis", "300000")));
        for (String group : List.of("default.dax1.0", "five-minutes", "unset")) {
            eu.items("dax", "DescribeParameters", "ParameterGroupName", group, List.of(
                    parameter("query-ttl-millis", "300000"), parameter("record-ttl-millis", "300000")));
        }
        eu.items("apigateway", "GetRestApis", List.of(Map.of("id", "shop1", "name", "shop")));
        eu.items("apigateway", "GetAuthorizers", "restApiId", "shop1", List.of(
                Map.of("id", "tok", "name", "token", "type", "TOKEN", "authorizerUri", URI,
                        "identitySource", "method.request.header.Authorization", "authorizerResultTtlInSeconds", 0),
                Map.of("id", "def", "name", "default", "type", "REQUEST", "authorizerUri", URI,
                        "identitySource", "method.request.header.Authorization", "authorizerResultTtlInSeconds", 300),
                Map.of("id", "cog", "name", "cognito", "type", "COGNITO_USER_POOLS", "authorizerResultTtlInSeconds", 0,
                        "identitySource", "method.request.header.Authorization",
                        "providerARNs", List.of("arn:aws:cognito-idp:eu-west-1:111122223333:userpool/p"))));
        eu.items("apigatewayv2", "GetApis", List.of(Map.of("ApiId", "h1", "Name", "http", "ProtocolType", "HTTP"),
                Map.of("ApiId", "w1", "Name", "chat", "ProtocolType", "WEBSOCKET",
                        "RouteSelectionExpression", "$request.body.action")));
        eu.items("apigatewayv2", "GetAuthorizers", "ApiId", "h1", List.of(
                authorizer("u", "uncached", "AuthorizerType", "REQUEST", "AuthorizerPayloadFormatVersion", "2.0",
                        "IdentitySource", List.of("$request.header.Authorization"), "AuthorizerResultTtlInSeconds", 0),
                authorizer("c", "cached", "AuthorizerType", "REQUEST", "AuthorizerPayloadFormatVersion", "2.0",
                        "IdentitySource", List.of("$request.header.Authorization"), "AuthorizerResultTtlInSeconds", 300),
                authorizer("n", "nosource", "AuthorizerType", "REQUEST", "AuthorizerPayloadFormatVersion", "2.0",
                        "AuthorizerResultTtlInSeconds", 0),
                Map.of("AuthorizerId", "j", "Name", "jwt", "AuthorizerType", "JWT",
                        "IdentitySource", List.of("$request.header.Authorization"),
                        "JwtConfiguration", Map.of("Issuer", "https://issuer.example.com", "Audience", List.of("http")))));
        eu.items("apigatewayv2", "GetAuthorizers", "ApiId", "w1", List.of(
                authorizer("k", "connect", "AuthorizerType", "REQUEST", "IdentitySource", List.of("route.request.header.Auth"),
                        "AuthorizerResultTtlInSeconds", 0)));
    }

    static Twin twin() {
        return Twin.of(TEMPLATE)
                .is("NoItemTtl", DAX + "parametergroup/no-item-ttl").is("NoQueryTtl", DAX + "parametergroup/no-query-ttl")
                .is("FiveMinutes", DAX + "parametergroup/five-minutes").is("Unset", DAX + "parametergroup/unset")
                .is("Orders", DAX + "cache/orders")
                .is("ShopToken", APIGW + "/restapis/shop1/authorizers/tok")
                .is("ShopDefault", APIGW + "/restapis/shop1/authorizers/def")
                .is("ShopCognito", APIGW + "/restapis/shop1/authorizers/cog")
                .is("Http", APIGW + "/apis/h1").is("Chat", APIGW + "/apis/w1")
                .is("HttpUncached", APIGW + "/apis/h1/authorizers/u").is("HttpCached", APIGW + "/apis/h1/authorizers/c")
                .is("HttpNoSource", APIGW + "/apis/h1/authorizers/n").is("HttpJwt", APIGW + "/apis/h1/authorizers/j")
                .is("ChatConnect", APIGW + "/apis/w1/authorizers/k");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameCa04Findings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Set<String> findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("CA04"))
                .containsExactly("CA04 HttpUncached", "CA04 NoItemTtl", "CA04 NoQueryTtl", "CA04 ShopToken");
    }

    @Test
    void theMessagesAreTheSameOnBothSidesOnceTheNamesAre() throws IOException {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Files.writeString(dir.resolve("twin.yaml"), TEMPLATE);
        Results template = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("twin.yaml")), dir, Config.defaults(), List.of()));
        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        Set<String> expected = messages(template.findings());
        assertThat(expected).hasSize(4);
        assertThat(messages(live.findings())).isEqualTo(expected);
    }

    /** CA04's messages, each live resource's name replaced by its logical id. */
    private static Set<String> messages(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals("CA04")).map(f -> {
            String message = f.message();
            for (Map.Entry<String, String> name : NAMES.entrySet()) {
                if (f.location() instanceof Location.Live) {
                    message = message.replace(" " + name.getKey() + " ", " " + name.getValue() + " ");
                }
            }
            return message;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void whereDaxCannotBeReadOnlyDaxParameterGroupsAreNotEvaluatedAndTheAuthorizersAreStillJudged() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("dax", "DescribeParameterGroups"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("CA04"))
                .extracting(f -> ((Location.Live) f.location()).arn())
                .containsExactlyInAnyOrder(APIGW + "/restapis/shop1/authorizers/tok", APIGW + "/apis/h1/authorizers/u");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("CA04")).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo("AWS::DAX::ParameterGroup");
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("DescribeParameterGroups");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void whereHttpApiAuthorizersCannotBeReadTheDaxGroupsAndRestAuthorizersAreStillJudged() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetAuthorizers"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(results.findings()).filteredOn(f -> f.ruleId().equals("CA04"))
                .extracting(f -> ((Location.Live) f.location()).arn())
                .containsExactlyInAnyOrder(APIGW + "/restapis/shop1/authorizers/tok",
                        DAX + "parametergroup/no-item-ttl", DAX + "parametergroup/no-query-ttl");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("CA04")).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo("AWS::ApiGatewayV2::Authorizer");
            assertThat(n.detail()).contains("GetAuthorizers");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }
}
