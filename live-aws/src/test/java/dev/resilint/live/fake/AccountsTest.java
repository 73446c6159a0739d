package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Accounts by access key: STS AssumeRole issues keys naming the role's account; denied roles; unknown keys. */
class AccountsTest {
    private static final String MANAGEMENT = "100000000001";
    private static final String MEMBER = "200000000002";
    private static final String REGION = "eu-west-1";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    @Test
    void callsWithAssumedRoleCredentialsAreTheRolesAccount() {
        FAKE.account(MANAGEMENT).region(REGION).items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-mgmt")));
        FAKE.account(MEMBER).region(REGION).items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-member")));
        StsClient sts = FAKE.client(StsClient.builder(), MANAGEMENT, REGION);
        String roleArn = "arn:aws:iam::" + MEMBER + ":role/ResilintReadOnly";

        try (StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                 .refreshRequest(b -> b.roleArn(roleArn).roleSessionName("resilint-scan")).build()) {
            Ec2Client memberEc2 = FAKE.configure(Ec2Client.builder(), assumed, REGION).build();
            StsClient memberSts = FAKE.configure(StsClient.builder(), assumed, REGION).build();

            List<Subnet> subnets = memberEc2.describeSubnetsPaginator().subnets().stream().toList();
            GetCallerIdentityResponse identity = memberSts.getCallerIdentity();

            assertThat(subnets).extracting(Subnet::subnetId).containsExactly("subnet-member");
            assertThat(identity.account()).isEqualTo(MEMBER);
            assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + MEMBER + ":assumed-role/ResilintReadOnly/resilint-scan");
        }
        assertThat(sts.getCallerIdentity().account()).isEqualTo(MANAGEMENT);
        assertThat(FAKE.assumedRoles()).singleElement().satisfies(r -> {
            assertThat(r.callerAccount()).isEqualTo(MANAGEMENT);
            assertThat(r.roleArn()).isEqualTo(roleArn);
            assertThat(r.accessKeyId()).startsWith("ASIA" + MEMBER).hasSize(20);
        });
        assertThat(FAKE.calls().calls(c -> c.operation().equals("AssumeRole")))
            .singleElement().satisfies(c -> {
                assertThat(c.account()).isEqualTo(MANAGEMENT);
                assertThat(c.iamAction()).isEqualTo("sts:AssumeRole");
            });
        assertThat(FAKE.calls().count(MEMBER, REGION, "ec2", "DescribeSubnets")).isEqualTo(1);
        assertThat(FAKE.calls().count(MANAGEMENT, REGION, "ec2", "DescribeSubnets")).isZero();
    }

    @Test
    void assumeRoleAnswersExpiringCredentials() {
        AssumeRoleResponse response = FAKE.client(StsClient.builder(), MANAGEMENT, REGION)
            .assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/path/Audit").roleSessionName("s1")
                              .durationSeconds(900));

        assertThat(response.credentials().accessKeyId()).startsWith("ASIA" + MEMBER);
        assertThat(response.credentials().sessionToken()).isNotBlank();
        assertThat(response.credentials().expiration()).isBetween(java.time.Instant.now().plusSeconds(800),
                                                                  java.time.Instant.now().plusSeconds(1000));
        assertThat(response.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + MEMBER + ":assumed-role/Audit/s1");
    }

    @Test
    void deniedRolesAndBadSessionNamesAreRefusedAsStsRefusesThem() {
        FAKE.account(MEMBER).denyAssumeRole("Locked");
        FAKE.denyAssumeRole("arn:aws:iam::" + MEMBER + ":role/team/Sealed");
        StsClient sts = FAKE.client(StsClient.builder(), MANAGEMENT, REGION);

        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/Locked").roleSessionName("s")))
            .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/Locked").roleSessionName("scan")))
            .isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).contains("not authorized to perform: sts:AssumeRole");
            });
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/team/Sealed")
                                                      .roleSessionName("scan")))
            .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/Open").roleSessionName("scan"))
                      .credentials()).isNotNull();
    }

    @Test
    void unknownKeysAndForgedSessionTokensAreInvalidTokens() {
        StaticCredentialsProvider unknown = StaticCredentialsProvider.create(AwsBasicCredentials.create("NOTAKEY", "x"));
        String issued = FAKE.client(StsClient.builder(), MANAGEMENT, REGION)
                            .assumeRole(b -> b.roleArn("arn:aws:iam::" + MEMBER + ":role/R").roleSessionName("scan"))
                            .credentials().accessKeyId();
        StaticCredentialsProvider forged = StaticCredentialsProvider.create(
            AwsSessionCredentials.create(issued, "x", "not-the-token"));

        assertThatThrownBy(() -> FAKE.configure(StsClient.builder(), unknown, REGION).build().getCallerIdentity())
            .isInstanceOfSatisfying(StsException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        assertThatThrownBy(() -> FAKE.configure(DynamoDbClient.builder(), forged, REGION).build().listTables())
            .isInstanceOfSatisfying(DynamoDbException.class,
                                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException"));
        FAKE.registerAccessKey("NOTAKEY", MEMBER);
        assertThat(FAKE.configure(StsClient.builder(), unknown, REGION).build().getCallerIdentity().account()).isEqualTo(MEMBER);
    }
}
