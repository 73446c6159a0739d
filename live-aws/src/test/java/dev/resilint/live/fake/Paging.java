package dev.resilint.live.fake;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a list operation pages: the paginator entries of the botocore models
 * ({@code botocore/data/<service>/<version>/paginators-1.json} at boto/botocore
 * 0e6e2404b85dc336dd2889814e089bde7d1a4c55: {@code input_token}, {@code output_token}, {@code limit_key},
 * {@code result_key}, {@code more_results}; member names, dotted for nested members), plus the list
 * operations a scan reads that have no paginator entry, whose result key and tokens are the members of
 * their output shape ({@link #fromShape()}).
 *
 * @param inputToken the input member carrying the token, or null if the operation does not page
 * @param outputToken the output member (path) carrying the next token, or null
 * @param limitKey the input member limiting the page size, or null
 * @param resultKey the output member (path) holding the list
 * @param moreResults the output member (path) saying more results exist, or null
 * @param tokenOnlyWithLimit whether a next token is only sent when the limit was given (SQS ListQueues)
 * @param lastItemToken whether the token is the last item of the page (DynamoDB ListTables), not opaque
 * @param fromShape whether this entry is read from the output shape, not from paginators-1.json
 */
record Paging(String inputToken, String outputToken, String limitKey, String resultKey, String moreResults,
              boolean tokenOnlyWithLimit, boolean lastItemToken, boolean fromShape) {

    private static final Map<String, Paging> TABLE = table();

    static Optional<Paging> of(AwsService service, String operation) {
        return Optional.ofNullable(TABLE.get(service.id() + "/" + operation));
    }

    /** Every entry, by {@code <service id>/<Operation>}. */
    static Map<String, Paging> entries() {
        return TABLE;
    }

    boolean pages() {
        return inputToken != null;
    }

    private static Paging paged(String in, String out, String limit, String result) {
        return new Paging(in, out, limit, result, null, false, false, false);
    }

    private static Paging unpaged(String result) {
        return new Paging(null, null, null, result, null, false, false, true);
    }

    private static Map<String, Paging> table() {
        Map<String, Paging> t = new HashMap<>();
        t.put("organizations/ListAccounts", paged("NextToken", "NextToken", "MaxResults", "Accounts"));
        t.put("ec2/DescribeSubnets", paged("NextToken", "NextToken", "MaxResults", "Subnets"));
        t.put("ec2/DescribeInstances", paged("NextToken", "NextToken", "MaxResults", "Reservations"));
        t.put("ec2/DescribeSecurityGroups", paged("NextToken", "NextToken", "MaxResults", "SecurityGroups"));
        t.put("ec2/DescribeLaunchTemplateVersions", paged("NextToken", "NextToken", "MaxResults", "LaunchTemplateVersions"));
        t.put("ec2/DescribeLaunchTemplates", paged("NextToken", "NextToken", "MaxResults", "LaunchTemplates"));
        t.put("ec2/DescribeSpotFleetRequests", paged("NextToken", "NextToken", "MaxResults", "SpotFleetRequestConfigs"));
        t.put("ec2/DescribeFleets", paged("NextToken", "NextToken", "MaxResults", "Fleets"));
        t.put("ec2/DescribeNatGateways", paged("NextToken", "NextToken", "MaxResults", "NatGateways"));
        t.put("ec2/DescribeRouteTables", paged("NextToken", "NextToken", "MaxResults", "RouteTables"));
        t.put("autoscaling/DescribeAutoScalingGroups", paged("NextToken", "NextToken", "MaxRecords", "AutoScalingGroups"));
        t.put("autoscaling/DescribeLaunchConfigurations",
              paged("NextToken", "NextToken", "MaxRecords", "LaunchConfigurations"));
        t.put("elbv2/DescribeLoadBalancers", paged("Marker", "NextMarker", "PageSize", "LoadBalancers"));
        t.put("elbv2/DescribeTargetGroups", paged("Marker", "NextMarker", "PageSize", "TargetGroups"));
        t.put("elbv2/DescribeListeners", paged("Marker", "NextMarker", "PageSize", "Listeners"));
        t.put("elbv2/DescribeRules", paged("Marker", "NextMarker", "PageSize", "Rules"));
        t.put("elb/DescribeLoadBalancers", paged("Marker", "NextMarker", "PageSize", "LoadBalancerDescriptions"));
        t.put("rds/DescribeDBInstances", paged("Marker", "Marker", "MaxRecords", "DBInstances"));
        t.put("rds/DescribeDBClusters", paged("Marker", "Marker", "MaxRecords", "DBClusters"));
        t.put("elasticache/DescribeReplicationGroups", paged("Marker", "Marker", "MaxRecords", "ReplicationGroups"));
        t.put("elasticache/DescribeCacheClusters", paged("Marker", "Marker", "MaxRecords", "CacheClusters"));
        t.put("elasticache/DescribeServerlessCaches", paged("NextToken", "NextToken", "MaxResults", "ServerlessCaches"));
        t.put("elasticache/DescribeCacheParameterGroups",
              paged("Marker", "Marker", "MaxRecords", "CacheParameterGroups"));
        t.put("elasticache/DescribeCacheParameters", paged("Marker", "Marker", "MaxRecords", "Parameters"));
        t.put("sqs/ListQueues",
              new Paging("NextToken", "NextToken", "MaxResults", "QueueUrls", null, true, false, false));
        t.put("dynamodb/ListTables", new Paging("ExclusiveStartTableName", "LastEvaluatedTableName", "Limit",
                                                "TableNames", null, false, true, false));
        // botocore pages it, the Java SDK generates no paginator: a collector follows NextToken itself
        t.put("dynamodb/ListTagsOfResource", paged("NextToken", "NextToken", null, "Tags"));
        t.put("lambda/ListFunctions", paged("Marker", "NextMarker", "MaxItems", "Functions"));
        t.put("lambda/ListEventSourceMappings", paged("Marker", "NextMarker", "MaxItems", "EventSourceMappings"));
        t.put("lambda/ListAliases", paged("Marker", "NextMarker", "MaxItems", "Aliases"));
        t.put("lambda/ListVersionsByFunction", paged("Marker", "NextMarker", "MaxItems", "Versions"));
        t.put("lambda/ListFunctionEventInvokeConfigs",
              paged("Marker", "NextMarker", "MaxItems", "FunctionEventInvokeConfigs"));
        t.put("s3/ListBuckets", paged("ContinuationToken", "ContinuationToken", "MaxBuckets", "Buckets"));
        // botocore's result_key is [MetricAlarms, CompositeAlarms]; the fake pages the metric alarms (a
        // collector asks for one alarm type a call, and tests answer composite alarms with a handler)
        t.put("cloudwatch/DescribeAlarms", paged("NextToken", "NextToken", "MaxRecords", "MetricAlarms"));
        t.put("sns/ListSubscriptions", paged("NextToken", "NextToken", null, "Subscriptions"));
        // botocore pages these two, the Java SDK generates no paginator: a collector follows NextToken itself
        t.put("events/ListRules", paged("NextToken", "NextToken", "Limit", "Rules"));
        t.put("events/ListTargetsByRule", paged("NextToken", "NextToken", "Limit", "Targets"));
        t.put("pipes/ListPipes", paged("NextToken", "NextToken", "Limit", "Pipes"));
        t.put("scheduler/ListSchedules", paged("NextToken", "NextToken", "MaxResults", "Schedules"));
        t.put("ecs/ListClusters", paged("nextToken", "nextToken", "maxResults", "clusterArns"));
        t.put("ecs/ListServices", paged("nextToken", "nextToken", "maxResults", "serviceArns"));
        t.put("states/ListStateMachines", paged("nextToken", "nextToken", "maxResults", "stateMachines"));
        t.put("codedeploy/ListApplications", paged("nextToken", "nextToken", null, "applications"));
        t.put("codedeploy/ListDeploymentGroups", paged("nextToken", "nextToken", null, "deploymentGroups"));
        t.put("codedeploy/ListDeploymentConfigs", paged("nextToken", "nextToken", null, "deploymentConfigsList"));
        t.put("apigateway/GetRestApis", paged("position", "position", "limit", "items"));
        t.put("apigateway/GetResources", paged("position", "position", "limit", "items"));
        t.put("apigateway/GetDeployments", paged("position", "position", "limit", "items"));
        t.put("apigateway/GetUsagePlans", paged("position", "position", "limit", "items"));
        // botocore pages it, the Java SDK generates no paginator: the collector follows position itself
        t.put("apigateway/GetAuthorizers", paged("position", "position", "limit", "items"));
        t.put("cloudfront/ListDistributions", new Paging("Marker", "DistributionList.NextMarker", "MaxItems",
                                                         "DistributionList.Items", "DistributionList.IsTruncated",
                                                         false, false, false));
        t.put("route53/ListHostedZones", new Paging("Marker", "NextMarker", "MaxItems", "HostedZones", "IsTruncated",
                                                    false, false, false));
        t.put("route53/ListHealthChecks", new Paging("Marker", "NextMarker", "MaxItems", "HealthChecks", "IsTruncated",
                                                     false, false, false));
        // botocore's token is three members (StartRecordName, StartRecordType, StartRecordIdentifier in,
        // NextRecord* out) and names the next record; the fake's opaque token travels in the first of them,
        // which the SDK's paginator hands back as it would the next record's name.
        t.put("route53/ListResourceRecordSets", new Paging("StartRecordName", "NextRecordName", "MaxItems",
                                                           "ResourceRecordSets", "IsTruncated", false, false, false));
        // No paginator entry: the output shape's members.
        t.put("cloudfront/ListCachePolicies", new Paging("Marker", "CachePolicyList.NextMarker", "MaxItems",
                                                         "CachePolicyList.Items", null, false, false, true));
        // No SDK paginator in 2.40.2: a collector follows the token itself (the output shape's members).
        t.put("ecs/DescribeCapacityProviders", new Paging("nextToken", "nextToken", "maxResults", "capacityProviders",
                                                          null, false, false, true));
        t.put("apigatewayv2/GetApis", new Paging("NextToken", "NextToken", "MaxResults", "Items", null, false, false, true));
        t.put("apigatewayv2/GetIntegrations", new Paging("NextToken", "NextToken", "MaxResults", "Items", null, false, false,
                                                         true));
        t.put("apigatewayv2/GetStages", new Paging("NextToken", "NextToken", "MaxResults", "Items", null, false, false, true));
        t.put("apigatewayv2/GetAuthorizers", new Paging("NextToken", "NextToken", "MaxResults", "Items", null, false, false,
                                                        true));
        t.put("eks/ListClusters", paged("nextToken", "nextToken", "maxResults", "clusters"));
        t.put("mq/ListBrokers", paged("NextToken", "NextToken", "MaxResults", "BrokerSummaries"));
        t.put("efs/DescribeFileSystems", paged("Marker", "NextMarker", "MaxItems", "FileSystems"));
        t.put("efs/DescribeMountTargets", paged("Marker", "NextMarker", "MaxItems", "MountTargets"));
        t.put("appconfig/ListApplications", paged("NextToken", "NextToken", "MaxResults", "Items"));
        t.put("appconfig/ListEnvironments", paged("NextToken", "NextToken", "MaxResults", "Items"));
        // botocore/data/dax/2017-04-19/paginators-1.json
        t.put("dax/DescribeClusters", paged("NextToken", "NextToken", "MaxResults", "Clusters"));
        t.put("dax/DescribeParameterGroups", paged("NextToken", "NextToken", "MaxResults", "ParameterGroups"));
        t.put("dax/DescribeParameters", paged("NextToken", "NextToken", "MaxResults", "Parameters"));
        t.put("events/ListEventBuses", new Paging("NextToken", "NextToken", "Limit", "EventBuses", null, false, false,
                                                  true));
        t.put("config/DescribeConfigurationAggregators",
              paged("NextToken", "NextToken", "Limit", "ConfigurationAggregators"));
        t.put("config/DescribeConfigurationAggregatorSourcesStatus",
              paged("NextToken", "NextToken", "Limit", "AggregatedSourceStatusList"));
        t.put("config/SelectAggregateResourceConfig", paged("NextToken", "NextToken", "Limit", "Results"));
        t.put("application-autoscaling/DescribeScalableTargets",
              paged("NextToken", "NextToken", "MaxResults", "ScalableTargets"));
        t.put("ec2/DescribeRegions", unpaged("Regions"));
        t.put("elbv2/DescribeLoadBalancerAttributes", unpaged("Attributes"));
        t.put("elbv2/DescribeTargetGroupAttributes", unpaged("Attributes"));
        t.put("elbv2/DescribeTargetHealth", unpaged("TargetHealthDescriptions"));
        t.put("elbv2/DescribeTags", unpaged("TagDescriptions"));
        t.put("elb/DescribeTags", unpaged("TagDescriptions"));
        t.put("elasticache/ListTagsForResource", unpaged("TagList"));
        t.put("apigateway/GetStages", unpaged("item"));
        t.put("opensearch/ListDomainNames", unpaged("DomainNames"));
        return Map.copyOf(t);
    }
}
