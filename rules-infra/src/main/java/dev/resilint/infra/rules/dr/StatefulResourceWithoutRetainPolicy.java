package dev.resilint.infra.rules.dr;

import dev.resilint.core.Location;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DR04: a data store that CloudFormation deletes, with its data, when the stack is deleted or the
 * resource is removed from the template ({@code DeletionPolicy}), or when an update replaces it
 * ({@code UpdateReplacePolicy}). Template-only: the policies are CloudFormation's, not the
 * resource's. What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class StatefulResourceWithoutRetainPolicy extends ResourceRule {

    /** The data stores and how messages name them. */
    static final Map<String, String> DATA_STORES = Map.of(
            "AWS::RDS::DBCluster", "RDS DB cluster",
            "AWS::RDS::DBInstance", "RDS DB instance",
            "AWS::DynamoDB::Table", "DynamoDB table",
            "AWS::DynamoDB::GlobalTable", "DynamoDB global table",
            "AWS::EFS::FileSystem", "EFS file system",
            "AWS::FSx::FileSystem", "FSx file system",
            "AWS::OpenSearchService::Domain", "OpenSearch domain",
            "AWS::Elasticsearch::Domain", "Elasticsearch domain",
            "AWS::DocDB::DBCluster", "DocumentDB cluster",
            "AWS::Neptune::DBCluster", "Neptune cluster");

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR04", StatefulResourceWithoutRetainPolicy.class)
            .severity(Severity.WARNING)
            .summary("A data store is deleted with its data when its stack is deleted or an update replaces it.")
            .rationale("Without `DeletionPolicy` and `UpdateReplacePolicy`, CloudFormation deletes most resources "
                    + "outright: a stack deleted by mistake, a resource dropped from the template, or an update "
                    + "that changes a property requiring replacement (a table's key schema, a file system's "
                    + "encryption) silently destroys the data. `UpdateReplacePolicy` defaults to Delete even for "
                    + "RDS, whose `DeletionPolicy` defaults to Snapshot.")
            .remediation("Set `DeletionPolicy: Retain` (or `Snapshot`, for RDS and Neptune clusters and standalone "
                    + "RDS instances) and `UpdateReplacePolicy: Retain` (or `Snapshot`) on the resource.")
            .wellArchitected("REL09-BP01", "REL13-BP02")
            .anchors(Reference.cfnLint("W3011"), Reference.cfnLint("I3011"))
            .tags("backup", "database", "cloudformation")
            .sources(SourceKind.TEMPLATE)
            .judges(DATA_STORES.keySet().stream().sorted().toArray(String[]::new))
            .firesOn("A data store (the judged types; an `AWS::RDS::DBInstance` only outside a cluster) whose "
                            + "`DeletionPolicy` or `UpdateReplacePolicy` is, or defaults to, `Delete` in every "
                            + "possibility. Once per resource, naming the policies concerned; the finding points at "
                            + "the first offending policy key, or at the resource when that policy is not written.",
                    "Defaults, per the CloudFormation user guide: a missing `DeletionPolicy` is `Delete`, except "
                            + "`Snapshot` for `AWS::RDS::DBCluster` and for an `AWS::RDS::DBInstance` without "
                            + "`DBClusterIdentifier`; a missing `UpdateReplacePolicy` is `Delete` for every type.")
            .quietWhen("Both policies keep the data: `Retain`, `RetainExceptOnCreate` and `Snapshot` all do.",
                    "A policy cannot be known, or depends on a condition with a branch that keeps the data.",
                    "An `AWS::RDS::DBInstance` in a cluster (cluster members hold no data of their own), or whose "
                            + "cluster membership cannot be known.",
                    "Live resources: the policies are CloudFormation's, so the rule judges templates only.",
                    "The resource's `Condition` is provably false.")
            .build();

    private static final String DELETE = "Delete";
    private static final String SNAPSHOT = "Snapshot";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        String deletionDefault = DELETE;
        if (r.type().equals("AWS::RDS::DBInstance")) {
            Optional<Boolean> outside = RdsTopology.outsideCluster(graph, r);
            if (!outside.equals(Optional.of(Boolean.TRUE))) {
                return; // a cluster member, or cannot tell
            }
            deletionDefault = SNAPSHOT;
        } else if (r.type().equals("AWS::RDS::DBCluster")) {
            deletionDefault = SNAPSHOT;
        }
        check(graph, r, DATA_STORES.get(r.type()), deletionDefault, context);
    }

    private static void check(GraphView graph, Resource r, String kind, String deletionDefault, RuleContext context) {
        Value deletion = graph.attribute(r, "DeletionPolicy");
        Value replace = graph.attribute(r, "UpdateReplacePolicy");
        Optional<Boolean> deletes = deletes(deletion, deletionDefault);
        Optional<Boolean> replaceDeletes = deletes(replace, DELETE);
        boolean onDelete = deletes.equals(Optional.of(Boolean.TRUE));
        boolean onReplace = replaceDeletes.equals(Optional.of(Boolean.TRUE));
        if (!onDelete && !onReplace) {
            return;
        }
        List<String> when = new ArrayList<>();
        List<String> fix = new ArrayList<>();
        if (onDelete) {
            when.add("when its stack is deleted or it leaves the template (" + describe("DeletionPolicy", deletion)
                    + ")");
            fix.add("DeletionPolicy");
        }
        if (onReplace) {
            when.add("when an update replaces it (" + describe("UpdateReplacePolicy", replace) + ")");
            fix.add("UpdateReplacePolicy");
        }
        String keep = deletionDefault.equals(SNAPSHOT) || r.type().equals("AWS::Neptune::DBCluster")
                ? "Retain or Snapshot" : "Retain";
        Location location = r.locate(onDelete ? "DeletionPolicy" : "UpdateReplacePolicy");
        context.report(location, kind + " " + r.displayName() + " is deleted with its data " + String.join(" and ", when)
                + "; set " + String.join(" and ", fix) + " to " + keep);
    }

    /** "DeletionPolicy is not set and defaults to Delete", "UpdateReplacePolicy is Delete". */
    private static String describe(String attribute, Value policy) {
        if (policy.isAbsent()) {
            return attribute + " is not set and defaults to Delete";
        }
        if (policy.possibilities().size() > 1) {
            return attribute + " is Delete whichever way its condition goes";
        }
        return attribute + " is Delete";
    }

    /**
     * Whether a policy deletes the resource: true when every possibility is {@code Delete} (a missing
     * policy is {@code missing}), false when none is, empty when unknown or mixed.
     */
    static Optional<Boolean> deletes(Value policy, String missing) {
        return policy.agreed(option -> (option instanceof Value.Absent ? Optional.of(missing) : option.asString())
                .map(text -> text.trim().equals(DELETE)));
    }
}
