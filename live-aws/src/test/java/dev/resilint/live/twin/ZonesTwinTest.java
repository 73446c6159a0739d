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
 * Lambda functions and ECS services placed over subnets of one or two zones, and ECS placement
 * strategies with and without a spread by zone: AZ07 and AZ08 agree between the template and the
 * account.
 */
class ZonesTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:";
    static final String ECS = "arn:aws:ecs:eu-west-1:111122223333:";
    static final String CLUSTER = ECS + "cluster/main";
    static final String TASK = ECS + "task-definition/worker:3";
    static final String ROLE = "arn:aws:iam::111122223333:role/fn";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              SubnetA2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              Narrow:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: narrow
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/fn
                  Timeout: 30
                  Code: {ZipFile: 'def handler(e, c): pass'}
                  VpcConfig: {SecurityGroupIds: [sg-1], SubnetIds: [!Ref SubnetA, !Ref SubnetA2]}
              Wide:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: wide
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/fn
                  Timeout: 30
                  Code: {ZipFile: 'def handler(e, c): pass'}
                  VpcConfig: {SecurityGroupIds: [sg-1], SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
              Main: {Type: AWS::ECS::Cluster}
              Worker:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: awsvpc
                  ContainerDefinitions: [{Name: worker, Image: worker}]
              OneZone:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref Worker
                  LaunchType: FARGATE
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
                  NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref SubnetA]}}
              TwoZones:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref Worker
                  LaunchType: FARGATE
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
                  NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
              Packed:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref Worker
                  LaunchType: EC2
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
                  PlacementStrategies: [{Type: binpack, Field: memory}]
              Spread:
                Type: AWS::ECS::Service
                Properties:
                  Cluster: !Ref Main
                  TaskDefinition: !Ref Worker
                  LaunchType: EC2
                  DeploymentConfiguration: {DeploymentCircuitBreaker: {Enable: true, Rollback: true}}
                  PlacementStrategies:
                    - {Type: spread, Field: 'attribute:ecs.availability-zone'}
                    - {Type: binpack, Field: memory}
            """;

    static Map<String, Object> subnet(String id, String zone) {
        return Map.of("SubnetId", id, "AvailabilityZone", zone, "VpcId", "vpc-1",
                "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/" + id);
    }

    static Map<String, Object> function(String name, String... subnets) {
        return Trees.map("FunctionName", name, "FunctionArn", FN + name, "Runtime", "python3.12",
                "Handler", "app.handler", "Role", ROLE, "Timeout", 30, "MemorySize", 128,
                "VpcConfig", Map.of("SubnetIds", List.of(subnets), "SecurityGroupIds", List.of("sg-1"), "VpcId", "vpc-1"));
    }

    static Map<String, Object> service(String name, Object... more) {
        Map<String, Object> s = Trees.map("serviceArn", ECS + "service/main/" + name, "serviceName", name,
                "clusterArn", CLUSTER, "status", "ACTIVE", "taskDefinition", TASK, "desiredCount", 1,
                "deploymentController", Map.of("type", "ECS"),
                "deploymentConfiguration", Map.of("maximumPercent", 200, "minimumHealthyPercent", 100,
                        "deploymentCircuitBreaker", Map.of("enable", true, "rollback", true)));
        s.putAll(Trees.map(more));
        return s;
    }

    static Map<String, Object> awsvpc(String... subnets) {
        return Map.of("awsvpcConfiguration", Map.of("subnets", List.of(subnets)));
    }

    /** The same resources as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(subnet("subnet-a", "eu-west-1a"), subnet("subnet-a2", "eu-west-1a"),
                subnet("subnet-b", "eu-west-1b")));
        eu.items("lambda", "ListFunctions", List.of(function("narrow", "subnet-a", "subnet-a2"),
                function("wide", "subnet-a", "subnet-b")));
        eu.items("ecs", "ListClusters", List.of(CLUSTER));
        eu.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(Map.of("clusterArn", CLUSTER,
                "clusterName", "main", "status", "ACTIVE")));
        eu.items("ecs", "ListServices", "cluster", CLUSTER, List.of(ECS + "service/main/one-zone",
                ECS + "service/main/two-zones", ECS + "service/main/packed", ECS + "service/main/spread"));
        eu.batch("ecs", "DescribeServices", "services", "services", "serviceArn", List.of(
                service("one-zone", "launchType", "FARGATE", "networkConfiguration", awsvpc("subnet-a")),
                service("two-zones", "launchType", "FARGATE", "networkConfiguration", awsvpc("subnet-a", "subnet-b")),
                service("packed", "launchType", "EC2", "placementStrategy",
                        List.of(Map.of("type", "binpack", "field", "memory"))),
                service("spread", "launchType", "EC2", "placementStrategy", List.of(
                        Map.of("type", "spread", "field", "attribute:ecs.availability-zone"),
                        Map.of("type", "binpack", "field", "memory")))));
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", TASK, Map.of("taskDefinition", Map.of(
                "taskDefinitionArn", TASK, "family", "worker", "revision", 3, "networkMode", "awsvpc",
                "containerDefinitions", List.of(Map.of("name", "worker", "image", "worker", "essential", true)))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameZoneFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Narrow", FN + "narrow").is("Wide", FN + "wide")
                .is("OneZone", ECS + "service/main/one-zone").is("TwoZones", ECS + "service/main/two-zones")
                .is("Packed", ECS + "service/main/packed").is("Spread", ECS + "service/main/spread")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("AZ"))
                .containsExactly("AZ07 Narrow", "AZ08 OneZone", "AZ08 Packed");
    }
}
