package dev.resilint.live.map.elb;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.ec2.InstanceMapper;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * {@code DescribeTargetGroups} items, with the targets {@code DescribeTargetHealth} lists, as
 * {@code AWS::ElasticLoadBalancingV2::TargetGroup}. Targets are what a template's {@code Targets}
 * names: instances by id (a reference to the instance when it was collected), IP addresses, Lambda
 * functions by ARN. The attributes of {@code DescribeTargetGroupAttributes} are
 * {@code TargetGroupAttributes}, {@code {Key, Value}} items sorted by key, as a template lists them.
 */
public final class TargetGroupMapper {

    public static final String TYPE = "AWS::ElasticLoadBalancingV2::TargetGroup";
    static final String FUNCTION = "AWS::Lambda::Function";

    private TargetGroupMapper() {
    }

    /**
     * @param targets the registered targets, or null when they were not read
     * @param attributes the target group's attributes, or null when they were not read
     */
    public static LiveResource map(Scope scope, TargetGroup tg, List<TargetDescription> targets,
            List<TargetGroupAttribute> attributes) {
        Props p = Props.map()
                .put("Name", tg.targetGroupName())
                .put("Protocol", tg.protocolAsString())
                .put("Port", tg.port())
                .put("VpcId", tg.vpcId())
                .put("TargetType", tg.targetTypeAsString())
                .put("HealthCheckEnabled", tg.healthCheckEnabled())
                .put("HealthCheckProtocol", tg.healthCheckProtocolAsString())
                .put("HealthCheckPort", tg.healthCheckPort())
                .put("HealthCheckPath", tg.healthCheckPath())
                .put("HealthCheckIntervalSeconds", tg.healthCheckIntervalSeconds())
                .put("HealthCheckTimeoutSeconds", tg.healthCheckTimeoutSeconds())
                .put("HealthyThresholdCount", tg.healthyThresholdCount())
                .put("UnhealthyThresholdCount", tg.unhealthyThresholdCount());
        if (tg.matcher() != null) {
            p.put("Matcher", Props.map().put("HttpCode", tg.matcher().httpCode()).put("GrpcCode", tg.matcher().grpcCode()));
        }
        if (targets != null) {
            p.list("Targets", targets.stream().map(TargetGroupMapper::target).toList());
        }
        if (attributes != null) {
            p.list("TargetGroupAttributes", attributes.stream()
                    .sorted(Comparator.comparing(TargetGroupAttribute::key, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .map(a -> (Node) Props.map().put("Key", a.key()).put("Value", a.value()).build()).toList());
        }
        return LiveResource.of(TYPE, tg.targetGroupArn(), tg.targetGroupName(), scope, p.build(),
                Ids.of(tg.targetGroupArn(), ""));
    }

    private static Node target(TargetDescription t) {
        return Props.map().ref("Id", t.id(), InstanceMapper.TYPE, FUNCTION).put("Port", t.port())
                .put("AvailabilityZone", t.availabilityZone()).build();
    }
}
