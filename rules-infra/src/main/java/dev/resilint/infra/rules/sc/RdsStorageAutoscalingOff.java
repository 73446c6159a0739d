package dev.resilint.infra.rules.sc;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.Locale;

/**
 * SC05: an RDS DB instance whose storage cannot grow by itself, so that a full disk stops the
 * database. What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class RdsStorageAutoscalingOff extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("SC05", RdsStorageAutoscalingOff.class)
            .severity(Severity.WARNING)
            .summary("An RDS DB instance has no storage auto scaling (`MaxAllocatedStorage` is not set).")
            .rationale("When an RDS DB instance runs out of storage it goes into the `storage-full` state and stops "
                    + "accepting writes until someone adds storage, which then takes a while to optimise. With "
                    + "`MaxAllocatedStorage` above `AllocatedStorage`, RDS adds storage by itself when free space "
                    + "runs low, up to that limit. Aurora is not judged: its cluster volume grows by itself.")
            .remediation("Set `MaxAllocatedStorage` above `AllocatedStorage` (for example twice as large), with an "
                    + "alarm on `FreeStorageSpace` for the limit itself.")
            .wellArchitected("REL07-BP01")
            .anchors(Reference.trustedAdvisor("Amazon RDS DB instances have storage autoscaling turned off", ""))
            .tags("capacity", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBInstance")
            .firesOn("An `AWS::RDS::DBInstance` outside a DB cluster (no `DBClusterIdentifier`, and an engine that is "
                    + "not Aurora), read replicas included, whose `MaxAllocatedStorage` is not set (storage auto "
                    + "scaling is off unless it is) in every possibility.")
            .quietWhen("Cluster members, Aurora included, and RDS Custom instances (`custom-*` engines), which do "
                            + "not support storage auto scaling.",
                    "The engine or `DBClusterIdentifier` cannot be known, or `MaxAllocatedStorage` is set in some "
                            + "possibility (whatever its value).",
                    "The instance's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource db, GraphView graph, RuleContext context) {
        if (!RdsTopology.outsideCluster(graph, db).orElse(false)) {
            return; // cluster member (Aurora included), or cannot tell
        }
        Value engine = graph.property(db, "Engine");
        if (!engine.isAbsent() && engine.asString().map(e -> e.trim().toLowerCase(Locale.ROOT).startsWith("custom-"))
                .orElse(true)) {
            return; // RDS Custom, or an engine that cannot be known
        }
        if (graph.property(db, "MaxAllocatedStorage").isAbsent()) {
            context.report(db.locateProperty("MaxAllocatedStorage"), "RDS DB instance " + db.displayName()
                    + " cannot grow its storage (MaxAllocatedStorage is not set, so storage auto scaling is off), so "
                    + "when its disk fills up it stops accepting writes; set MaxAllocatedStorage above "
                    + "AllocatedStorage");
        }
    }
}
