package dev.resilint.live.examples;

import static dev.resilint.live.examples.FlawedIds.*;
import static dev.resilint.live.twin.Trees.map;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account {@code examples/flawed/} makes once its four stacks are deployed (in the order of
 * {@code examples/README.md}: {@code orders-network-and-web}, {@code orders-data}, {@code orders-async},
 * {@code orders-edge}), as the AWS APIs answer it in {@code eu-west-1}: the physical names
 * CloudFormation generates ({@link FlawedIds}), the zones {@code eu-west-1a} and {@code eu-west-1b}
 * for {@code !Select [0|1, !GetAZs '']}, every {@code !ImportValue} resolved to the id or ARN its export
 * has, every value as the template sets it and every default as the API reports it. One method per
 * template, one block per resource, commented with its logical id.
 *
 * <p>Served besides the templates' resources, because AWS adds them and a collector lists them: the
 * web server the Auto Scaling group launched, the VPC's default security group (which ECS gives the
 * Fargate tasks, the template naming none), the Fargate capacity providers and the default event bus
 * of every account. Not served: what no collector reads (the VPC, routes, NAT gateways, IAM, log
 * groups, the alarm, the SNS topic, subnet groups, the Lambda permission, API Gateway resources).
 *
 * <p>One deliberate addition: {@code CustomerOrdersViewTable} carries the tag {@code resilint:suppress}
 * with the reason of the template's {@code Metadata} suppression, the live form of that suppression.
 * Tag calls are answered for every resource that needs one (CloudFormation's
 * {@code aws:cloudformation:*} tags); a scan makes them only when it reads tags.
 */
public final class FlawedAccount {

    private final FakeRegion eu;
    private final FakeRegion us;
    /** List operations whose items several templates add to (security groups, functions). */
    private final Map<String, List<Object>> lists = new LinkedHashMap<>();

    private FlawedAccount(FakeAws fake) {
        this.eu = fake.account(ACCOUNT).region(REGION);
        this.us = fake.account(ACCOUNT).region("us-east-1"); // where CloudFront, a global service, answers
    }

    /** Serves the whole account. */
    public static void serve(FakeAws fake) {
        FlawedAccount account = new FlawedAccount(fake);
        account.networkAndWeb();
        account.data();
        account.async();
        account.edge();
        account.everyAccountHas();
        account.lists.forEach((key, items) -> account.eu.items(key.split(" ")[0], key.split(" ")[1], items));
    }

    private void list(String service, String operation, Object item) {
        lists.computeIfAbsent(service + " " + operation, k -> new ArrayList<>()).add(item);
    }

    // ------------------------------------------------------------------ network-and-web.yaml

    private void networkAndWeb() {
        // PublicSubnetA, PublicSubnetB, PrivateSubnetA, PrivateSubnetB
        eu.items("ec2", "DescribeSubnets", List.of(
                subnet(PUBLIC_SUBNET_A, ZONE_A, "euw1-az1", "10.40.0.0/24", "PublicSubnetA"),
                subnet(PUBLIC_SUBNET_B, ZONE_B, "euw1-az2", "10.40.1.0/24", "PublicSubnetB"),
                subnet(PRIVATE_SUBNET_A, ZONE_A, "euw1-az1", "10.40.10.0/24", "PrivateSubnetA"),
                subnet(PRIVATE_SUBNET_B, ZONE_B, "euw1-az2", "10.40.11.0/24", "PrivateSubnetB")));
        // LoadBalancerSecurityGroup
        list("ec2", "DescribeSecurityGroups", securityGroup(LOAD_BALANCER_SG,
                "orders-network-and-web-LoadBalancerSecurityGroup-1XK4Q2Z9W8RT",
                "HTTP from CloudFront and the internet to the load balancer", List.of(map("IpProtocol", "tcp",
                        "FromPort", 80, "ToPort", 80, "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")))),
                cfnTagList(NETWORK, "LoadBalancerSecurityGroup")));
        // WebSecurityGroup
        list("ec2", "DescribeSecurityGroups", securityGroup(WEB_SG,
                "orders-network-and-web-WebSecurityGroup-7MZP0C3V5QJD", "Load balancer to the web servers",
                List.of(fromGroup(8080, LOAD_BALANCER_SG)), cfnTagList(NETWORK, "WebSecurityGroup")));
        // (the VPC's default security group, created with Vpc)
        list("ec2", "DescribeSecurityGroups", securityGroup(VPC_DEFAULT_SG, "default", "default VPC security group",
                List.of(map("IpProtocol", "-1", "UserIdGroupPairs", List.of(Map.of("GroupId", VPC_DEFAULT_SG,
                        "UserId", ACCOUNT)))), List.of()));

        // LoadBalancer
        eu.items("elbv2", "DescribeLoadBalancers", List.of(map("LoadBalancerArn", LOAD_BALANCER,
                "DNSName", LOAD_BALANCER_DNS, "CanonicalHostedZoneId", "Z32O12XQLNTSW2", "CreatedTime", CREATED,
                "LoadBalancerName", LOAD_BALANCER_NAME, "Scheme", "internet-facing", "VpcId", VPC,
                "State", Map.of("Code", "active"), "Type", "application", "IpAddressType", "ipv4",
                "AvailabilityZones", List.of(Map.of("ZoneName", ZONE_A, "SubnetId", PUBLIC_SUBNET_A),
                        Map.of("ZoneName", ZONE_B, "SubnetId", PUBLIC_SUBNET_B)),
                "SecurityGroups", List.of(LOAD_BALANCER_SG))));
        eu.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", LOAD_BALANCER, Map.of("Attributes",
                attributes("access_logs.s3.enabled", "false", "deletion_protection.enabled", "false",
                        "idle_timeout.timeout_seconds", "30", "load_balancing.cross_zone.enabled", "true",
                        "routing.http.drop_invalid_header_fields.enabled", "false", "routing.http2.enabled", "true",
                        "waf.fail_open.enabled", "false")));
        eu.batch("elbv2", "DescribeTags", "ResourceArns", "TagDescriptions", "ResourceArn", List.of(Map.of(
                "ResourceArn", LOAD_BALANCER, "Tags", cfnTagList(NETWORK, "LoadBalancer"))));
        // WebTargetGroup, with the web server registered
        eu.items("elbv2", "DescribeTargetGroups", List.of(map("TargetGroupArn", TARGET_GROUP,
                "TargetGroupName", TARGET_GROUP_NAME, "Protocol", "HTTP", "Port", 8080, "VpcId", VPC,
                "HealthCheckProtocol", "HTTP", "HealthCheckPort", "traffic-port", "HealthCheckEnabled", true,
                "HealthCheckIntervalSeconds", 30, "HealthCheckTimeoutSeconds", 5, "HealthyThresholdCount", 2,
                "UnhealthyThresholdCount", 5, "HealthCheckPath", "/health", "Matcher", Map.of("HttpCode", "200"),
                "LoadBalancerArns", List.of(LOAD_BALANCER), "TargetType", "instance", "ProtocolVersion", "HTTP1",
                "IpAddressType", "ipv4")));
        eu.answer("elbv2", "DescribeTargetGroupAttributes", "TargetGroupArn", TARGET_GROUP, Map.of("Attributes",
                List.of(Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "300"),
                        Map.of("Key", "stickiness.enabled", "Value", "false"))));
        eu.answer("elbv2", "DescribeTargetHealth", "TargetGroupArn", TARGET_GROUP, Map.of("TargetHealthDescriptions",
                List.of(Map.of("Target", Map.of("Id", WEB_INSTANCE, "Port", 8080), "HealthCheckPort", "8080",
                        "TargetHealth", Map.of("State", "healthy")))));
        // HttpListener
        Map<String, Object> forward = map("Type", "forward", "TargetGroupArn", TARGET_GROUP, "ForwardConfig", Map.of(
                "TargetGroups", List.of(Map.of("TargetGroupArn", TARGET_GROUP, "Weight", 1)),
                "TargetGroupStickinessConfig", Map.of("Enabled", false)));
        eu.items("elbv2", "DescribeListeners", "LoadBalancerArn", LOAD_BALANCER, List.of(map("ListenerArn", LISTENER,
                "LoadBalancerArn", LOAD_BALANCER, "Port", 80, "Protocol", "HTTP", "DefaultActions", List.of(forward))));
        eu.answer("elbv2", "DescribeRules", "ListenerArn", LISTENER, Map.of("Rules", List.of(map("RuleArn",
                ELB + "listener-rule/app/" + LOAD_BALANCER_NAME + "/5d1b9c3e7f2a4680/1f2e3d4c5b6a7980/0c8d6e4f2a1b3957",
                "Priority", "default", "Conditions", List.of(), "Actions", List.of(forward), "IsDefault", true))));

        // WebLaunchTemplate (ImageId: the AL2023 AMI the SSM parameter named at deploy time)
        eu.items("ec2", "DescribeLaunchTemplateVersions", List.of(map("LaunchTemplateId", LAUNCH_TEMPLATE,
                "LaunchTemplateName", "WebLaunchTemplate_M5Q2ZK8X1TJR", "VersionNumber", 1, "CreateTime", CREATED,
                "CreatedBy", IAM + "role/cfn-deployer", "DefaultVersion", true, "LaunchTemplateData", map(
                        "ImageId", "ami-0b9c8e7d6a5f4e321", "InstanceType", "t3.medium",
                        "IamInstanceProfile", Map.of("Arn", IAM + "instance-profile/" + INSTANCE_PROFILE),
                        "SecurityGroupIds", List.of(WEB_SG), "MetadataOptions", Map.of("HttpTokens", "required")))));
        // WebAutoScalingGroup
        List<Map<String, Object>> asgTags = new ArrayList<>();
        cfnTags(NETWORK, "WebAutoScalingGroup").forEach((k, v) -> asgTags.add(map("ResourceId", ASG_NAME,
                "ResourceType", "auto-scaling-group", "Key", k, "Value", v, "PropagateAtLaunch", true)));
        Map<String, Object> launchTemplate = Map.of("LaunchTemplateId", LAUNCH_TEMPLATE,
                "LaunchTemplateName", "WebLaunchTemplate_M5Q2ZK8X1TJR", "Version", "1");
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(map("AutoScalingGroupName", ASG_NAME,
                "AutoScalingGroupARN", ASG, "LaunchTemplate", launchTemplate, "MinSize", 1, "MaxSize", 6,
                "DesiredCapacity", 1, "DefaultCooldown", 300, "AvailabilityZones", List.of(ZONE_A),
                "LoadBalancerNames", List.of(), "TargetGroupARNs", List.of(TARGET_GROUP), "HealthCheckType", "EC2",
                "HealthCheckGracePeriod", 120, "Instances", List.of(map("InstanceId", WEB_INSTANCE,
                        "InstanceType", "t3.medium", "AvailabilityZone", ZONE_A, "LifecycleState", "InService",
                        "HealthStatus", "Healthy", "LaunchTemplate", launchTemplate, "ProtectedFromScaleIn", false)),
                "CreatedTime", CREATED, "VPCZoneIdentifier", PRIVATE_SUBNET_A, "Tags", asgTags,
                "TerminationPolicies", List.of("Default"), "NewInstancesProtectedFromScaleIn", false,
                "ServiceLinkedRoleARN", IAM
                        + "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                "CapacityRebalance", false,
                "TrafficSources", List.of(Map.of("Identifier", TARGET_GROUP, "Type", "elbv2")))));
        // (the web server WebAutoScalingGroup launched: its group's, not a standalone instance)
        Map<String, String> instanceTags = new LinkedHashMap<>(cfnTags(NETWORK, "WebAutoScalingGroup"));
        instanceTags.put("aws:autoscaling:groupName", ASG_NAME);
        instanceTags.put("aws:ec2launchtemplate:id", LAUNCH_TEMPLATE);
        instanceTags.put("aws:ec2launchtemplate:version", "1");
        eu.items("ec2", "DescribeInstances", List.of(map("ReservationId", "r-0d1c2b3a4f5e60718", "OwnerId", ACCOUNT,
                "Instances", List.of(map("InstanceId", WEB_INSTANCE, "ImageId", "ami-0b9c8e7d6a5f4e321",
                        "InstanceType", "t3.medium", "LaunchTime", CREATED,
                        "Placement", Map.of("AvailabilityZone", ZONE_A),
                        "SubnetId", PRIVATE_SUBNET_A, "VpcId", VPC, "PrivateIpAddress", "10.40.10.37",
                        "State", Map.of("Code", 16, "Name", "running"),
                        "SecurityGroups", List.of(Map.of("GroupId", WEB_SG, "GroupName",
                                "orders-network-and-web-WebSecurityGroup-7MZP0C3V5QJD")),
                        "IamInstanceProfile", Map.of("Arn", IAM + "instance-profile/" + INSTANCE_PROFILE),
                        "Tags", tagList(instanceTags))))));
    }

    // ------------------------------------------------------------------ data.yaml

    private void data() {
        // DatabaseSecurityGroup
        list("ec2", "DescribeSecurityGroups", securityGroup(DATABASE_SG,
                "orders-data-DatabaseSecurityGroup-4RT8KQ1ZX6WN", "Web servers to PostgreSQL",
                List.of(fromGroup(5432, WEB_SG)), cfnTagList(DATA, "DatabaseSecurityGroup")));
        // CacheSecurityGroup
        list("ec2", "DescribeSecurityGroups", securityGroup(CACHE_SG, "orders-data-CacheSecurityGroup-9VJ2MD5PL0QE",
                "Web servers to Redis", List.of(fromGroup(6379, WEB_SG)), cfnTagList(DATA, "CacheSecurityGroup")));

        // OrdersDatabase (in DatabaseSubnetGroup, which RDS answers inline)
        eu.items("rds", "DescribeDBInstances", List.of(map("DBInstanceIdentifier", DATABASE_ID,
                "DBInstanceArn", DATABASE, "DBInstanceClass", "db.m6g.large", "Engine", "postgres",
                "EngineVersion", "17.6", "DBInstanceStatus", "available", "MasterUsername", "orders_admin",
                "DBName", "orders", "Endpoint", Map.of("Port", 5432, "HostedZoneId", "Z29XKXDKYMONMX",
                        "Address", DATABASE_ID + ".c9akq3zt1x2m.eu-west-1.rds.amazonaws.com"),
                "AllocatedStorage", 100, "MaxAllocatedStorage", 500, "StorageType", "gp3", "Iops", 3000,
                "StorageThroughput", 125, "StorageEncrypted", true,
                "KmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/4e1d2c3b-5a6f-4789-9abc-def012345678",
                "InstanceCreateTime", CREATED, "PreferredBackupWindow", "02:00-03:00", "BackupRetentionPeriod", 1,
                "PreferredMaintenanceWindow", "sun:04:10-sun:04:40",
                "VpcSecurityGroups", List.of(Map.of("VpcSecurityGroupId", DATABASE_SG, "Status", "active")),
                "DBSubnetGroup", map("DBSubnetGroupName", "orders-data-databasesubnetgroup-m2k8q1z7x4wr",
                        "DBSubnetGroupDescription", "Private subnets of the orders VPC", "VpcId", VPC,
                        "SubnetGroupStatus", "Complete", "Subnets", List.of(
                                subnetOfGroup(PRIVATE_SUBNET_A, ZONE_A), subnetOfGroup(PRIVATE_SUBNET_B, ZONE_B))),
                "MultiAZ", false, "AvailabilityZone", ZONE_A, "PubliclyAccessible", false,
                "AutoMinorVersionUpgrade", true, "LicenseModel", "postgresql-license", "CopyTagsToSnapshot", false,
                "DeletionProtection", true, "MasterUserSecret", Map.of("SecretStatus", "active",
                        "SecretArn", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:"
                                + "rds!db-8f1e2d3c-4b5a-4697-8e9f-0a1b2c3d4e5f-Qw3Er5"),
                "TagList", cfnTagList(DATA, "OrdersDatabase"))));

        // OrderStatusTable: no deletion protection, no point-in-time recovery
        table(ORDER_STATUS_TABLE_NAME, "0c4f2e1a-7b3d-4e9a-8f5b-6c7d8e9f0a1b", List.of(key("orderId", "HASH")),
                false, cfnTags(DATA, "OrderStatusTable"));
        // CustomerOrdersViewTable: deletion protection, no point-in-time recovery (accepted, see the tag)
        Map<String, String> viewTags = cfnTags(DATA, "CustomerOrdersViewTable");
        viewTags.put("resilint:suppress", "DR03: " + SUPPRESSION_REASON);
        table(CUSTOMER_ORDERS_VIEW_TABLE_NAME, "1d5a3f2b-8c4e-4fab-9a6c-7d8e9f0a1b2c",
                List.of(key("customerId", "HASH"), key("orderId", "RANGE")), true, viewTags);
        eu.items("dynamodb", "ListTables", List.of(CUSTOMER_ORDERS_VIEW_TABLE_NAME, ORDER_STATUS_TABLE_NAME));

        // SessionCache: one node, in the first zone of CacheSubnetGroup
        String node = SESSION_CACHE_ID + "-001";
        String endpoint = ".x4k2qz.ng.0001.euw1.cache.amazonaws.com";
        eu.items("elasticache", "DescribeReplicationGroups", List.of(map("ReplicationGroupId", SESSION_CACHE_ID,
                "Description", "Web sessions and rate-limit counters of the orders web tier", "Status", "available",
                "Engine", "redis", "MemberClusters", List.of(node), "NodeGroups", List.of(map("NodeGroupId", "0001",
                        "Status", "available", "PrimaryEndpoint", Map.of("Address", "master." + SESSION_CACHE_ID + endpoint,
                                "Port", 6379),
                        "ReaderEndpoint", Map.of("Address", "replica." + SESSION_CACHE_ID + endpoint, "Port", 6379),
                        "NodeGroupMembers", List.of(map("CacheClusterId", node, "CacheNodeId", "0001",
                                "ReadEndpoint", Map.of("Address", node + endpoint, "Port", 6379),
                                "PreferredAvailabilityZone", ZONE_A, "CurrentRole", "primary")))),
                "SnapshottingClusterId", node, "AutomaticFailover", "disabled", "MultiAZ", "disabled",
                "SnapshotRetentionLimit", 1, "SnapshotWindow", "03:30-04:30", "ClusterEnabled", false,
                "CacheNodeType", "cache.t4g.medium", "AuthTokenEnabled", false, "TransitEncryptionEnabled", true,
                "TransitEncryptionMode", "required", "AtRestEncryptionEnabled", true, "ARN", SESSION_CACHE,
                "DataTiering", "disabled", "NetworkType", "ipv4", "IpDiscovery", "ipv4", "ClusterMode", "disabled",
                "ReplicationGroupCreateTime", CREATED)));
        eu.answer("elasticache", "ListTagsForResource", "ResourceName", SESSION_CACHE, Map.of("TagList",
                cfnTagList(DATA, "SessionCache")));
        // its node is the group's: DescribeCacheClusters lists it only when asked for every cluster
        eu.listHandler("elasticache", "DescribeCacheClusters", input -> "true".equals(String.valueOf(
                input.get("ShowCacheClustersNotInReplicationGroups"))) ? List.of() : List.of(map("CacheClusterId", node,
                        "ReplicationGroupId", SESSION_CACHE_ID, "Engine", "redis", "CacheNodeType", "cache.t4g.medium",
                        "CacheClusterStatus", "available", "NumCacheNodes", 1, "PreferredAvailabilityZone", ZONE_A,
                        "ARN", "arn:aws:elasticache:eu-west-1:123456789012:cluster:" + node)));
    }

    /** A DynamoDB table on demand, encrypted with the AWS managed key, its backups and its tags. */
    private void table(String name, String tableId, List<Map<String, Object>> keys, boolean deletionProtection,
            Map<String, String> tags) {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + name;
        eu.answer("dynamodb", "DescribeTable", "TableName", name, Map.of("Table", map("TableName", name,
                "TableArn", arn, "TableId", tableId,
                "TableStatus", "ACTIVE", "CreationDateTime", CREATED, "KeySchema", keys,
                "AttributeDefinitions", keys.stream().map(k -> map("AttributeName", k.get("AttributeName"),
                        "AttributeType", "S")).toList(),
                "BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST",
                        "LastUpdateToPayPerRequestDateTime", CREATED),
                "ProvisionedThroughput", Map.of("NumberOfDecreasesToday", 0, "ReadCapacityUnits", 0,
                        "WriteCapacityUnits", 0),
                "TableSizeBytes", 0, "ItemCount", 0, "DeletionProtectionEnabled", deletionProtection,
                "SSEDescription", Map.of("Status", "ENABLED", "SSEType", "KMS",
                        "KMSMasterKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"))));
        eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", name, Map.of("ContinuousBackupsDescription",
                Map.of("ContinuousBackupsStatus", "ENABLED",
                        "PointInTimeRecoveryDescription", Map.of("PointInTimeRecoveryStatus", "DISABLED"))));
        eu.answer("dynamodb", "ListTagsOfResource", "ResourceArn", arn, Map.of("Tags", tagList(tags)));
    }

    // ------------------------------------------------------------------ async.yaml

    private void async() {
        // OrderEventsDeadLetterQueue
        queue(DEAD_LETTER_QUEUE_NAME, "OrderEventsDeadLetterQueue", 30, 1209600, null);
        // OrderEventsQueue
        queue(ORDER_EVENTS_QUEUE_NAME, "OrderEventsQueue", 60, 345600,
                "{\"deadLetterTargetArn\":\"" + DEAD_LETTER_QUEUE + "\",\"maxReceiveCount\":5}");
        // ShipmentUpdatesQueue
        queue(SHIPMENT_UPDATES_QUEUE_NAME, "ShipmentUpdatesQueue", 120, 345600, null);
        eu.items("sqs", "ListQueues", List.of(SQS_URL + DEAD_LETTER_QUEUE_NAME, SQS_URL + ORDER_EVENTS_QUEUE_NAME,
                SQS_URL + SHIPMENT_UPDATES_QUEUE_NAME));

        // OrderWorkerFunction
        function(ASYNC, "OrderWorkerFunction", ORDER_WORKER,
                "com.example.orders.worker.OrderEventHandler::handleRequest", 30,
                "orders-async-WorkerRole-3Jq9Zx2Lm7Pv", Map.of("STATE_MACHINE_ARN", STATE_MACHINE));
        // OrderEventsMapping
        eu.items("lambda", "ListEventSourceMappings", List.of(map("UUID", ORDER_EVENTS_MAPPING.substring(
                ORDER_EVENTS_MAPPING.lastIndexOf(':') + 1), "BatchSize", 10, "MaximumBatchingWindowInSeconds", 0,
                "EventSourceArn", ORDER_EVENTS_QUEUE, "FunctionArn", ORDER_WORKER, "LastModified", CREATED,
                "State", "Enabled", "StateTransitionReason", "USER_INITIATED",
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "EventSourceMappingArn", ORDER_EVENTS_MAPPING)));
        // ReserveStockFunction, ChargePaymentFunction
        function(ASYNC, "ReserveStockFunction", RESERVE_STOCK,
                "com.example.orders.fulfilment.ReserveStockHandler::handleRequest", 20,
                "orders-async-FulfilmentStepRole-8Kd2Wq5Zr1Nx", Map.of());
        function(ASYNC, "ChargePaymentFunction", CHARGE_PAYMENT,
                "com.example.orders.fulfilment.ChargePaymentHandler::handleRequest", 20,
                "orders-async-FulfilmentStepRole-8Kd2Wq5Zr1Nx", Map.of());

        // FulfilmentStateMachine: the Definition as the JSON CloudFormation stored, substitutions made
        String definition = """
                {"Comment":"Reserve the stock of an order, then charge the customer (idempotent by order id)",\
                "StartAt":"ReserveStock","TimeoutSeconds":900,"States":{\
                "ReserveStock":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",\
                "Parameters":{"FunctionName":"%s","Payload.$":"$"},"OutputPath":"$.Payload","TimeoutSeconds":30,\
                "Retry":[{"ErrorEquals":["Lambda.ServiceException","Lambda.TooManyRequestsException","States.Timeout"],\
                "IntervalSeconds":2,"MaxAttempts":4,"BackoffRate":2}],"Next":"ChargePayment"},\
                "ChargePayment":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",\
                "Parameters":{"FunctionName":"%s","Payload.$":"$"},"OutputPath":"$.Payload","TimeoutSeconds":30,\
                "End":true}}}""".formatted(RESERVE_STOCK, CHARGE_PAYMENT);
        String name = STATE_MACHINE.substring(STATE_MACHINE.lastIndexOf(':') + 1);
        eu.items("states", "ListStateMachines", List.of(Map.of("stateMachineArn", STATE_MACHINE, "name", name,
                "type", "STANDARD", "creationDate", CREATED)));
        eu.answer("states", "DescribeStateMachine", "stateMachineArn", STATE_MACHINE, map("stateMachineArn",
                STATE_MACHINE, "name", name, "status", "ACTIVE", "definition", definition,
                "roleArn", IAM + "role/orders-async-StateMachineRole-5Yh7Tm3Qx9Bc", "type", "STANDARD",
                "creationDate", CREATED, "loggingConfiguration", Map.of("level", "OFF", "includeExecutionData", false),
                "tracingConfiguration", Map.of("enabled", false),
                "encryptionConfiguration", Map.of("type", "AWS_OWNED_KEY")));
        eu.answer("states", "ListTagsForResource", "resourceArn", STATE_MACHINE, Map.of("tags",
                cfnTags(ASYNC, "FulfilmentStateMachine").entrySet().stream()
                        .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList()));

        // ShipmentTrackerCluster
        eu.items("ecs", "ListClusters", List.of(CLUSTER));
        eu.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(map("clusterArn", CLUSTER,
                "clusterName", CLUSTER.substring(CLUSTER.lastIndexOf('/') + 1), "status", "ACTIVE",
                "registeredContainerInstancesCount", 0, "runningTasksCount", 2, "pendingTasksCount", 0,
                "activeServicesCount", 1, "settings", List.of(Map.of("name", "containerInsights", "value", "enabled")),
                "capacityProviders", List.of(), "defaultCapacityProviderStrategy", List.of())));
        // ShipmentTrackerTaskDefinition
        String logGroup = "orders-async-ShipmentTrackerLogGroup-Cz6Vb1Nm4Lk7";
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", TASK_DEFINITION, Map.of("taskDefinition", map(
                "taskDefinitionArn", TASK_DEFINITION, "family", "ordersasyncShipmentTrackerTaskDefinition9F2C7A1E",
                "revision", 1, "status", "ACTIVE", "networkMode", "awsvpc", "requiresCompatibilities", List.of("FARGATE"),
                "compatibilities", List.of("EC2", "FARGATE"), "cpu", "512", "memory", "1024",
                "executionRoleArn", IAM + "role/orders-async-ShipmentTrackerExecutionRole-2Pw8Lq4Xz6Tn",
                "taskRoleArn", IAM + "role/orders-async-ShipmentTrackerTaskRole-9Mc3Vr7Kd1Qs",
                "containerDefinitions", List.of(map("name", "shipment-tracker",
                        "image", ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/orders/shipment-tracker:2.3.1", "cpu", 0,
                        "essential", true, "portMappings", List.of(), "environment", List.of(
                                Map.of("name", "QUEUE_URL", "value", SQS_URL + SHIPMENT_UPDATES_QUEUE_NAME),
                                Map.of("name", "ORDER_STATUS_TABLE", "value", ORDER_STATUS_TABLE_NAME)),
                        "mountPoints", List.of(), "volumesFrom", List.of(),
                        "logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                                "awslogs-group", logGroup, "awslogs-region", REGION,
                                "awslogs-stream-prefix", "shipment-tracker")))))));
        // ShipmentTrackerService: no deployment circuit breaker, which the API reports as switched off
        eu.items("ecs", "ListServices", "cluster", CLUSTER, List.of(SERVICE));
        eu.batch("ecs", "DescribeServices", "services", "services", "serviceArn", List.of(map("serviceArn", SERVICE,
                "serviceName", SERVICE.substring(SERVICE.lastIndexOf('/') + 1), "clusterArn", CLUSTER,
                "loadBalancers", List.of(), "serviceRegistries", List.of(), "status", "ACTIVE", "desiredCount", 2,
                "runningCount", 2, "pendingCount", 0, "launchType", "FARGATE", "platformVersion", "LATEST",
                "platformFamily", "Linux", "taskDefinition", TASK_DEFINITION, "deploymentConfiguration", Map.of(
                        "deploymentCircuitBreaker", Map.of("enable", false, "rollback", false),
                        "maximumPercent", 200, "minimumHealthyPercent", 100),
                "deployments", List.of(map("id", "ecs-svc/4829105736281940571", "status", "PRIMARY",
                        "taskDefinition", TASK_DEFINITION, "desiredCount", 2, "runningCount", 2, "launchType", "FARGATE",
                        "rolloutState", "COMPLETED", "createdAt", CREATED)),
                "networkConfiguration", Map.of("awsvpcConfiguration", Map.of("subnets",
                        List.of(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), "securityGroups", List.of(VPC_DEFAULT_SG),
                        "assignPublicIp", "DISABLED")),
                "schedulingStrategy", "REPLICA", "deploymentController", Map.of("type", "ECS"),
                "createdAt", CREATED, "enableECSManagedTags", false, "propagateTags", "NONE",
                "enableExecuteCommand", false, "availabilityZoneRebalancing", "ENABLED")));
    }

    /** An SQS queue: listed by URL, its attributes (all strings, defaults included) and its tags. */
    private void queue(String name, String logicalId, int visibilityTimeout, int retention, String redrivePolicy) {
        Map<String, String> attributes = new LinkedHashMap<>(Map.of("QueueArn", SQS + name,
                "ApproximateNumberOfMessages", "0", "ApproximateNumberOfMessagesNotVisible", "0",
                "ApproximateNumberOfMessagesDelayed", "0", "CreatedTimestamp", "1793610867",
                "LastModifiedTimestamp", "1793610867", "VisibilityTimeout", String.valueOf(visibilityTimeout),
                "MaximumMessageSize", "262144", "MessageRetentionPeriod", String.valueOf(retention),
                "DelaySeconds", "0"));
        attributes.put("ReceiveMessageWaitTimeSeconds", "0");
        attributes.put("SqsManagedSseEnabled", "true");
        if (redrivePolicy != null) {
            attributes.put("RedrivePolicy", redrivePolicy);
        }
        eu.answer("sqs", "GetQueueAttributes", "QueueUrl", SQS_URL + name, Map.of("Attributes", attributes));
        eu.answer("sqs", "ListQueueTags", "QueueUrl", SQS_URL + name, Map.of("Tags", cfnTags(ASYNC, logicalId)));
    }

    /** A Java 21 function of 1024 MB: listed, its only version {@code $LATEST}, its tags. */
    private void function(String stack, String logicalId, String arn, String handler, int timeout, String role,
            Map<String, String> environment) {
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        Map<String, Object> f = map("FunctionName", name, "FunctionArn", arn, "Runtime", "java21",
                "Role", IAM + "role/" + role, "Handler", handler, "CodeSize", 18734512, "Description", "",
                "Timeout", timeout, "MemorySize", 1024, "LastModified", "2026-11-02T09:31:05.000+0000",
                "CodeSha256", "q0Yy2b8m1rLx3F4Jk9PzA7cV5nW6tE2sD8gH1uJ0iKo=", "Version", "$LATEST",
                "TracingConfig", Map.of("Mode", "PassThrough"),
                "RevisionId", "b2f8c4d1-7e3a-4b9c-8d5e-6f1a2b3c4d5e", "PackageType", "Zip",
                "Architectures", List.of("x86_64"), "EphemeralStorage", Map.of("Size", 512),
                "SnapStart", Map.of("ApplyOn", "None", "OptimizationStatus", "Off"),
                "LoggingConfig", Map.of("LogFormat", "Text", "LogGroup", "/aws/lambda/" + name));
        if (!environment.isEmpty()) {
            f.put("Environment", Map.of("Variables", environment)); // the API leaves out an empty one
        }
        list("lambda", "ListFunctions", f);
        Map<String, Object> latest = new LinkedHashMap<>(f);
        latest.put("FunctionArn", arn + ":$LATEST");
        eu.items("lambda", "ListVersionsByFunction", "FunctionName", arn, List.of(latest));
        eu.answer("lambda", "ListTags", "Resource", arn, Map.of("Tags", cfnTags(stack, logicalId)));
    }

    // ------------------------------------------------------------------ edge.yaml

    private void edge() {
        // WebDistribution: the /static/* behavior is legacy (ForwardedValues only), and CloudFront answers
        // the TTLs it applies to such a behavior, its defaults 0, 86400 and 31536000, as it stores them
        Map<String, Object> cached = Map.of("Quantity", 2, "Items", List.of("HEAD", "GET"));
        us.items("cloudfront", "ListDistributions", List.of(map("Id", DISTRIBUTION_ID, "ARN", DISTRIBUTION,
                "Status", "Deployed", "LastModifiedTime", CREATED, "DomainName", "d3k8q2zt5x7m1w.cloudfront.net",
                "Aliases", Map.of("Quantity", 0), "Origins", Map.of("Quantity", 1, "Items", List.of(map("Id", "web-alb",
                        "DomainName", LOAD_BALANCER_DNS, "OriginPath", "", "CustomHeaders", Map.of("Quantity", 0),
                        "CustomOriginConfig", map("HTTPPort", 80, "HTTPSPort", 443, "OriginProtocolPolicy", "http-only",
                                "OriginSslProtocols", Map.of("Quantity", 3, "Items", List.of("TLSv1", "TLSv1.1", "TLSv1.2")),
                                "OriginReadTimeout", 30, "OriginKeepaliveTimeout", 5),
                        "ConnectionAttempts", 3, "ConnectionTimeout", 10, "OriginShield", Map.of("Enabled", false),
                        "OriginAccessControlId", ""))),
                "OriginGroups", Map.of("Quantity", 0),
                "DefaultCacheBehavior", map("TargetOriginId", "web-alb", "ViewerProtocolPolicy", "redirect-to-https",
                        "AllowedMethods", Map.of("Quantity", 7, "Items", List.of("HEAD", "DELETE", "POST", "GET",
                                "OPTIONS", "PUT", "PATCH"), "CachedMethods", cached),
                        "SmoothStreaming", false, "Compress", false, "FieldLevelEncryptionId", "",
                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
                        "OriginRequestPolicyId", "216adef6-5c7f-47e4-b989-5492eafa07d3"), // Managed-AllViewer
                "CacheBehaviors", Map.of("Quantity", 1, "Items", List.of(map("PathPattern", "/static/*",
                        "TargetOriginId", "web-alb", "ViewerProtocolPolicy", "redirect-to-https",
                        "AllowedMethods", Map.of("Quantity", 2, "Items", List.of("HEAD", "GET"), "CachedMethods", cached),
                        "SmoothStreaming", false, "Compress", true, "FieldLevelEncryptionId", "",
                        "ForwardedValues", Map.of("QueryString", false, "Cookies", Map.of("Forward", "none"),
                                "Headers", Map.of("Quantity", 0), "QueryStringCacheKeys", Map.of("Quantity", 0)),
                        "MinTTL", 0, "DefaultTTL", 86400, "MaxTTL", 31536000))),
                "CustomErrorResponses", Map.of("Quantity", 1, "Items", List.of(Map.of("ErrorCode", 503,
                        "ErrorCachingMinTTL", 300))), "Comment", "Orders storefront",
                "PriceClass", "PriceClass_100", "Enabled", true, "ViewerCertificate", Map.of(
                        "CloudFrontDefaultCertificate", true, "MinimumProtocolVersion", "TLSv1",
                        "CertificateSource", "cloudfront"),
                "Restrictions", Map.of("GeoRestriction", Map.of("RestrictionType", "none", "Quantity", 0)),
                "WebACLId", "", "HttpVersion", "http2and3", "IsIPV6Enabled", false, "Staging", false)));
        us.answer("cloudfront", "ListTagsForResource", "Resource", DISTRIBUTION, Map.of("Tags", Map.of("Items",
                cfnTagList(EDGE, "WebDistribution"))));
        // (both cache policies it names are managed: the account has no cache policy of its own)

        // OrderStatusFunction
        function(EDGE, "OrderStatusFunction", ORDER_STATUS_FUNCTION,
                "com.example.orders.api.OrderStatusHandler::handleRequest", 60,
                "orders-edge-OrderStatusFunctionRole-6Tq1Zk9Wm3Px", Map.of("ORDER_STATUS_TABLE", ORDER_STATUS_TABLE_NAME));

        // PartnerApi
        eu.items("apigateway", "GetRestApis", List.of(map("id", REST_API, "name", "orders-partner-api",
                "createdDate", CREATED, "apiKeySource", "HEADER",
                "endpointConfiguration", Map.of("types", List.of("REGIONAL")),
                "rootResourceId", "8fz1k3x9ma", "disableExecuteApiEndpoint", false)));
        // (the root resource), OrdersResource, OrderIdResource with GetOrderMethod: the API answers the
        // integration timeout it applies, 29 s
        eu.items("apigateway", "GetResources", "restApiId", REST_API, List.of(
                Map.of("id", "8fz1k3x9ma", "path", "/"),
                Map.of("id", "q2w7e1", "parentId", "8fz1k3x9ma", "pathPart", "orders", "path", "/orders"),
                map("id", ORDER_ID_RESOURCE, "parentId", "q2w7e1", "pathPart", "{orderId}", "path", "/orders/{orderId}",
                        "resourceMethods", Map.of("GET", map("httpMethod", "GET", "authorizationType", "AWS_IAM",
                                "apiKeyRequired", false, "requestParameters", Map.of("method.request.path.orderId", true),
                                "methodIntegration", map("type", "AWS_PROXY", "httpMethod", "POST",
                                        "uri", "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
                                                + ORDER_STATUS_FUNCTION + "/invocations",
                                        "passthroughBehavior", "WHEN_NO_MATCH", "timeoutInMillis", 29000,
                                        "cacheNamespace", ORDER_ID_RESOURCE,
                                        "cacheKeyParameters", List.of("method.request.path.orderId")))))));
        // PartnerApiDeployment
        String deployment = PARTNER_API_DEPLOYMENT.substring(PARTNER_API_DEPLOYMENT.lastIndexOf('/') + 1);
        eu.items("apigateway", "GetDeployments", "restApiId", REST_API, List.of(Map.of("id", deployment,
                "createdDate", CREATED)));
        // PartnerApiStage: a cache cluster, and method settings that throttle but cache nothing
        eu.items("apigateway", "GetStages", "restApiId", REST_API, List.of(map("deploymentId", deployment,
                "stageName", "v1", "cacheClusterEnabled", true, "cacheClusterSize", "0.5",
                "cacheClusterStatus", "AVAILABLE", "methodSettings", Map.of("*/*", map("metricsEnabled", false,
                        "dataTraceEnabled", false, "throttlingBurstLimit", 400, "throttlingRateLimit", 200.0,
                        "cachingEnabled", false, "cacheTtlInSeconds", 300, "cacheDataEncrypted", false,
                        "requireAuthorizationForCacheControl", true,
                        "unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITH_RESPONSE_HEADER")),
                "tracingEnabled", false, "tags", cfnTags(EDGE, "PartnerApiStage"), "createdDate", CREATED,
                "lastUpdatedDate", CREATED)));

        // WebDeployApplication, WebDeploymentGroup: rolls back on failure only, no alarm
        eu.items("codedeploy", "ListApplications", List.of(DEPLOY_APPLICATION));
        eu.items("codedeploy", "ListDeploymentGroups", "applicationName", DEPLOY_APPLICATION,
                List.of(DEPLOYMENT_GROUP_NAME));
        eu.batch("codedeploy", "BatchGetDeploymentGroups", "deploymentGroupNames", "deploymentGroupsInfo",
                "deploymentGroupName", List.of(map("applicationName", DEPLOY_APPLICATION,
                        "deploymentGroupId", "e3b1c2d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
                        "deploymentGroupName", DEPLOYMENT_GROUP_NAME,
                        "deploymentConfigName", "CodeDeployDefault.HalfAtATime", "ec2TagFilters", List.of(),
                        "onPremisesInstanceTagFilters", List.of(), "autoScalingGroups", List.of(Map.of("name", ASG_NAME,
                                "hook", "CodeDeploy-managed-automatic-launch-deployment-hook-" + DEPLOYMENT_GROUP_NAME
                                        + "-4f8e2a1c-9b3d-4e7f-a6c5-1d2e3f4a5b6c")),
                        "serviceRoleArn", IAM + "role/orders-edge-CodeDeployServiceRole-4Hs8Jp2Nv6Ry",
                        "triggerConfigurations", List.of(),
                        "alarmConfiguration", Map.of("enabled", false, "ignorePollAlarmFailure", false, "alarms", List.of()),
                        "autoRollbackConfiguration", Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE")),
                        "deploymentStyle", Map.of("deploymentType", "IN_PLACE", "deploymentOption", "WITH_TRAFFIC_CONTROL"),
                        "outdatedInstancesStrategy", "UPDATE", "loadBalancerInfo", Map.of("targetGroupInfoList",
                                List.of(Map.of("name", TARGET_GROUP_NAME))),
                        "computePlatform", "Server", "terminationHookEnabled", false)));
    }

    // ------------------------------------------------------------------ every account

    /** What AWS gives every account, whatever it runs. */
    private void everyAccountHas() {
        String bus = "arn:aws:events:eu-west-1:123456789012:event-bus/default";
        eu.items("events", "ListEventBuses", List.of(Map.of("Name", "default", "Arn", bus)));
        eu.answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default", "Arn", bus));
        eu.items("ecs", "DescribeCapacityProviders", List.of(
                Map.of("capacityProviderArn", ECS + "capacity-provider/FARGATE", "name", "FARGATE",
                        "status", "ACTIVE", "type", "FARGATE"),
                Map.of("capacityProviderArn", ECS + "capacity-provider/FARGATE_SPOT", "name", "FARGATE_SPOT",
                        "status", "ACTIVE", "type", "FARGATE_SPOT")));
    }

    // ------------------------------------------------------------------ shapes

    /** The tags CloudFormation puts on every resource of a stack that can be tagged. */
    static Map<String, String> cfnTags(String stack, String logicalId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aws:cloudformation:logical-id", logicalId);
        tags.put("aws:cloudformation:stack-id", "arn:aws:cloudformation:eu-west-1:123456789012:stack/" + stack + "/"
                + STACK_IDS.get(stack));
        tags.put("aws:cloudformation:stack-name", stack);
        return tags;
    }

    /** Tags as a {@code [{Key, Value}]} list. */
    static List<Map<String, Object>> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> map("Key", e.getKey(), "Value", e.getValue())).toList();
    }

    static List<Map<String, Object>> cfnTagList(String stack, String logicalId) {
        return tagList(cfnTags(stack, logicalId));
    }

    private static Map<String, Object> subnet(String id, String zone, String zoneId, String cidr, String logicalId) {
        return map("SubnetId", id, "SubnetArn", EC2 + "subnet/" + id, "VpcId", VPC, "AvailabilityZone", zone,
                "AvailabilityZoneId", zoneId, "CidrBlock", cidr, "AvailableIpAddressCount", 250, "State", "available",
                "MapPublicIpOnLaunch", false, "DefaultForAz", false, "OwnerId", ACCOUNT,
                "Tags", cfnTagList(NETWORK, logicalId));
    }

    private static Map<String, Object> subnetOfGroup(String id, String zone) {
        return Map.of("SubnetIdentifier", id, "SubnetAvailabilityZone", Map.of("Name", zone), "SubnetStatus", "Active");
    }

    /** A security group of the orders VPC, with the default egress rule. */
    private static Map<String, Object> securityGroup(String id, String name, String description, List<?> ingress,
            List<Map<String, Object>> tags) {
        return map("GroupId", id, "GroupName", name, "Description", description, "VpcId", VPC, "OwnerId", ACCOUNT,
                "SecurityGroupArn", EC2 + "security-group/" + id, "IpPermissions", ingress,
                "IpPermissionsEgress", List.of(map("IpProtocol", "-1",
                        "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")))),
                "Tags", tags);
    }

    /** A TCP ingress rule from another security group of the account. */
    private static Map<String, Object> fromGroup(int port, String group) {
        return map("IpProtocol", "tcp", "FromPort", port, "ToPort", port,
                "UserIdGroupPairs", List.of(Map.of("GroupId", group, "UserId", ACCOUNT)));
    }

    private static List<Map<String, Object>> attributes(String... keysAndValues) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            list.add(map("Key", keysAndValues[i], "Value", keysAndValues[i + 1]));
        }
        return list;
    }

    private static Map<String, Object> key(String attribute, String type) {
        return map("AttributeName", attribute, "KeyType", type);
    }
}
