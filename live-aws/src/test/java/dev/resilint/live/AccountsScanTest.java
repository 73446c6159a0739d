package dev.resilint.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.twin.Scans;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several accounts (listed, or the organization's) and regions (named, or every enabled one). */
class AccountsScanTest {

    static final String CALLER = "111122223333";
    static final String MEMBER = "444455556666";
    static final String LOCKED = "777788889999";
    static final String ROLE = "ResilintScan";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    /** An Auto Scaling group in one zone: one AZ01 finding per account region. */
    private static void singleZoneGroup(String account, String region) {
        FakeRegion r = FAKE.account(account).region(region);
        r.items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-a", "AvailabilityZone", region + "a")));
        r.items("autoscaling", "DescribeAutoScalingGroups", List.of(dev.resilint.live.twin.Trees.map(
                "AutoScalingGroupName", "web", "AutoScalingGroupARN", arn(account, region), "MinSize", 2,
                "MaxSize", 2, "DesiredCapacity", 2, "DefaultCooldown", 300, "AvailabilityZones", List.of(region + "a"),
                "HealthCheckType", "EC2", "VPCZoneIdentifier", "subnet-a", "CreatedTime", "2026-01-01T00:00:00Z")));
    }

    private static String arn(String account, String region) {
        return "arn:aws:autoscaling:" + region + ":" + account + ":autoScalingGroup:1:autoScalingGroupName/web";
    }

    private static Set<String> az01(Results results) {
        return results.findings().stream().filter(f -> f.ruleId().equals("AZ01"))
                .map(f -> ((Location.Live) f.location()).arn()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void listedAccountsAreReadThroughTheRoleAndTheCallersOwnWithItsOwnCredentials() {
        singleZoneGroup(CALLER, "eu-west-1");
        singleZoneGroup(MEMBER, "eu-west-1");
        FAKE.account(LOCKED).denyAssumeRole(ROLE);
        ScanSettings settings = Scans.settings(FAKE, CALLER, new ScanSettings.Accounts.Listed(List.of(CALLER,
                MEMBER, LOCKED)), Optional.of(ROLE), List.of("eu-west-1"));
        Results results = Scans.run(settings);

        assertThat(az01(results)).containsExactly(arn(CALLER, "eu-west-1"), arn(MEMBER, "eu-west-1"));
        assertThat(FAKE.assumedRoles()).extracting(FakeAws.AssumedRole::roleArn, FakeAws.AssumedRole::sessionName)
                .contains(org.assertj.core.groups.Tuple.tuple("arn:aws:iam::" + MEMBER + ":role/" + ROLE,
                        Accounts.SESSION_NAME))
                .noneMatch(t -> t.toList().get(0).toString().contains(CALLER));
        assertThat(results.notEvaluated()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.scope()).isEqualTo(LOCKED + "/*");
            assertThat(g.resourceType()).isEqualTo("*");
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.detail()).contains("sts:AssumeRole arn:aws:iam::" + LOCKED + ":role/" + ROLE);
        });
        assertThat(results.notEvaluated()).extracting(NotEvaluated::ruleId).contains("AZ01", "LB02");
    }

    @Test
    void theOrganizationsActiveAccountsAreScanned() {
        singleZoneGroup(CALLER, "eu-west-1");
        singleZoneGroup(MEMBER, "eu-west-1");
        singleZoneGroup(LOCKED, "eu-west-1");
        FAKE.account(CALLER).items("organizations", "ListAccounts", List.of(
                Map.of("Id", CALLER, "State", "ACTIVE", "Status", "ACTIVE"),
                Map.of("Id", MEMBER, "State", "ACTIVE", "Status", "ACTIVE"),
                Map.of("Id", LOCKED, "State", "SUSPENDED", "Status", "SUSPENDED")));
        Results results = Scans.run(Scans.settings(FAKE, CALLER, new ScanSettings.Accounts.Organization(),
                Optional.of(ROLE), List.of("eu-west-1")));
        assertThat(az01(results)).containsExactly(arn(CALLER, "eu-west-1"), arn(MEMBER, "eu-west-1"));
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void everyEnabledRegionIsScannedWithAllRegions() {
        singleZoneGroup(CALLER, "eu-west-1");
        singleZoneGroup(CALLER, "us-east-1");
        singleZoneGroup(CALLER, "ap-east-1");
        FAKE.account(CALLER).disableRegion("ap-east-1");
        ScanSettings named = Scans.caller(FAKE, CALLER, "eu-west-1");
        ScanSettings all = new ScanSettings(named.accounts(), List.of(), true, Optional.empty(), Optional.empty(),
                named.credentials(), "eu-west-1", named.clients(), 4, 4);
        Results results = Scans.run(all);
        assertThat(az01(results)).containsExactly(arn(CALLER, "eu-west-1"), arn(CALLER, "us-east-1"));
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void anEndpointThatCannotBeReachedIsNotCalledABadCredential() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ScanSettings named = Scans.caller(FAKE, CALLER, "eu-west-1");
        ScanSettings unreachable = new ScanSettings(named.accounts(), named.regions(), false, Optional.empty(),
                Optional.empty(), named.credentials(), "eu-west-1",
                named.clients().withEndpoint(URI.create("http://127.0.0.1:" + closed)), 4, 4);
        Accounts.SetupException e = catchThrowableOfType(
                () -> Scans.run(unreachable), Accounts.SetupException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("AWS STS in eu-west-1 cannot be reached: sts:GetCallerIdentity:")
                .doesNotContain("credentials do not work");
    }

    @Test
    void credentialsThatAreRefusedAreCalledSo() {
        FAKE.inject(Fault.error("InvalidClientTokenId", 403).on("sts", "GetCallerIdentity"));
        Accounts.SetupException e = catchThrowableOfType(
                () -> Scans.run(Scans.caller(FAKE, CALLER, "eu-west-1")), Accounts.SetupException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("the credentials do not work: sts:GetCallerIdentity:")
                .contains("InvalidClientTokenId");
    }
}
