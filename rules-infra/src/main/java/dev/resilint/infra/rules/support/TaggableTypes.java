package dev.resilint.infra.rules.support;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Common CloudFormation resource types that take tags, with the property that holds them and its
 * shape. A static, deliberately incomplete list (the types a resilience review meets most); a type
 * that is not here is never judged by {@link RequiredTagsMissing}.
 *
 * <p>Shapes: most types take a list of {@code {Key, Value}} ({@code AWS::AutoScaling::AutoScalingGroup}
 * items also carry {@code PropagateAtLaunch}, which does not change whether the group has the tag);
 * some take a map of key to value ({@code AWS::SSM::Parameter}, API Gateway V2, MSK). SAM resources
 * are already expanded when rules run: {@code AWS::Serverless::Function}, {@code StateMachine},
 * {@code SimpleTable} and {@code Api} (whose tags go to its stage) have become list-tagged
 * CloudFormation types, and {@code HttpApi} a map-tagged API Gateway V2 API and stage. EFS file
 * systems hold their tags in {@code FileSystemTags}. Left out on purpose:
 * {@code AWS::EC2::LaunchTemplate} (tagged through {@code TagSpecifications}) and
 * {@code AWS::DynamoDB::GlobalTable} (tagged per replica).
 */
public final class TaggableTypes {

    /** How a type holds its tags. */
    public enum Shape {
        /** A list of {@code {Key, Value}} maps. */
        LIST,
        /** A map of key to value. */
        MAP
    }

    /** The tag property of a type and its shape. */
    public record Tagging(String property, Shape shape) {
    }

    private static final Map<String, Tagging> TYPES = new TreeMap<>();

    static {
        list("AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::VPC", "AWS::EC2::Subnet",
                "AWS::EC2::SecurityGroup", "AWS::EC2::InternetGateway", "AWS::EC2::NatGateway", "AWS::EC2::EIP",
                "AWS::EC2::RouteTable", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkInterface",
                "AWS::EC2::TransitGateway", "AWS::EC2::VPNGateway", "AWS::EC2::CustomerGateway");
        list("AWS::AutoScaling::AutoScalingGroup");
        list("AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer",
                "AWS::ElasticLoadBalancingV2::TargetGroup");
        list("AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup",
                "AWS::RDS::DBClusterParameterGroup");
        list("AWS::DocDB::DBCluster", "AWS::DocDB::DBInstance", "AWS::Neptune::DBCluster");
        list("AWS::DynamoDB::Table");
        list("AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster");
        list("AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Kinesis::Stream", "AWS::AmazonMQ::Broker");
        list("AWS::Lambda::Function", "AWS::StepFunctions::StateMachine");
        list("AWS::ECS::Cluster", "AWS::ECS::Service", "AWS::ECS::TaskDefinition", "AWS::EKS::Cluster");
        list("AWS::S3::Bucket", "AWS::FSx::FileSystem", "AWS::KMS::Key", "AWS::SecretsManager::Secret",
                "AWS::Logs::LogGroup");
        list("AWS::CloudFront::Distribution", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage");
        list("AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain");
        TYPES.put("AWS::EFS::FileSystem", new Tagging("FileSystemTags", Shape.LIST));
        map("AWS::SSM::Parameter", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage", "AWS::MSK::Cluster");
    }

    private TaggableTypes() {
    }

    private static void list(String... types) {
        for (String type : types) {
            TYPES.put(type, new Tagging("Tags", Shape.LIST));
        }
    }

    private static void map(String... types) {
        for (String type : types) {
            TYPES.put(type, new Tagging("Tags", Shape.MAP));
        }
    }

    /** How {@code type} holds its tags; empty for a type that is not in the list. */
    public static Optional<Tagging> of(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** Every type in the list, sorted. */
    public static String[] types() {
        return TYPES.keySet().toArray(String[]::new);
    }
}
