package dev.resilint.infra.rules.dr;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.RuleParameter;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DR01: an RDS DB cluster, or a DB instance outside a cluster that is not a read replica, keeps its
 * automated backups for fewer days than the configured minimum ({@code minimumRetentionDays},
 * default 7). Data corrupted longer ago than the retention period cannot be restored.
 *
 * <p>A missing {@code BackupRetentionPeriod} counts as CloudFormation's default of 1 day; 0 (DB
 * instances only) switches automated backups off, which the message says. Aurora instances and
 * Multi-AZ DB cluster members are judged through their cluster. Read replicas are skipped: their
 * source's backups protect the data.
 *
 * <p>Quiet when the retention period, the cluster membership, the engine (Aurora or not) or the
 * replica source cannot be known, and for resources whose {@code Condition} is provably false.
 * Under an {@code Fn::If} whose condition is unknown, it fires only when every branch is below the
 * minimum.
 */
public final class RdsBackupRetentionLow implements InfraRule {

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
            .anchors("CFG db-instance-backup-enabled", "NAG RDS13")
            .tags("backup", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBCluster", "AWS::RDS::DBInstance")
            .parameter(RuleParameter.integer(MINIMUM, 7,
                    "Fewest days of automated backups accepted."))
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        int minimum = context.intParameter(MINIMUM);
        for (Resource cluster : graph.ofType("AWS::RDS::DBCluster")) {
            if (graph.mayExist(cluster)) {
                check(graph, cluster, "RDS DB cluster", minimum, context);
            }
        }
        for (Resource db : graph.ofType("AWS::RDS::DBInstance")) {
            if (!graph.mayExist(db)
                    || !RdsTopology.outsideCluster(graph, db).equals(Optional.of(Boolean.TRUE))
                    || !RdsTopology.readReplica(graph, db).equals(Optional.of(Boolean.FALSE))) {
                continue;
            }
            check(graph, db, "RDS DB instance", minimum, context);
        }
    }

    private static void check(GraphView graph, Resource r, String kind, int minimum, RuleContext context) {
        Value retention = graph.property(r, "BackupRetentionPeriod");
        List<Long> days = new ArrayList<>();
        for (Value option : retention.possibilities()) {
            if (option instanceof Value.Absent) {
                days.add(DEFAULT_RETENTION_DAYS);
            } else {
                Optional<Long> n = option.asLong();
                if (n.isEmpty()) {
                    return; // unknown
                }
                days.add(n.get());
            }
        }
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
