package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The models the fake reads from the SDK agree with the botocore models: every operation a scan reads
 * resolves, the REST bindings are botocore's {@code http} facts, and every pagination entry names members
 * that exist, matches an SDK paginator, and covers every SDK paginator of the operations a scan reads.
 */
class ModelTest {

    @Test
    void everyOperationAScanReadsResolvesInTheSdkModel() {
        for (AwsService service : AwsService.values()) {
            for (String operation : service.operations()) {
                OperationModel op = SdkModels.require(service, operation);
                assertThat(op.name()).isEqualTo(operation);
                assertThat(op.input().isStructure()).isTrue();
                assertThat(op.output().members()).as(service.id() + " " + operation).isNotEmpty();
            }
        }
    }

    @Test
    void restBindingsAreThoseOfTheBotocoreModels() {
        // botocore/data/{lambda/2015-03-31,apigateway/2015-07-09,apigatewayv2/2018-11-29,eks/2017-11-01,
        // cloudfront/2020-05-31}/service-2.json, http.requestUri
        Map<String, String> botocore = new LinkedHashMap<>();
        botocore.put("lambda/ListFunctions", "GET /2015-03-31/functions");
        botocore.put("lambda/ListEventSourceMappings", "GET /2015-03-31/event-source-mappings");
        botocore.put("lambda/ListAliases", "GET /2015-03-31/functions/{FunctionName}/aliases");
        botocore.put("lambda/ListVersionsByFunction", "GET /2015-03-31/functions/{FunctionName}/versions");
        botocore.put("lambda/ListTags", "GET /2017-03-31/tags/{Resource}");
        botocore.put("lambda/ListFunctionEventInvokeConfigs", "GET /2019-09-25/functions/{FunctionName}/event-invoke-config/list");
        botocore.put("lambda/GetPolicy", "GET /2015-03-31/functions/{FunctionName}/policy");
        botocore.put("apigateway/GetRestApis", "GET /restapis");
        botocore.put("apigateway/GetStages", "GET /restapis/{restapi_id}/stages");
        botocore.put("apigateway/GetResources", "GET /restapis/{restapi_id}/resources");
        botocore.put("apigateway/GetDeployments", "GET /restapis/{restapi_id}/deployments");
        botocore.put("apigateway/GetUsagePlans", "GET /usageplans");
        botocore.put("apigateway/GetAuthorizers", "GET /restapis/{restapi_id}/authorizers");
        botocore.put("apigateway/GetIntegration",
                     "GET /restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration");
        botocore.put("apigatewayv2/GetApis", "GET /v2/apis");
        botocore.put("apigatewayv2/GetIntegrations", "GET /v2/apis/{apiId}/integrations");
        botocore.put("apigatewayv2/GetStages", "GET /v2/apis/{apiId}/stages");
        botocore.put("apigatewayv2/GetAuthorizers", "GET /v2/apis/{apiId}/authorizers");
        botocore.put("eks/ListClusters", "GET /clusters");
        botocore.put("eks/DescribeCluster", "GET /clusters/{name}");
        // botocore/data/mq/2017-11-27/service-2.json
        botocore.put("mq/ListBrokers", "GET /v1/brokers");
        botocore.put("mq/DescribeBroker", "GET /v1/brokers/{broker-id}");
        // botocore/data/{efs/2015-02-01,opensearch/2021-01-01}/service-2.json
        botocore.put("efs/DescribeFileSystems", "GET /2015-02-01/file-systems");
        botocore.put("efs/DescribeMountTargets", "GET /2015-02-01/mount-targets");
        botocore.put("opensearch/ListDomainNames", "GET /2021-01-01/domain");
        botocore.put("opensearch/DescribeDomains", "POST /2021-01-01/opensearch/domain-info");
        botocore.put("opensearch/ListTags", "GET /2021-01-01/tags/");
        // botocore/data/appconfig/2019-10-09/service-2.json
        botocore.put("appconfig/ListApplications", "GET /applications");
        botocore.put("appconfig/ListEnvironments", "GET /applications/{ApplicationId}/environments");
        // botocore/data/{pipes/2015-10-07,scheduler/2021-06-30}/service-2.json
        botocore.put("pipes/ListPipes", "GET /v1/pipes");
        botocore.put("pipes/DescribePipe", "GET /v1/pipes/{Name}");
        botocore.put("scheduler/ListSchedules", "GET /schedules");
        botocore.put("scheduler/GetSchedule", "GET /schedules/{Name}");
        // botocore/data/route53/2013-04-01/service-2.json
        botocore.put("route53/ListHostedZones", "GET /2013-04-01/hostedzone");
        botocore.put("route53/ListResourceRecordSets", "GET /2013-04-01/hostedzone/{Id}/rrset");
        botocore.put("route53/ListHealthChecks", "GET /2013-04-01/healthcheck");
        botocore.put("cloudfront/ListDistributions", "GET /2020-05-31/distribution");
        botocore.put("cloudfront/ListCachePolicies", "GET /2020-05-31/cache-policy");
        botocore.put("cloudfront/GetCachePolicy", "GET /2020-05-31/cache-policy/{Id}");
        botocore.put("cloudfront/ListTagsForResource", "GET /2020-05-31/tagging");

        Map<String, String> sdk = new LinkedHashMap<>();
        for (AwsService service : List.of(AwsService.LAMBDA, AwsService.APIGATEWAY, AwsService.APIGATEWAYV2, AwsService.EKS,
                                          AwsService.MQ, AwsService.EFS, AwsService.OPENSEARCH, AwsService.APPCONFIG,
                                          AwsService.PIPES, AwsService.SCHEDULER, AwsService.ROUTE53,
                                          AwsService.CLOUDFRONT)) {
            List<OperationModel> ops = service.operations().stream().map(o -> SdkModels.require(service, o)).toList();
            for (OperationModel op : ops) {
                sdk.put(service.id() + "/" + op.name(), op.httpMethod() + " " + op.requestUri());
                String path = op.requestUri().replaceAll("\\{[^}]+}", "x%3Ay");
                RestBinding.Match match = RestBinding.route(ops, op.httpMethod(), path);
                assertThat(match.operation()).as(path).isSameAs(op);
                assertThat(match.labels().values()).allSatisfy(v -> assertThat(v).isEqualTo("x:y"));
            }
        }
        assertThat(sdk).isEqualTo(botocore);
    }

    @Test
    void s3BindingsAreThoseOfTheBotocoreModelWithTheBucketInThePath() {
        // botocore/data/s3/2006-03-01/service-2.json, http.requestUri; the SDK's requestUri leaves the
        // {Bucket} label to its endpoint rules, which put it first in the path (path-style)
        Map<String, String> botocore = new LinkedHashMap<>();
        botocore.put("s3/ListBuckets", "GET /");
        botocore.put("s3/GetBucketVersioning", "GET /{Bucket}?versioning");
        botocore.put("s3/GetBucketLogging", "GET /{Bucket}?logging");
        botocore.put("s3/GetBucketNotificationConfiguration", "GET /{Bucket}?notification");
        botocore.put("s3/GetBucketTagging", "GET /{Bucket}?tagging");

        Map<String, String> sdk = new LinkedHashMap<>();
        List<OperationModel> ops = AwsService.S3.operations().stream().map(o -> SdkModels.require(AwsService.S3, o)).toList();
        for (OperationModel op : ops) {
            boolean bucket = RestBinding.bucketInPath(op);
            String uri = op.requestUri();
            sdk.put("s3/" + op.name(), op.httpMethod() + " " + (bucket ? "/{Bucket}" + (uri.startsWith("/") ? uri.substring(1) : uri) : uri));
            int mark = uri.indexOf('?');
            RestBinding.Match match = RestBinding.routePathStyle(ops, op.httpMethod(), bucket ? "/x%3Ay" : "/",
                                                                 mark < 0 ? null : uri.substring(mark + 1));
            assertThat(match.operation()).as(op.name()).isSameAs(op);
            assertThat(match.labels()).isEqualTo(bucket ? Map.of("Bucket", "x:y") : Map.of());
        }
        assertThat(sdk).isEqualTo(botocore);
    }

    @Test
    void everyPagingEntryNamesMembersOfItsShapes() {
        for (Map.Entry<String, Paging> entry : Paging.entries().entrySet()) {
            String[] key = entry.getKey().split("/");
            OperationModel op = SdkModels.require(AwsService.of(key[0]), key[1]);
            Paging paging = entry.getValue();
            assertThat(Trees.shapeAt(op.output(), paging.resultKey()).kind()).as(entry.getKey()).isEqualTo(Shape.Kind.LIST);
            if (paging.pages()) {
                assertThat(op.input().member(paging.inputToken())).as(entry.getKey()).isNotNull();
                assertThat(Trees.shapeAt(op.output(), paging.outputToken()).kind()).isEqualTo(Shape.Kind.STRING);
            }
            if (paging.limitKey() != null) {
                assertThat(op.input().member(paging.limitKey())).as(entry.getKey()).isNotNull();
            }
            if (paging.moreResults() != null) {
                assertThat(Trees.shapeAt(op.output(), paging.moreResults()).kind()).isEqualTo(Shape.Kind.BOOLEAN);
            }
        }
    }

    @Test
    void pagingEntriesAndSdkPaginatorsAgree() {
        for (AwsService service : AwsService.values()) {
            for (String operation : service.operations()) {
                OperationModel op = SdkModels.require(service, operation);
                String sdkName = op.input().name().replaceFirst("Request$", "");
                String paginators = service.sdkPackage() + ".paginators.";
                boolean sdkPaginates = exists(paginators + sdkName + "Iterable") || exists(paginators + operation + "Iterable");
                Paging paging = op.paging().orElse(null);
                boolean fakePaginates = paging != null && paging.pages() && !paging.fromShape();
                // botocore pages these; the Java SDK generates no paginator for them
                boolean botocoreOnly = service == AwsService.DYNAMODB && operation.equals("ListTagsOfResource")
                    || service == AwsService.EVENTS && List.of("ListRules", "ListTargetsByRule").contains(operation)
                    || service == AwsService.APIGATEWAY && operation.equals("GetAuthorizers")
                    || service == AwsService.DAX;
                assertThat(fakePaginates).as(service.id() + " " + operation + " paginated").isEqualTo(sdkPaginates || botocoreOnly);
                assertThat(sdkPaginates).as(service.id() + " " + operation + " has an SDK paginator").isEqualTo(!botocoreOnly && fakePaginates);
            }
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void cloudWatchIsBotocoresQueryServiceAndPagesItsAlarms() {
        // botocore/data/cloudwatch/2010-08-01/service-2.json at 0e6e2404: endpointPrefix monitoring,
        // xmlNamespace http://monitoring.amazonaws.com/doc/2010-08-01/, protocols [smithy-rpc-v2-cbor, json,
        // query] (the SDK 2.40.2 client speaks query); paginators-1.json DescribeAlarms: NextToken,
        // NextToken, MaxRecords, result_key [MetricAlarms, CompositeAlarms, LogAlarms]
        assertThat(AwsService.CLOUDWATCH.signingName()).isEqualTo("monitoring");
        assertThat(AwsService.CLOUDWATCH.apiVersion()).isEqualTo("2010-08-01");
        assertThat(AwsService.CLOUDWATCH.xmlNamespace()).isEqualTo("http://monitoring.amazonaws.com/doc/2010-08-01/");
        assertThat(AwsService.CLOUDWATCH.protocol()).isEqualTo(Protocol.QUERY);
        assertThat(AwsService.CLOUDWATCH.iamAction("DescribeAlarms", "POST")).isEqualTo("cloudwatch:DescribeAlarms");
        Paging paging = Paging.of(AwsService.CLOUDWATCH, "DescribeAlarms").orElseThrow();
        assertThat(List.of(paging.inputToken(), paging.outputToken(), paging.limitKey()))
                .containsExactly("NextToken", "NextToken", "MaxRecords");
        assertThat(List.of("MetricAlarms", "CompositeAlarms", "LogAlarms")).contains(paging.resultKey());
        OperationModel op = SdkModels.require(AwsService.CLOUDWATCH, "DescribeAlarms");
        assertThat(Trees.shapeAt(op.output(), "CompositeAlarms").kind()).isEqualTo(Shape.Kind.LIST);
        assertThat(op.input().member("AlarmTypes")).isNotNull();
    }

    @Test
    void codeDeployPagesItsDeploymentConfigsAsBotocoreDoesAndDescribesOneByName() {
        // botocore/data/codedeploy/2014-10-06/paginators-1.json at 0e6e2404: ListDeploymentConfigs
        // nextToken, nextToken, result_key deploymentConfigsList (no limit_key); service-2.json:
        // GetDeploymentConfig requires deploymentConfigName and answers deploymentConfigInfo
        Paging paging = Paging.of(AwsService.CODEDEPLOY, "ListDeploymentConfigs").orElseThrow();
        assertThat(List.of(paging.inputToken(), paging.outputToken(), paging.resultKey()))
                .containsExactly("nextToken", "nextToken", "deploymentConfigsList");
        assertThat(paging.limitKey()).isNull();
        OperationModel get = SdkModels.require(AwsService.CODEDEPLOY, "GetDeploymentConfig");
        assertThat(get.input().member("deploymentConfigName")).isNotNull();
        assertThat(get.output().members()).containsOnlyKeys("deploymentConfigInfo");
        assertThat(AwsService.CODEDEPLOY.iamAction("GetDeploymentConfig", "POST"))
                .isEqualTo("codedeploy:GetDeploymentConfig");
    }

    @Test
    void servicesAreFoundByIdAndUnambiguousSigningName() {
        assertThat(AwsService.of("elbv2")).isEqualTo(AwsService.ELBV2);
        assertThat(AwsService.of("elb")).isEqualTo(AwsService.ELB);
        assertThat(AwsService.of("states")).isEqualTo(AwsService.STATES);
        assertThat(AwsService.of("EC2")).isEqualTo(AwsService.EC2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AwsService.of("elasticloadbalancing"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'elbv2' and 'elb'");
        assertThat(AwsService.APIGATEWAY.iamAction("GetRestApis", "GET")).isEqualTo("apigateway:GET");
        assertThat(AwsService.APIGATEWAYV2.iamAction("GetApis", "GET")).isEqualTo("apigateway:GET");
        assertThat(AwsService.of("apigateway")).isEqualTo(AwsService.APIGATEWAY);
        assertThat(AwsService.of("apigatewayv2")).isEqualTo(AwsService.APIGATEWAYV2);
        assertThat(AwsService.ELB.iamAction("DescribeTags", "POST")).isEqualTo("elasticloadbalancing:DescribeTags");
    }
}
