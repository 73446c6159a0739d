package dev.resilint.live.fake;

import java.util.List;
import java.util.Locale;

/**
 * The services the fake answers, with the facts of their wire protocol taken from the botocore
 * models ({@code botocore/data/<service>/<version>/service-2.json}, {@code metadata}: protocol,
 * apiVersion, targetPrefix, xmlNamespace, signing name) and the IAM prefix of their actions.
 *
 * <p>The {@link #id() id} is what tests pass to the fake ({@code "ec2"}, {@code "elbv2"}, ...):
 * the signing name, except for the two load balancer APIs that share the signing name
 * {@code elasticloadbalancing} and are told apart by their API version ({@code "elbv2"}, {@code "elb"},
 * as botocore names them), and API Gateway's REST and v2 APIs, which share {@code apigateway} and are told
 * apart by their paths ({@code "apigateway"}, {@code "apigatewayv2"}). {@link #operations()} lists the
 * operations a live scan reads; the query and JSON services answer any operation of their SDK model, the
 * REST services route these.
 */
public enum AwsService {
    EC2("ec2", "ec2", "ec2", Protocol.EC2, "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/",
        List.of("DescribeRegions", "DescribeSubnets", "DescribeInstances", "DescribeSecurityGroups",
                "DescribeLaunchTemplateVersions", "DescribeLaunchTemplates", "DescribeSpotFleetRequests", "DescribeFleets",
                "DescribeNatGateways", "DescribeRouteTables")),
    AUTOSCALING("autoscaling", "autoscaling", "autoscaling", Protocol.QUERY, "2011-01-01",
        "http://autoscaling.amazonaws.com/doc/2011-01-01/",
        List.of("DescribeAutoScalingGroups", "DescribeLaunchConfigurations")),
    ELBV2("elbv2", "elasticloadbalancing", "elasticloadbalancingv2", Protocol.QUERY, "2015-12-01",
        "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
        List.of("DescribeLoadBalancers", "DescribeLoadBalancerAttributes", "DescribeTargetGroups",
                "DescribeTargetGroupAttributes", "DescribeTargetHealth", "DescribeListeners", "DescribeRules",
                "DescribeTags")),
    ELB("elb", "elasticloadbalancing", "elasticloadbalancing", Protocol.QUERY, "2012-06-01",
        "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/",
        List.of("DescribeLoadBalancers", "DescribeLoadBalancerAttributes", "DescribeTags")),
    RDS("rds", "rds", "rds", Protocol.QUERY, "2014-10-31", "http://rds.amazonaws.com/doc/2014-10-31/",
        List.of("DescribeDBInstances", "DescribeDBClusters")),
    ELASTICACHE("elasticache", "elasticache", "elasticache", Protocol.QUERY, "2015-02-02",
        "http://elasticache.amazonaws.com/doc/2015-02-02/",
        List.of("DescribeReplicationGroups", "DescribeCacheClusters", "DescribeServerlessCaches",
            "DescribeCacheParameterGroups", "DescribeCacheParameters", "ListTagsForResource")),
    STS("sts", "sts", "sts", Protocol.QUERY, "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/",
        List.of("GetCallerIdentity", "AssumeRole")),
    SQS("sqs", "sqs", "sqs", Protocol.JSON_1_0, "2012-11-05", "AmazonSQS",
        List.of("ListQueues", "GetQueueAttributes", "ListQueueTags")),
    DYNAMODB("dynamodb", "dynamodb", "dynamodb", Protocol.JSON_1_0, "2012-08-10", "DynamoDB_20120810",
        List.of("ListTables", "DescribeTable", "DescribeContinuousBackups", "ListTagsOfResource")),
    STATES("states", "states", "sfn", Protocol.JSON_1_0, "2016-11-23", "AWSStepFunctions",
        List.of("ListStateMachines", "DescribeStateMachine", "ListTagsForResource")),
    ECS("ecs", "ecs", "ecs", Protocol.JSON_1_1, "2014-11-13", "AmazonEC2ContainerServiceV20141113",
        List.of("ListClusters", "DescribeClusters", "ListServices", "DescribeServices", "DescribeTaskDefinition",
                "DescribeCapacityProviders")),
    DAX("dax", "dax", "dax", Protocol.JSON_1_1, "2017-04-19", "AmazonDAXV3",
        List.of("DescribeClusters", "DescribeParameterGroups", "DescribeParameters")),
    CODEDEPLOY("codedeploy", "codedeploy", "codedeploy", Protocol.JSON_1_1, "2014-10-06", "CodeDeploy_20141006",
        List.of("ListApplications", "ListDeploymentGroups", "BatchGetDeploymentGroups", "ListDeploymentConfigs",
                "GetDeploymentConfig")),
    ORGANIZATIONS("organizations", "organizations", "organizations", Protocol.JSON_1_1, "2016-11-28",
        "AWSOrganizationsV20161128", List.of("ListAccounts")),
    CONFIG("config", "config", "config", Protocol.JSON_1_1, "2014-11-12", "StarlingDoveService",
        List.of("DescribeConfigurationAggregators", "DescribeConfigurationAggregatorSourcesStatus",
                "SelectAggregateResourceConfig")),
    LAMBDA("lambda", "lambda", "lambda", Protocol.REST_JSON, "2015-03-31", null,
        List.of("ListFunctions", "ListEventSourceMappings", "ListAliases", "ListVersionsByFunction", "ListTags",
                "ListFunctionEventInvokeConfigs", "GetPolicy")),
    APIGATEWAY("apigateway", "apigateway", "apigateway", Protocol.REST_JSON, "2015-07-09", null,
        List.of("GetRestApis", "GetStages", "GetResources", "GetDeployments", "GetIntegration", "GetUsagePlans",
                "GetAuthorizers")),
    APIGATEWAYV2("apigatewayv2", "apigateway", "apigatewayv2", Protocol.REST_JSON, "2018-11-29", null,
        List.of("GetApis", "GetIntegrations", "GetStages", "GetAuthorizers")),
    EKS("eks", "eks", "eks", Protocol.REST_JSON, "2017-11-01", null, List.of("ListClusters", "DescribeCluster")),
    MQ("mq", "mq", "mq", Protocol.REST_JSON, "2017-11-27", null, List.of("ListBrokers", "DescribeBroker")),
    EFS("efs", "elasticfilesystem", "efs", Protocol.REST_JSON, "2015-02-01", null,
        List.of("DescribeFileSystems", "DescribeMountTargets")),
    OPENSEARCH("opensearch", "es", "opensearch", Protocol.REST_JSON, "2021-01-01", null,
        List.of("ListDomainNames", "DescribeDomains", "ListTags")),
    APPCONFIG("appconfig", "appconfig", "appconfig", Protocol.REST_JSON, "2019-10-09", null,
        List.of("ListApplications", "ListEnvironments")),
    CLOUDWATCH("cloudwatch", "monitoring", "cloudwatch", Protocol.QUERY, "2010-08-01",
        "http://monitoring.amazonaws.com/doc/2010-08-01/", List.of("DescribeAlarms")),
    SNS("sns", "sns", "sns", Protocol.QUERY, "2010-03-31", "http://sns.amazonaws.com/doc/2010-03-31/",
        List.of("ListSubscriptions", "GetSubscriptionAttributes")),
    EVENTS("events", "events", "eventbridge", Protocol.JSON_1_1, "2015-10-07", "AWSEvents",
        List.of("ListEventBuses", "DescribeEventBus", "ListRules", "ListTargetsByRule")),
    PIPES("pipes", "pipes", "pipes", Protocol.REST_JSON, "2015-10-07", null, List.of("ListPipes", "DescribePipe")),
    SCHEDULER("scheduler", "scheduler", "scheduler", Protocol.REST_JSON, "2021-06-30", null,
        List.of("ListSchedules", "GetSchedule")),
    APPLICATIONAUTOSCALING("application-autoscaling", "application-autoscaling", "applicationautoscaling",
        Protocol.JSON_1_1, "2016-02-06", "AnyScaleFrontendService", List.of("DescribeScalableTargets")),
    ROUTE53("route53", "route53", "route53", Protocol.REST_XML, "2013-04-01",
        "https://route53.amazonaws.com/doc/2013-04-01/",
        List.of("ListHostedZones", "ListResourceRecordSets", "ListHealthChecks")),
    CLOUDFRONT("cloudfront", "cloudfront", "cloudfront", Protocol.REST_XML, "2020-05-31",
        "http://cloudfront.amazonaws.com/doc/2020-05-31/",
        List.of("ListDistributions", "ListCachePolicies", "GetCachePolicy", "ListTagsForResource")),
    S3("s3", "s3", "s3", Protocol.REST_XML, "2006-03-01", "http://s3.amazonaws.com/doc/2006-03-01/",
        List.of("ListBuckets", "GetBucketVersioning", "GetBucketLogging", "GetBucketNotificationConfiguration",
                "GetBucketTagging"));

    private final String id;
    private final String signingName;
    private final String sdkPackage;
    private final Protocol protocol;
    private final String apiVersion;
    private final String targetOrNamespace;
    private final List<String> operations;

    AwsService(String id, String signingName, String sdkPackage, Protocol protocol, String apiVersion,
               String targetOrNamespace, List<String> operations) {
        this.id = id;
        this.signingName = signingName;
        this.sdkPackage = sdkPackage;
        this.protocol = protocol;
        this.apiVersion = apiVersion;
        this.targetOrNamespace = targetOrNamespace;
        this.operations = operations;
    }

    /** The name tests use for this service. */
    public String id() {
        return id;
    }

    /** The SigV4 signing name, the service in a request's credential scope. */
    public String signingName() {
        return signingName;
    }

    /** The wire protocol. */
    public Protocol protocol() {
        return protocol;
    }

    /** The API version ({@code Version} of a query request). */
    public String apiVersion() {
        return apiVersion;
    }

    /** The operations a live scan reads from this service. */
    public List<String> operations() {
        return operations;
    }

    /** The {@code X-Amz-Target} prefix of a JSON 1.0/1.1 service, else null. */
    String targetPrefix() {
        return protocol.isTargetJson() ? targetOrNamespace : null;
    }

    /** The XML namespace of an XML service's answers, else null. */
    String xmlNamespace() {
        return protocol.isXml() ? targetOrNamespace : null;
    }

    /** The Java package of this service's SDK module. */
    String sdkPackage() {
        return "software.amazon.awssdk.services." + sdkPackage;
    }

    /**
     * The IAM action a call needs: {@code <signing-prefix>:<Operation>}, or for API Gateway, whose
     * management APIs (REST and v2) are authorised per HTTP method, {@code apigateway:<METHOD>}, and
     * {@code s3:ListAllMyBuckets} for S3's {@code ListBuckets}, {@code s3:GetBucketNotification} for its
     * {@code GetBucketNotificationConfiguration}.
     */
    public String iamAction(String operation, String httpMethod) {
        if (signingName.equals("apigateway")) {
            return "apigateway:" + httpMethod.toUpperCase(Locale.ROOT);
        }
        if (this == S3 && operation.equals("ListBuckets")) {
            // one of the two S3 operations a scan reads whose action is not named after it (Service
            // Authorization Reference, Amazon S3: ListBuckets is authorised by s3:ListAllMyBuckets)
            return "s3:ListAllMyBuckets";
        }
        if (this == S3 && operation.equals("GetBucketNotificationConfiguration")) {
            // the other: authorised by s3:GetBucketNotification
            return "s3:GetBucketNotification";
        }
        if (this == CLOUDWATCH) {
            return "cloudwatch:" + operation; // signs as "monitoring", authorised as "cloudwatch"
        }
        return signingName + ":" + operation;
    }

    /**
     * The error code and HTTP status a throttled call of this service answers with by default: a code the
     * SDK classifies as throttling ({@code AwsErrorCode} in aws-core). Tests can name another.
     */
    AwsError throttlingError() {
        String message = "Rate exceeded";
        switch (this) {
            case EC2:
                return new AwsError("RequestLimitExceeded", 503, "Request limit exceeded.");
            case LAMBDA:
            case APIGATEWAY:
            case APIGATEWAYV2:
                return new AwsError("TooManyRequestsException", 429, message);
            case SQS:
                return new AwsError("RequestThrottled", 400, message);
            case SNS:
                return new AwsError("Throttled", 429, message);
            case S3:
                return new AwsError("SlowDown", 503, "Please reduce your request rate.");
            case PIPES:
            case SCHEDULER:
            case EFS:
                return new AwsError("ThrottlingException", 429, message);
            case DYNAMODB:
            case STATES:
            case ECS:
            case EKS:
            case CODEDEPLOY:
            case ORGANIZATIONS:
            case EVENTS:
            case CONFIG:
            case APPLICATIONAUTOSCALING:
                return new AwsError("ThrottlingException", 400, message);
            default:
                return new AwsError("Throttling", 400, message);
        }
    }

    /**
     * The error a call answers with when its credentials are not valid in its region (a region that is
     * not enabled for the account, an unknown access key): EC2 says {@code AuthFailure}, the query
     * services {@code InvalidClientTokenId}, the JSON and REST services {@code UnrecognizedClientException}.
     */
    AwsError authFailure() {
        switch (protocol) {
            case EC2:
                return new AwsError("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case QUERY:
            case REST_XML:
                return new AwsError("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
            case REST_JSON:
                return new AwsError("UnrecognizedClientException", 403,
                                    "The security token included in the request is invalid.");
            default:
                return new AwsError("UnrecognizedClientException", 400,
                                    "The security token included in the request is invalid.");
        }
    }

    /** The service with this {@link #id()} or signing name (case-insensitive); {@code elasticloadbalancing} is ambiguous. */
    public static AwsService of(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (AwsService service : values()) {
            if (service.id.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        for (AwsService service : values()) {
            if (service.signingName.equals(wanted) && service != ELB && service != ELBV2) {
                return service;
            }
        }
        throw new IllegalArgumentException("unknown service '" + name + "'; use one of "
                                           + java.util.Arrays.stream(values()).map(AwsService::id).toList()
                                           + " (the two load balancer APIs are 'elbv2' and 'elb')");
    }
}
