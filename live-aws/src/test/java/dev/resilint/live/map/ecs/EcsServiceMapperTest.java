package dev.resilint.live.map.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentController;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceRegistry;
import software.amazon.awssdk.services.ecs.model.Tag;

class EcsServiceMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String CLUSTER = "arn:aws:ecs:eu-west-1:111122223333:cluster/web";
    static final String ARN = "arn:aws:ecs:eu-west-1:111122223333:service/web/api";
    static final String TASK = "arn:aws:ecs:eu-west-1:111122223333:task-definition/api:7";
    static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/1";

    @Test
    void camelCaseBecomesPascalCaseAndReferencesAreMarked() {
        Service s = Service.builder().serviceArn(ARN).serviceName("api").clusterArn(CLUSTER).status("ACTIVE")
                .taskDefinition(TASK).launchType(LaunchType.FARGATE).desiredCount(3).platformVersion("LATEST")
                .schedulingStrategy("REPLICA").healthCheckGracePeriodSeconds(60)
                .deploymentConfiguration(DeploymentConfiguration.builder().maximumPercent(200).minimumHealthyPercent(100)
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(false).build())
                        .build())
                .deploymentController(DeploymentController.builder().type(DeploymentControllerType.ECS).build())
                .loadBalancers(LoadBalancer.builder().targetGroupArn(TG).containerName("web").containerPort(8080).build())
                .serviceRegistries(ServiceRegistry.builder().registryArn("arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1")
                        .build())
                .networkConfiguration(NetworkConfiguration.builder().awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets("subnet-a", "subnet-b").securityGroups("sg-1").assignPublicIp("DISABLED").build()).build())
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("spot").weight(1).base(0)
                        .build())
                .deployments(Deployment.builder().status("ACTIVE").serviceConnectConfiguration(
                                ServiceConnectConfiguration.builder().enabled(false).build()).build(),
                        Deployment.builder().status("PRIMARY").serviceConnectConfiguration(
                                ServiceConnectConfiguration.builder().enabled(true).namespace("internal").build()).build())
                .tags(Tag.builder().key("team").value("payments").build())
                .build();

        LiveResource r = EcsServiceMapper.map(SCOPE, s).orElseThrow();

        assertThat(r.type()).isEqualTo("AWS::ECS::Service");
        assertThat(r.arn()).isEqualTo(ARN);
        assertThat(r.name()).isEqualTo("api");
        assertThat(r.identifiers()).isEqualTo(Map.of(ARN, "", "api", "Name"));
        Map<String, Object> p = PlainTrees.of(r);
        assertThat(p.get("ServiceName")).isEqualTo("api");
        assertThat(p.get("Cluster")).isEqualTo(Ref.to(CLUSTER, "AWS::ECS::Cluster"));
        assertThat(p.get("TaskDefinition")).isEqualTo(Ref.to(TASK, "AWS::ECS::TaskDefinition"));
        assertThat(p.get("LaunchType")).isEqualTo("FARGATE");
        assertThat(p.get("DesiredCount")).isEqualTo(3L);
        assertThat(p.get("SchedulingStrategy")).isEqualTo("REPLICA");
        assertThat(p.get("HealthCheckGracePeriodSeconds")).isEqualTo(60L);
        assertThat(p.get("DeploymentConfiguration")).isEqualTo(Map.of("MaximumPercent", 200L,
                "MinimumHealthyPercent", 100L, "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", false)));
        assertThat(p.get("DeploymentController")).isEqualTo(Map.of("Type", "ECS"));
        assertThat(p.get("LoadBalancers")).isEqualTo(List.of(Map.of("ContainerName", "web", "ContainerPort", 8080L,
                "TargetGroupArn", Ref.to(TG, "AWS::ElasticLoadBalancingV2::TargetGroup"))));
        assertThat(p.get("ServiceRegistries")).isEqualTo(List.of(Map.of("RegistryArn",
                "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1")));
        assertThat(p.get("NetworkConfiguration")).isEqualTo(Map.of("AwsvpcConfiguration", Map.of(
                "AssignPublicIp", "DISABLED",
                "SecurityGroups", List.of(Ref.to("sg-1", "AWS::EC2::SecurityGroup")),
                "Subnets", List.of(Ref.to("subnet-a", "AWS::EC2::Subnet"), Ref.to("subnet-b", "AWS::EC2::Subnet")))));
        assertThat(p.get("CapacityProviderStrategy")).isEqualTo(List.of(Map.of(
                "CapacityProvider", Ref.to("spot", "AWS::ECS::CapacityProvider"), "Base", 0L, "Weight", 1L)));
        // the configuration in force is the PRIMARY deployment's
        assertThat(p.get("ServiceConnectConfiguration")).isEqualTo(Map.of("Enabled", true, "Namespace", "internal"));
        assertThat(p.get("Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "payments")));
    }

    @Test
    void whatTheApiLeavesOutStaysAbsent() {
        Service s = Service.builder().serviceArn(ARN).serviceName("api").clusterArn(CLUSTER).status("ACTIVE").build();

        Map<String, Object> p = PlainTrees.of(EcsServiceMapper.map(SCOPE, s).orElseThrow());

        assertThat(p).containsOnlyKeys("ServiceName", "Cluster");
    }

    @Test
    void aDeletedServiceIsLeftOutAndAListedOneKeepsItsNameAndCluster() {
        assertThat(EcsServiceMapper.map(SCOPE, Service.builder().serviceArn(ARN).serviceName("api").status("INACTIVE")
                .build())).isEmpty();

        LiveResource listed = EcsServiceMapper.listed(SCOPE, ARN, CLUSTER);

        assertThat(listed.name()).isEqualTo("api");
        assertThat(PlainTrees.of(listed)).isEqualTo(Map.of("ServiceName", "api",
                "Cluster", Ref.to(CLUSTER, "AWS::ECS::Cluster")));
    }
}
