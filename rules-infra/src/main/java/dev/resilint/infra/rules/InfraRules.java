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
            new DynamoDbPitrDisabled(),
            new ComputeWithoutLoadBalancer(),
            new AsgWithoutElbHealthCheck(),
            new CrossZoneLoadBalancingDisabled(),
            new AsgMinSizeBelowTwo(),
            new EcsWithoutCircuitBreaker(),
            new DeploymentWithoutAlarmRollback(),
            new QueueWithoutDeadLetterQueue(),
            new VisibilityTimeoutBelowConsumer(),
            new StateMachineRetryWithoutJitter(),
            new TimeoutChainInverted(),
            new RdsBackupRetentionLow(),
            new DeletionProtectionDisabled(),
            new StatefulResourceWithoutRetainPolicy(),
            new CloudFrontCacheWithoutTtl(),
            new ApiCacheWithoutTtl(),
            new RequiredTagsMissing(),
            new AuroraClusterSingleInstance(),
            new ElastiCacheNoFailover())
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
