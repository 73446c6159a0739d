package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 buckets versioned, never versioned and suspended, and the buckets DR05 exempts: the target of
 * another bucket's server access logs, of an Application Load Balancer's {@code access_logs.s3.bucket}
 * and of a Classic Load Balancer's access-log policy, and a CDK auto-delete bucket. Written as a template
 * and served by the fake account, they get the same findings, by the bucket's ARN live.
 */
class BucketTwinTest {

    static final String ACCOUNT = "121212121212";
    static final String REGION = "eu-central-1";
    static final String ELB = "arn:aws:elasticloadbalancing:eu-central-1:121212121212:";
    static final String ALB = ELB + "loadbalancer/app/web/1";
    static final String CLB = ELB + "loadbalancer/legacy";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-central-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-central-1b}}
              Orders:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: orders
                  VersioningConfiguration: {Status: Enabled}
                  LoggingConfiguration: {DestinationBucketName: !Ref AccessLogs, LogFilePrefix: orders/}
              Invoices:
                Type: AWS::S3::Bucket
                Properties: {BucketName: invoices}
              Archive:
                Type: AWS::S3::Bucket
                Properties: {BucketName: archive, VersioningConfiguration: {Status: Suspended}}
              AccessLogs:
                Type: AWS::S3::Bucket
                Properties: {BucketName: access-logs}
              AlbLogs:
                Type: AWS::S3::Bucket
                Properties: {BucketName: alb-logs}
              ClbLogs:
                Type: AWS::S3::Bucket
                Properties: {BucketName: clb-logs}
              Scratch:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: scratch
                  Tags: [{Key: aws-cdk:auto-delete-objects, Value: 'true'}]
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Type: application
                  Subnets: [!Ref SubnetA, !Ref SubnetB]
                  LoadBalancerAttributes:
                    - {Key: deletion_protection.enabled, Value: 'true'}
                    - {Key: access_logs.s3.enabled, Value: 'true'}
                    - {Key: access_logs.s3.bucket, Value: !Ref AlbLogs}
              Legacy:
                Type: AWS::ElasticLoadBalancing::LoadBalancer
                Properties:
                  Subnets: [!Ref SubnetA, !Ref SubnetB]
                  CrossZone: true
                  Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]
                  AccessLoggingPolicy: {Enabled: true, S3BucketName: !Ref ClbLogs, EmitInterval: 60}
            """;

    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(
                Map.of("SubnetId", "subnet-a", "AvailabilityZone", "eu-central-1a", "VpcId", "vpc-1"),
                Map.of("SubnetId", "subnet-b", "AvailabilityZone", "eu-central-1b", "VpcId", "vpc-1")));
        List<String> names = List.of("orders", "invoices", "archive", "access-logs", "alb-logs", "clb-logs", "scratch");
        eu.items("s3", "ListBuckets", names.stream().map(n -> Map.of("Name", n, "BucketRegion", REGION)).toList());
        for (String name : names) {
            eu.answer("s3", "GetBucketVersioning", "Bucket", name, switch (name) {
                case "orders" -> Map.of("Status", "Enabled");
                case "archive" -> Map.of("Status", "Suspended");
                default -> Map.of();
            });
            eu.answer("s3", "GetBucketLogging", "Bucket", name, name.equals("orders")
                    ? Map.of("LoggingEnabled", Map.of("TargetBucket", "access-logs", "TargetPrefix", "orders/"))
                    : Map.of());
            if (name.equals("scratch")) {
                eu.answer("s3", "GetBucketTagging", "Bucket", name,
                        Map.of("TagSet", List.of(Map.of("Key", "aws-cdk:auto-delete-objects", "Value", "true"))));
            } else {
                eu.fail("s3", "GetBucketTagging", "Bucket", name, new AwsError("NoSuchTagSet", 404, "The TagSet does not exist"));
            }
        }
        eu.items("elbv2", "DescribeLoadBalancers", List.of(Map.of("LoadBalancerArn", ALB, "LoadBalancerName", "web",
                "Type", "application", "Scheme", "internet-facing", "AvailabilityZones", List.of(
                        Map.of("ZoneName", "eu-central-1a", "SubnetId", "subnet-a"),
                        Map.of("ZoneName", "eu-central-1b", "SubnetId", "subnet-b")))));
        eu.answer("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", ALB, Map.of("Attributes", List.of(
                Map.of("Key", "deletion_protection.enabled", "Value", "true"),
                Map.of("Key", "access_logs.s3.enabled", "Value", "true"),
                Map.of("Key", "access_logs.s3.bucket", "Value", "alb-logs"))));
        eu.items("elb", "DescribeLoadBalancers", List.of(Map.of("LoadBalancerName", "legacy",
                "Subnets", List.of("subnet-a", "subnet-b"), "AvailabilityZones", List.of("eu-central-1a", "eu-central-1b"))));
        eu.answer("elb", "DescribeLoadBalancerAttributes", "LoadBalancerName", "legacy", Map.of(
                "LoadBalancerAttributes", Map.of("CrossZoneLoadBalancing", Map.of("Enabled", true),
                        "AccessLog", Map.of("Enabled", true, "S3BucketName", "clb-logs", "EmitInterval", 60))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameDr05Findings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Orders", "arn:aws:s3:::orders").is("Invoices", "arn:aws:s3:::invoices")
                .is("Archive", "arn:aws:s3:::archive").is("AccessLogs", "arn:aws:s3:::access-logs")
                .is("AlbLogs", "arn:aws:s3:::alb-logs").is("ClbLogs", "arn:aws:s3:::clb-logs")
                .is("Scratch", "arn:aws:s3:::scratch").is("Alb", ALB).is("Legacy", CLB)
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("DR05 ")).containsExactly("DR05 Archive", "DR05 Invoices");
    }
}
