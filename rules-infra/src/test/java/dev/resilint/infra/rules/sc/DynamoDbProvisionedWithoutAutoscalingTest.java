package dev.resilint.infra.rules.sc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamoDbProvisionedWithoutAutoscalingTest {

    private static final String HEADER = """
            Parameters:
              Mode: {Type: String}
              TargetId: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Mode, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** A provisioned table Orders (its ProvisionedThroughput on line 11) with an optional index. */
    private static final String TABLE = """
            Orders:
              Type: AWS::DynamoDB::Table
              Properties:
                ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}%s
                KeySchema: [{AttributeName: id, KeyType: HASH}]
                AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new DynamoDbProvisionedWithoutAutoscaling(), HEADER + resources.indent(2));
    }

    private static String target(String id, String dimension, String resourceId) {
        return """
                %s:
                  Type: AWS::ApplicationAutoScaling::ScalableTarget
                  Properties:
                    ServiceNamespace: dynamodb
                    ScalableDimension: %s
                    ResourceId: %s
                    MinCapacity: 5
                    MaxCapacity: 100
                """.formatted(id, dimension, resourceId);
    }

    private static String bothTableTargets() {
        return target("ReadTarget", "dynamodb:table:ReadCapacityUnits", "!Sub table/${Orders}")
                + target("WriteTarget", "dynamodb:table:WriteCapacityUnits",
                        "!Join ['', ['table/', !Ref Orders]]");
    }

    @Test
    void firesOnAProvisionedTableWithoutScalableTargets() {
        assertThat(check(TABLE.formatted("  # expect SC03"))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SC03");
            assertThat(f.message()).isEqualTo("DynamoDB table Orders has provisioned capacity (BillingMode is not set "
                    + "(default PROVISIONED)) without auto scaling for table read, table write (no "
                    + "AWS::ApplicationAutoScaling::ScalableTarget refers to it), so requests beyond the provisioned "
                    + "capacity are throttled; add scalable targets with target tracking policies, or set "
                    + "BillingMode: PAY_PER_REQUEST");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Orders/Properties/ProvisionedThroughput");
            assertThat(loc.line()).isEqualTo(11);
            assertThat(loc.column()).isEqualTo(7);
        });
    }

    @Test
    void quietWhenBothDimensionsScaleOrTheTableIsOnDemand() {
        assertThat(check(TABLE.formatted("") + bothTableTargets())).isEmpty();
        assertThat(check(TABLE.formatted("\n    BillingMode: PAY_PER_REQUEST"))).isEmpty();
        assertThat(check(TABLE.formatted("\n    TableName: orders")
                + target("ReadTarget", "dynamodb:table:ReadCapacityUnits", "table/orders")
                + target("WriteTarget", "dynamodb:table:WriteCapacityUnits", "table/orders"))).isEmpty();
    }

    @Test
    void namesTheDimensionsLeftWithoutScaling() {
        assertThat(check(TABLE.formatted("\n    BillingMode: PROVISIONED  # expect SC03")
                + target("ReadTarget", "dynamodb:table:ReadCapacityUnits", "!Sub table/${Orders}")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("(BillingMode: PROVISIONED) without "
                        + "auto scaling for table write ("));
    }

    @Test
    void judgesGlobalSecondaryIndexes() {
        String table = TABLE.formatted("  # expect SC03\n    GlobalSecondaryIndexes:\n      - IndexName: byCustomer\n"
                + "        KeySchema: [{AttributeName: id, KeyType: HASH}]\n        Projection: {ProjectionType: ALL}\n"
                + "        ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}");
        assertThat(check(table + bothTableTargets()
                + target("IndexRead", "dynamodb:index:ReadCapacityUnits", "!Sub table/${Orders}/index/byCustomer")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("without auto scaling for index "
                        + "byCustomer write ("));
        assertThat(check(table.replace("  # expect SC03", "") + bothTableTargets()
                + target("IndexRead", "dynamodb:index:ReadCapacityUnits", "!Sub table/${Orders}/index/byCustomer")
                + target("IndexWrite", "dynamodb:index:WriteCapacityUnits",
                        "!Join ['', ['table/', !Ref Orders, '/index/byCustomer']]"))).isEmpty();
    }

    @Test
    void indexesThatCannotBeKnownAreNotJudgedButTheTableStillIs() {
        String table = TABLE.formatted("  # expect SC03\n    GlobalSecondaryIndexes: !If\n      - Prod\n"
                + "      - - IndexName: byCustomer\n          KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
                + "          Projection: {ProjectionType: ALL}\n"
                + "          ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}\n"
                + "      - !Ref AWS::NoValue");
        assertThat(check(table)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("without auto scaling for table read, table write (").doesNotContain("byCustomer"));
        assertThat(check(table.replace("  # expect SC03", "") + bothTableTargets())).isEmpty();
    }

    @Test
    void quietWhenAScalableTargetCannotBeRead() {
        assertThat(check(TABLE.formatted("")
                + target("ReadTarget", "dynamodb:table:ReadCapacityUnits", "!Ref TargetId"))).isEmpty();
        assertThat(check(TABLE.formatted("")
                + target("ReadTarget", "!Ref Mode", "!Sub table/${Orders}"))).isEmpty();
        assertThat(check(TABLE.formatted("") + bothTableTargets().replace("Properties:\n",
                "Condition: Prod\n  Properties:\n"))).isEmpty();
        assertThat(check(TABLE.formatted("\n    BillingMode: !Ref Mode"))).isEmpty();
        assertThat(check(TABLE.formatted("").replace("    ProvisionedThroughput: {ReadCapacityUnits: 5, "
                + "WriteCapacityUnits: 5}\n", ""))).isEmpty(); // invalid: a provisioned table needs its capacity
    }

    @Test
    void scalableTargetsOfOtherResourcesDoNotCount() {
        assertThat(check(TABLE.formatted("  # expect SC03")
                + target("EcsTarget", "ecs:service:DesiredCount", "service/cluster/web").replace(
                        "ServiceNamespace: dynamodb", "ServiceNamespace: ecs")
                + target("OtherTable", "dynamodb:table:ReadCapacityUnits", "!Sub table/${Other}")
                + "Other:\n  Type: AWS::SQS::Queue\n")).hasSize(1);
        assertThat(check(TABLE.formatted("  # expect SC03")
                + bothTableTargets().replace("Properties:\n", "Condition: Never\n  Properties:\n"))).hasSize(1);
    }

    @Test
    void firesOnAProvisionedGlobalTableWithoutWriteAutoScaling() {
        assertThat(check("""
                Global:
                  Type: AWS::DynamoDB::GlobalTable
                  Properties:
                    BillingMode: PROVISIONED  # expect SC03
                    Replicas: [{Region: eu-west-1}]
                    KeySchema: [{AttributeName: id, KeyType: HASH}]
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                """)).singleElement().satisfies(f -> assertThat(f.message()).startsWith("DynamoDB global table Global "
                        + "has provisioned capacity (BillingMode: PROVISIONED) without WriteProvisionedThroughputSettings"));
        assertThat(check("""
                Global:
                  Type: AWS::DynamoDB::GlobalTable
                  Properties:
                    BillingMode: PROVISIONED
                    WriteProvisionedThroughputSettings:
                      WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: {TargetValue: 70}}
                    Replicas: [{Region: eu-west-1}]
                """)).isEmpty();
        assertThat(check("""
                Global:
                  Type: AWS::DynamoDB::GlobalTable
                  Properties: {BillingMode: PAY_PER_REQUEST, Replicas: [{Region: eu-west-1}]}
                """)).isEmpty();
    }

    @Test
    void judgesSamSimpleTables(@TempDir Path dir) {
        Expect.analyzed(dir, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OnDemand:
                    Type: AWS::Serverless::SimpleTable
                  Provisioned:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}  # expect SC03
                """, "SC03");
    }
}
