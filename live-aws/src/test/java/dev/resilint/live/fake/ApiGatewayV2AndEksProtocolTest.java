package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetIntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * REST-JSON services added for the deployment collectors: API Gateway v2 (which shares the signing name
 * {@code apigateway} with the REST API and is routed by its {@code /v2/} paths), EKS, and the REST API's
 * and CloudFront's per-resource reads ({@code GetIntegration}, {@code ListTagsForResource}).
 */
class ApiGatewayV2AndEksProtocolTest {
    private static final String ACCOUNT = "666666666666";
    private static final String REGION = "ap-southeast-2";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private static FakeRegion region() {
        return FAKE.account(ACCOUNT).region(REGION);
    }

    @Test
    void apiGatewayV2PagesApisByNextTokenAndIsToldApartFromTheRestApiByPath() {
        List<Map<String, Object>> apis = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            apis.add(Map.of("ApiId", "a" + i, "Name", "http-" + i, "ProtocolType", i == 3 ? "WEBSOCKET" : "HTTP",
                            "RouteSelectionExpression", "$request.method $request.path", "Tags", Map.of("team", "t" + i)));
        }
        List<Map<String, Object>> integrationInputs = new ArrayList<>();
        region().items("apigatewayv2", "GetApis", apis)
                .listHandler("apigatewayv2", "GetIntegrations", input -> {
                    integrationInputs.add(input);
                    return List.of(Map.of("IntegrationId", "i1", "IntegrationType", "AWS_PROXY",
                                          "IntegrationUri", "arn:aws:lambda:ap-southeast-2:666666666666:function:fn",
                                          "TimeoutInMillis", 30000, "PayloadFormatVersion", "2.0"));
                })
                .items("apigateway", "GetRestApis", List.of(Map.of("id", "rest1", "name", "rest")));
        ApiGatewayV2Client v2 = FAKE.client(ApiGatewayV2Client.builder(), ACCOUNT, REGION);
        ApiGatewayClient rest = FAKE.client(ApiGatewayClient.builder(), ACCOUNT, REGION);

        GetApisResponse first = v2.getApis(b -> b.maxResults("2"));
        GetApisResponse second = v2.getApis(b -> b.maxResults("2").nextToken(first.nextToken()));
        var integrations = v2.getIntegrations(b -> b.apiId("a1")).items();

        assertThat(first.items()).extracting(Api::apiId).containsExactly("a1", "a2");
        assertThat(first.nextToken()).isNotBlank();
        assertThat(second.items()).singleElement().satisfies(a -> {
            assertThat(a.protocolType()).isEqualTo(ProtocolType.WEBSOCKET);
            assertThat(a.tags()).containsExactly(Map.entry("team", "t3"));
        });
        assertThat(second.nextToken()).isNull();
        assertThat(integrations).singleElement().satisfies(i -> {
            assertThat(i.integrationUri()).endsWith(":function:fn");
            assertThat(i.timeoutInMillis()).isEqualTo(30000);
        });
        assertThat(integrationInputs).singleElement().isEqualTo(Map.of("ApiId", "a1"));
        assertThat(rest.getRestApis().items()).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo("rest1"));
        assertThat(FAKE.calls().counts()).containsEntry("apigatewayv2:GetApis", 2L)
                                         .containsEntry("apigatewayv2:GetIntegrations", 1L)
                                         .containsEntry("apigateway:GetRestApis", 1L);
        assertThat(FAKE.calls().iamActions()).containsExactly("apigateway:GET");
    }

    @Test
    void apiGatewayV2ErrorsComeFromTheErrorTypeHeader() {
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("apigatewayv2", "GetApis"));

        assertThatThrownBy(() -> FAKE.client(ApiGatewayV2Client.builder(), ACCOUNT, REGION).getApis(b -> { }))
            .isInstanceOfSatisfying(ApiGatewayV2Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        // the REST API is not hit by a fault on the v2 API
        assertThat(FAKE.client(ApiGatewayClient.builder(), ACCOUNT, REGION).getRestApis().items()).isEmpty();
    }

    @Test
    void apiGatewayIntegrationOfOneMethodIsBoundToItsPath() {
        region().handler("apigateway", "GetIntegration", input -> {
            assertThat(input).isEqualTo(Map.of("restApiId", "r1", "resourceId", "res1", "httpMethod", "GET"));
            return Map.of("type", "AWS_PROXY", "timeoutInMillis", 5000,
                          "uri", "arn:aws:apigateway:ap-southeast-2:lambda:path/2015-03-31/functions/"
                                 + "arn:aws:lambda:ap-southeast-2:666666666666:function:fn/invocations");
        });

        GetIntegrationResponse integration = FAKE.client(ApiGatewayClient.builder(), ACCOUNT, REGION)
            .getIntegration(b -> b.restApiId("r1").resourceId("res1").httpMethod("GET"));

        assertThat(integration.timeoutInMillis()).isEqualTo(5000);
        assertThat(integration.uri()).contains("function:fn/invocations");
    }

    @Test
    void eksPagesClusterNamesAndDescribesOneByItsName() {
        region().items("eks", "ListClusters", List.of("a", "b", "c"))
                .answer("eks", "DescribeCluster", "name", "b", Map.of("cluster", Map.of(
                    "name", "b", "arn", "arn:aws:eks:ap-southeast-2:666666666666:cluster/b", "version", "1.31",
                    "tags", Map.of("team", "platform"),
                    "resourcesVpcConfig", Map.of("subnetIds", List.of("subnet-1"), "endpointPublicAccess", true))))
                .fail("eks", "DescribeCluster", "name", "c",
                      new AwsError("ResourceNotFoundException", 404, "No cluster found for name: c."));
        EksClient eks = FAKE.client(EksClient.builder(), ACCOUNT, REGION);

        List<ListClustersResponse> pages = eks.listClustersPaginator(b -> b.maxResults(100)).stream().toList();
        Cluster b = eks.describeCluster(r -> r.name("b")).cluster();

        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(p -> p.clusters().stream())).containsExactly("a", "b", "c");
        assertThat(b.tags()).containsExactly(Map.entry("team", "platform"));
        assertThat(b.resourcesVpcConfig().subnetIds()).containsExactly("subnet-1");
        assertThatThrownBy(() -> eks.describeCluster(r -> r.name("c")))
            .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(FAKE.calls().iamActions()).containsExactly("eks:DescribeCluster", "eks:ListClusters");
    }

    @Test
    void cloudFrontTagsOfADistributionByArnInTheQuery() {
        String arn = "arn:aws:cloudfront::666666666666:distribution/E1";
        FAKE.account(ACCOUNT).region("us-east-1").answer("cloudfront", "ListTagsForResource", "Resource", arn,
            Map.of("Tags", Map.of("Items", List.of(Map.of("Key", "team", "Value", "edge")))));

        var tags = FAKE.client(CloudFrontClient.builder(), ACCOUNT, "us-east-1")
            .listTagsForResource(b -> b.resource(arn)).tags().items();

        assertThat(tags).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("team");
            assertThat(t.value()).isEqualTo("edge");
        });
        assertThat(FAKE.calls().iamActions()).containsExactly("cloudfront:ListTagsForResource");
    }
}
