package dev.resilint.live.map.dynamodb;

import dev.resilint.core.tree.Mark;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table of {@code ListTables}, with its {@code DescribeTable} and {@code DescribeContinuousBackups}
 * (and tags when a rule reads them), as {@code AWS::DynamoDB::Table}.
 *
 * <p>Shapes: {@code BillingModeSummary.BillingMode} is {@code BillingMode} (a table the API gives no
 * summary for was created provisioned, CloudFormation's default, and gets none);
 * {@code ProvisionedThroughput} is written for provisioned tables only (the API answers zeros for an
 * on-demand table, where CloudFormation forbids the property);
 * {@code GlobalSecondaryIndexes} keep each index's {@code IndexName} and, on a provisioned table, its
 * {@code ProvisionedThroughput} (key schema and projection are not read by any rule);
 * {@code PointInTimeRecoveryStatus} {@code ENABLED} is
 * {@code PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true}. A global table (version
 * 2019.11.21) is, in each region, a table with replicas: each region's scan reads its own replica
 * with its own deletion protection and recovery, which is how a template's
 * {@code AWS::DynamoDB::GlobalTable} is judged per replica. Its {@code Replicas} are kept in
 * {@code AWS::DynamoDB::GlobalTable}'s shape ({@code [{Region}]}), a property
 * {@code AWS::DynamoDB::Table} itself does not have.
 *
 * <p>Detail calls that failed: without {@code DescribeTable} the resource has only its name and is
 * unread (every other property unknown); without {@code DescribeContinuousBackups} only
 * {@code PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled} is unknown. A table being
 * deleted is gone.
 */
public final class TableMapper {

    public static final String TYPE = "AWS::DynamoDB::Table";

    private TableMapper() {
    }

    /** The ARN of a table the API did not describe. */
    public static String arn(Scope scope, String tableName) {
        return Arns.of(scope, "dynamodb", "table/" + tableName);
    }

    /**
     * @param name the table's name, as {@code ListTables} gave it
     * @param table its description, or null when {@code DescribeTable} failed (the caller marks the
     *     resource unread)
     * @param backups its continuous backups, or null when not read
     * @param backupsFailure why {@code DescribeContinuousBackups} failed, or null
     * @param tags its tags, when they were asked for
     * @return the table, or empty when it is being deleted
     */
    public static Optional<LiveResource> map(Scope scope, String name, TableDescription table,
            ContinuousBackupsDescription backups, Value.Unknown backupsFailure, TagLookup tags) {
        if (table != null && table.tableStatus() == TableStatus.DELETING) {
            return Optional.empty();
        }
        String arn = table != null && table.tableArn() != null ? table.tableArn() : arn(scope, name);
        Props p = Props.map().put("TableName", name);
        if (table != null) {
            String billing = table.billingModeSummary() == null ? null
                    : table.billingModeSummary().billingModeAsString();
            p.put("BillingMode", billing)
                    .put("DeletionProtectionEnabled", table.deletionProtectionEnabled())
                    .put("TableClass", table.tableClassSummary() == null ? null
                            : table.tableClassSummary().tableClassAsString())
                    .list("KeySchema", table.keySchema().stream().map(k -> Props.map()
                            .put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString()).build())
                            .toList())
                    .list("Replicas", table.replicas().stream().filter(r -> r.regionName() != null)
                            .map(r -> Props.map().put("Region", r.regionName()).build()).toList());
            if (!BillingMode.PAY_PER_REQUEST.toString().equals(billing) && table.provisionedThroughput() != null) {
                p.putIfNotEmpty("ProvisionedThroughput", Props.map()
                        .put("ReadCapacityUnits", table.provisionedThroughput().readCapacityUnits())
                        .put("WriteCapacityUnits", table.provisionedThroughput().writeCapacityUnits()));
            }
            if (table.hasGlobalSecondaryIndexes()) {
                p.list("GlobalSecondaryIndexes", table.globalSecondaryIndexes().stream().map(i -> {
                    Props index = Props.map().put("IndexName", i.indexName());
                    if (!BillingMode.PAY_PER_REQUEST.toString().equals(billing) && i.provisionedThroughput() != null) {
                        index.putIfNotEmpty("ProvisionedThroughput", Props.map()
                                .put("ReadCapacityUnits", i.provisionedThroughput().readCapacityUnits())
                                .put("WriteCapacityUnits", i.provisionedThroughput().writeCapacityUnits()));
                    }
                    return index.build();
                }).toList());
            }
            if (table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
                p.put("StreamSpecification", Props.map().put("StreamViewType",
                        table.streamSpecification().streamViewTypeAsString()));
            }
        }
        if (backupsFailure != null) {
            p.put("PointInTimeRecoverySpecification", Props.map().put("PointInTimeRecoveryEnabled",
                    Symbols.unknownPlaceholder(backupsFailure, Mark.UNKNOWN)));
        } else if (backups != null && backups.pointInTimeRecoveryDescription() != null) {
            var pitr = backups.pointInTimeRecoveryDescription();
            boolean enabled = pitr.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED;
            p.put("PointInTimeRecoverySpecification", Props.map().put("PointInTimeRecoveryEnabled", enabled)
                    .put("RecoveryPeriodInDays", enabled ? pitr.recoveryPeriodInDays() : null));
        }
        tags.apply(p, arn);
        return Optional.of(LiveResource.of(TYPE, arn, name, scope, p.build(), Ids.of(name, "", arn, "Arn")));
    }
}
