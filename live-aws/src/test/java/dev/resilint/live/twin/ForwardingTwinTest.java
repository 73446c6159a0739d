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
 * Forwarding compute next to a service: a NAT instance (source/destination check off), an Auto
 * Scaling group of one NAT instance whose launch template's user data turns the check off, and a web
 * instance, all admitting HTTP from the VPC. In a template the user data is {@code Fn::Base64} of
 * {@code Fn::Sub} text that refers to the region; in an account it is base64, and the instance's
 * {@code SourceDestCheck} is what {@code DescribeInstances} says. LB01 and SC01 flag only the web
 * instance, in both.
 */
class ForwardingTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String NAT_GROUP = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/nat";
    static final String NAT = "arn:aws:ec2:eu-west-1:111122223333:instance/i-nat";
    static final String WEB = "arn:aws:ec2:eu-west-1:111122223333:instance/i-web";

    static final String USER_DATA = "#!/bin/bash\n"
            + "ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\n"
            + "aws ec2 modify-instance-attribute --instance-id $ID --no-source-dest-check --region ${AWS::Region}\n"
            + "sysctl -w net.ipv4.ip_forward=1\n";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              VpcSg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: vpc
                  VpcId: vpc-1
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.0.0.0/16}]
              NatTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: ami-nat
                    SecurityGroupIds: [!Ref VpcSg]
                    UserData:
                      Fn::Base64: !Sub |
            %s
              NatGroup:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '1'
                  MaxSize: '1'
                  VPCZoneIdentifier: [!Ref SubnetA]
                  LaunchTemplate: {LaunchTemplateId: !Ref NatTemplate, Version: '1'}
              Nat:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-nat
                  SubnetId: !Ref SubnetA
                  SecurityGroupIds: [!Ref VpcSg]
                  SourceDestCheck: false
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-web
                  SubnetId: !Ref SubnetA
                  SecurityGroupIds: [!Ref VpcSg]
            """.formatted(USER_DATA.indent(12).stripTrailing());

    static Map<String, Object> instance(String id, boolean sourceDestCheck) {
        return Trees.map("InstanceId", id, "ImageId", "ami", "InstanceType", "t3.micro",
                "LaunchTime", "2026-01-01T00:00:00Z", "Placement", Map.of("AvailabilityZone", "eu-west-1a"),
                "SubnetId", "subnet-a", "VpcId", "vpc-1", "State", Map.of("Code", 16, "Name", "running"),
                "SourceDestCheck", sourceDestCheck,
                "SecurityGroups", List.of(Map.of("GroupId", "sg-vpc", "GroupName", "vpc")));
    }

    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-west-1a", "VpcId", "vpc-1")));
        eu.items("ec2", "DescribeSecurityGroups", List.of(Map.of("GroupId", "sg-vpc", "GroupName", "vpc",
                "Description", "vpc", "VpcId", "vpc-1", "IpPermissions", List.of(Map.of("IpProtocol", "tcp",
                        "FromPort", 80, "ToPort", 80, "IpRanges", List.of(Map.of("CidrIp", "10.0.0.0/16")))))));
        // what CloudFormation deploys: the user data with the region substituted, base64
        String deployed = USER_DATA.replace("${AWS::Region}", REGION);
        eu.items("ec2", "DescribeLaunchTemplateVersions", List.of(Map.of("LaunchTemplateId", "lt-nat",
                "LaunchTemplateName", "nat", "VersionNumber", 1, "DefaultVersion", true,
                "LaunchTemplateData", Map.of("ImageId", "ami-nat", "SecurityGroupIds", List.of("sg-vpc"),
                        "UserData", Base64.getEncoder().encodeToString(deployed.getBytes(StandardCharsets.UTF_8))))));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(Trees.map("AutoScalingGroupName", "nat",
                "AutoScalingGroupARN", NAT_GROUP, "MinSize", 1, "MaxSize", 1, "DesiredCapacity", 1,
                "DefaultCooldown", 300, "AvailabilityZones", List.of("eu-west-1a"), "HealthCheckType", "EC2",
                "VPCZoneIdentifier", "subnet-a", "LaunchTemplate", Map.of("LaunchTemplateId", "lt-nat",
                        "Version", "1"), "CreatedTime", "2026-01-01T00:00:00Z")));
        eu.items("ec2", "DescribeInstances", List.of(Trees.map("ReservationId", "r-1", "OwnerId", ACCOUNT,
                "Instances", List.of(instance("i-nat", false), instance("i-web", true)))));
    }

    @Test
    void forwardingComputeIsNotAServiceInTheTemplateOrTheAccount() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        Twin twin = Twin.of(TEMPLATE).is("NatGroup", NAT_GROUP).is("Nat", NAT).is("Web", WEB);

        Set<String> template = twin.templateFindings(dir);
        Set<String> live = twin.liveFindings(Scans.run(Scans.caller(FAKE, ACCOUNT, REGION)));

        assertThat(FAKE.problems()).isEmpty();
        assertThat(template).contains("LB01 Web")
                .doesNotContain("LB01 Nat", "LB01 NatGroup", "SC01 NatGroup");
        assertThat(live).isEqualTo(template);
    }
}
