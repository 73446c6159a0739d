package dev.resilint.infra.rules.dr;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;

/**
 * DR03: a DynamoDB table without point-in-time recovery. A bad deployment or a buggy batch job
 * that overwrites items cannot be undone. What it fires on and when it stays quiet, case by case,
 * is in its {@link #METADATA}.
 */
public final class DynamoDbPitrDisabled extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR03", DynamoDbPitrDisabled.class)
            .severity(Severity.WARNING)
            .summary("A DynamoDB table has point-in-time recovery switched off.")
            .rationale("Without point-in-time recovery, items deleted or overwritten by a faulty deployment, "
                    + "a script or an attacker are gone; on-demand backups only help if someone took one just "
                    + "before. PITR restores the table to any second of the last 35 days.")
            .remediation("Add `PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}` to the "
                    + "table (for a global table, to each replica).")
            .wellArchitected("REL09-BP01", "REL13-BP02")
            .anchors(Reference.awsConfig("dynamodb-pitr-enabled"), Reference.cdkNag("AwsSolutions-DDB3"),
                    Reference.checkov("CKV_AWS_28", "DynamodbRecovery.py"))
            .tags("backup", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::DynamoDB::Table")
            .firesOn("An `AWS::DynamoDB::Table` whose `PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled` "
                    + "is absent (point-in-time recovery is off unless enabled) or false, in every possibility.")
            .quietWhen("The setting cannot be known.",
                    "The table's `Condition` is provably false.")
            .build();

    private static final String PATH = "PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource table, GraphView graph, RuleContext context) {
        Value pitr = graph.property(table, PATH);
        if (pitr.isFalseOrAbsent()) {
            String state = pitr.isAbsent() ? "has no point-in-time recovery (it is off unless enabled)"
                    : "has point-in-time recovery disabled";
            context.report(table.locate("Properties/" + PATH), "DynamoDB table " + table.displayName() + " " + state
                    + "; set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: true");
        }
    }
}
