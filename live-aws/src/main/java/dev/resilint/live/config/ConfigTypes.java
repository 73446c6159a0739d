package dev.resilint.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.collect.services.Ec2Collector;
import dev.resilint.live.collect.services.SynthesizedTypes;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.autoscaling.AutoScalingGroupMapper;
import dev.resilint.live.map.dynamodb.TableMapper;
import dev.resilint.live.map.ec2.InstanceMapper;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.map.elb.LoadBalancerV2Mapper;
import dev.resilint.live.map.rds.DbClusterMapper;
import dev.resilint.live.map.rds.DbInstanceMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Which resource types the AWS Config aggregator source serves, and how.
 *
 * <p><b>Queryable.</b> {@link #QUERYABLE} lists the types resilint reads that
 * {@code SelectAggregateResourceConfig} can query, after the property files Config publishes for
 * advanced queries (awslabs/aws-config-resource-schema, {@code config/properties/resource-types},
 * at adf55132 of 2025-03-17): not queryable are, among the types resilint reads, target groups,
 * listener rules, ElastiCache clusters and replication groups, CloudFront cache policies, Lambda
 * event source mappings, aliases, versions, invoke configs and permissions, API Gateway methods,
 * deployments and authorizers, API Gateway v2 integrations and authorizers, DAX clusters and
 * parameter groups, SNS subscriptions, EventBridge Pipes, Scheduler schedules and EFS mount targets
 * (all of them: {@link #NOT_QUERYABLE}; {@code ConfigTypesTest} keeps both lists in step with the
 * collectors). Config records OpenSearch Service domains as {@code AWS::OpenSearch::Domain}, the
 * CloudFormation type {@code AWS::OpenSearchService::Domain}.
 *
 * <p><b>Mapped.</b> Of those, {@link #adapters()} map the types whose configuration item follows the
 * Describe API: subnets, security groups (with their ingress rules inline), standalone instances,
 * Auto Scaling groups, Application/Network Load Balancers (attributes from
 * {@code supplementaryConfiguration.LoadBalancerAttributes}), RDS DB instances and clusters, and
 * DynamoDB tables (point-in-time recovery from
 * {@code supplementaryConfiguration.ContinuousBackupsDescription}). Tags come from the item's
 * {@code tags}. The other queryable types (functions, queues, ECS, EKS, API Gateway stages,
 * CloudFront distributions, AppConfig environments, Route 53 health checks, ...) have configuration
 * items of other shapes, not mapped yet: like the types Config cannot query, they are gaps ({@code unsupported}), or read directly with
 * {@code --role-name}. {@link #SYNTHESIZED} are complete and empty, as in a direct scan.
 */
public final class ConfigTypes {

    /**
     * Types resilint reads that Config's advanced query can query (see the class comment), by their
     * CloudFormation names (Config calls OpenSearch domains {@code AWS::OpenSearch::Domain}).
     */
    public static final Set<String> QUERYABLE = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "AWS::AmazonMQ::Broker", "AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage",
            "AWS::AppConfig::Environment", "AWS::AutoScaling::AutoScalingGroup",
            "AWS::AutoScaling::LaunchConfiguration", "AWS::CloudFront::Distribution", "AWS::CloudWatch::Alarm",
            "AWS::CodeDeploy::DeploymentConfig", "AWS::CodeDeploy::DeploymentGroup", "AWS::DynamoDB::Table",
            "AWS::EC2::EC2Fleet", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::EC2::NatGateway",
            "AWS::EC2::RouteTable", "AWS::EC2::SecurityGroup", "AWS::EC2::SpotFleet", "AWS::EC2::Subnet",
            "AWS::EC2::SubnetRouteTableAssociation", "AWS::ECS::CapacityProvider", "AWS::ECS::Cluster",
            "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::EFS::FileSystem", "AWS::EKS::Cluster",
            "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::Elasticsearch::Domain", "AWS::Events::EventBus",
            "AWS::Events::Rule", "AWS::Lambda::Function", "AWS::OpenSearchService::Domain", "AWS::RDS::DBCluster",
            "AWS::RDS::DBInstance", "AWS::Route53::HealthCheck", "AWS::S3::Bucket", "AWS::SQS::Queue",
            "AWS::StepFunctions::StateMachine")));

    /**
     * Types resilint reads that Config's advanced query cannot query (no property file in
     * awslabs/aws-config-resource-schema at adf55132): every type a direct collector reads is in exactly
     * one of {@link #QUERYABLE}, this set and {@link #SYNTHESIZED}, so that a gap says the right reason.
     */
    public static final Set<String> NOT_QUERYABLE = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "AWS::ApiGateway::Authorizer", "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Method",
            "AWS::ApiGateway::UsagePlan", "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Integration",
            "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::CloudFront::CachePolicy",
            "AWS::CloudWatch::CompositeAlarm", "AWS::DAX::Cluster", "AWS::DAX::ParameterGroup", "AWS::EC2::Route",
            "AWS::EC2::SecurityGroupIngress", "AWS::EFS::MountTarget", "AWS::ElastiCache::CacheCluster",
            "AWS::ElastiCache::ParameterGroup", "AWS::ElastiCache::ReplicationGroup",
            "AWS::ElastiCache::ServerlessCache", "AWS::ElasticLoadBalancingV2::ListenerRule",
            "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig",
            "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission", "AWS::Lambda::Version", "AWS::Pipes::Pipe",
            "AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup", "AWS::SNS::Subscription",
            "AWS::Scheduler::Schedule")));

    /** Types a live account holds none of: complete and empty from any source. */
    public static final Set<String> SYNTHESIZED = Set.of(SynthesizedTypes.NESTED_STACK, SynthesizedTypes.GLOBAL_TABLE);

    private static final Map<String, ConfigAdapter> ADAPTERS = adapterMap();

    private ConfigTypes() {
    }

    /** The adapter of each Config type resilint maps, by type. */
    public static Map<String, ConfigAdapter> adapters() {
        return ADAPTERS;
    }

    /** Every CloudFormation type the source serves: the mapped ones, their inline parts, the synthesized. */
    public static Set<String> served() {
        Set<String> served = new TreeSet<>(SYNTHESIZED);
        ADAPTERS.values().forEach(a -> served.addAll(a.types()));
        return served;
    }

    /** Why the source does not serve {@code type}. */
    public static String whyNot(String type) {
        return QUERYABLE.contains(type)
                ? "resilint does not map AWS Config's configuration items of this type yet"
                : "AWS Config's SelectAggregateResourceConfig cannot query this type";
    }

    private static Map<String, ConfigAdapter> adapterMap() {
        List<ConfigAdapter> all = new ArrayList<>();
        all.add(ConfigAdapter.of(SubnetMapper.TYPE, List.of("subnetId", "availabilityZone"), Subnet::builder,
                m -> Optional.of(SubnetMapper.map(m.item().scope(), m.model()))));
        all.add(new SecurityGroups());
        all.add(ConfigAdapter.of(InstanceMapper.TYPE, List.of("instanceId", "placement", "state"), Instance::builder,
                m -> InstanceMapper.map(m.item().scope(), m.model())));
        all.add(new AutoScalingGroups());
        all.add(new LoadBalancers());
        all.add(new Rds(DbInstanceMapper.TYPE));
        all.add(new Rds(DbClusterMapper.TYPE));
        all.add(new Tables());
        Map<String, ConfigAdapter> byType = new LinkedHashMap<>();
        all.stream().sorted((a, b) -> a.type().compareTo(b.type())).forEach(a -> byType.put(a.type(), a));
        return Collections.unmodifiableMap(byType);
    }

    /**
     * Security groups. Config writes each permission's IPv4 ranges twice: {@code ipRanges} as plain
     * CIDR strings and {@code ipv4Ranges} as the API's {@code [{cidrIp, description}]}; the latter is
     * the Describe API's {@code ipRanges}. Ingress rules are inline, as in the direct scan.
     */
    static final class SecurityGroups extends ConfigAdapter {
        @Override
        public String type() {
            return SecurityGroupMapper.TYPE;
        }

        @Override
        public List<String> types() {
            return List.of(SecurityGroupMapper.TYPE, Ec2Collector.INGRESS);
        }

        @Override
        protected List<String> required() {
            return List.of("groupId", "ipPermissions");
        }

        @Override
        protected void prepare(ConfigItem item, ObjectNode configuration) {
            for (String list : List.of("ipPermissions", "ipPermissionsEgress")) {
                JsonNode permissions = member(configuration, list);
                if (permissions == null || !permissions.isArray()) {
                    continue;
                }
                for (JsonNode p : permissions) {
                    if (!(p instanceof ObjectNode perm)) {
                        continue;
                    }
                    JsonNode v4 = member(perm, "ipv4Ranges");
                    JsonNode ranges = member(perm, "ipRanges");
                    if (v4 != null && v4.isArray()) {
                        perm.remove("ipv4Ranges");
                        perm.set("ipRanges", v4);
                    } else if (ranges != null && ranges.isArray()) {
                        ArrayNode objects = perm.arrayNode();
                        ranges.forEach(r -> {
                            if (r.isTextual()) {
                                objects.addObject().put("cidrIp", r.asText());
                            } else {
                                objects.add(r);
                            }
                        });
                        perm.set("ipRanges", objects);
                    }
                }
            }
        }

        @Override
        protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
            SecurityGroup g = convert(configuration, SecurityGroup::builder, "", mismatches);
            return Optional.of(SecurityGroupMapper.map(item.scope(), g));
        }
    }

    /**
     * Auto Scaling groups: the item's {@code configuration} has no tags; its {@code tags} are the
     * group's (without {@code PropagateAtLaunch}, which Config does not say).
     */
    static final class AutoScalingGroups extends ConfigAdapter {
        @Override
        public String type() {
            return AutoScalingGroupMapper.TYPE;
        }

        @Override
        protected List<String> required() {
            return List.of("autoScalingGroupName", "autoScalingGroupARN", "minSize", "maxSize", "availabilityZones");
        }

        @Override
        protected void prepare(ConfigItem item, ObjectNode configuration) {
            putTags(item, configuration, "tags");
        }

        @Override
        protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
            AutoScalingGroup g = convert(configuration, AutoScalingGroup::builder, "", mismatches);
            return Optional.of(AutoScalingGroupMapper.map(item.scope(), g));
        }
    }

    /**
     * Application, Network and Gateway Load Balancers: the attributes the direct collector reads with
     * {@code DescribeLoadBalancerAttributes} are the item's
     * {@code supplementaryConfiguration.LoadBalancerAttributes} ({@code [{key, value}]}); an item
     * without them is unread for what they would say, as a failed attribute call leaves it.
     */
    static final class LoadBalancers extends ConfigAdapter {
        @Override
        public String type() {
            return LoadBalancerV2Mapper.TYPE;
        }

        @Override
        protected List<String> required() {
            return List.of("loadBalancerArn", "type", "scheme", "availabilityZones");
        }

        @Override
        protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
            LoadBalancer lb = convert(configuration, LoadBalancer::builder, "", mismatches);
            TagLookup tags = TagLookup.of(Map.of(lb.loadBalancerArn() == null ? "" : lb.loadBalancerArn(), item.tags()));
            JsonNode attributes = member(item.supplementary(), "LoadBalancerAttributes");
            if (attributes == null || !attributes.isArray()) {
                return Optional.of(LoadBalancerV2Mapper.map(item.scope(), lb, null, tags)
                        .withUnread(Value.unknown(Value.Reason.NOT_COLLECTED, "AWS Config: its configuration item has "
                                + "no supplementaryConfiguration.LoadBalancerAttributes")));
            }
            List<LoadBalancerAttribute> list = new ArrayList<>();
            for (int i = 0; i < attributes.size(); i++) {
                list.add(convert(attributes.get(i), LoadBalancerAttribute::builder,
                        "supplementaryConfiguration.LoadBalancerAttributes[" + i + "]", mismatches));
            }
            return Optional.of(LoadBalancerV2Mapper.map(item.scope(), lb, list, tags));
        }
    }

    /**
     * RDS DB instances and clusters: the item's {@code configuration} has no {@code tagList}; its
     * {@code tags} are the resource's.
     */
    static final class Rds extends ConfigAdapter {
        private final String type;

        Rds(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        protected List<String> required() {
            return type.equals(DbInstanceMapper.TYPE)
                    ? List.of("dBInstanceIdentifier", "engine", "multiAZ", "backupRetentionPeriod", "deletionProtection")
                    : List.of("dBClusterIdentifier", "engine", "backupRetentionPeriod", "deletionProtection");
        }

        @Override
        protected void prepare(ConfigItem item, ObjectNode configuration) {
            putTags(item, configuration, "tagList");
        }

        @Override
        protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
            if (type.equals(DbInstanceMapper.TYPE)) {
                return DbInstanceMapper.map(item.scope(), convert(configuration, DBInstance::builder, "", mismatches));
            }
            return DbClusterMapper.map(item.scope(), convert(configuration, DBCluster::builder, "", mismatches));
        }
    }

    /**
     * DynamoDB tables: {@code DescribeTable}'s answer is the {@code configuration};
     * {@code DescribeContinuousBackups}' is {@code supplementaryConfiguration.ContinuousBackupsDescription},
     * without which only point-in-time recovery is unknown, as when that call fails directly.
     */
    static final class Tables extends ConfigAdapter {
        @Override
        public String type() {
            return TableMapper.TYPE;
        }

        @Override
        protected List<String> required() {
            return List.of("tableName", "tableStatus", "deletionProtectionEnabled");
        }

        @Override
        protected Optional<LiveResource> map(ConfigItem item, ObjectNode configuration, List<String> mismatches) {
            TableDescription table = convert(configuration, TableDescription::builder, "", mismatches);
            String name = table.tableName() != null ? table.tableName() : item.resourceName();
            String arn = table.tableArn() != null ? table.tableArn() : TableMapper.arn(item.scope(), name);
            JsonNode backups = member(item.supplementary(), "ContinuousBackupsDescription");
            ContinuousBackupsDescription described = null;
            Value.Unknown missing = null;
            if (backups != null && backups.isObject()) {
                described = convert(backups, ContinuousBackupsDescription::builder,
                        "supplementaryConfiguration.ContinuousBackupsDescription", mismatches);
            } else {
                missing = Value.unknown(Value.Reason.NOT_COLLECTED,
                        "AWS Config: its configuration item has no supplementaryConfiguration.ContinuousBackupsDescription");
            }
            return TableMapper.map(item.scope(), name, table, described, missing, TagLookup.of(Map.of(arn, item.tags())));
        }
    }
}
