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
 * DynamoDB tables with and without deletion protection and point-in-time recovery, on demand and
 * provisioned, and a global table whose replica in this region has no deletion protection: written
 * as a template and served by the fake account (where the global table is, in this region, a table
 * with replicas), they get the same findings from DR02 and DR03.
 */
class DynamoDbTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
              Events:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: events
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              Sessions:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: sessions
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: false}
              Carts:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: carts
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  DeletionProtectionEnabled: false
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
              Global:
                Type: AWS::DynamoDB::GlobalTable
                Properties:
                  TableName: global
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                  Replicas:
                    - Region: eu-west-1
                      DeletionProtectionEnabled: false
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                    - Region: us-east-1
                      DeletionProtectionEnabled: true
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
            """;

    private static void table(FakeRegion eu, String name, Map<String, Object> description, boolean pitr) {
        Map<String, Object> table = Trees.map("TableName", name, "TableArn", ARN + name, "TableStatus", "ACTIVE",
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
        table.putAll(description);
        eu.answer("dynamodb", "DescribeTable", "TableName", name, Map.of("Table", table));
        eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", name, Map.of("ContinuousBackupsDescription",
                Map.of("ContinuousBackupsStatus", "ENABLED", "PointInTimeRecoveryDescription",
                        Map.of("PointInTimeRecoveryStatus", pitr ? "ENABLED" : "DISABLED"))));
    }

    /** The same tables as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("dynamodb", "ListTables", List.of("carts", "events", "global", "orders", "sessions"));
        Map<String, Object> onDemand = Map.of("BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST"),
                "ProvisionedThroughput", Map.of("ReadCapacityUnits", 0, "WriteCapacityUnits", 0));
        table(eu, "orders", Trees.map("DeletionProtectionEnabled", true, "BillingModeSummary",
                onDemand.get("BillingModeSummary")), true);
        table(eu, "events", Trees.map("DeletionProtectionEnabled", false, "ProvisionedThroughput",
                Map.of("ReadCapacityUnits", 5, "WriteCapacityUnits", 5)), false);
        table(eu, "sessions", Trees.map("DeletionProtectionEnabled", true, "BillingModeSummary",
                onDemand.get("BillingModeSummary")), false);
        table(eu, "carts", Trees.map("DeletionProtectionEnabled", false, "BillingModeSummary",
                onDemand.get("BillingModeSummary")), true);
        table(eu, "global", Trees.map("DeletionProtectionEnabled", false, "BillingModeSummary",
                onDemand.get("BillingModeSummary"), "GlobalTableVersion", "2019.11.21",
                "Replicas", List.of(Map.of("RegionName", "us-east-1", "ReplicaStatus", "ACTIVE")),
                "StreamSpecification", Map.of("StreamEnabled", true, "StreamViewType", "NEW_AND_OLD_IMAGES")), true);
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Orders", ARN + "orders").is("Events", ARN + "events").is("Sessions", ARN + "sessions")
                .is("Carts", ARN + "carts").is("Global", ARN + "global")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("DR02 Carts", "DR02 Events", "DR02 Global", "DR03 Events",
                "DR03 Sessions", "SC03 Events");
    }
}
