package dev.resilint.live.config;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeConfig;
import dev.resilint.live.fake.FakeRegion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account region's resources, served twice by the fake: by the services' own APIs, as the
 * direct collectors read them, and as AWS Config's configuration items in an aggregator, written
 * the way Config writes them (the Describe API's answer with camelCase member names; the quirks
 * of each type: security groups' {@code ipv4Ranges} and plain-string {@code ipRanges}, RDS
 * clusters' {@code dbcluster...} names, tags in the item's {@code tags} instead of the
 * configuration, load balancer attributes and table backups in {@code supplementaryConfiguration}).
 * Resources are given as trees by the SDK model's member names, as the fake takes them.
 */
final class TwinAccount {

    private final FakeRegion region;
    private final FakeConfig config;
    private final String account;
    private final String name;
    private final Map<String, List<Object>> lists = new LinkedHashMap<>();
    private Instant captured = Instant.now().minusSeconds(3600);

    TwinAccount(FakeAws fake, FakeConfig config, String account, String region) {
        this.region = fake.account(account).region(region);
        this.config = config;
        this.account = account;
        this.name = region;
    }

    /** The capture time of the items added from now on (an hour ago by default). */
    TwinAccount capturedAt(Instant time) {
        captured = time;
        return this;
    }

    TwinAccount subnet(Map<String, Object> subnet) {
        list("ec2", "DescribeSubnets", subnet);
        return item("AWS::EC2::Subnet", (String) subnet.get("SubnetId"), (String) subnet.get("SubnetArn"),
                camel(subnet), Map.of(), tags(subnet.get("Tags")));
    }

    TwinAccount securityGroup(Map<String, Object> group) {
        list("ec2", "DescribeSecurityGroups", group);
        Map<String, Object> configuration = camel(group);
        for (Object p : (List<?>) configuration.getOrDefault("ipPermissions", List.of())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> perm = (Map<String, Object>) p;
            List<?> ranges = (List<?>) perm.getOrDefault("ipRanges", List.of());
            perm.put("ipv4Ranges", ranges);
            perm.put("ipRanges", ranges.stream().map(r -> ((Map<?, ?>) r).get("cidrIp")).toList());
        }
        String id = (String) group.get("GroupId");
        return item("AWS::EC2::SecurityGroup", id, "arn:aws:ec2:" + name + ":" + account + ":security-group/" + id,
                configuration, Map.of(), tags(group.get("Tags")));
    }

    TwinAccount instance(Map<String, Object> instance) {
        list("ec2", "DescribeInstances", Map.of("ReservationId", "r-" + instance.get("InstanceId"),
                "Instances", List.of(instance)));
        String id = (String) instance.get("InstanceId");
        return item("AWS::EC2::Instance", id, "arn:aws:ec2:" + name + ":" + account + ":instance/" + id,
                camel(instance), Map.of(), tags(instance.get("Tags")));
    }

    TwinAccount autoScalingGroup(Map<String, Object> group) {
        list("autoscaling", "DescribeAutoScalingGroups", group);
        Map<String, Object> configuration = camel(group);
        Object tags = configuration.remove("tags");
        configuration.put("vpczoneIdentifier", configuration.remove("vPCZoneIdentifier"));
        return item("AWS::AutoScaling::AutoScalingGroup", (String) group.get("AutoScalingGroupName"),
                (String) group.get("AutoScalingGroupARN"), configuration, Map.of(), tags(tags));
    }

    /** A load balancer with its attributes ({@code Key}, {@code Value}) and tags. */
    TwinAccount loadBalancer(Map<String, Object> lb, List<Map<String, Object>> attributes, Map<String, String> tags) {
        list("elbv2", "DescribeLoadBalancers", lb);
        String arn = (String) lb.get("LoadBalancerArn");
        region.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", arn, Map.of("Attributes", attributes));
        list("elbv2", "DescribeTags", Map.of("ResourceArn", arn, "Tags", tagList(tags)));
        region.batch("elbv2", "DescribeTags", "ResourceArns", "TagDescriptions", "ResourceArn", lists.get("elbv2/DescribeTags"));
        return item("AWS::ElasticLoadBalancingV2::LoadBalancer", arn, arn, camel(lb),
                Map.of("LoadBalancerAttributes", camelList(attributes)), tags);
    }

    TwinAccount dbInstance(Map<String, Object> db) {
        list("rds", "DescribeDBInstances", db);
        Map<String, Object> configuration = camel(db);
        Object tags = configuration.remove("tagList");
        return item("AWS::RDS::DBInstance", (String) db.get("DBInstanceIdentifier"), (String) db.get("DBInstanceArn"),
                configuration, Map.of(), tags(tags));
    }

    TwinAccount dbCluster(Map<String, Object> cluster) {
        list("rds", "DescribeDBClusters", cluster);
        Map<String, Object> configuration = new LinkedHashMap<>();
        // Config writes the DBCluster members in lower case: dbclusterIdentifier, dbclusterArn, dbsubnetGroup
        camel(cluster).forEach((k, v) -> configuration.put(k.startsWith("dBCluster") ? "dbcluster" + k.substring(9)
                : k.startsWith("dBSubnet") ? "dbsubnet" + k.substring(8) : k, v));
        Object tags = configuration.remove("tagList");
        return item("AWS::RDS::DBCluster", (String) cluster.get("DBClusterIdentifier"),
                (String) cluster.get("DBClusterArn"), configuration, Map.of(), tags(tags));
    }

    /** A table with its point-in-time recovery and tags. */
    TwinAccount table(Map<String, Object> table, boolean pitr, Map<String, String> tags) {
        String tableName = (String) table.get("TableName");
        String arn = (String) table.get("TableArn");
        list("dynamodb", "ListTables", tableName);
        region.answer("dynamodb", "DescribeTable", "TableName", tableName, Map.of("Table", table));
        Map<String, Object> backups = Map.of("ContinuousBackupsStatus", "ENABLED", "PointInTimeRecoveryDescription",
                Map.of("PointInTimeRecoveryStatus", pitr ? "ENABLED" : "DISABLED"));
        region.answer("dynamodb", "DescribeContinuousBackups", "TableName", tableName,
                Map.of("ContinuousBackupsDescription", backups));
        region.answer("dynamodb", "ListTagsOfResource", "ResourceArn", arn, Map.of("Tags", tagList(tags)));
        return item("AWS::DynamoDB::Table", tableName, arn, camel(table),
                Map.of("ContinuousBackupsDescription", camel(backups)), tags);
    }

    /** The configuration recorder of the account region, recording every supported type. */
    TwinAccount recorder() {
        config.recorder(account, name, true, List.of());
        return this;
    }

    private TwinAccount item(String type, String id, String arn, Map<String, Object> configuration,
            Map<String, Object> supplementary, Map<String, String> tags) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("accountId", account);
        item.put("awsRegion", name);
        item.put("resourceType", type);
        item.put("resourceId", id);
        item.put("resourceName", id);
        item.put("arn", arn);
        item.put("configurationItemCaptureTime", captured.toString());
        item.put("configurationItemStatus", "OK");
        item.put("configuration", configuration);
        item.put("supplementaryConfiguration", supplementary);
        item.put("tags", tags);
        config.item(item);
        return this;
    }

    private void list(String service, String operation, Object item) {
        List<Object> all = lists.computeIfAbsent(service + "/" + operation, k -> new ArrayList<>());
        all.add(item);
        if (!operation.equals("DescribeTags")) {
            region.items(service, operation, List.copyOf(all));
        }
    }

    /** Config's camelCase: each member's first letter in lower case, all the way down. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> camel(Map<String, ?> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        tree.forEach((k, v) -> out.put(Character.toLowerCase(k.charAt(0)) + k.substring(1), camelValue(v)));
        return out;
    }

    private static List<Object> camelList(List<?> list) {
        return list.stream().map(TwinAccount::camelValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object camelValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return camel((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(camelList(l));
        }
        return v;
    }

    private static Map<String, String> tags(Object list) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (list instanceof List<?> l) {
            for (Object t : l) {
                Map<?, ?> m = (Map<?, ?>) t;
                Object key = m.containsKey("Key") ? m.get("Key") : m.get("key");
                Object value = m.containsKey("Value") ? m.get("Value") : m.get("value");
                tags.put(String.valueOf(key), value == null ? "" : String.valueOf(value));
            }
        }
        return tags;
    }

    private static List<Map<String, String>> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Map.of("Key", e.getKey(), "Value", e.getValue())).toList();
    }
}
