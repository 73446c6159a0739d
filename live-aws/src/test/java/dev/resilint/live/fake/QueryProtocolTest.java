package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.RdsException;

/** The AWS query protocol: form requests, {@code <XResponse><XResult>} answers, {@code <ErrorResponse>} errors. */
class QueryProtocolTest {
    private static final String ACCOUNT = "222222222222";
    private static final String REGION = "eu-central-1";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private static FakeRegion region() {
        return FAKE.account(ACCOUNT).region(REGION);
    }

    @Test
    void describeAutoScalingGroupsPagesWithNextToken() {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            groups.add(Map.of("AutoScalingGroupName", "asg-" + i, "MinSize", 1, "MaxSize", i, "DesiredCapacity", 1,
                              "VPCZoneIdentifier", "subnet-a,subnet-b", "HealthCheckType", "EC2,ELB",
                              "AvailabilityZones", List.of("eu-central-1a", "eu-central-1b"),
                              "TargetGroupARNs", List.of("arn:aws:elasticloadbalancing:eu-central-1:222222222222:targetgroup/t/1"),
                              "Instances", List.of(Map.of("InstanceId", "i-" + i, "AvailabilityZone", "eu-central-1a",
                                                          "LifecycleState", "InService", "HealthStatus", "Healthy",
                                                          "ProtectedFromScaleIn", false))));
        }
        region().items("autoscaling", "DescribeAutoScalingGroups", groups);
        AutoScalingClient client = FAKE.client(AutoScalingClient.builder(), ACCOUNT, REGION);

        List<DescribeAutoScalingGroupsResponse> pages =
            client.describeAutoScalingGroupsPaginator(b -> b.maxRecords(100)).stream().toList();

        assertThat(pages).hasSize(3);
        List<AutoScalingGroup> all = pages.stream().flatMap(p -> p.autoScalingGroups().stream()).toList();
        assertThat(all).extracting(AutoScalingGroup::maxSize).containsExactly(1, 2, 3, 4, 5);
        assertThat(all.get(2).vpcZoneIdentifier()).isEqualTo("subnet-a,subnet-b");
        assertThat(all.get(2).healthCheckType()).isEqualTo("EC2,ELB");
        assertThat(all.get(2).availabilityZones()).containsExactly("eu-central-1a", "eu-central-1b");
        assertThat(all.get(2).instances()).singleElement().satisfies(i -> assertThat(i.instanceId()).isEqualTo("i-3"));
        assertThat(FAKE.calls().count("autoscaling", "DescribeAutoScalingGroups")).isEqualTo(3);
    }

    @Test
    void elbv2AndClassicElbShareTheSigningNameAndAreToldApartByVersion() {
        List<Map<String, Object>> v2 = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            v2.add(Map.of("LoadBalancerArn", "arn:lb/" + i, "Type", "network", "Scheme", "internal",
                          "AvailabilityZones", List.of(Map.of("ZoneName", "eu-central-1a", "SubnetId", "subnet-a"))));
        }
        region().items("elbv2", "DescribeLoadBalancers", v2)
                .items("elb", "DescribeLoadBalancers", List.of(
                    Map.of("LoadBalancerName", "classic-1", "AvailabilityZones", List.of("eu-central-1a"),
                           "Instances", List.of(Map.of("InstanceId", "i-1"))),
                    Map.of("LoadBalancerName", "classic-2"), Map.of("LoadBalancerName", "classic-3")))
                .items("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", "arn:lb/2",
                       List.of(Map.of("Key", "load_balancing.cross_zone.enabled", "Value", "true")));

        List<LoadBalancer> modern = FAKE.client(ElasticLoadBalancingV2Client.builder(), ACCOUNT, REGION)
                                        .describeLoadBalancersPaginator(b -> b.pageSize(400)).loadBalancers().stream().toList();
        List<LoadBalancerDescription> classic = FAKE.client(ElasticLoadBalancingClient.builder(), ACCOUNT, REGION)
                                                    .describeLoadBalancersPaginator().loadBalancerDescriptions()
                                                    .stream().toList();
        List<LoadBalancerAttribute> attributes = FAKE.client(ElasticLoadBalancingV2Client.builder(), ACCOUNT, REGION)
            .describeLoadBalancerAttributes(b -> b.loadBalancerArn("arn:lb/2")).attributes();

        assertThat(modern).extracting(LoadBalancer::loadBalancerArn).containsExactly("arn:lb/1", "arn:lb/2", "arn:lb/3");
        assertThat(modern.get(0).availabilityZones()).singleElement()
                                                     .satisfies(z -> assertThat(z.subnetId()).isEqualTo("subnet-a"));
        assertThat(modern.get(0).typeAsString()).isEqualTo("network");
        assertThat(classic).extracting(LoadBalancerDescription::loadBalancerName)
                           .containsExactly("classic-1", "classic-2", "classic-3");
        assertThat(classic.get(0).instances()).singleElement().satisfies(i -> assertThat(i.instanceId()).isEqualTo("i-1"));
        assertThat(attributes).extracting(LoadBalancerAttribute::key, LoadBalancerAttribute::value)
                              .containsExactly(org.assertj.core.groups.Tuple.tuple("load_balancing.cross_zone.enabled", "true"));
        assertThat(FAKE.calls().counts()).containsEntry("elbv2:DescribeLoadBalancers", 2L)
                                         .containsEntry("elb:DescribeLoadBalancers", 2L);
        assertThat(FAKE.calls().iamActions()).contains("elasticloadbalancing:DescribeLoadBalancers",
                                                       "elasticloadbalancing:DescribeLoadBalancerAttributes");
    }

    @Test
    void memberListsOfTheFormReachTheHandler() {
        List<Object> asked = new ArrayList<>();
        region().handler("elbv2", "DescribeTags", input -> {
            asked.add(input.get("ResourceArns"));
            List<Map<String, Object>> descriptions = new ArrayList<>();
            for (Object arn : (List<?>) input.get("ResourceArns")) {
                descriptions.add(Map.of("ResourceArn", arn, "Tags", List.of(Map.of("Key", "team", "Value", "web"))));
            }
            return Map.of("TagDescriptions", descriptions);
        });

        List<TagDescription> tags = FAKE.client(ElasticLoadBalancingV2Client.builder(), ACCOUNT, REGION)
                                        .describeTags(b -> b.resourceArns("arn:lb/1", "arn:lb/2")).tagDescriptions();

        assertThat(asked).containsExactly(List.of("arn:lb/1", "arn:lb/2"));
        assertThat(tags).extracting(TagDescription::resourceArn).containsExactly("arn:lb/1", "arn:lb/2");
        assertThat(tags.get(1).tags().get(0).value()).isEqualTo("web");
    }

    @Test
    void rdsListsUseTheirModelledMemberNames() {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            instances.add(Map.of("DBInstanceIdentifier", "db-" + i, "MultiAZ", i == 1, "BackupRetentionPeriod", 7,
                                 "DeletionProtection", true, "Engine", "postgres",
                                 "ReadReplicaDBInstanceIdentifiers", List.of("db-" + i + "-replica"),
                                 "TagList", List.of(Map.of("Key", "env", "Value", "prod"))));
        }
        region().items("rds", "DescribeDBInstances", instances);

        List<DescribeDbInstancesResponse> pages = FAKE.client(RdsClient.builder(), ACCOUNT, REGION)
                                                      .describeDBInstancesPaginator().stream().toList();

        assertThat(pages).hasSize(2);
        List<DBInstance> all = pages.stream().flatMap(p -> p.dbInstances().stream()).toList();
        assertThat(all).extracting(DBInstance::dbInstanceIdentifier).containsExactly("db-1", "db-2", "db-3");
        assertThat(all).extracting(DBInstance::multiAZ).containsExactly(true, false, false);
        assertThat(all.get(1).readReplicaDBInstanceIdentifiers()).containsExactly("db-2-replica");
        assertThat(all.get(2).tagList()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("prod"));
        assertThat(pages.get(0).marker()).isNotBlank();
        assertThat(pages.get(1).marker()).isNull();
    }

    @Test
    void elasticacheReplicationGroupsPageWithMarker() {
        region().items("elasticache", "DescribeReplicationGroups", List.of(
            Map.of("ReplicationGroupId", "rg-1", "AutomaticFailover", "enabled", "MultiAZ", "enabled",
                   "MemberClusters", List.of("rg-1-001", "rg-1-002"),
                   "NodeGroups", List.of(Map.of("NodeGroupId", "0001", "NodeGroupMembers", List.of(
                       Map.of("CacheClusterId", "rg-1-001", "PreferredAvailabilityZone", "eu-central-1a"))))),
            Map.of("ReplicationGroupId", "rg-2"), Map.of("ReplicationGroupId", "rg-3")));

        List<ReplicationGroup> groups = FAKE.client(ElastiCacheClient.builder(), ACCOUNT, REGION)
                                            .describeReplicationGroupsPaginator().replicationGroups().stream().toList();

        assertThat(groups).extracting(ReplicationGroup::replicationGroupId).containsExactly("rg-1", "rg-2", "rg-3");
        assertThat(groups.get(0).automaticFailoverAsString()).isEqualTo("enabled");
        assertThat(groups.get(0).memberClusters()).containsExactly("rg-1-001", "rg-1-002");
        assertThat(groups.get(0).nodeGroups().get(0).nodeGroupMembers().get(0).preferredAvailabilityZone())
            .isEqualTo("eu-central-1a");
        assertThat(FAKE.calls().count("elasticache", "DescribeReplicationGroups")).isEqualTo(2);
    }

    @Test
    void queryErrorsSurfaceAsTheModelledOrTheServiceException() {
        FAKE.inject(Fault.error("AccessDenied", 403).on("autoscaling"));
        region().fail("elbv2", "DescribeLoadBalancerAttributes", "LoadBalancerArn", "arn:lb/gone",
                      new AwsError("LoadBalancerNotFound", 400, "One or more load balancers not found"));
        region().handler("rds", "DescribeDBInstances", input -> {
            throw new AwsError("DBInstanceNotFound", 404, "DBInstance db-9 not found.");
        });

        assertThatThrownBy(() -> FAKE.client(AutoScalingClient.builder(), ACCOUNT, REGION).describeAutoScalingGroups())
            .isInstanceOfSatisfying(AutoScalingException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.statusCode()).isEqualTo(403);
            });
        assertThatThrownBy(() -> FAKE.client(ElasticLoadBalancingV2Client.builder(), ACCOUNT, REGION)
                                     .describeLoadBalancerAttributes(b -> b.loadBalancerArn("arn:lb/gone")))
            .isInstanceOfSatisfying(LoadBalancerNotFoundException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LoadBalancerNotFound");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("One or more load balancers not found");
            });
        assertThatThrownBy(() -> FAKE.client(RdsClient.builder(), ACCOUNT, REGION).describeDBInstances())
            .isInstanceOf(DbInstanceNotFoundException.class);
    }

    @Test
    void aRegionThatIsNotEnabledAnswersInvalidClientTokenId() {
        FAKE.account(ACCOUNT).disableRegion("ap-east-1");

        assertThatThrownBy(() -> FAKE.client(RdsClient.builder(), ACCOUNT, "ap-east-1").describeDBClusters())
            .isInstanceOfSatisfying(RdsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            });
    }
}
