package dev.resilint.infra.rules.dr;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.List;
import java.util.Optional;

/**
 * DR01: an RDS DB cluster, or a DB instance outside a cluster that is not a read replica, keeps its
 * automated backups for fewer days than the configured minimum ({@code minimumRetentionDays},
 * default 7). Data corrupted longer ago than the retention period cannot be restored. What it
 * fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class RdsBackupRetentionLow extends ResourceRule {

    public static final String MINIMUM = "minimumRetentionDays";

    /** CloudFormation's {@code BackupRetentionPeriod} when the property is not set. */
    static final long DEFAULT_RETENTION_DAYS = 1;

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR01", RdsBackupRetentionLow.class)
            .severity(Severity.WARNING)
            .summary("An RDS DB cluster or standalone DB instance keeps automated backups for too few days.")
            .rationale("Automated backups are how RDS restores a database to a point in time. Corruption by a "
                    + "faulty release, a bad migration or an operator's mistake is often noticed days later; with "
                    + "CloudFormation's default of 1 day, by then every restorable state already holds the damage. "
                    + "A retention of 0 switches automated backups and point-in-time restore off altogether.")
            .remediation("Set `BackupRetentionPeriod` to at least the configured minimum (7 days by default, up to "
                    + "35) on the `AWS::RDS::DBCluster` or standalone `AWS::RDS::DBInstance`.")
            .wellArchitected("REL09-BP03", "REL13-BP01")
            .anchors(Reference.awsConfig("db-instance-backup-enabled"), Reference.cdkNag("AwsSolutions-RDS13"))
            .tags("backup", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBCluster", "AWS::RDS::DBInstance")
            .parameter(RuleParameter.integer(MINIMUM, 7,
                    "Fewest days of automated backups accepted."))
            .firesOn("An `AWS::RDS::DBCluster`, or an `AWS::RDS::DBInstance` outside a cluster that is not a read "
                            + "replica, whose `BackupRetentionPeriod` is below `minimumRetentionDays` in every "
                            + "possibility (under an `Fn::If` whose condition is unknown: in every branch).",
                    "A missing `BackupRetentionPeriod` counts as CloudFormation's default of 1 day; 0 (DB instances "
                            + "only) switches automated backups off, which the message says.")
            .quietWhen("Aurora instances and Multi-AZ DB cluster members: they are judged through their cluster.",
                    "Read replicas: their source's backups protect the data.",
                    "The retention period, the cluster membership, the engine (Aurora or not) or the replica source "
                            + "cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals("AWS::RDS::DBCluster")) {
            check(graph, r, "RDS DB cluster", context);
        } else if (RdsTopology.outsideCluster(graph, r).equals(Optional.of(Boolean.TRUE))
                && RdsTopology.readReplica(graph, r).equals(Optional.of(Boolean.FALSE))) {
            check(graph, r, "RDS DB instance", context);
        }
    }

    private static void check(GraphView graph, Resource r, String kind, RuleContext context) {
        int minimum = context.intParameter(MINIMUM);
        Value retention = graph.property(r, "BackupRetentionPeriod");
        Optional<List<Long>> known = retention.readEach(option -> option instanceof Value.Absent
                ? Optional.of(DEFAULT_RETENTION_DAYS) : option.asLong());
        if (known.isEmpty()) {
            return; // unknown
        }
        List<Long> days = known.get();
        long most = days.stream().mapToLong(Long::longValue).max().orElse(DEFAULT_RETENTION_DAYS);
        if (most >= minimum) {
            return;
        }
        context.report(r.locateProperty("BackupRetentionPeriod"), kind + " " + r.displayName() + " "
                + state(retention, days) + "; set BackupRetentionPeriod to at least " + minimum
                + " so that damage noticed days later can still be undone");
    }

    private static String state(Value retention, List<Long> days) {
        if (days.size() > 1 && days.stream().distinct().count() > 1) {
            return "keeps automated backups for at most " + days.stream().mapToLong(Long::longValue).max().orElse(0)
                    + " " + plural(days.stream().mapToLong(Long::longValue).max().orElse(0))
                    + " whichever way its condition goes";
        }
        long n = days.get(0);
        if (retention.isAbsent()) {
            return "keeps automated backups for " + n + " " + plural(n)
                    + " (BackupRetentionPeriod is not set and CloudFormation's default is 1)";
        }
        if (n == 0) {
            return "has automated backups switched off (BackupRetentionPeriod: 0), so it has no point-in-time "
                    + "restore at all";
        }
        return "keeps automated backups for only " + n + " " + plural(n) + " (BackupRetentionPeriod: " + n + ")";
    }

    private static String plural(long n) {
        return n == 1 ? "day" : "days";
    }
}
