package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.RdsTopology;

/**
 * AZ04: an RDS DB instance that stands alone (not an Aurora or Multi-AZ cluster member, not a read
 * replica) without {@code MultiAZ: true}. One Availability Zone failure takes the database down.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class RdsInstanceNotMultiAz extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ04", RdsInstanceNotMultiAz.class)
            .severity(Severity.ERROR)
            .summary("A standalone RDS DB instance runs without a Multi-AZ standby.")
            .rationale("A single-AZ DB instance is unavailable for as long as its Availability Zone is impaired, "
                    + "and during maintenance that needs a reboot. Multi-AZ keeps a synchronous standby in another "
                    + "zone and fails over automatically, usually within one or two minutes.")
            .remediation("Set `MultiAZ: true` on the `AWS::RDS::DBInstance` (or use an Aurora or Multi-AZ DB "
                    + "cluster). For a throw-away instance, suppress the finding with a reason.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("rds-multi-az-support"), Reference.cdkNag("AwsSolutions-RDS3"),
                    Reference.checkov("CKV_AWS_157", "RDSMultiAZEnabled.py"))
            .tags("availability-zone", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBInstance")
            .firesOn("A standalone `AWS::RDS::DBInstance` (no `DBClusterIdentifier` and an engine that is not "
                    + "Aurora; neither `SourceDBInstanceIdentifier` nor `SourceDBClusterIdentifier`) whose `MultiAZ` "
                    + "is absent (CloudFormation's default is false) or false, in every possibility.")
            .quietWhen("`MultiAZ`, `Engine`, `DBClusterIdentifier` or the replica source cannot be known.",
                    "The instance is a cluster member (Aurora included) or a read replica.",
                    "The instance is, or may be, restored from a snapshot (`Engine` not set, `DBSnapshotIdentifier` "
                            + "set in some possibility): its settings come from the snapshot.",
                    "The instance's `Condition` is provably false.")
            .build();

    private static String state(Value multiAz) {
        if (multiAz.isAbsent()) {
            return "MultiAZ is not set and defaults to false";
        }
        if (multiAz.possibilities().size() == 1) {
            return "MultiAZ: false";
        }
        return "MultiAZ is false or unset whichever way its condition goes";
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource db, GraphView graph, RuleContext context) {
        if (!RdsTopology.outsideCluster(graph, db).orElse(false) || RdsTopology.readReplica(graph, db).orElse(true)) {
            return; // cluster member (Aurora included) or read replica, or cannot tell
        }
        if (graph.property(db, "Engine").isAbsent() && !graph.property(db, "DBSnapshotIdentifier").isAbsent()) {
            return; // restored from a snapshot: its settings come from the snapshot
        }
        Value multiAz = graph.property(db, "MultiAZ");
        if (multiAz.isFalseOrAbsent()) {
            context.report(db.locateProperty("MultiAZ"), "RDS DB instance " + db.displayName() + " is not Multi-AZ ("
                    + state(multiAz) + "); set MultiAZ: true so a standby in another Availability Zone takes "
                    + "over when the primary's zone fails");
        }
    }
}
