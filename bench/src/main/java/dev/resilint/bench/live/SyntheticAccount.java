package dev.resilint.bench.live;

import dev.resilint.live.fake.FakeRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic account region for the live-scan benchmark: about a thousand resources of the types
 * that cost calls (lists, and the per-resource calls the APIs make unavoidable), served by the fake.
 * Every resource carries a tag, which {@code resilint scan} reads by default. {@link #budget()} says
 * how many calls a scan of it needs at the APIs' largest page sizes.
 */
final class SyntheticAccount {

    /** How many resources of each kind one region holds. */
    record Size(int subnets, int securityGroups, int instances, int groups, int loadBalancers, int classic,
            int databases, int clusters, int caches, int tables, int queues, int functions, int mappings,
            int machines, int ecsServices) {

        /** About 930 resources a region: the single-account benchmark. */
        static final Size LARGE = new Size(60, 60, 60, 60, 40, 20, 80, 20, 40, 60, 120, 80, 40, 30, 40);
        /** About 100 resources a region: each account of the organisation benchmark. */
        static final Size SMALL = new Size(6, 6, 6, 6, 4, 2, 8, 2, 4, 6, 12, 8, 4, 3, 4);

        /** Resources served per region. */
        int resources() {
            return subnets + securityGroups + instances + groups + 3 * loadBalancers + classic + databases + clusters
                    + caches + tables + queues + functions + mappings + machines + 2 * ecsServices + 1;
        }
    }

    private final String account;
    private final String region;
    private final Size size;

    SyntheticAccount(String account, String region, Size size) {
        this.account = account;
        this.region = region;
        this.size = size;
    }

    /** The tags every resource carries, as a map and as a list of keys and values. */
    static final Map<String, Object> TAGS = Map.of("team", "orders");

    private static List<Object> tagList() {
        return List.of(map("Key", "team", "Value", "orders"));
    }

    private String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private String zone(int i) {
        return region + (char) ('a' + i % 3);
    }

    /** Serves the region's resources. */
    void serve(FakeRegion r) {
        List<Object> subnets = new ArrayList<>();
        for (int i = 0; i < size.subnets(); i++) {
            subnets.add(map("SubnetId", "subnet-" + i, "AvailabilityZone", zone(i), "VpcId", "vpc-1",
                    "SubnetArn", arn("ec2", "subnet/subnet-" + i)));
        }
        r.items("ec2", "DescribeSubnets", subnets);
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < size.securityGroups(); i++) {
            groups.add(map("GroupId", "sg-" + i, "GroupName", "sg" + i, "Description", "d", "VpcId", "vpc-1",
                    "IpPermissions", List.of(map("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
                            "IpRanges", List.of(map("CidrIp", "10.0.0.0/8"))))));
        }
        r.items("ec2", "DescribeSecurityGroups", groups);
        List<Object> instances = new ArrayList<>();
        for (int i = 0; i < size.instances(); i++) {
            instances.add(map("InstanceId", "i-" + i, "SubnetId", "subnet-" + (i % size.subnets()), "State",
                    map("Name", "running"), "Placement", map("AvailabilityZone", zone(i)), "SourceDestCheck", true,
                    "SecurityGroups", List.of(map("GroupId", "sg-" + (i % size.securityGroups())))));
        }
        r.items("ec2", "DescribeInstances", List.of(map("ReservationId", "r-1", "Instances", instances)));
        List<Object> asgs = new ArrayList<>();
        for (int i = 0; i < size.groups(); i++) {
            asgs.add(map("AutoScalingGroupName", "asg" + i, "AutoScalingGroupARN",
                    arn("autoscaling", "autoScalingGroup:" + i + ":autoScalingGroupName/asg" + i), "MinSize", 2,
                    "MaxSize", 4, "DesiredCapacity", 2, "DefaultCooldown", 300, "AvailabilityZones",
                    List.of(zone(i), zone(i + 1)), "HealthCheckType", "ELB", "VPCZoneIdentifier",
                    "subnet-" + (i % size.subnets()) + ",subnet-" + ((i + 1) % size.subnets()), "TargetGroupARNs",
                    List.of(targetGroup(i % size.loadBalancers())), "CreatedTime", "2026-01-01T00:00:00Z"));
        }
        r.items("autoscaling", "DescribeAutoScalingGroups", asgs);
        serveLoadBalancers(r);
        serveData(r);
        serveAsync(r);
        serveContainers(r);
    }

    private String targetGroup(int i) {
        return arn("elasticloadbalancing", "targetgroup/tg" + i + "/" + i);
    }

    private void serveLoadBalancers(FakeRegion r) {
        List<Object> lbs = new ArrayList<>();
        List<Object> tgs = new ArrayList<>();
        for (int i = 0; i < size.loadBalancers(); i++) {
            String lb = arn("elasticloadbalancing", "loadbalancer/app/lb" + i + "/" + i);
            lbs.add(map("LoadBalancerArn", lb, "LoadBalancerName", "lb" + i, "Type", "application", "Scheme",
                    "internal", "AvailabilityZones", List.of(map("ZoneName", zone(0), "SubnetId", "subnet-0"),
                            map("ZoneName", zone(1), "SubnetId", "subnet-1"))));
            r.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", lb, map("Attributes",
                    List.of(map("Key", "deletion_protection.enabled", "Value", "true"))));
            String listener = arn("elasticloadbalancing", "listener/app/lb" + i + "/" + i + "/l" + i);
            r.items("elbv2", "DescribeListeners", "LoadBalancerArn", lb, List.of(map("ListenerArn", listener,
                    "LoadBalancerArn", lb, "Port", 443, "Protocol", "HTTPS", "DefaultActions",
                    List.of(map("Type", "forward", "TargetGroupArn", targetGroup(i))))));
            r.answer("elbv2", "DescribeRules", "ListenerArn", listener, map("Rules", List.of(map("RuleArn",
                    listener + "/rule", "Priority", "default", "IsDefault", true))));
            tgs.add(map("TargetGroupArn", targetGroup(i), "TargetGroupName", "tg" + i, "Protocol", "HTTPS",
                    "Port", 443, "VpcId", "vpc-1", "TargetType", "instance"));
            r.answer("elbv2", "DescribeTargetHealth", "TargetGroupArn", targetGroup(i),
                    map("TargetHealthDescriptions", List.of()));
            r.answer("elbv2", "DescribeTargetGroupAttributes", "TargetGroupArn", targetGroup(i),
                    map("Attributes", List.of(map("Key", "deregistration_delay.timeout_seconds", "Value", "300"))));
        }
        r.items("elbv2", "DescribeLoadBalancers", lbs);
        r.items("elbv2", "DescribeTargetGroups", tgs);
        List<Object> lbTags = new ArrayList<>();
        lbs.forEach(lb -> lbTags.add(map("ResourceArn", ((Map<?, ?>) lb).get("LoadBalancerArn"), "Tags", tagList())));
        r.batch("elbv2", "DescribeTags", "ResourceArns", "TagDescriptions", "ResourceArn", lbTags);
        List<Object> classic = new ArrayList<>();
        for (int i = 0; i < size.classic(); i++) {
            classic.add(map("LoadBalancerName", "clb" + i, "Subnets", List.of("subnet-0", "subnet-1")));
            r.answer("elb", "DescribeLoadBalancerAttributes", "LoadBalancerName", "clb" + i,
                    map("LoadBalancerAttributes", map("CrossZoneLoadBalancing", map("Enabled", true))));
        }
        r.items("elb", "DescribeLoadBalancers", classic);
        List<Object> classicTags = new ArrayList<>();
        classic.forEach(lb -> classicTags.add(map("LoadBalancerName", ((Map<?, ?>) lb).get("LoadBalancerName"),
                "Tags", tagList())));
        r.batch("elb", "DescribeTags", "LoadBalancerNames", "TagDescriptions", "LoadBalancerName", classicTags);
    }

    private void serveData(FakeRegion r) {
        List<Object> dbs = new ArrayList<>();
        for (int i = 0; i < size.databases(); i++) {
            boolean member = i < 2 * size.clusters();
            dbs.add(map("DBInstanceIdentifier", "db" + i, "DBInstanceArn", arn("rds", "db:db" + i), "Engine",
                    member ? "aurora-postgresql" : "postgres", "MultiAZ", !member, "BackupRetentionPeriod", 7,
                    "DeletionProtection", true, "AvailabilityZone", zone(i), "DBInstanceStatus", "available",
                    "DBClusterIdentifier", member ? "c" + (i / 2) : null));
        }
        dbs.forEach(d -> ((Map<?, ?>) d).values().removeIf(v -> v == null));
        r.items("rds", "DescribeDBInstances", dbs);
        List<Object> clusters = new ArrayList<>();
        for (int i = 0; i < size.clusters(); i++) {
            clusters.add(map("DBClusterIdentifier", "c" + i, "DBClusterArn", arn("rds", "cluster:c" + i), "Engine",
                    "aurora-postgresql", "BackupRetentionPeriod", 7, "DeletionProtection", true, "Status", "available"));
        }
        r.items("rds", "DescribeDBClusters", clusters);
        List<Object> caches = new ArrayList<>();
        for (int i = 0; i < size.caches(); i++) {
            caches.add(map("CacheClusterId", "cache" + i, "ARN", arn("elasticache", "cluster:cache" + i), "Engine",
                    "memcached", "NumCacheNodes", 2, "CacheClusterStatus", "available", "PreferredAvailabilityZone",
                    "Multiple", "CacheNodes", List.of(map("CacheNodeId", "0001", "CustomerAvailabilityZone", zone(0)),
                            map("CacheNodeId", "0002", "CustomerAvailabilityZone", zone(1)))));
        }
        r.items("elasticache", "DescribeCacheClusters", caches);
        for (int i = 0; i < size.caches(); i++) {
            r.answer("elasticache", "ListTagsForResource", "ResourceName", arn("elasticache", "cluster:cache" + i),
                    map("TagList", tagList()));
        }
        List<Object> tables = new ArrayList<>();
        for (int i = 0; i < size.tables(); i++) {
            String name = "t" + i;
            tables.add(name);
            r.answer("dynamodb", "DescribeTable", "TableName", name, map("Table", map("TableName", name, "TableArn",
                    arn("dynamodb", "table/" + name), "TableStatus", "ACTIVE", "DeletionProtectionEnabled", true,
                    "BillingModeSummary", map("BillingMode", "PAY_PER_REQUEST"))));
            r.answer("dynamodb", "DescribeContinuousBackups", "TableName", name, map("ContinuousBackupsDescription",
                    map("ContinuousBackupsStatus", "ENABLED", "PointInTimeRecoveryDescription",
                            map("PointInTimeRecoveryStatus", "ENABLED"))));
            r.items("dynamodb", "ListTagsOfResource", "ResourceArn", arn("dynamodb", "table/" + name), tagList());
        }
        r.items("dynamodb", "ListTables", tables);
    }

    private void serveAsync(FakeRegion r) {
        String url = "https://sqs." + region + ".amazonaws.com/" + account + "/";
        List<Object> urls = new ArrayList<>();
        for (int i = 0; i < size.queues(); i++) {
            String name = i % 2 == 0 ? "q" + i : "q" + (i - 1) + "-dlq";
            urls.add(url + name);
            Map<String, Object> attributes = map("QueueArn", arn("sqs", name), "VisibilityTimeout", "180",
                    "MessageRetentionPeriod", "345600");
            if (i % 2 == 0) {
                attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn("sqs", name + "-dlq")
                        + "\",\"maxReceiveCount\":5}");
            }
            r.answer("sqs", "GetQueueAttributes", "QueueUrl", url + name, map("Attributes", attributes));
            r.answer("sqs", "ListQueueTags", "QueueUrl", url + name, map("Tags", TAGS));
        }
        r.items("sqs", "ListQueues", urls);
        List<Object> functions = new ArrayList<>();
        for (int i = 0; i < size.functions(); i++) {
            String fn = arn("lambda", "function:f" + i);
            functions.add(map("FunctionName", "f" + i, "FunctionArn", fn, "Runtime", "java21", "Timeout", 20,
                    "MemorySize", 512));
            r.items("lambda", "ListAliases", "FunctionName", fn, List.of());
            r.items("lambda", "ListVersionsByFunction", "FunctionName", fn, List.of());
            r.items("lambda", "ListFunctionEventInvokeConfigs", "FunctionName", fn, List.of());
            r.answer("lambda", "ListTags", "Resource", fn, map("Tags", TAGS));
        }
        r.items("lambda", "ListFunctions", functions);
        List<Object> mappings = new ArrayList<>();
        for (int i = 0; i < size.mappings(); i++) {
            mappings.add(map("UUID", "m" + i, "EventSourceArn", arn("sqs", "q" + (2 * i)), "FunctionArn",
                    arn("lambda", "function:f" + i), "State", "Enabled", "BatchSize", 10));
        }
        r.items("lambda", "ListEventSourceMappings", mappings);
        List<Object> machines = new ArrayList<>();
        for (int i = 0; i < size.machines(); i++) {
            String sm = arn("states", "stateMachine:sm" + i);
            machines.add(map("stateMachineArn", sm, "name", "sm" + i, "type", "STANDARD", "creationDate",
                    "2026-01-01T00:00:00Z"));
            r.answer("states", "DescribeStateMachine", "stateMachineArn", sm, map("stateMachineArn", sm, "name",
                    "sm" + i, "status", "ACTIVE", "definition", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\","
                            + "\"Resource\":\"" + arn("lambda", "function:f" + i) + "\",\"TimeoutSeconds\":60,"
                            + "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"JitterStrategy\":\"FULL\"}],\"End\":true}}}",
                    "roleArn", arn("iam", "role/sm").replace(":" + region + ":", "::"), "type", "STANDARD",
                    "creationDate", "2026-01-01T00:00:00Z"));
            r.answer("states", "ListTagsForResource", "resourceArn", sm, map("tags", List.of(map("key", "team",
                    "value", "orders"))));
        }
        r.items("states", "ListStateMachines", machines);
    }

    private void serveContainers(FakeRegion r) {
        String cluster = arn("ecs", "cluster/main");
        r.items("ecs", "ListClusters", List.of(cluster));
        r.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(map("clusterArn", cluster,
                "clusterName", "main", "status", "ACTIVE")));
        List<String> services = new ArrayList<>();
        List<Object> described = new ArrayList<>();
        for (int i = 0; i < size.ecsServices(); i++) {
            String service = arn("ecs", "service/main/s" + i);
            String td = arn("ecs", "task-definition/td" + i + ":1");
            services.add(service);
            described.add(map("serviceArn", service, "serviceName", "s" + i, "clusterArn", cluster, "status",
                    "ACTIVE", "taskDefinition", td, "deploymentConfiguration", map("deploymentCircuitBreaker",
                            map("enable", true, "rollback", true)), "loadBalancers", List.of(map("targetGroupArn",
                            targetGroup(i % size.loadBalancers()), "containerName", "web", "containerPort", 8080))));
            r.answer("ecs", "DescribeTaskDefinition", "taskDefinition", td, map("taskDefinition", map(
                    "taskDefinitionArn", td, "family", "td" + i, "revision", 1, "networkMode", "awsvpc",
                    "containerDefinitions", List.of(map("name", "web", "portMappings",
                            List.of(map("containerPort", 8080, "protocol", "tcp")))))));
        }
        r.items("ecs", "ListServices", "cluster", cluster, services);
        r.batch("ecs", "DescribeServices", "services", "services", "serviceArn", described);
    }

    /**
     * The calls a scan of one such region needs, by operation: one per page at the largest page size
     * each API takes, plus the per-resource or per-batch calls the APIs leave no way around.
     */
    Map<String, Integer> budget() {
        Map<String, Integer> b = new LinkedHashMap<>();
        b.put("ec2:DescribeSubnets", pages(size.subnets(), 1000));
        b.put("ec2:DescribeSecurityGroups", pages(size.securityGroups(), 1000));
        b.put("ec2:DescribeInstances", pages(1, 1000));
        b.put("ec2:DescribeLaunchTemplateVersions", 1);
        b.put("ec2:DescribeSpotFleetRequests", 1);
        b.put("ec2:DescribeFleets", 1);
        b.put("ec2:DescribeNatGateways", 1);
        b.put("ec2:DescribeRouteTables", 1);
        b.put("autoscaling:DescribeAutoScalingGroups", pages(size.groups(), 100));
        b.put("autoscaling:DescribeLaunchConfigurations", 1);
        b.put("elasticloadbalancing:DescribeLoadBalancers", pages(size.loadBalancers(), 400) + pages(size.classic(), 400));
        b.put("elasticloadbalancing:DescribeLoadBalancerAttributes", size.loadBalancers() + size.classic());
        b.put("elasticloadbalancing:DescribeTargetGroups", pages(size.loadBalancers(), 400));
        b.put("elasticloadbalancing:DescribeTargetHealth", size.loadBalancers());
        b.put("elasticloadbalancing:DescribeTargetGroupAttributes", size.loadBalancers());
        b.put("elasticloadbalancing:DescribeListeners", size.loadBalancers());
        b.put("elasticloadbalancing:DescribeRules", size.loadBalancers());
        b.put("elasticloadbalancing:DescribeTags", pages(size.loadBalancers(), 20) + pages(size.classic(), 20)); // 20 a call
        b.put("rds:DescribeDBInstances", pages(size.databases(), 100));
        b.put("rds:DescribeDBClusters", pages(size.clusters(), 100));
        b.put("elasticache:DescribeReplicationGroups", 1);
        // once with node information, once more for the parameter groups of replication groups' nodes
        b.put("elasticache:DescribeCacheClusters", 2 * pages(size.caches(), 100));
        b.put("elasticache:DescribeServerlessCaches", 1);
        b.put("elasticache:DescribeCacheParameterGroups", 1);
        b.put("elasticache:ListTagsForResource", size.caches());
        b.put("dynamodb:ListTables", pages(size.tables(), 100));
        b.put("dynamodb:DescribeTable", size.tables());
        b.put("dynamodb:DescribeContinuousBackups", size.tables());
        b.put("dynamodb:ListTagsOfResource", size.tables());
        b.put("sqs:ListQueues", pages(size.queues(), 1000));
        b.put("sqs:GetQueueAttributes", size.queues());
        b.put("sqs:ListQueueTags", size.queues());
        b.put("sns:ListSubscriptions", 1);
        b.put("lambda:ListFunctions", pages(size.functions(), 50));
        b.put("lambda:ListEventSourceMappings", pages(size.mappings(), 100));
        b.put("lambda:ListAliases", size.functions());
        b.put("lambda:ListVersionsByFunction", size.functions());
        b.put("lambda:ListFunctionEventInvokeConfigs", size.functions());
        b.put("lambda:ListTags", size.functions());
        b.put("lambda:GetPolicy", size.functions()); // and one per alias and version: the account has none
        b.put("events:ListEventBuses", 1);
        b.put("pipes:ListPipes", 1);
        b.put("scheduler:ListSchedules", 1);
        b.put("states:ListStateMachines", pages(size.machines(), 1000));
        b.put("states:DescribeStateMachine", size.machines());
        b.put("states:ListTagsForResource", size.machines());
        b.put("ecs:ListClusters", 1);
        b.put("ecs:DescribeClusters", 1);
        b.put("ecs:ListServices", pages(size.ecsServices(), 100));
        b.put("ecs:DescribeServices", pages(size.ecsServices(), 10));
        b.put("ecs:DescribeTaskDefinition", size.ecsServices());
        b.put("ecs:DescribeCapacityProviders", 1);
        b.put("eks:ListClusters", 1);
        b.put("codedeploy:ListApplications", 1);
        b.put("apigateway:GET", 3); // GetRestApis, GetUsagePlans and GetApis (v2)
        // the wave-2 types the account holds none of: one empty list call each
        b.put("application-autoscaling:DescribeScalableTargets", 1);
        b.put("cloudwatch:DescribeAlarms", 2); // metric alarms, then composite alarms
        b.put("codedeploy:ListDeploymentConfigs", 1);
        b.put("dax:DescribeParameterGroups", 1);
        b.put("elasticfilesystem:DescribeFileSystems", 1);
        b.put("es:ListDomainNames", 1);
        b.put("mq:ListBrokers", 1);
        b.put("s3:ListAllMyBuckets", 1);
        b.put("appconfig:ListApplications", 1);
        return b;
    }

    /**
     * Latency units one scan of this region needs at least with {@code perService} calls of one
     * service at a time: its slowest service, by throughput or by its chain of dependent calls.
     */
    int criticalPath(int perService) {
        Map<String, Integer> byService = new TreeMap<>();
        budget().forEach((op, n) -> byService.merge(op.substring(0, op.indexOf(':')), n, Integer::sum));
        // list, then details, then (lambda) a second detail pass: the longest chains of dependent calls
        Map<String, Integer> chains = Map.of("elasticloadbalancing", 3, "lambda", 3, "ecs", 4, "dynamodb", 2,
                "sqs", 2, "states", 2);
        int worst = 0;
        for (Map.Entry<String, Integer> e : byService.entrySet()) {
            int throughput = (e.getValue() + perService - 1) / perService;
            worst = Math.max(worst, Math.max(throughput, chains.getOrDefault(e.getKey(), 1)));
        }
        return worst;
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }
}
