package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3VersioningDisabledTest {

    private static final String HEAD = """
            Parameters:
              Versioning: {Type: String}
            Conditions:
              Never: !Equals [a, b]
              Maybe: !Equals [!Ref Versioning, Enabled]
            Resources:
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new S3VersioningDisabled(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnABucketWithoutVersioningAtTheResource() {
        assertThat(check("""
                Uploads:  # expect DR05
                  Type: AWS::S3::Bucket
                """)).singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("DR05");
                    assertThat(f.message()).isEqualTo("S3 bucket Uploads has no VersioningConfiguration (versioning "
                            + "is off unless enabled), so an overwrite or a delete destroys the only copy of an "
                            + "object; set VersioningConfiguration.Status: Enabled");
                });
    }

    @Test
    void firesOnSuspendedVersioningAtTheStatus() {
        assertThat(check("""
                Uploads:
                  Type: AWS::S3::Bucket
                  Properties:
                    VersioningConfiguration:
                      Status: Suspended  # expect DR05
                """)).singleElement().satisfies(f -> {
                    Location.Template at = (Location.Template) f.location();
                    assertThat(at.line()).isEqualTo(11);
                    assertThat(at.column()).isEqualTo(9);
                    assertThat(f.message()).contains("versioning suspended");
                });
    }

    @Test
    void quietWhenEnabledOrUnknownAndFiresWhenNoBranchEnables() {
        assertThat(check("""
                A:
                  Type: AWS::S3::Bucket
                  Properties: {VersioningConfiguration: {Status: Enabled}}
                B:
                  Type: AWS::S3::Bucket
                  Properties: {VersioningConfiguration: {Status: !Ref Versioning}}
                C:
                  Type: AWS::S3::Bucket
                  Properties: {VersioningConfiguration: !If [Maybe, {Status: Enabled}, !Ref AWS::NoValue]}
                Invalid:
                  Type: AWS::S3::Bucket
                  Properties: {VersioningConfiguration: {Status: Enabled1}}
                """)).isEmpty();
        check("""
                D:
                  Type: AWS::S3::Bucket
                  Properties:
                    VersioningConfiguration: !If [Maybe, {Status: Suspended}, !Ref AWS::NoValue]  # expect DR05
                """);
    }

    @Test
    void accessLogTargetsAndCdkAutoDeleteBucketsAreExempt() {
        check("""
                Logs:
                  Type: AWS::S3::Bucket
                CdnLogs:
                  Type: AWS::S3::Bucket
                ElbLogs:
                  Type: AWS::S3::Bucket
                Site:
                  Type: AWS::S3::Bucket
                  Properties:
                    VersioningConfiguration: {Status: Enabled}
                    LoggingConfiguration: {DestinationBucketName: !Ref Logs}
                Cdn:
                  Type: AWS::CloudFront::Distribution
                  Properties:
                    DistributionConfig:
                      Enabled: true
                      Logging: {Bucket: !GetAtt CdnLogs.RegionalDomainName}
                Alb:
                  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                  Properties:
                    LoadBalancerAttributes:
                      - {Key: access_logs.s3.enabled, Value: 'true'}
                      - {Key: access_logs.s3.bucket, Value: !Ref ElbLogs}
                Scratch:
                  Type: AWS::S3::Bucket
                  Properties:
                    Tags: [{Key: aws-cdk:auto-delete-objects, Value: 'true'}]
                """);
    }

    @Test
    void aLogTargetWhoseWriterIsNeverCreatedIsJudged() {
        check("""
                Logs:  # expect DR05
                  Type: AWS::S3::Bucket
                Site:
                  Type: AWS::S3::Bucket
                  Condition: Never
                  Properties:
                    LoggingConfiguration: {DestinationBucketName: !Ref Logs}
                """);
    }

    @Test
    void quietWhenTheConditionIsProvablyFalse() {
        assertThat(Fixtures.findings(new S3VersioningDisabled(),
                HEAD + "  Uploads: {Type: AWS::S3::Bucket, Condition: Never}\n")).isEmpty();
    }
}
