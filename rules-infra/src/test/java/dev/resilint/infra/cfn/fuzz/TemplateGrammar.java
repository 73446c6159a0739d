package dev.resilint.infra.cfn.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.rules.InfraRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds templates from a small grammar, choosing each production with the fuzzer's data: a
 * template has parameters (with defaults and allowed values or without), conditions, mappings,
 * SAM globals and a transform, resources of the types the rules read (and SAM's, nested stacks,
 * unknown ones), resource attributes ({@code Condition}, {@code DependsOn}, deletion policies,
 * Metadata with suppressions of every syntax) and outputs. Values are scalars from a dictionary of
 * the words rules look at, lists, maps with property names of the rules' types, and every
 * intrinsic function (long form, or short-form tags the loader's normalization rewrites), nested
 * to a bounded depth, referring to the template's own parameters, conditions, mappings and
 * resources, and now and then to ones that do not exist.
 */
public final class TemplateGrammar {

    /** The resource types the rules read, SAM's, a nested stack, and types nobody reads. */
    static final List<String> TYPES;

    static {
        TreeSet<String> types = new TreeSet<>();
        InfraRules.metadata().forEach(m -> types.addAll(m.resourceTypes()));
        types.addAll(List.of("AWS::Serverless::Function", "AWS::Serverless::Api", "AWS::Serverless::HttpApi",
                "AWS::Serverless::SimpleTable", "AWS::Serverless::StateMachine", "AWS::CloudFormation::Stack",
                "AWS::S3::Bucket", "Custom::Thing", "AWS::EC2::VPC", "AWS::EC2::NatGateway"));
        TYPES = List.copyOf(types);
    }

    /** Property and key names the rules and the SAM transform read. */
    static final List<String> KEYS = List.of("MinSize", "MaxSize", "DesiredCapacity", "AvailabilityZones",
            "VPCZoneIdentifier", "HealthCheckType", "HealthCheckGracePeriod", "TargetGroupARNs", "LoadBalancerNames",
            "Subnets", "SubnetMappings", "SubnetId", "AvailabilityZone", "Type", "Scheme", "LoadBalancerAttributes",
            "Key", "Value", "Tags", "MultiAZ", "Engine", "EngineMode", "DBClusterIdentifier",
            "SourceDBInstanceIdentifier", "BackupRetentionPeriod", "DeletionProtection", "DeletionProtectionEnabled",
            "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled", "Replicas", "AutomaticFailoverEnabled",
            "MultiAZEnabled", "NumCacheClusters", "NumNodeGroups", "ReplicasPerNodeGroup", "RedrivePolicy",
            "deadLetterTargetArn", "maxReceiveCount", "VisibilityTimeout", "Timeout", "FunctionName",
            "EventSourceArn", "DefinitionString", "Definition", "DefinitionSubstitutions", "States", "Retry",
            "JitterStrategy", "BackoffRate", "IntervalSeconds", "MaxAttempts", "DeploymentConfiguration",
            "DeploymentCircuitBreaker", "Enable", "Rollback", "DeploymentController", "LoadBalancers",
            "AutoRollbackConfiguration", "Enabled", "Events", "AlarmConfiguration", "Alarms", "DistributionConfig",
            "DefaultCacheBehavior", "CacheBehaviors", "CachePolicyId", "DefaultTTL", "MaxTTL", "MinTTL",
            "CacheClusterEnabled", "MethodSettings", "CachingEnabled", "CacheTtlInSeconds", "StageName",
            "CrossZone", "CrossZoneLoadBalancing", "Listeners", "Instances", "SecurityGroups", "SecurityGroupIds",
            "SourceDestCheck", "NetworkInterfaces", "ImageId", "LaunchTemplate", "Handler", "Runtime", "CodeUri",
            "MemorySize", "DeadLetterQueue", "TargetArn", "Properties", "Queue", "Stream", "BatchSize",
            "DeploymentPreference", "AutoPublishAlias", "Globals", "Function", "Api", "PrimaryKey", "Name",
            "TemplateURL", "Parameters", "TimeoutInMinutes", "Endpoint", "IntegrationHttpMethod", "Uri",
            "TimeoutInMillis", "Integration", "ServiceRoleArn", "Cooldown", "Role", "VpcConfig", "ZoneName");

    /** Scalars the rules compare against, and some that are near misses. */
    static final List<String> WORDS = List.of("true", "false", "True", "FALSE", "yes", "0", "1", "2", "3", "-1",
            "1.5", "7", "35", "900", "30", "29000", "ELB", "EC2", "EC2,ELB", "application", "network", "gateway",
            "internet-facing", "internal", "aurora-mysql", "aurora-postgresql", "mysql", "postgres", "serverless",
            "provisioned", "eu-west-1a", "eu-west-1b", "us-east-1a", "use1-az1", "use1-az2", "subnet-123",
            "subnet-456", "sg-1", "deletion_protection.enabled", "load_balancing.cross_zone.enabled", "Retain",
            "Snapshot", "Delete", "RetainExceptOnDelete", "ECS", "CODE_DEPLOY", "EXTERNAL", "FULL", "NONE",
            "States.ALL", "Task", "Pass", "Parallel", "Map", "owner", "arn:aws:sqs:eu-west-1:111122223333:q",
            "arn:aws:lambda:eu-west-1:111122223333:function:f", "${AWS::Region}", "${Param0}", "${Res0.Arn}",
            "${!Literal}", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Retry\":[{\"ErrorEquals\":"
                    + "[\"States.ALL\"],\"MaxAttempts\":3}],\"End\":true}}}",
            "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:1:d\",\"maxReceiveCount\":5}", "", " ", "null", "~",
            "AZ04", "DR03", "RL01", "resilint:all", "é", "\u0000", "a".repeat(300));

    /** Pseudo parameters, for Ref. */
    static final List<String> PSEUDO = List.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::NoValue",
            "AWS::Partition", "AWS::URLSuffix", "AWS::NotificationARNs", "AWS::StackId");

    private static final Mark MARK = new Mark(1, 1);
    private static final int MAX_DEPTH = 5;

    private final FuzzedDataProvider data;
    private final List<String> resources = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final List<String> mappings = new ArrayList<>();
    private int budget = 400; // nodes, so that one input stays small and fast

    private TemplateGrammar(FuzzedDataProvider data) {
        this.data = data;
    }

    /** A template built from {@code data}. */
    public static MapNode template(FuzzedDataProvider data) {
        return new TemplateGrammar(data).template();
    }

    /** A value of the grammar, with names of a template that has a few of everything. */
    static Node value(FuzzedDataProvider data) {
        TemplateGrammar g = new TemplateGrammar(data);
        g.resources.addAll(List.of("Res0", "Res1"));
        g.parameters.add("Param0");
        g.conditions.add("Cond0");
        g.mappings.add("Map0");
        return g.value(0);
    }

    private MapNode template() {
        int resourceCount = data.consumeInt(1, 6);
        for (int i = 0; i < resourceCount; i++) {
            resources.add("Res" + i);
        }
        int parameterCount = data.consumeInt(0, 3);
        for (int i = 0; i < parameterCount; i++) {
            parameters.add("Param" + i);
        }
        int conditionCount = data.consumeInt(0, 2);
        for (int i = 0; i < conditionCount; i++) {
            conditions.add("Cond" + i);
        }
        if (data.consumeBoolean()) {
            mappings.add("Map0");
        }
        Map<String, Node> root = new LinkedHashMap<>();
        if (data.consumeBoolean()) {
            root.put("AWSTemplateFormatVersion", scalar("2010-09-09"));
        }
        boolean sam = data.consumeBoolean();
        if (sam) {
            root.put("Transform", data.consumeBoolean() ? scalar("AWS::Serverless-2016-10-31")
                    : list(List.of(scalar("AWS::Serverless-2016-10-31"), scalar("AWS::LanguageExtensions"))));
            if (data.consumeBoolean()) {
                root.put("Globals", map(ordered(pick(List.of("Function", "Api", "HttpApi", "SimpleTable",
                        "StateMachine")), properties(1))));
            }
        }
        if (!parameters.isEmpty()) {
            Map<String, Node> params = new LinkedHashMap<>();
            for (String p : parameters) {
                Map<String, Node> def = new LinkedHashMap<>();
                def.put("Type", scalar(pick(List.of("String", "Number", "CommaDelimitedList",
                        "List<AWS::EC2::Subnet::Id>", "AWS::EC2::AvailabilityZone::Name", "Bogus"))));
                if (data.consumeBoolean()) {
                    def.put("Default", data.consumeBoolean() ? scalar(word()) : value(3));
                }
                if (data.consumeBoolean()) {
                    def.put("AllowedValues", list(List.of(scalar(word()), scalar(word()))));
                }
                params.put(p, map(def));
            }
            root.put("Parameters", map(params));
        }
        if (!mappings.isEmpty()) {
            root.put("Mappings", map(ordered("Map0", map(ordered(pick(List.of("eu-west-1", "us-east-1", "Key")),
                    map(ordered("Value", value(3))))))));
        }
        if (!conditions.isEmpty()) {
            Map<String, Node> conds = new LinkedHashMap<>();
            for (String c : conditions) {
                conds.put(c, condition(0));
            }
            root.put("Conditions", map(conds));
        }
        Map<String, Node> res = new LinkedHashMap<>();
        for (String r : resources) {
            res.put(r, resource(sam));
        }
        root.put("Resources", map(res));
        if (data.consumeBoolean()) {
            root.put("Outputs", map(ordered("Out", map(ordered("Value", value(2))))));
        }
        if (data.consumeBoolean()) {
            root.put("Metadata", metadata());
        }
        return map(root);
    }

    private Node resource(boolean sam) {
        Map<String, Node> r = new LinkedHashMap<>();
        int shape = data.consumeInt(0, 19);
        if (shape == 0) {
            return value(1); // not a map, or a map without Type
        }
        r.put("Type", shape == 1 ? value(2) : scalar(pick(TYPES)));
        if (data.consumeBoolean()) {
            r.put("Properties", shape == 2 ? value(1) : properties(0));
        }
        if (!conditions.isEmpty() && data.consumeInt(0, 3) == 0) {
            r.put("Condition", scalar(data.consumeBoolean() ? pick(conditions) : "Missing"));
        }
        if (data.consumeInt(0, 3) == 0) {
            r.put("DependsOn", data.consumeBoolean() ? scalar(pick(resources)) : list(List.of(scalar(pick(resources)))));
        }
        if (data.consumeInt(0, 2) == 0) {
            r.put("DeletionPolicy", data.consumeBoolean() ? scalar(pick(List.of("Retain", "Snapshot", "Delete",
                    "RetainExceptOnDelete"))) : value(2));
        }
        if (data.consumeInt(0, 3) == 0) {
            r.put("UpdateReplacePolicy", scalar(pick(List.of("Retain", "Snapshot", "Delete"))));
        }
        if (data.consumeInt(0, 3) == 0) {
            r.put("Metadata", metadata());
        }
        return map(r);
    }

    /** Metadata with suppressions in each syntax resilint reads, well formed or not. */
    private Node metadata() {
        String id = pick(List.of("AZ04", "DR03", "LB01", "RL01", "XX99", "az04"));
        return switch (data.consumeInt(0, 4)) {
            case 0 -> map(ordered("resilint", map(ordered("suppress", list(List.of(map(ordered("id", scalar(id),
                    "reason", scalar(word()), "expires", scalar(pick(List.of("2027-03-31", "2001-01-01", "soon")))))))))));
            case 1 -> map(ordered("cfn-lint", map(ordered("config", map(ordered("ignore_checks",
                    list(List.of(scalar(id)))))))));
            case 2 -> map(ordered("cfn_nag", map(ordered("rules_to_suppress", list(List.of(map(ordered("id",
                    scalar(id), "reason", scalar(word())))))))));
            case 3 -> map(ordered("checkov", map(ordered("skip", list(List.of(map(ordered("id", scalar(id),
                    "comment", scalar(word())))))))));
            default -> map(ordered(pick(List.of("resilint", "aws:cdk:path", "cfn-lint")), value(2)));
        };
    }

    private MapNode properties(int depth) {
        Map<String, Node> props = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count && budget > 0; i++) {
            props.put(pick(KEYS), value(depth + 1));
        }
        return map(props);
    }

    private Node value(int depth) {
        budget--;
        if (depth >= MAX_DEPTH || budget <= 0) {
            return scalarValue();
        }
        return switch (data.consumeInt(0, 9)) {
            case 0, 1, 2 -> scalarValue();
            case 3 -> {
                List<Node> items = new ArrayList<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    items.add(value(depth + 1));
                }
                yield list(items);
            }
            case 4, 5 -> properties(depth);
            default -> intrinsic(depth);
        };
    }

    private Node scalarValue() {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> new ScalarNode(Integer.toString(data.consumeInt(-2, 100_000)), ScalarNode.Type.INTEGER, MARK, "");
            case 1 -> new ScalarNode(data.consumeBoolean() ? "true" : "False", ScalarNode.Type.BOOLEAN, MARK, "");
            case 2 -> new ScalarNode("", ScalarNode.Type.NULL, MARK, "");
            case 3 -> scalar(data.consumeString(20));
            default -> scalar(word());
        };
    }

    /** A call of an intrinsic function, in long form or as a short-form tag. */
    private Node intrinsic(int depth) {
        int fn = data.consumeInt(0, 17);
        String name;
        Node argument;
        switch (fn) {
            case 0, 1 -> {
                name = "Ref";
                argument = scalar(refTarget());
            }
            case 2, 3 -> {
                name = "Fn::GetAtt";
                String target = data.consumeInt(0, 5) == 0 ? "Nope" : pick(resources);
                String attribute = pick(List.of("Arn", "QueueName", "Endpoint.Address", "DNSName", "Outputs.X",
                        "StreamArn", "LoadBalancerFullName"));
                argument = data.consumeBoolean() ? list(List.of(scalar(target), scalar(attribute)))
                        : scalar(target + "." + attribute);
            }
            case 4 -> {
                name = "Fn::Sub";
                argument = data.consumeBoolean() ? scalar(pick(List.of("${AWS::Region}a", "${" + refTarget() + "}",
                        "${" + pick(resources) + ".Arn}", "arn:${AWS::Partition}:sqs:${AWS::Region}:1:q", "${", "${}")))
                        : list(List.of(scalar("${X}-${" + refTarget() + "}"), map(ordered("X", value(depth + 1)))));
            }
            case 5 -> {
                name = "Fn::Join";
                argument = list(List.of(scalar(pick(List.of("", ",", "-"))), data.consumeBoolean()
                        ? list(List.of(value(depth + 1), value(depth + 1))) : value(depth + 1)));
            }
            case 6 -> {
                name = "Fn::Split";
                argument = list(List.of(scalar(","), value(depth + 1)));
            }
            case 7 -> {
                name = "Fn::Select";
                argument = list(List.of(data.consumeBoolean() ? scalar(Integer.toString(data.consumeInt(-1, 5)))
                        : value(depth + 1), value(depth + 1)));
            }
            case 8 -> {
                name = "Fn::GetAZs";
                argument = data.consumeBoolean() ? scalar(pick(List.of("", "eu-west-1", "us-east-1")))
                        : value(depth + 1);
            }
            case 9 -> {
                name = "Fn::FindInMap";
                argument = list(List.of(scalar(mappings.isEmpty() || data.consumeBoolean() ? "Map0" : "NoMap"),
                        data.consumeBoolean() ? scalar(pick(List.of("eu-west-1", "Key"))) : value(depth + 1),
                        scalar("Value")));
            }
            case 10, 11 -> {
                name = "Fn::If";
                argument = list(List.of(scalar(conditions.isEmpty() || data.consumeInt(0, 4) == 0 ? "NoCond"
                        : pick(conditions)), value(depth + 1), data.consumeBoolean() ? map(ordered("Ref",
                        scalar("AWS::NoValue"))) : value(depth + 1)));
            }
            case 12 -> {
                name = "Fn::ImportValue";
                argument = value(depth + 1);
            }
            case 13 -> {
                name = "Fn::Base64";
                argument = value(depth + 1);
            }
            case 14 -> {
                name = pick(List.of("Fn::Cidr", "Fn::Length", "Fn::ToJsonString", "Fn::Transform", "Fn::ForEach::X"));
                argument = value(depth + 1);
            }
            case 15 -> {
                name = "Condition";
                argument = scalar(conditions.isEmpty() ? "NoCond" : pick(conditions));
            }
            case 16 -> {
                name = pick(List.of("Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not"));
                argument = list(List.of(value(depth + 1), value(depth + 1)));
            }
            default -> {
                return map(ordered(pick(List.of("Fn::Bogus", "Rain::Embed", "Ref")), list(List.of(value(depth + 1)))));
            }
        }
        if (data.consumeInt(0, 3) == 0 && !name.startsWith("Fn::ForEach")) { // short form: !GetAtt A.B, !Ref X
            String tag = name.startsWith("Fn::") ? name.substring(4) : name;
            return tagged(argument, tag);
        }
        return map(ordered(name, argument));
    }

    /** A condition expression (the value of a Conditions entry). */
    private Node condition(int depth) {
        if (depth >= 3) {
            return map(ordered("Fn::Equals", list(List.of(map(ordered("Ref", scalar(refTarget()))), scalar(word())))));
        }
        return switch (data.consumeInt(0, 5)) {
            case 0, 1 -> map(ordered("Fn::Equals", list(List.of(value(depth + 2), value(depth + 2)))));
            case 2 -> map(ordered("Fn::Not", list(List.of(condition(depth + 1)))));
            case 3 -> map(ordered(data.consumeBoolean() ? "Fn::And" : "Fn::Or",
                    list(List.of(condition(depth + 1), condition(depth + 1)))));
            case 4 -> map(ordered("Condition", scalar(pick(conditions))));
            default -> value(depth + 1);
        };
    }

    private String refTarget() {
        return switch (data.consumeInt(0, 6)) {
            case 0, 1 -> parameters.isEmpty() ? pick(PSEUDO) : pick(parameters);
            case 2, 3 -> pick(resources);
            case 4 -> pick(PSEUDO);
            case 5 -> "Missing";
            default -> "AWS::NoValue";
        };
    }

    private Node tagged(Node node, String tag) {
        if (node instanceof MapNode m) {
            List<MapNode.Entry> entries = new ArrayList<>();
            m.entries().forEach(entries::add);
            return new MapNode(entries, MARK, tag);
        }
        if (node instanceof ListNode l) {
            return new ListNode(l.items(), MARK, tag);
        }
        ScalarNode s = (ScalarNode) node;
        return new ScalarNode(s.text(), s.type(), MARK, tag);
    }

    private String word() {
        return data.consumeInt(0, 9) == 0 ? data.consumeString(12) : pick(WORDS);
    }

    private <T> T pick(List<T> items) {
        return data.pickValue(items);
    }

    static ScalarNode scalar(String text) {
        return ScalarNode.string(text, MARK);
    }

    static ListNode list(List<Node> items) {
        return new ListNode(items, MARK, "");
    }

    /** Keys and values in order (Map.of's order changes from one JVM to the next: inputs must replay). */
    static Map<String, Node> ordered(Object... keysAndValues) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
        }
        return map;
    }

    static MapNode map(Map<String, Node> entries) {
        List<MapNode.Entry> list = new ArrayList<>();
        entries.forEach((k, v) -> list.add(new MapNode.Entry(k, MARK, v)));
        return new MapNode(list, MARK, "");
    }
}
