package dev.resilint.live.map.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/";

    private static ContinuousBackupsDescription pitr(PointInTimeRecoveryStatus status, Integer days) {
        return ContinuousBackupsDescription.builder().continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus(status).recoveryPeriodInDays(days))
                .build();
    }

    @Test
    void anOnDemandGlobalTableKeepsItsSettingsButNoThroughput() {
        LiveResource r = TableMapper.map(SCOPE, "orders", TableDescription.builder().tableName("orders")
                .tableArn(ARN + "orders").tableStatus(TableStatus.ACTIVE).deletionProtectionEnabled(true)
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))
                .provisionedThroughput(t -> t.readCapacityUnits(0L).writeCapacityUnits(0L))
                .tableClassSummary(c -> c.tableClass("STANDARD"))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .replicas(x -> x.regionName("eu-west-1"), x -> x.regionName("us-east-1"))
                .build(), pitr(PointInTimeRecoveryStatus.ENABLED, 35), null,
                TagLookup.of(Map.of(ARN + "orders", Map.of("team", "payments")))).orElseThrow();
        assertThat(r.type()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(r.arn()).isEqualTo(ARN + "orders");
        assertThat(r.identifiers()).isEqualTo(Map.of("orders", "", ARN + "orders", "Arn"));
        assertThat(PropertyLines.of(r.properties())).containsExactly(
                "TableName = \"orders\"",
                "BillingMode = \"PAY_PER_REQUEST\"",
                "DeletionProtectionEnabled = true",
                "TableClass = \"STANDARD\"",
                "KeySchema/0/AttributeName = \"id\"", "KeySchema/0/KeyType = \"HASH\"",
                "Replicas/0/Region = \"eu-west-1\"", "Replicas/1/Region = \"us-east-1\"",
                "StreamSpecification/StreamViewType = \"NEW_AND_OLD_IMAGES\"",
                "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled = true",
                "PointInTimeRecoverySpecification/RecoveryPeriodInDays = 35",
                "Tags/0/Key = \"team\"", "Tags/0/Value = \"payments\"");
    }

    @Test
    void aProvisionedTableWithoutSummaryHasNoBillingModeAndItsThroughput() {
        LiveResource r = TableMapper.map(SCOPE, "events", TableDescription.builder().tableName("events")
                .tableStatus(TableStatus.ACTIVE).deletionProtectionEnabled(false)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(10L)).build(),
                pitr(PointInTimeRecoveryStatus.DISABLED, null), null, TagLookup.none()).orElseThrow();
        assertThat(r.arn()).isEqualTo(ARN + "events");
        assertThat(PropertyLines.of(r.properties())).containsExactly(
                "TableName = \"events\"",
                "DeletionProtectionEnabled = false",
                "ProvisionedThroughput/ReadCapacityUnits = 5",
                "ProvisionedThroughput/WriteCapacityUnits = 10",
                "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled = false");
    }

    @Test
    void detailsThatCouldNotBeReadStayUnknownAndADeletingTableIsGone() {
        Value.Unknown denied = Value.unknown(Value.Reason.ACCESS_DENIED, "DescribeContinuousBackups: AccessDeniedException");
        LiveResource noBackups = TableMapper.map(SCOPE, "carts", TableDescription.builder().tableName("carts")
                .tableStatus(TableStatus.ACTIVE).deletionProtectionEnabled(true).build(), null, denied,
                TagLookup.none()).orElseThrow();
        assertThat(PropertyLines.of(noBackups.properties())).containsExactly("TableName = \"carts\"",
                "DeletionProtectionEnabled = true", "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled = unknown ACCESS_DENIED");

        LiveResource onlyName = TableMapper.map(SCOPE, "carts", null, pitr(PointInTimeRecoveryStatus.ENABLED, 7), null,
                TagLookup.none()).orElseThrow();
        assertThat(onlyName.arn()).isEqualTo(ARN + "carts");
        assertThat(PropertyLines.of(onlyName.properties())).containsExactly("TableName = \"carts\"",
                "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled = true",
                "PointInTimeRecoverySpecification/RecoveryPeriodInDays = 7");

        assertThat(TableMapper.map(SCOPE, "old", TableDescription.builder().tableName("old")
                .tableStatus(TableStatus.DELETING).build(), null, null, TagLookup.none())).isEmpty();
    }
}
