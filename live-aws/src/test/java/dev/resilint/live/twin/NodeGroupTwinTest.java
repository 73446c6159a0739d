package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto Scaling groups of ECS container instances and of EKS nodes that no capacity provider uses. In a
 * template their launch template's {@code UserData} names the cluster ({@code !Sub ...
 * ECS_CLUSTER=${Cluster}}, {@code /etc/eks/bootstrap.sh ${Cluster}}), a reference; in an account it
 * is a base64 string holding the cluster's name. LB01 recognizes the agents in the user data (and the
 * tags ECS and EKS put on their groups), so it stays quiet on both, as for the template.
 */
class NodeGroupTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ASG = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:";
    static final String ECS_NODES = ASG + "1:autoScalingGroupName/ecs-nodes";
    static final String EKS_NODES = ASG + "2:autoScalingGroupName/eks-nodes";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              EcsSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: ecs
                  VpcId: vpc-1
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 0.0.0.0/0}]
              EksSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: eks
                  VpcId: vpc-1
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 30000, ToPort: 32767, CidrIp: 0.0.0.0/0}]
              Main: {Type: AWS::ECS::Cluster}
              Prod:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig: {SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
              EcsTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: ami-ecs
                    SecurityGroupIds: [!Ref EcsSg]
                    UserData: !Base64
                      Fn::Sub: "#!/bin/bash\\necho ECS_CLUSTER=${Main} >> /etc/ecs/ecs.config\\n"
              EksTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: ami-eks
                    SecurityGroupIds: [!Ref EksSg]
                    UserData: !Base64
                      Fn::Sub: "#!/bin/bash\\n/etc/eks/bootstrap.sh ${Prod}\\n"
              EcsNodes:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '2'
                  MaxSize: '4'
                  VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
                  LaunchTemplate: {LaunchTemplateId: !Ref EcsTemplate, Version: '1'}
              EksNodes:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '2'
                  MaxSize: '4'
                  VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]
                  LaunchTemplate: {LaunchTemplateId: !Ref EksTemplate, Version: '1'}
            """;

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> group(String name, String arn, String launchTemplate, List<Map<String, Object>> tags) {
        return Trees.map("AutoScalingGroupName", name, "AutoScalingGroupARN", arn, "MinSize", 2, "MaxSize", 4,
                "DesiredCapacity", 2, "DefaultCooldown", 300, "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"),
                "HealthCheckType", "EC2", "VPCZoneIdentifier", "subnet-a,subnet-b",
                "LaunchTemplate", Map.of("LaunchTemplateId", launchTemplate, "Version", "1"),
                "CreatedTime", "2026-01-01T00:00:00Z", "Tags", tags);
    }

    static Map<String, Object> tag(String group, String key, String value) {
        return Map.of("ResourceId", group, "ResourceType", "auto-scaling-group", "Key", key, "Value", value,
                "PropagateAtLaunch", true);
    }

    static Map<String, Object> securityGroup(String id, int from, int to) {
        return Map.of("GroupId", id, "GroupName", id, "Description", id, "VpcId", "vpc-1", "IpPermissions",
                List.of(Map.of("IpProtocol", "tcp", "FromPort", from, "ToPort", to,
                        "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")))));
    }

    static Map<String, Object> launchTemplate(String id, String securityGroup, String userData) {
        return Map.of("LaunchTemplateId", id, "LaunchTemplateName", id, "VersionNumber", 1, "DefaultVersion", true,
                "LaunchTemplateData", Map.of("ImageId", "ami", "SecurityGroupIds", List.of(securityGroup),
                        "UserData", base64(userData)));
    }

    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1"),
                Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1")));
        eu.items("ec2", "DescribeSecurityGroups", List.of(securityGroup("sg-ecs", 8080, 8080),
                securityGroup("sg-eks", 30000, 32767)));
        eu.items("ec2", "DescribeLaunchTemplateVersions", List.of(
                launchTemplate("lt-ecs", "sg-ecs", "#!/bin/bash\necho ECS_CLUSTER=main >> /etc/ecs/ecs.config\n"),
                launchTemplate("lt-eks", "sg-eks", "#!/bin/bash\n/etc/eks/bootstrap.sh prod\n")));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(
                group("ecs-nodes", ECS_NODES, "lt-ecs", List.of()),
                group("eks-nodes", EKS_NODES, "lt-eks", List.of(tag("eks-nodes", "eks:cluster-name", "prod"),
                        tag("eks-nodes", "kubernetes.io/cluster/prod", "owned")))));
        eu.items("ecs", "ListClusters", List.of("arn:aws:ecs:eu-west-1:111122223333:cluster/main"));
        eu.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", List.of(Map.of(
                "clusterArn", "arn:aws:ecs:eu-west-1:111122223333:cluster/main", "clusterName", "main", "status", "ACTIVE")));
        eu.items("eks", "ListClusters", List.of("prod"));
    }

    @Test
    void containerHostGroupsAreNotFlaggedLiveEither() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Twin twin = Twin.of(TEMPLATE).is("EcsNodes", ECS_NODES).is("EksNodes", EKS_NODES);

        Set<String> template = twin.templateFindings(dir);
        Set<String> live = twin.liveFindings(Scans.run(Scans.caller(FAKE, ACCOUNT, REGION)));

        assertThat(FAKE.problems()).isEmpty();
        assertThat(template).doesNotContain("LB01 EcsNodes", "LB01 EksNodes");
        assertThat(live).isEqualTo(template);
    }
}
