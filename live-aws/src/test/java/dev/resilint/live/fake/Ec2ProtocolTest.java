package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** The EC2 query protocol through the real SDK client: form requests, {@code <item>} lists, EC2 errors. */
class Ec2ProtocolTest {
    private static final String ACCOUNT = "111111111111";
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

    private static Ec2Client ec2(String region) {
        return FAKE.client(Ec2Client.builder(), ACCOUNT, region);
    }

    @Test
    void describeSubnetsPagesThroughTheSdkPaginator() {
        List<Map<String, Object>> subnets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            subnets.add(Map.of("SubnetId", "subnet-" + i, "AvailabilityZone", "eu-west-1" + (char) ('a' + i % 3),
                               "VpcId", "vpc-1", "AvailableIpAddressCount", 250 + i,
                               "Tags", List.of(Map.of("Key", "Name", "Value", "web-" + i))));
        }
        FAKE.account(ACCOUNT).region("eu-west-1").items("ec2", "DescribeSubnets", subnets);

        List<DescribeSubnetsResponse> pages = ec2("eu-west-1").describeSubnetsPaginator(b -> b.maxResults(100)).stream().toList();

        assertThat(pages).hasSize(3);
        List<Subnet> all = pages.stream().flatMap(p -> p.subnets().stream()).toList();
        assertThat(all).extracting(Subnet::subnetId).containsExactly("subnet-1", "subnet-2", "subnet-3", "subnet-4", "subnet-5");
        assertThat(all.get(0).availabilityZone()).isEqualTo("eu-west-1b");
        assertThat(all.get(0).availableIpAddressCount()).isEqualTo(251);
        assertThat(all.get(4).tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("web-5"));
        assertThat(FAKE.calls().count(ACCOUNT, "eu-west-1", "ec2", "DescribeSubnets")).isEqualTo(3);
        assertThat(pages.get(0).responseMetadata().requestId()).startsWith("fake-");
    }

    @Test
    void sdkModelObjectsServeAsItemsAndANullAnswerIsEmpty() {
        FAKE.account(ACCOUNT).region("eu-west-1")
            .items("ec2", "DescribeSubnets", List.of(Subnet.builder().subnetId("subnet-x").availabilityZoneId("euw1-az1")
                                                           .mapPublicIpOnLaunch(false).build()))
            .handler("ec2", "DescribeLaunchTemplates", input -> null);

        List<Subnet> subnets = ec2("eu-west-1").describeSubnets().subnets();

        assertThat(subnets).singleElement().satisfies(s -> {
            assertThat(s.subnetId()).isEqualTo("subnet-x");
            assertThat(s.availabilityZoneId()).isEqualTo("euw1-az1");
            assertThat(s.mapPublicIpOnLaunch()).isFalse();
        });
        assertThat(ec2("eu-west-1").describeLaunchTemplates().launchTemplates()).isEmpty();
    }

    @Test
    void requestListsAndFiltersReachTheHandlerAsMemberTrees() {
        List<Map<String, Object>> seen = new ArrayList<>();
        FAKE.account(ACCOUNT).region("eu-west-1").handler("ec2", "DescribeInstances", input -> {
            seen.add(input);
            return Map.of("Reservations", List.of(Map.of("ReservationId", "r-1", "Instances", List.of(
                Map.of("InstanceId", "i-1", "Placement", Map.of("AvailabilityZone", "eu-west-1a"),
                       "State", Map.of("Name", "running", "Code", 16), "LaunchTime", Instant.parse("2024-05-01T10:00:00Z"))))));
        });

        List<Instance> instances = ec2("eu-west-1").describeInstances(b -> b.instanceIds("i-1", "i-2")
            .filters(Filter.builder().name("instance-state-name").values("running", "stopped").build()))
            .reservations().get(0).instances();

        assertThat(instances).singleElement().satisfies(i -> {
            assertThat(i.placement().availabilityZone()).isEqualTo("eu-west-1a");
            assertThat(i.state().nameAsString()).isEqualTo("running");
            assertThat(i.launchTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        });
        assertThat(seen).singleElement().isEqualTo(Map.of(
            "InstanceIds", List.of("i-1", "i-2"),
            "Filters", List.of(Map.of("Name", "instance-state-name", "Values", List.of("running", "stopped")))));
    }

    @Test
    void describeRegionsAnswersTheAccountsRegionsByDefault() {
        FAKE.account(ACCOUNT).region("eu-west-1");
        FAKE.account(ACCOUNT).region("us-east-1");
        FAKE.account(ACCOUNT).disableRegion("ap-east-1");

        List<Region> enabled = ec2("us-east-1").describeRegions().regions();
        List<Region> all = ec2("us-east-1").describeRegions(b -> b.allRegions(true)).regions();

        assertThat(enabled).extracting(Region::regionName).containsExactly("eu-west-1", "us-east-1");
        assertThat(all).extracting(Region::regionName, Region::optInStatus)
                       .containsExactly(org.assertj.core.groups.Tuple.tuple("ap-east-1", "not-opted-in"),
                                        org.assertj.core.groups.Tuple.tuple("eu-west-1", "opt-in-not-required"),
                                        org.assertj.core.groups.Tuple.tuple("us-east-1", "opt-in-not-required"));
    }

    @Test
    void errorsSurfaceWithTheirEc2ErrorCode() {
        FAKE.inject(Fault.error("UnauthorizedOperation", 403).on("ec2", "DescribeSecurityGroups"));

        assertThatThrownBy(() -> ec2("eu-west-1").describeSecurityGroups())
            .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("UnauthorizedOperation");
                assertThat(e.requestId()).startsWith("fake-");
            });
    }

    /**
     * EC2 answers {@code AuthFailure} with HTTP 401 in a region that is not enabled. The JDK's
     * HttpURLConnection, under the url-connection client, drops the body of a 401 to a streamed POST, so
     * the SDK reports the status alone: a collector must read 401 as the invalid-token case.
     */
    @Test
    void aRegionThatIsNotEnabledAnswers401AuthFailure() {
        FAKE.account(ACCOUNT).disableRegion("me-south-1");

        assertThatThrownBy(() -> ec2("me-south-1").describeSubnets())
            .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(401);
                assertThat(e.awsErrorDetails().errorCode()).isNull();
            });
        assertThat(FAKE.calls().calls()).singleElement().satisfies(c -> {
            assertThat(c.errorCode()).isEqualTo("AuthFailure");
            assertThat(c.region()).isEqualTo("me-south-1");
        });
        assertThat(ec2("eu-west-1").describeSubnets().subnets()).isEmpty();
    }
}
