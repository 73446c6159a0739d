package dev.resilint.live.map.applicationautoscaling;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;

/**
 * A scalable target of {@code DescribeScalableTargets} as {@code AWS::ApplicationAutoScaling::ScalableTarget}:
 * {@code ServiceNamespace}, {@code ResourceId} ({@code table/NAME} or {@code table/NAME/index/INDEX} for
 * DynamoDB), {@code ScalableDimension}, {@code MinCapacity}, {@code MaxCapacity}, {@code RoleARN} and
 * {@code SuspendedState} have the same names and shapes in the API and in CloudFormation.
 *
 * <p>{@code ResourceId} stays the API's text: a rule relates it to its table by the table's name, as it
 * does for a template that writes {@code ResourceId: table/orders} literally (tables are named uniquely
 * within one account and region, which is one live graph). The ARN is the API's
 * {@code ScalableTargetARN}; a target the API gave none for (answers before that member existed) is
 * named {@code arn:<partition>:application-autoscaling:<region>:<account>:scalable-target/<namespace>|<resource
 * id>|<dimension>}, the identifier CloudFormation's {@code Ref} returns, which is also its identifier here.
 */
public final class ScalableTargetMapper {

    public static final String TYPE = "AWS::ApplicationAutoScaling::ScalableTarget";

    private ScalableTargetMapper() {
    }

    /** CloudFormation's {@code Ref} of a scalable target: {@code namespace|resource id|dimension}. */
    public static String ref(ScalableTarget t) {
        return t.serviceNamespaceAsString() + "|" + t.resourceId() + "|" + t.scalableDimensionAsString();
    }

    public static LiveResource map(Scope scope, ScalableTarget t) {
        String ref = ref(t);
        String arn = t.scalableTargetARN() != null && !t.scalableTargetARN().isBlank() ? t.scalableTargetARN()
                : Arns.of(scope, "application-autoscaling", "scalable-target/" + ref);
        Props p = Props.map()
                .put("ServiceNamespace", t.serviceNamespaceAsString())
                .put("ResourceId", t.resourceId())
                .put("ScalableDimension", t.scalableDimensionAsString())
                .put("MinCapacity", t.minCapacity())
                .put("MaxCapacity", t.maxCapacity())
                .put("RoleARN", t.roleARN());
        if (t.suspendedState() != null) {
            p.putIfNotEmpty("SuspendedState", Props.map()
                    .put("DynamicScalingInSuspended", t.suspendedState().dynamicScalingInSuspended())
                    .put("DynamicScalingOutSuspended", t.suspendedState().dynamicScalingOutSuspended())
                    .put("ScheduledScalingSuspended", t.suspendedState().scheduledScalingSuspended()));
        }
        return LiveResource.of(TYPE, arn, t.resourceId() + " " + t.scalableDimensionAsString(), scope, p.build(),
                Ids.of(ref, "", arn, "Arn"));
    }
}
