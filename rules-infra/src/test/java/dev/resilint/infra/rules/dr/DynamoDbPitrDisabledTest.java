package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoDbPitrDisabledTest {

    @TempDir
    Path dir;

    private static List<Finding> check(String properties) {
        return check("", properties);
    }

    /** A table Orders with {@code properties} from line 6; {@code marker} goes on its Properties line (4). */
    private static List<Finding> check(String marker, String properties) {
        return Expect.findings(new DynamoDbPitrDisabled(), """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:%s
                      BillingMode: PAY_PER_REQUEST
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesWhenPitrIsNotConfigured() {
        assertThat(check("  # expect DR03", "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DR03");
            assertThat(f.message()).contains("Orders").contains("PointInTimeRecoveryEnabled: true");
        });
    }

    @Test
    void firesWhenPitrIsDisabledAndPointsAtTheFlag() {
        List<Finding> findings = check("""
                PointInTimeRecoverySpecification:
                  PointInTimeRecoveryEnabled: false  # expect DR03
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("disabled");
            assertThat(f.location().column()).isEqualTo(9);
        });
    }

    @Test
    void quietWhenEnabled() {
        assertThat(check("PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}\n")).isEmpty();
        assertThat(check("PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: 'true'}\n")).isEmpty();
    }

    @Test
    void quietWhenUnknown() {
        assertThat(check("PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: !Ref Pitr}\n")).isEmpty();
        assertThat(check("PointInTimeRecoverySpecification: !If [Prod, {PointInTimeRecoveryEnabled: true}, "
                + "!Ref AWS::NoValue]\n")).isEmpty();
    }

    @Test
    void quietForOtherResourceTypes() {
        assertThat(Fixtures.findings(new DynamoDbPitrDisabled(), "Resources:\n  Q: {Type: AWS::SQS::Queue}\n")).isEmpty();
    }

    @Test
    void namesCdkResourcesByTheirConstructPath() {
        assertThat(Fixtures.findings(new DynamoDbPitrDisabled(), """
                {"Resources": {"OrdersTable6D3A5C4E": {
                  "Type": "AWS::DynamoDB::Table",
                  "Properties": {"BillingMode": "PAY_PER_REQUEST"},
                  "Metadata": {"aws:cdk:path": "ShopStack/Orders/Resource"}}}}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("DynamoDB table OrdersTable6D3A5C4E (ShopStack/Orders) has no");
                    assertThat(f.location().line()).isEqualTo(3); // JSON has no comments to carry a marker
                });
    }

    @Test
    void samSimpleTablePassesItsPitrSpecificationThrough() {
        // SAM copies PointInTimeRecoverySpecification to the AWS::DynamoDB::Table it generates
        assertThat(Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                """, "DR03")).isEmpty();
        List<Finding> off = Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      PointInTimeRecoverySpecification:
                        PointInTimeRecoveryEnabled: false  # expect DR03
                """, "DR03");
        assertThat(off).singleElement().satisfies(f -> assertThat(f.message()).contains("disabled"));
    }
}
