package dev.resilint.live;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.services.ApiGatewayCollector;
import dev.resilint.live.collect.services.AppConfigCollector;
import dev.resilint.live.collect.services.ApiGatewayV2Collector;
import dev.resilint.live.collect.services.ApplicationAutoScalingCollector;
import dev.resilint.live.collect.services.AutoScalingCollector;
import dev.resilint.live.collect.services.ClassicElbCollector;
import dev.resilint.live.collect.services.CloudFrontCollector;
import dev.resilint.live.collect.services.CloudWatchCollector;
import dev.resilint.live.collect.services.CodeDeployCollector;
import dev.resilint.live.collect.services.DaxCollector;
import dev.resilint.live.collect.services.DynamoDbCollector;
import dev.resilint.live.collect.services.Ec2Collector;
import dev.resilint.live.collect.services.EfsCollector;
import dev.resilint.live.collect.services.EcsCollector;
import dev.resilint.live.collect.services.EksCollector;
import dev.resilint.live.collect.services.ElastiCacheCollector;
import dev.resilint.live.collect.services.ElbV2Collector;
import dev.resilint.live.collect.services.EventBridgeCollector;
import dev.resilint.live.collect.services.LambdaCollector;
import dev.resilint.live.collect.services.MqCollector;
import dev.resilint.live.collect.services.OpenSearchCollector;
import dev.resilint.live.collect.services.PipesCollector;
import dev.resilint.live.collect.services.RdsCollector;
import dev.resilint.live.collect.services.Route53Collector;
import dev.resilint.live.collect.services.S3Collector;
import dev.resilint.live.collect.services.SchedulerCollector;
import dev.resilint.live.collect.services.SnsCollector;
import dev.resilint.live.collect.services.SqsCollector;
import dev.resilint.live.collect.services.StepFunctionsCollector;
import dev.resilint.live.collect.services.SynthesizedTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every collector of the live source. Add a new one here, and its types to {@link #TYPES}.
 *
 * <p>The collectors are created on first use: their classes name the AWS SDK's, which a run that
 * only reads templates (and asks only which rules run live) should not load.
 */
public final class Collectors {

    /** The types the collectors read, sorted ({@code CollectorsTest} keeps it equal to theirs). */
    private static final Set<String> TYPES = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "AWS::AmazonMQ::Broker",
            "AWS::ApiGateway::Authorizer", "AWS::ApiGateway::Deployment", "AWS::ApiGateway::Method", "AWS::ApiGateway::Stage",
            "AWS::ApiGateway::UsagePlan",
            "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Integration",
            "AWS::ApiGatewayV2::Stage",
            "AWS::AppConfig::Environment",
            "AWS::ApplicationAutoScaling::ScalableTarget",
            "AWS::AutoScaling::AutoScalingGroup", "AWS::AutoScaling::LaunchConfiguration",
            "AWS::CloudFormation::Stack",
            "AWS::CloudFront::CachePolicy", "AWS::CloudFront::Distribution",
            "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm",
            "AWS::CodeDeploy::DeploymentConfig", "AWS::CodeDeploy::DeploymentGroup",
            "AWS::DAX::Cluster", "AWS::DAX::ParameterGroup",
            "AWS::DynamoDB::GlobalTable", "AWS::DynamoDB::Table",
            "AWS::EC2::EC2Fleet", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::EC2::NatGateway", "AWS::EC2::Route",
            "AWS::EC2::RouteTable", "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SpotFleet",
            "AWS::EC2::Subnet", "AWS::EC2::SubnetRouteTableAssociation",
            "AWS::ECS::CapacityProvider", "AWS::ECS::Cluster", "AWS::ECS::Service", "AWS::ECS::TaskDefinition",
            "AWS::EFS::FileSystem", "AWS::EFS::MountTarget",
            "AWS::EKS::Cluster",
            "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ParameterGroup", "AWS::ElastiCache::ReplicationGroup",
            "AWS::ElastiCache::ServerlessCache",
            "AWS::ElasticLoadBalancing::LoadBalancer",
            "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::Elasticsearch::Domain",
            "AWS::Events::EventBus", "AWS::Events::Rule",
            "AWS::Lambda::Alias", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Function",
            "AWS::Lambda::Permission", "AWS::Lambda::Version",
            "AWS::OpenSearchService::Domain",
            "AWS::Pipes::Pipe",
            "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
            "AWS::Route53::HealthCheck", "AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup",
            "AWS::S3::Bucket",
            "AWS::SNS::Subscription",
            "AWS::SQS::Queue",
            "AWS::Scheduler::Schedule",
            "AWS::StepFunctions::StateMachine")));

    private static final class Holder {
        static final List<Collector> ALL = List.of(
            new ApiGatewayCollector(),
            new ApiGatewayV2Collector(),
            new AppConfigCollector(),
            new ApplicationAutoScalingCollector(),
            new AutoScalingCollector(),
            new ClassicElbCollector(),
            new CloudFrontCollector(),
            new CloudWatchCollector(),
            new CodeDeployCollector(),
            new DaxCollector(),
            new DynamoDbCollector(),
            new Ec2Collector(),
            new EcsCollector(),
            new EfsCollector(),
            new EksCollector(),
            new ElastiCacheCollector(),
            new ElbV2Collector(),
            new EventBridgeCollector(),
            new LambdaCollector(),
            new MqCollector(),
            new OpenSearchCollector(),
            new PipesCollector(),
            new RdsCollector(),
            new S3Collector(),
            new Route53Collector(),
            new SchedulerCollector(),
            new SnsCollector(),
            new SqsCollector(),
            new StepFunctionsCollector(),
            new SynthesizedTypes())
            .stream().sorted(Comparator.comparing(Collector::service).thenComparing(c -> c.getClass().getSimpleName()))
            .toList();
    }

    private Collectors() {
    }

    public static List<Collector> all() {
        return Holder.ALL;
    }

    /** Every type some collector reads, without loading the collectors. */
    public static Set<String> types() {
        return TYPES;
    }

    /** Every IAM action some collector may call, sorted. */
    public static List<String> actions() {
        Set<String> actions = new TreeSet<>();
        Holder.ALL.forEach(c -> actions.addAll(c.actions()));
        return new ArrayList<>(actions);
    }
}
