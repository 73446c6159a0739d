package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an {@code AWS::RDS::DBInstance} stands: a cluster member, whose cluster holds its backups and
 * deletion settings, or an instance on its own; a read replica, or not.
 */
public final class RdsTopology {

    private RdsTopology() {
    }

    /**
     * True for an instance outside a cluster: no {@code DBClusterIdentifier} and an engine that is
     * not Aurora (Aurora instances are always cluster members); false for a cluster member; empty
     * when it cannot be known. A missing {@code Engine} is not Aurora: only instances restored from
     * a snapshot or created as read replicas may leave it out, and neither can be Aurora.
     */
    public static Optional<Boolean> outsideCluster(GraphView graph, Resource db) {
        Value cluster = graph.property(db, "DBClusterIdentifier");
        if (!cluster.isAbsent()) {
            return allPresent(cluster) ? Optional.of(Boolean.FALSE) : Optional.empty();
        }
        Optional<Boolean> aurora = graph.property(db, "Engine").agreed(option -> option instanceof Value.Absent
                ? Optional.of(Boolean.FALSE)
                : option.asString().map(text -> text.trim().toLowerCase(Locale.ROOT).startsWith("aurora")));
        return aurora.map(a -> !a);
    }

    /**
     * True for a read replica ({@code SourceDBInstanceIdentifier} or {@code SourceDBClusterIdentifier}
     * set), false when neither is set, empty when it depends on a condition.
     */
    public static Optional<Boolean> readReplica(GraphView graph, Resource db) {
        Value instance = graph.property(db, "SourceDBInstanceIdentifier");
        Value cluster = graph.property(db, "SourceDBClusterIdentifier");
        if (instance.isAbsent() && cluster.isAbsent()) {
            return Optional.of(Boolean.FALSE);
        }
        if (allPresent(instance) || allPresent(cluster)) {
            return Optional.of(Boolean.TRUE);
        }
        return Optional.empty();
    }

    /** True when the value is set in every possibility (whatever it is). */
    private static boolean allPresent(Value value) {
        return value.always(v -> !(v instanceof Value.Absent));
    }
}
