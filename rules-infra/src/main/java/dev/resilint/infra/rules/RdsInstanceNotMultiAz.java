package dev.resilint.infra.rules;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Evaluator;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;

/**
 * AZ04: an RDS DB instance that stands alone (not an Aurora or Multi-AZ cluster member, not a read
 * replica) without {@code MultiAZ: true}. One Availability Zone failure takes the database down.
 *
 * <p>Fires on {@code MultiAZ} absent (CloudFormation's default is false) or false. Quiet when
 * {@code MultiAZ}, {@code Engine}, {@code DBClusterIdentifier} or the replica source cannot be
 * known.
 */
public final class RdsInstanceNotMultiAz implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ04", "RdsInstanceNotMultiAz")
            .severity(Severity.ERROR)
            .summary("A standalone RDS DB instance runs without a Multi-AZ standby.")
            .rationale("A single-AZ DB instance is unavailable for as long as its Availability Zone is impaired, "
                    + "and during maintenance that needs a reboot. Multi-AZ keeps a synchronous standby in another "
                    + "zone and fails over automatically, usually within one or two minutes.")
            .remediation("Set `MultiAZ: true` on the `AWS::RDS::DBInstance` (or use an Aurora or Multi-AZ DB "
                    + "cluster). For a throw-away instance, suppress the finding with a reason.")
            .wellArchitected("REL10-BP01")
            .anchors("CFG rds-multi-az-support", "NAG RDS3", "CKV_AWS_157")
            .tags("availability-zone", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .resourceTypes("AWS::RDS::DBInstance")
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
    public void check(ResourceGraph graph, RuleContext context) {
        Evaluator eval = graph.evaluator();
        for (Resource db : graph.ofType("AWS::RDS::DBInstance")) {
            if (!eval.mayBeCreated(db)) {
                continue; // its condition is provably false: never created
            }
            if (!RdsTopology.outsideCluster(eval, db).orElse(false) || RdsTopology.readReplica(eval, db).orElse(true)) {
                continue; // cluster member (Aurora included) or read replica, or cannot tell
            }
            if (eval.property(db, "Engine").isAbsent() && !eval.property(db, "DBSnapshotIdentifier").isAbsent()) {
                continue; // restored from a snapshot: its settings come from the snapshot
            }
            Value multiAz = eval.property(db, "MultiAZ");
            if (multiAz.isFalseOrAbsent()) {
                context.report(db.locateProperty("MultiAZ"), "RDS DB instance " + db.displayName() + " is not Multi-AZ ("
                        + state(multiAz) + "); set MultiAZ: true so a standby in another Availability Zone takes "
                        + "over when the primary's zone fails");
            }
        }
    }
}
