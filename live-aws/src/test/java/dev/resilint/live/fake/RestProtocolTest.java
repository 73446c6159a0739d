package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicy;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetCachePolicyResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchCachePolicyException;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** REST-JSON (Lambda, API Gateway) and REST-XML (CloudFront): method and path routing, bound members, errors. */
class RestProtocolTest {
    private static final String ACCOUNT = "555555555555";
    private static final String REGION = "eu-north-1";
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
    void lambdaListFunctionsPagesByMarkerAndReadsTagsByArnInThePath() {
        List<Map<String, Object>> functions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            functions.add(Map.of("FunctionName", "fn-" + i, "FunctionArn", "arn:aws:lambda:eu-north-1:555555555555:function:fn-" + i,
                                 "Timeout", 3 * i, "DeadLetterConfig", Map.of("TargetArn", "arn:aws:sqs:eu-north-1:555555555555:dlq"),
                                 "VpcConfig", Map.of("SubnetIds", List.of("subnet-a", "subnet-b"))));
        }
        String arn = "arn:aws:lambda:eu-north-1:555555555555:function:fn-1";
        region().items("lambda", "ListFunctions", functions)
                .answer("lambda", "ListTags", "Resource", arn, Map.of("Tags", Map.of("team", "payments")))
                .items("lambda", "ListAliases", "FunctionName", "fn-1", List.of(Map.of("Name", "live", "FunctionVersion", "7")));
        LambdaClient lambda = FAKE.client(LambdaClient.builder(), ACCOUNT, REGION);

        List<ListFunctionsResponse> pages = lambda.listFunctionsPaginator(b -> b.maxItems(50)).stream().toList();
        List<FunctionConfiguration> all = pages.stream().flatMap(p -> p.functions().stream()).toList();
        Map<String, String> tags = lambda.listTags(b -> b.resource(arn)).tags();

        assertThat(pages).hasSize(3);
        assertThat(all).extracting(FunctionConfiguration::timeout).containsExactly(3, 6, 9, 12, 15);
        assertThat(all.get(0).deadLetterConfig().targetArn()).endsWith(":dlq");
        assertThat(all.get(0).vpcConfig().subnetIds()).containsExactly("subnet-a", "subnet-b");
        assertThat(tags).containsExactly(Map.entry("team", "payments"));
        assertThat(lambda.listAliasesPaginator(b -> b.functionName("fn-1")).aliases().stream().toList())
            .singleElement().satisfies(a -> assertThat(a.functionVersion()).isEqualTo("7"));
        assertThat(FAKE.calls().iamActions()).containsExactly("lambda:ListAliases", "lambda:ListFunctions", "lambda:ListTags");
    }

    @Test
    void lambdaErrorsComeFromTheErrorTypeHeader() {
        region().fail("lambda", "ListTags", "Resource", "arn:gone",
                      new AwsError("ResourceNotFoundException", 404, "Function not found: arn:gone"));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("lambda", "ListEventSourceMappings"));
        LambdaClient lambda = FAKE.client(LambdaClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(() -> lambda.listTags(b -> b.resource("arn:gone")))
            .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: arn:gone");
                assertThat(e.statusCode()).isEqualTo(404);
            });
        assertThatThrownBy(() -> lambda.listEventSourceMappings(b -> b.functionName("fn-1")))
            .isInstanceOfSatisfying(LambdaException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
    }

    @Test
    void apiGatewayPagesRestApisByPositionAndBindsPathAndQueryMembers() {
        List<Map<String, Object>> apis = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            apis.add(Map.of("id", "api" + i, "name", "api-" + i, "createdDate", Instant.parse("2022-02-0" + i + "T00:00:00Z")));
        }
        List<Map<String, Object>> resourceInputs = new ArrayList<>();
        region().items("apigateway", "GetRestApis", apis)
                .items("apigateway", "GetStages", "restApiId", "api1", List.of(
                    Map.of("stageName", "prod", "cacheClusterEnabled", true,
                           "methodSettings", Map.of("*/*", Map.of("cachingEnabled", true, "cacheTtlInSeconds", 300)))))
                .listHandler("apigateway", "GetResources", input -> {
                    resourceInputs.add(input);
                    return List.of(Map.of("id", "r1", "path", "/orders"));
                });
        ApiGatewayClient apigateway = FAKE.client(ApiGatewayClient.builder(), ACCOUNT, REGION);

        List<GetRestApisResponse> pages = apigateway.getRestApisPaginator(b -> b.limit(500)).stream().toList();
        List<Stage> stages = apigateway.getStages(b -> b.restApiId("api1")).item();
        apigateway.getResourcesPaginator(b -> b.restApiId("api1").embed("methods")).items().stream().toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(p -> p.items().stream())).extracting(RestApi::id).containsExactly("api1", "api2", "api3");
        assertThat(pages.get(1).items().get(0).createdDate()).isEqualTo(Instant.parse("2022-02-03T00:00:00Z"));
        assertThat(stages).singleElement().satisfies(s -> {
            assertThat(s.cacheClusterEnabled()).isTrue();
            assertThat(s.methodSettings().get("*/*").cacheTtlInSeconds()).isEqualTo(300);
        });
        assertThat(apigateway.getStages(b -> b.restApiId("api2")).item()).isEmpty();
        assertThat(resourceInputs).singleElement().isEqualTo(Map.of("restApiId", "api1", "embed", List.of("methods")));
        assertThat(FAKE.calls().iamActions()).containsExactly("apigateway:GET");
    }

    @Test
    void apiGatewayModelledErrors() {
        FAKE.inject(Fault.error(new AwsError("NotFoundException", 404, "Invalid API identifier specified")).on("apigateway"));

        assertThatThrownBy(() -> FAKE.client(ApiGatewayClient.builder(), ACCOUNT, REGION).getStages(b -> b.restApiId("x")))
            .isInstanceOfSatisfying(NotFoundException.class,
                                    e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid API identifier specified"));
    }

    @Test
    void cloudFrontListsDistributionsInXmlPagesWithQuantityAndTruncation() {
        List<Map<String, Object>> distributions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            distributions.add(Map.of("Id", "E" + i, "DomainName", "d" + i + ".cloudfront.net", "Enabled", true,
                                     "Origins", Map.of("Items", List.of(Map.of("Id", "o1", "DomainName", "origin.example.com"))),
                                     "DefaultCacheBehavior", Map.of("TargetOriginId", "o1", "CachePolicyId", "cp-1"),
                                     "LastModifiedTime", Instant.parse("2021-06-01T12:00:00Z")));
        }
        FAKE.account(ACCOUNT).region("us-east-1").items("cloudfront", "ListDistributions", distributions);
        CloudFrontClient cloudfront = FAKE.client(CloudFrontClient.builder(), ACCOUNT, "us-east-1");

        // the CloudFront client interface has no paginator methods in 2.40.2; its paginator class is public
        List<ListDistributionsResponse> pages =
            new ListDistributionsIterable(cloudfront, ListDistributionsRequest.builder().build()).stream().toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).distributionList().isTruncated()).isTrue();
        assertThat(pages.get(0).distributionList().quantity()).isEqualTo(2);
        assertThat(pages.get(1).distributionList().isTruncated()).isFalse();
        List<DistributionSummary> all = pages.stream().flatMap(p -> p.distributionList().items().stream()).toList();
        assertThat(all).extracting(DistributionSummary::id).containsExactly("E1", "E2", "E3");
        assertThat(all.get(0).origins().quantity()).isEqualTo(1);
        assertThat(all.get(0).origins().items().get(0).domainName()).isEqualTo("origin.example.com");
        assertThat(all.get(2).defaultCacheBehavior().cachePolicyId()).isEqualTo("cp-1");
        assertThat(all.get(2).lastModifiedTime()).isEqualTo(Instant.parse("2021-06-01T12:00:00Z"));
    }

    @Test
    void route53ListsZonesAndTheirRecordsInXmlPagesEndingOnIsTruncatedAndAnswersXmlErrors() {
        FakeAccount account = FAKE.account(ACCOUNT);
        account.items("route53", "ListHostedZones", List.of(
                   Map.of("Id", "/hostedzone/Z1", "Name", "example.com.", "CallerReference", "a",
                          "Config", Map.of("PrivateZone", true)),
                   Map.of("Id", "/hostedzone/Z2", "Name", "example.org.", "CallerReference", "b"),
                   Map.of("Id", "/hostedzone/Z3", "Name", "example.net.", "CallerReference", "c")))
               .items("route53", "ListResourceRecordSets", "HostedZoneId", "Z1", List.of(
                   Map.of("Name", "a.example.com.", "Type", "A", "TTL", 60,
                          "ResourceRecords", List.of(Map.of("Value", "192.0.2.1"), Map.of("Value", "192.0.2.2"))),
                   Map.of("Name", "b.example.com.", "Type", "A", "SetIdentifier", "p", "Failover", "PRIMARY",
                          "HealthCheckId", "hc-1", "TTL", 30, "ResourceRecords", List.of(Map.of("Value", "192.0.2.3"))),
                   Map.of("Name", "c.example.com.", "Type", "A", "AliasTarget", Map.of("HostedZoneId", "Z32O12XQLNTSW2",
                          "DNSName", "lb.elb.amazonaws.com.", "EvaluateTargetHealth", true))))
               .fail("route53", "ListResourceRecordSets", "HostedZoneId", "Z9",
                     new AwsError("NoSuchHostedZone", 404, "No hosted zone found with ID: Z9"));
        Route53Client route53 = FAKE.client(Route53Client.builder(), ACCOUNT, "us-east-1");

        List<HostedZone> zones = route53.listHostedZonesPaginator().hostedZones().stream().toList();
        List<ListResourceRecordSetsResponse> pages =
            route53.listResourceRecordSetsPaginator(b -> b.hostedZoneId("Z1")).stream().toList();

        // Route 53 answers "/hostedzone/Z1"; the SDK's Route 53 customisation strips the prefix
        assertThat(zones).extracting(HostedZone::id).containsExactly("Z1", "Z2", "Z3");
        assertThat(zones.get(0).config().privateZone()).isTrue();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).isTruncated()).isTrue();
        assertThat(pages.get(1).isTruncated()).isFalse();
        List<ResourceRecordSet> records = pages.stream().flatMap(p -> p.resourceRecordSets().stream()).toList();
        assertThat(records).extracting(ResourceRecordSet::name).containsExactly("a.example.com.", "b.example.com.",
                                                                                 "c.example.com.");
        assertThat(records.get(0).resourceRecords()).extracting(r -> r.value()).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(records.get(1).failoverAsString()).isEqualTo("PRIMARY");
        assertThat(records.get(1).ttl()).isEqualTo(30L);
        assertThat(records.get(2).aliasTarget().evaluateTargetHealth()).isTrue();
        assertThat(FAKE.calls().count("route53", "ListHostedZones")).isEqualTo(2);
        assertThat(FAKE.calls().iamActions()).containsExactly("route53:ListHostedZones", "route53:ListResourceRecordSets");
        assertThatThrownBy(() -> route53.listResourceRecordSets(b -> b.hostedZoneId("Z9")))
            .isInstanceOfSatisfying(NoSuchHostedZoneException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void cloudFrontCachePoliciesWithTheirEtagHeaderAndXmlErrors() {
        FakeRegion global = FAKE.account(ACCOUNT).region("us-east-1");
        global.items("cloudfront", "ListCachePolicies", List.of(
                  Map.of("Type", "custom", "CachePolicy", Map.of("Id", "cp-1"))))
              .answer("cloudfront", "GetCachePolicy", "Id", "cp-1", Map.of("ETag", "E2QWRUHEXAMPLE", "CachePolicy", Map.of(
                  "Id", "cp-1", "LastModifiedTime", Instant.parse("2021-01-01T00:00:00Z"),
                  "CachePolicyConfig", Map.of("Name", "short", "MinTTL", 1, "DefaultTTL", 60, "MaxTTL", 3600))))
              .fail("cloudfront", "GetCachePolicy", "Id", "cp-gone",
                    new AwsError("NoSuchCachePolicy", 404, "The cache policy does not exist."));
        FAKE.inject(Fault.error("AccessDenied", 403).on("cloudfront", "ListDistributions"));
        CloudFrontClient cloudfront = FAKE.client(CloudFrontClient.builder(), ACCOUNT, "us-east-1");

        List<String> ids = cloudfront.listCachePolicies(b -> b.type("custom")).cachePolicyList().items().stream()
                                     .map(s -> s.cachePolicy().id()).toList();
        GetCachePolicyResponse policy = cloudfront.getCachePolicy(b -> b.id("cp-1"));
        CachePolicy cachePolicy = policy.cachePolicy();

        assertThat(ids).containsExactly("cp-1");
        assertThat(policy.eTag()).isEqualTo("E2QWRUHEXAMPLE");
        assertThat(cachePolicy.cachePolicyConfig().defaultTTL()).isEqualTo(60L);
        assertThat(cachePolicy.cachePolicyConfig().maxTTL()).isEqualTo(3600L);
        assertThatThrownBy(() -> cloudfront.getCachePolicy(b -> b.id("cp-gone")))
            .isInstanceOfSatisfying(NoSuchCachePolicyException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchCachePolicy"));
        assertThatThrownBy(cloudfront::listDistributions)
            .isInstanceOfSatisfying(CloudFrontException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.statusCode()).isEqualTo(403);
            });
    }
}
