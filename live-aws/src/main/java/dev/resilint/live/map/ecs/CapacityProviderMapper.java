package dev.resilint.live.map.ecs;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.AutoScalingGroupProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderType;
import software.amazon.awssdk.services.ecs.model.ManagedScaling;

/**
 * {@code DescribeCapacityProviders} items as {@code AWS::ECS::CapacityProvider}, with
 * {@code AutoScalingGroupProvider.AutoScalingGroupArn} a reference to the Auto Scaling group it
 * launches container instances in. The providers {@code FARGATE} and {@code FARGATE_SPOT} that every
 * account has are AWS's, not the account's (a template cannot declare them), and are left out.
 */
public final class CapacityProviderMapper {

    public static final String TYPE = "AWS::ECS::CapacityProvider";
    static final String ASG = "AWS::AutoScaling::AutoScalingGroup";

    private CapacityProviderMapper() {
    }

    /** The provider, or empty for the Fargate providers of every account. */
    public static Optional<LiveResource> map(Scope scope, CapacityProvider cp) {
        if (cp.type() == CapacityProviderType.FARGATE || cp.type() == CapacityProviderType.FARGATE_SPOT
                || (cp.type() == null && ("FARGATE".equals(cp.name()) || "FARGATE_SPOT".equals(cp.name())))) {
            return Optional.empty();
        }
        Props p = Props.map().put("Name", cp.name())
                .ref("ClusterName", cp.cluster(), EcsClusterMapper.TYPE)
                .put("AutoScalingGroupProvider", asgProvider(cp.autoScalingGroupProvider()))
                .tags("Tags", Tags.of(cp.tags(), t -> t.key(), t -> t.value()));
        return Optional.of(LiveResource.of(TYPE, cp.capacityProviderArn(), cp.name(), scope, p.build(),
                Ids.of(cp.name(), "")));
    }

    private static Props asgProvider(AutoScalingGroupProvider a) {
        if (a == null) {
            return null;
        }
        Props p = Props.map().ref("AutoScalingGroupArn", a.autoScalingGroupArn(), ASG)
                .put("ManagedTerminationProtection", a.managedTerminationProtectionAsString())
                .put("ManagedDraining", a.managedDrainingAsString());
        ManagedScaling m = a.managedScaling();
        if (m != null) {
            p.put("ManagedScaling", Props.map().put("Status", m.statusAsString())
                    .put("TargetCapacity", m.targetCapacity())
                    .put("MinimumScalingStepSize", m.minimumScalingStepSize())
                    .put("MaximumScalingStepSize", m.maximumScalingStepSize())
                    .put("InstanceWarmupPeriod", m.instanceWarmupPeriod()));
        }
        return p;
    }
}
