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
 * Subnets, an Auto Scaling group with its launch configuration and security group, an Application and
 * a Network Load Balancer with a target group and a listener, a Classic Load Balancer and a standalone
 * instance: written as a template and served by the fake account, they get the same findings.
 */
public class WebTierTwinTest {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";
    public static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:";
    public static final String ASG = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:0a1b:autoScalingGroupName/web";
    public static final String ALB = ARN + "loadbalancer/app/web/1";
    public static final String NLB = ARN + "loadbalancer/net/internal/2";
    public static final String TG = ARN + "targetgroup/web/3";
    public static final String LISTENER = ARN + "listener/app/web/1/4";
    public static final String CLB = ARN + "loadbalancer/legacy";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    public static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              WebSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: vpc-1
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}]
              WebConfig:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties: {ImageId: ami-1, InstanceType: t3.micro, SecurityGroups: [!Ref WebSg]}
              Web:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '2'
                  MaxSize: '4'
                  VPCZoneIdentifier: [!Ref SubnetA]
                  TargetGroupARNs: [!Ref WebTargets]
                  LaunchConfigurationName: !Ref WebConfig
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Type: application, Subnets: [!Ref SubnetA, !Ref SubnetB]}
              WebTargets:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 80, Protocol: HTTP, VpcId: vpc-1}
              Http:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Alb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions: [{Type: forward, TargetGroupArn: !Ref WebTargets}]
              Internal:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Type: network, Scheme: internal, Subnets: [!Ref SubnetA, !Ref SubnetB]}
              Legacy:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Subnets: [!Ref SubnetA]
                  CrossZone: false
                  Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
            """;

    /** The same resources as the account serves them. */
    public static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1",
                        "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a"),
                Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-west-1b", "VpcId", "vpc-1",
                        "SubnetArn", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-b")));
        eu.items("ec2", "DescribeSecurityGroups", List.of(Map.of("GroupId", "sg-web", "GroupName", "web",
                "Description", "web", "VpcId", "vpc-1", "IpPermissions", List.of(Map.of("IpProtocol", "tcp",
                        "FromPort", 80, "ToPort", 80, "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")))))));
        eu.items("autoscaling", "DescribeLaunchConfigurations", List.of(Map.of("LaunchConfigurationName",
                "web-config", "LaunchConfigurationARN", "arn:aws:autoscaling:eu-west-1:111122223333:launchConfiguration:1:launchConfigurationName/web-config",
                "ImageId", "ami-1", "InstanceType", "t3.micro", "SecurityGroups", List.of("sg-web"),
                "CreatedTime", "2026-01-01T00:00:00Z")));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(Trees.map("AutoScalingGroupName", "web",
                "AutoScalingGroupARN", ASG, "MinSize", 2, "MaxSize", 4, "DesiredCapacity", 2,
                "DefaultCooldown", 300, "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a", "TargetGroupARNs", List.of(TG),
                "LaunchConfigurationName", "web-config", "CreatedTime", "2026-01-01T00:00:00Z")));
        eu.items("elbv2", "DescribeLoadBalancers", List.of(
                Map.of("LoadBalancerArn", ALB, "LoadBalancerName", "web", "Type", "application",
                        "Scheme", "internet-facing", "AvailabilityZones", List.of(
                                Map.of("ZoneName", "eu-west-1a", "SubnetId", "subnet-a"),
                                Map.of("ZoneName", "eu-west-1b", "SubnetId", "subnet-b"))),
                Map.of("LoadBalancerArn", NLB, "LoadBalancerName", "internal", "Type", "network",
                        "Scheme", "internal", "AvailabilityZones", List.of(
                                Map.of("ZoneName", "eu-west-1a", "SubnetId", "subnet-a"),
                                Map.of("ZoneName", "eu-west-1b", "SubnetId", "subnet-b")))));
        eu.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", ALB, Map.of("Attributes", List.of(
                Map.of("Key", "deletion_protection.enabled", "Value", "false"),
                Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "true"))));
        eu.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", NLB, Map.of("Attributes", List.of(
                Map.of("Key", "deletion_protection.enabled", "Value", "false"),
                Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "false"))));
        eu.items("elbv2", "DescribeTargetGroups", List.of(Map.of("TargetGroupArn", TG, "TargetGroupName", "web",
                "Protocol", "HTTP", "Port", 80, "VpcId", "vpc-1", "TargetType", "instance",
                "LoadBalancerArns", List.of(ALB))));
        eu.answer("elbv2", "DescribeTargetHealth", "TargetGroupArn", TG, Map.of("TargetHealthDescriptions", List.of()));
        eu.answer("elbv2", "DescribeTargetGroupAttributes", "TargetGroupArn", TG, Map.of("Attributes", List.of(
                Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "300"))));
        eu.items("elbv2", "DescribeListeners", "LoadBalancerArn", ALB, List.of(Map.of("ListenerArn", LISTENER,
                "LoadBalancerArn", ALB, "Port", 80, "Protocol", "HTTP", "DefaultActions",
                List.of(Map.of("Type", "forward", "TargetGroupArn", TG)))));
        eu.items("elbv2", "DescribeListeners", "LoadBalancerArn", NLB, List.of());
        eu.answer("elbv2", "DescribeRules", "ListenerArn", LISTENER, Map.of("Rules", List.of(Map.of(
                "RuleArn", ARN + "listener-rule/app/web/1/4/5", "Priority", "default", "IsDefault", true,
                "Actions", List.of(Map.of("Type", "forward", "TargetGroupArn", TG))))));
        eu.items("elb", "DescribeLoadBalancers", List.of(Map.of("LoadBalancerName", "legacy",
                "Subnets", List.of("subnet-a"), "AvailabilityZones", List.of("eu-west-1a"))));
        eu.answer("elb", "DescribeLoadBalancerAttributes", "LoadBalancerName", "legacy", Map.of(
                "LoadBalancerAttributes", Map.of("CrossZoneLoadBalancing", Map.of("Enabled", false))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Web", ASG).is("Alb", ALB).is("Internal", NLB).is("WebTargets", TG).is("Http", LISTENER)
                .is("Legacy", CLB).is("SubnetA", "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        // DR02 runs live once every type it judges is read (RDS and DynamoDB too): neither load balancer
        // has deletion protection, in the template or in the account
        assertThat(findings).containsExactly("AZ01 Web", "AZ02 Legacy", "AZ03 Web", "DR02 Alb", "DR02 Internal",
                "LB02 Web", "LB03 Internal", "LB03 Legacy", "LB05 Legacy");
    }
}
