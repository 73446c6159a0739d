package dev.resilint.live.map.ecs;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;

/**
 * {@code DescribeServices} items as {@code AWS::ECS::Service}. The API is camelCase where
 * CloudFormation is PascalCase ({@code deploymentConfiguration.deploymentCircuitBreaker.enable}
 * becomes {@code DeploymentConfiguration.DeploymentCircuitBreaker.Enable}); references: the
 * cluster, the task definition (by ARN), target groups and classic load balancers, subnets and
 * security groups of {@code NetworkConfiguration.AwsvpcConfiguration}, capacity providers by name.
 * {@code placementStrategy} becomes {@code PlacementStrategies} (absent when the service has none,
 * as the API then answers an empty list).
 *
 * <p>Live semantics: the API has no {@code serviceConnectConfiguration} on the service itself; the
 * configuration in force is the one of the {@code PRIMARY} deployment, which becomes the service's
 * {@code ServiceConnectConfiguration} (absent when that deployment has none). A service whose status
 * is {@code INACTIVE} has been deleted and is left out.
 */
public final class EcsServiceMapper {

    public static final String TYPE = "AWS::ECS::Service";
    static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";
    static final String SUBNET = "AWS::EC2::Subnet";
    static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";

    private EcsServiceMapper() {
    }

    /** The service, or empty when it was deleted ({@code INACTIVE}). */
    public static Optional<LiveResource> map(Scope scope, Service s) {
        if ("INACTIVE".equals(s.status())) {
            return Optional.empty();
        }
        Props p = Props.map()
                .put("ServiceName", s.serviceName())
                .ref("Cluster", s.clusterArn(), EcsClusterMapper.TYPE)
                .ref("TaskDefinition", s.taskDefinition(), TaskDefinitionMapper.TYPE)
                .put("LaunchType", s.launchTypeAsString())
                .list("CapacityProviderStrategy", strategy(s.capacityProviderStrategy()))
                .list("PlacementStrategies", s.placementStrategy().stream().map(EcsServiceMapper::placement).toList())
                .put("DesiredCount", s.desiredCount())
                .put("SchedulingStrategy", s.schedulingStrategyAsString())
                .put("PlatformVersion", s.platformVersion())
                .put("HealthCheckGracePeriodSeconds", s.healthCheckGracePeriodSeconds())
                .put("Role", s.roleArn())
                .put("DeploymentConfiguration", deploymentConfiguration(s.deploymentConfiguration()))
                .put("DeploymentController", s.deploymentController() == null ? null
                        : Props.map().put("Type", s.deploymentController().typeAsString()))
                .list("LoadBalancers", s.loadBalancers().stream().map(EcsServiceMapper::loadBalancer).toList())
                .list("ServiceRegistries", s.serviceRegistries().stream().map(EcsServiceMapper::registry).toList())
                .put("NetworkConfiguration", s.networkConfiguration() == null ? null
                        : awsvpc(s.networkConfiguration().awsvpcConfiguration()))
                .put("ServiceConnectConfiguration", serviceConnect(primary(s.deployments())))
                .put("EnableECSManagedTags", s.enableECSManagedTags())
                .put("EnableExecuteCommand", s.enableExecuteCommand())
                .put("PropagateTags", s.propagateTagsAsString())
                .put("AvailabilityZoneRebalancing", s.availabilityZoneRebalancingAsString())
                .tags("Tags", Tags.of(s.tags(), t -> t.key(), t -> t.value()));
        return Optional.of(LiveResource.of(TYPE, s.serviceArn(), s.serviceName(), scope, p.build(),
                ids(s.serviceArn(), s.serviceName())));
    }

    /**
     * A service known only by what {@code ListServices} gave (its ARN) and the cluster it was listed
     * in: its description could not be read.
     */
    public static LiveResource listed(Scope scope, String serviceArn, String clusterArn) {
        String name = EcsArns.lastSegment(serviceArn);
        Props p = Props.map().put("ServiceName", name).ref("Cluster", clusterArn, EcsClusterMapper.TYPE);
        return LiveResource.of(TYPE, serviceArn, name, scope, p.build(), ids(serviceArn, name));
    }

    private static java.util.Map<String, String> ids(String arn, String name) {
        return Ids.of(arn, "", name, "Name");
    }

    static List<Node> strategy(List<CapacityProviderStrategyItem> items) {
        return items.stream().map(i -> (Node) Props.map()
                .ref("CapacityProvider", i.capacityProvider(), CapacityProviderMapper.TYPE)
                .put("Base", i.base()).put("Weight", i.weight()).build()).toList();
    }

    private static Node placement(PlacementStrategy p) {
        return Props.map().put("Type", p.typeAsString()).put("Field", p.field()).build();
    }

    private static Props deploymentConfiguration(DeploymentConfiguration d) {
        if (d == null) {
            return null;
        }
        Props p = Props.map().put("MaximumPercent", d.maximumPercent())
                .put("MinimumHealthyPercent", d.minimumHealthyPercent());
        if (d.deploymentCircuitBreaker() != null) {
            p.put("DeploymentCircuitBreaker", Props.map().put("Enable", d.deploymentCircuitBreaker().enable())
                    .put("Rollback", d.deploymentCircuitBreaker().rollback()));
        }
        if (d.alarms() != null) {
            p.put("Alarms", Props.map().strings("AlarmNames", d.alarms().alarmNames())
                    .put("Enable", d.alarms().enable()).put("Rollback", d.alarms().rollback()));
        }
        return p.put("Strategy", d.strategyAsString()).put("BakeTimeInMinutes", d.bakeTimeInMinutes());
    }

    private static Node loadBalancer(LoadBalancer lb) {
        return Props.map().put("ContainerName", lb.containerName()).put("ContainerPort", lb.containerPort())
                .ref("TargetGroupArn", lb.targetGroupArn(), TARGET_GROUP)
                .ref("LoadBalancerName", lb.loadBalancerName(), CLASSIC_LOAD_BALANCER).build();
    }

    private static Node registry(ServiceRegistry r) {
        return Props.map().put("RegistryArn", r.registryArn()).put("Port", r.port())
                .put("ContainerName", r.containerName()).put("ContainerPort", r.containerPort()).build();
    }

    private static Props awsvpc(AwsVpcConfiguration a) {
        if (a == null) {
            return null;
        }
        return Props.map().put("AwsvpcConfiguration", Props.map()
                .put("AssignPublicIp", a.assignPublicIpAsString())
                .refs("SecurityGroups", a.securityGroups(), SECURITY_GROUP)
                .refs("Subnets", a.subnets(), SUBNET));
    }

    private static Deployment primary(List<Deployment> deployments) {
        return deployments.stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
    }

    private static Props serviceConnect(Deployment primary) {
        ServiceConnectConfiguration c = primary == null ? null : primary.serviceConnectConfiguration();
        if (c == null) {
            return null;
        }
        return Props.map().put("Enabled", c.enabled()).put("Namespace", c.namespace())
                .list("Services", c.services().stream().map(s -> (Node) Props.map().put("PortName", s.portName())
                        .put("DiscoveryName", s.discoveryName()).build()).toList());
    }
}
