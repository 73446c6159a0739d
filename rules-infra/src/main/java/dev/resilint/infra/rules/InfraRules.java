package dev.resilint.infra.rules;

import dev.resilint.core.RuleMetadata;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.rules.az.AuroraClusterSingleInstance;
import dev.resilint.infra.rules.az.AutoScalingGroupSingleAz;
import dev.resilint.infra.rules.az.EcsServiceSingleAz;
import dev.resilint.infra.rules.az.EfsSingleAz;
import dev.resilint.infra.rules.az.ElastiCacheNoFailover;
import dev.resilint.infra.rules.az.HardcodedAvailabilityZone;
import dev.resilint.infra.rules.az.LoadBalancerAsgZoneMismatch;
import dev.resilint.infra.rules.az.LambdaVpcSingleAz;
import dev.resilint.infra.rules.az.LoadBalancerSingleAz;
import dev.resilint.infra.rules.az.MqBrokerSingleInstance;
import dev.resilint.infra.rules.az.NatGatewayAzDependence;
import dev.resilint.infra.rules.az.OpenSearchNoZoneAwareness;
import dev.resilint.infra.rules.az.RdsInstanceNotMultiAz;
import dev.resilint.infra.rules.ca.ApiCacheWithoutTtl;
import dev.resilint.infra.rules.ca.CacheTtlUnset;
import dev.resilint.infra.rules.ca.CloudFrontCacheWithoutTtl;
import dev.resilint.infra.rules.ca.ErrorCachingTtlHigh;
import dev.resilint.infra.rules.ca.EvictionPolicyNeedsTtl;
import dev.resilint.infra.rules.dp.AllAtOnceTrafficShift;
import dev.resilint.infra.rules.dp.AsgWithoutRollingUpdate;
import dev.resilint.infra.rules.dp.DeploymentWithoutAlarmRollback;
import dev.resilint.infra.rules.dp.EcsWithoutCircuitBreaker;
import dev.resilint.infra.rules.dp.InstanceTooOld;
import dev.resilint.infra.rules.dr.CacheSnapshotsDisabled;
import dev.resilint.infra.rules.dr.DeletionProtectionDisabled;
import dev.resilint.infra.rules.dr.DynamoDbPitrDisabled;
import dev.resilint.infra.rules.dr.RdsBackupRetentionLow;
import dev.resilint.infra.rules.dr.S3VersioningDisabled;
import dev.resilint.infra.rules.dr.StatefulResourceWithoutRetainPolicy;
import dev.resilint.infra.rules.lb.AsgWithoutElbHealthCheck;
import dev.resilint.infra.rules.lb.ComputeWithoutLoadBalancer;
import dev.resilint.infra.rules.lb.ConnectionDrainingDisabled;
import dev.resilint.infra.rules.lb.CrossZoneLoadBalancingDisabled;
import dev.resilint.infra.rules.mq.AsyncLambdaWithoutFailureDestination;
import dev.resilint.infra.rules.mq.DeadLetterRetentionShort;
import dev.resilint.infra.rules.mq.EventTargetWithoutDeadLetter;
import dev.resilint.infra.rules.lb.DnsFailoverWeak;
import dev.resilint.infra.rules.lb.TargetGroupHealthCheckWeak;
import dev.resilint.infra.rules.mq.QueueWithoutDeadLetterQueue;
import dev.resilint.infra.rules.mq.StateMachineRetryWithoutJitter;
import dev.resilint.infra.rules.mq.StateMachineTaskWithoutTimeout;
import dev.resilint.infra.rules.mq.StreamConsumerWithoutFailureHandling;
import dev.resilint.infra.rules.mq.VisibilityTimeoutBelowConsumer;
import dev.resilint.infra.rules.ob.AlarmWithoutAction;
import dev.resilint.infra.rules.ob.DeadLetterQueueWithoutAlarm;
import dev.resilint.infra.rules.ob.RequiredTagsMissing;
import dev.resilint.infra.rules.sc.ApiWithoutThrottling;
import dev.resilint.infra.rules.sc.AsgMinSizeBelowTwo;
import dev.resilint.infra.rules.sc.DynamoDbProvisionedWithoutAutoscaling;
import dev.resilint.infra.rules.sc.RdsStorageAutoscalingOff;
import dev.resilint.infra.rules.sc.SpotWithoutDiversification;
import dev.resilint.infra.rules.to.LambdaDefaultTimeout;
import dev.resilint.infra.rules.to.TimeoutChainInverted;
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
            new TargetGroupHealthCheckWeak(),
            new ConnectionDrainingDisabled(),
            new DnsFailoverWeak(),
            new AsgMinSizeBelowTwo(),
            new SpotWithoutDiversification(),
            new DynamoDbProvisionedWithoutAutoscaling(),
            new RdsStorageAutoscalingOff(),
            new ApiWithoutThrottling(),
            new EcsWithoutCircuitBreaker(),
            new DeploymentWithoutAlarmRollback(),
            new QueueWithoutDeadLetterQueue(),
            new DeadLetterRetentionShort(),
            new AsyncLambdaWithoutFailureDestination(),
            new EventTargetWithoutDeadLetter(),
            new VisibilityTimeoutBelowConsumer(),
            new StateMachineRetryWithoutJitter(),
            new StateMachineTaskWithoutTimeout(),
            new StreamConsumerWithoutFailureHandling(),
            new TimeoutChainInverted(),
            new LambdaDefaultTimeout(),
            new RdsBackupRetentionLow(),
            new DeletionProtectionDisabled(),
            new StatefulResourceWithoutRetainPolicy(),
            new CloudFrontCacheWithoutTtl(),
            new ApiCacheWithoutTtl(),
            new RequiredTagsMissing(),
            new AlarmWithoutAction(),
            new DeadLetterQueueWithoutAlarm(),
            new AuroraClusterSingleInstance(),
            new ElastiCacheNoFailover(),
            new CacheSnapshotsDisabled(),
            new S3VersioningDisabled(),
            new ErrorCachingTtlHigh(),
            new EvictionPolicyNeedsTtl(),
            new CacheTtlUnset(),
            new AsgWithoutRollingUpdate(),
            new AllAtOnceTrafficShift(),
            new InstanceTooOld(),
            new MqBrokerSingleInstance(),
            new OpenSearchNoZoneAwareness(),
            new LambdaVpcSingleAz(),
            new EcsServiceSingleAz(),
            new EfsSingleAz(),
            new NatGatewayAzDependence(),
            new HardcodedAvailabilityZone())
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
