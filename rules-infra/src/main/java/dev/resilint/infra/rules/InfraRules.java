package dev.resilint.infra.rules;

import dev.resilint.core.RuleMetadata;
import java.util.Comparator;
import java.util.List;

/** Every infrastructure rule, sorted by id. Add a new rule here. */
public final class InfraRules {

    private static final List<InfraRule> ALL = List.of(
            new AutoScalingGroupSingleAz(),
            new LoadBalancerSingleAz(),
            new LoadBalancerAsgZoneMismatch(),
            new RdsInstanceNotMultiAz(),
            new AuroraClusterSingleInstance(),
            new ElastiCacheNoFailover(),
            new DynamoDbPitrDisabled())
            .stream().sorted(Comparator.comparing(InfraRule::id)).toList();

    private InfraRules() {
    }

    public static List<InfraRule> all() {
        return ALL;
    }

    public static List<RuleMetadata> metadata() {
        return ALL.stream().map(InfraRule::metadata).toList();
    }
}
