package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ECS cluster with four services (behind a target group with a circuit breaker; a worker mapping a
 * port with neither; a CodeDeploy blue/green service discovered through Cloud Map; a Service Connect
 * service), their task definitions, and an Auto Scaling group of container instances that a capacity
 * provider uses: DP01, LB01 and SC01 agree between the template and the account.
 */
class ContainersTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ECS = "arn:aws:ecs:eu-west-1:111122223333:";
    static final String CLUSTER = ECS + "cluster/main";
    static final String API_TD = ECS + "task-definition/api:4";
    static final String WORKER_TD = ECS + "task-definition/worker:9";
    static final String API = ECS + "service/main/api";
    static final String WORKER = ECS + "service/main/worker";
    static final String BLUE = ECS + "service/main/blue";
    static final String MESH = ECS + "service/main/mesh";
    static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/1";
    static final String ASG = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:9:autoScalingGroupName/ecs-hosts";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              HostSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: container instances
                  VpcId: vpc-1
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0}]
              HostTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: {ImageId: ami-ecs, InstanceType: m6i.large, SecurityGroupIds: [!Ref HostSg]}
              EcsHosts:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '1'
                  MaxSize: '4'
                  VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
                  LaunchTemplate: {LaunchTemplateId: !Ref HostTemplate, Version: '1'}
              HostsProvider:
                Type: AWS::ECS::CapacityProvider
                Properties:
                  AutoScalingGroupProvider: {AutoScalingGroupArn: !Ref EcsHosts}
              Main: {Type: AWS::ECS::Cluster}
              ApiTargets:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 8080, Protocol: HTTP, VpcId: vpc-1, TargetType: ip}
              ApiTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: awsvpc
                  ContainerDefinitions: [{Name: web, Image: nginx, PortMappings: [{ContainerPort: 8080, Protocol: tcp}]}]
              WorkerTask:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  ContainerDefinitions: [{Name: worker, Image: worker, PortMappings: [{ContainerPort: 9000}]}]
              Api:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref ApiTask
                  LoadBalancers: [{TargetGroupArn: !Ref ApiTargets, ContainerName: web, ContainerPort: 8080}]
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
              Worker:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref WorkerTask
              Blue:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref WorkerTask
                  DeploymentController: {Type: CODE_DEPLOY}
                  ServiceRegistries: [{RegistryArn: 'arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1'}]
              Mesh:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref WorkerTask
                  ServiceConnectConfiguration: {Enabled: true, Namespace: internal}
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
            """;

    static Map<String, Object> service(String arn, String taskDefinition, boolean breaker, Object... more) {
        Map<String, Object> s = Trees.map("serviceArn", arn, "serviceName", arn.substring(arn.lastIndexOf('/') + 1),
                "clusterArn", CLUSTER, "status", "ACTIVE", "taskDefinition", taskDefinition, "desiredCount", 2,
                "deploymentConfiguration", Map.of("maximumPercent", 200, "minimumHealthyPercent", 100,
                        "deploymentCircuitBreaker", Map.of("enable", breaker, "rollback", breaker)));
        s.putAll(Trees.map(more));
        if (!s.containsKey("deploymentController")) {
            s.put("deploymentController", Map.of("type", "ECS"));
        }
        return s;
    }

    /** The network, the container instances' group and its launch template, as EC2 and Auto Scaling answer. */
    static void serveHosts(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1",
                        "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a"),
                Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1",
                        "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-b")));
        eu.items("ec2", "DescribeSecurityGroups", List.of(Map.of("GroupId", "sg-host", "GroupName", "hosts",
                "Description", "container instances", "VpcId", "vpc-1", "IpPermissions", List.of(Map.of(
                        "IpProtocol", "tcp", "FromPort", 8080, "ToPort", 8080,
                        "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")))))));
        eu.items("ec2", "DescribeLaunchTemplateVersions", List.of(Map.of("LaunchTemplateId", "lt-1",
                "LaunchTemplateName", "hosts", "VersionNumber", 1, "DefaultVersion", true,
                "LaunchTemplateData", Map.of("ImageId", "ami-ecs", "InstanceType", "m6i.large",
                        "SecurityGroupIds", List.of("sg-host")))));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(Trees.map("AutoScalingGroupName", "ecs-hosts",
                "AutoScalingGroupARN", ASG, "MinSize", 1, "MaxSize", 4, "DesiredCapacity", 1, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a,subnet-b", "LaunchTemplate", Map.of("LaunchTemplateId", "lt-1",
                        "Version", "1"), "CreatedTime", "2026-01-01T00:00:00Z")));
    }

    /** The same resources as the account serves them. */
    static void serve(FakeRegion eu) {
        serveHosts(eu);
        eu.items("elbv2", "DescribeTargetGroups", List.of(Map.of("TargetGroupArn", TG, "TargetGroupName", "api",
                "Protocol", "HTTP", "Port", 8080, "VpcId", "vpc-1", "TargetType", "ip")));
        eu.answer("elbv2", "DescribeTargetHealth", "TargetGroupArn", TG, Map.of("TargetHealthDescriptions", List.of()));
        eu.answer("elbv2", "DescribeTargetGroupAttributes", "TargetGroupArn", TG, Map.of("Attributes", List.of(
                Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "300"))));
        eu.items("ecs", "ListClusters", List.of(CLUSTER));
        eu.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(Map.of("clusterArn", CLUSTER,
                "clusterName", "main", "status", "ACTIVE", "capacityProviders", List.of("hosts-provider"))));
        eu.items("ecs", "ListServices", "cluster", CLUSTER, List.of(API, WORKER, BLUE, MESH));
        eu.batch("ecs", "DescribeServices", "services", "services", "serviceArn", List.of(
                service(API, API_TD, true, "loadBalancers", List.of(Map.of("targetGroupArn", TG, "containerName", "web",
                        "containerPort", 8080))),
                service(WORKER, WORKER_TD, false),
                service(BLUE, WORKER_TD, false, "deploymentController", Map.of("type", "CODE_DEPLOY"),
                        "serviceRegistries", List.of(Map.of("registryArn",
                                "arn:aws:servicediscovery:eu-west-1:111122223333:service/srv-1"))),
                service(MESH, WORKER_TD, true, "deployments", List.of(
                        Map.of("id", "ecs-svc/2", "status", "PRIMARY", "serviceConnectConfiguration",
                                Map.of("enabled", true, "namespace", "internal")),
                        Map.of("id", "ecs-svc/1", "status", "ACTIVE")))));
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", API_TD, Map.of("taskDefinition", Map.of(
                "taskDefinitionArn", API_TD, "family", "api", "revision", 4, "networkMode", "awsvpc",
                "containerDefinitions", List.of(Map.of("name", "web", "image", "nginx", "essential", true,
                        "portMappings", List.of(Map.of("containerPort", 8080, "hostPort", 8080, "protocol", "tcp")))))));
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", WORKER_TD, Map.of("taskDefinition", Map.of(
                "taskDefinitionArn", WORKER_TD, "family", "worker", "revision", 9, "networkMode", "bridge",
                "containerDefinitions", List.of(Map.of("name", "worker", "image", "worker", "essential", true,
                        "portMappings", List.of(Map.of("containerPort", 9000, "hostPort", 0, "protocol", "tcp")))))));
        eu.items("ecs", "DescribeCapacityProviders", List.of(
                Map.of("name", "FARGATE", "type", "FARGATE", "capacityProviderArn", ECS + "capacity-provider/FARGATE"),
                Map.of("name", "hosts-provider", "type", "EC2_AUTOSCALING",
                        "capacityProviderArn", ECS + "capacity-provider/hosts-provider",
                        "autoScalingGroupProvider", Map.of("autoScalingGroupArn", ASG,
                                "managedTerminationProtection", "DISABLED"))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Api", API).is("Worker", WORKER).is("Blue", BLUE).is("Mesh", MESH).is("EcsHosts", ASG)
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        // the worker has no circuit breaker and maps a port with no load balancer; the container instances'
        // group may scale in to one instance; the capacity provider keeps LB01 off the group
        assertThat(findings).containsExactly("DP01 Worker", "LB01 Worker", "SC01 EcsHosts");
    }
}
