package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SC03 on DynamoDB capacity: a provisioned table whose table and index dimensions all scale, one whose
 * write capacity and index do not, a provisioned table that names no billing mode, and an on-demand
 * table, written as a template (scalable targets by {@code Fn::Sub} and by literal {@code ResourceId})
 * and served by the fake account (tables by DynamoDB, scalable targets by Application Auto Scaling):
 * the same findings, with the same message; and when the scalable targets cannot be read, SC03 is not
 * evaluated instead of flagging every provisioned table.
 */
class DynamoDbCapacityTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/";
    static final String TARGET = "arn:aws:application-autoscaling:eu-west-1:111122223333:scalable-target/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Scaled:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: scaled
                  BillingMode: PROVISIONED
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: user, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                  GlobalSecondaryIndexes:
                    - IndexName: by-user
                      KeySchema: [{AttributeName: user, KeyType: HASH}]
                      Projection: {ProjectionType: ALL}
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              Partly:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: partly
                  BillingMode: PROVISIONED
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: day, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                  GlobalSecondaryIndexes:
                    - IndexName: by-day
                      KeySchema: [{AttributeName: day, KeyType: HASH}]
                      Projection: {ProjectionType: KEYS_ONLY}
                      ProvisionedThroughput: {ReadCapacityUnits: 2, WriteCapacityUnits: 2}
              Plain:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: plain
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
              OnDemand:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: ondemand
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  DeletionProtectionEnabled: true
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
              ScaledRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:ReadCapacityUnits
                  ResourceId: !Sub table/${Scaled}
                  MinCapacity: 5
                  MaxCapacity: 100
              ScaledWrite:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:WriteCapacityUnits
                  ResourceId: !Sub table/${Scaled}
                  MinCapacity: 5
                  MaxCapacity: 100
              ScaledIndexRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:index:ReadCapacityUnits
                  ResourceId: !Sub table/${Scaled}/index/by-user
                  MinCapacity: 5
                  MaxCapacity: 100
              ScaledIndexWrite:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:index:WriteCapacityUnits
                  ResourceId: table/scaled/index/by-user
                  MinCapacity: 5
                  MaxCapacity: 100
              PartlyRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:ReadCapacityUnits
                  ResourceId: table/partly
                  MinCapacity: 5
                  MaxCapacity: 50
            """;

    private static void table(FakeRegion eu, String name, Map<String, Object> description) {
        Map<String, Object> table = Trees.map("TableName", name, "TableArn", ARN + name, "TableStatus", "ACTIVE",
                "DeletionProtectionEnabled", true, "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));
        table.putAll(description);
        eu.answer("dynamodb", "DescribeTable", "TableName", name, Map.of("Table", table));
        eu.answer("dynamodb", "DescribeContinuousBackups", "TableName", name, Map.of("ContinuousBackupsDescription",
                Map.of("ContinuousBackupsStatus", "ENABLED", "PointInTimeRecoveryDescription",
                        Map.of("PointInTimeRecoveryStatus", "ENABLED"))));
    }

    private static Map<String, Object> capacity(int read, int write) {
        return Map.of("ReadCapacityUnits", read, "WriteCapacityUnits", write, "NumberOfDecreasesToday", 0);
    }

    private static Map<String, Object> index(String name, int units) {
        return Map.of("IndexName", name, "IndexStatus", "ACTIVE", "ProvisionedThroughput", capacity(units, units),
                "KeySchema", List.of(Map.of("AttributeName", "k", "KeyType", "HASH")));
    }

    private static Map<String, Object> target(String resourceId, String dimension, String id) {
        return Map.of("ServiceNamespace", "dynamodb", "ResourceId", resourceId, "ScalableDimension", dimension,
                "MinCapacity", 5, "MaxCapacity", 100, "RoleARN", "arn:aws:iam::111122223333:role/scaling",
                "CreationTime", "2024-05-01T10:00:00Z", "ScalableTargetARN", TARGET + id);
    }

    /** The same tables and scalable targets as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("dynamodb", "ListTables", List.of("ondemand", "partly", "plain", "scaled"));
        Map<String, Object> provisioned = Map.of("BillingMode", "PROVISIONED");
        table(eu, "scaled", Trees.map("BillingModeSummary", provisioned, "ProvisionedThroughput", capacity(5, 5),
                "GlobalSecondaryIndexes", List.of(index("by-user", 5))));
        table(eu, "partly", Trees.map("BillingModeSummary", provisioned, "ProvisionedThroughput", capacity(5, 5),
                "GlobalSecondaryIndexes", List.of(index("by-day", 2))));
        // created provisioned and never switched: the API gives no BillingModeSummary
        table(eu, "plain", Trees.map("ProvisionedThroughput", capacity(1, 1)));
        table(eu, "ondemand", Trees.map("BillingModeSummary", Map.of("BillingMode", "PAY_PER_REQUEST"),
                "ProvisionedThroughput", capacity(0, 0)));
        eu.items("application-autoscaling", "DescribeScalableTargets", "ServiceNamespace", "dynamodb", List.of(
                target("table/scaled", "dynamodb:table:ReadCapacityUnits", "a1"),
                target("table/scaled", "dynamodb:table:WriteCapacityUnits", "a2"),
                target("table/scaled/index/by-user", "dynamodb:index:ReadCapacityUnits", "a3"),
                target("table/scaled/index/by-user", "dynamodb:index:WriteCapacityUnits", "a4"),
                target("table/partly", "dynamodb:table:ReadCapacityUnits", "a5")));
    }

    private static Twin twin() {
        return Twin.of(TEMPLATE).is("Scaled", ARN + "scaled").is("Partly", ARN + "partly").is("Plain", ARN + "plain")
                .is("OnDemand", ARN + "ondemand").is("ScaledRead", TARGET + "a1").is("ScaledWrite", TARGET + "a2")
                .is("ScaledIndexRead", TARGET + "a3").is("ScaledIndexWrite", TARGET + "a4")
                .is("PartlyRead", TARGET + "a5");
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        var findings = twin().assertSame(dir, FAKE, ACCOUNT, REGION);

        assertThat(findings).containsExactly("SC03 Partly", "SC03 Plain");
    }

    @Test
    void theLiveFindingsSayWhatTheTemplateFindingsSay() {
        serve(FAKE.account(ACCOUNT).region(REGION));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        List<String> messages = live.findings().stream().filter(f -> f.ruleId().equals("SC03"))
                .map(Finding::message).sorted().toList();
        assertThat(messages).containsExactly(
                "DynamoDB table partly has provisioned capacity (BillingMode: PROVISIONED) without auto scaling for "
                        + "table write, index by-day read, index by-day write (no AWS::ApplicationAutoScaling::"
                        + "ScalableTarget refers to it), so requests beyond the provisioned capacity are throttled; "
                        + "add scalable targets with target tracking policies, or set BillingMode: PAY_PER_REQUEST",
                "DynamoDB table plain has provisioned capacity (BillingMode is not set (default PROVISIONED)) without "
                        + "auto scaling for table read, table write (no AWS::ApplicationAutoScaling::ScalableTarget "
                        + "refers to it), so requests beyond the provisioned capacity are throttled; add scalable "
                        + "targets with target tracking policies, or set BillingMode: PAY_PER_REQUEST");
        assertThat(live.findings().stream().filter(f -> f.ruleId().equals("SC03")).map(Finding::fingerprint)
                .distinct()).hasSize(2);
    }

    @Test
    void scalableTargetsThatCannotBeReadLeaveSc03NotEvaluatedAndFlagNoTable() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "User is not authorized to perform: "
                + "application-autoscaling:DescribeScalableTargets")).on("application-autoscaling",
                "DescribeScalableTargets"));

        Results live = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(live.findings()).noneMatch(f -> f.ruleId().equals("SC03"));
        assertThat(live.notEvaluated()).filteredOn(n -> n.ruleId().equals("SC03")).singleElement().satisfies(n -> {
            assertThat(n.toString()).contains("AWS::ApplicationAutoScaling::ScalableTarget");
            assertThat(n.toString()).contains("DescribeScalableTargets");
        });
    }
}
