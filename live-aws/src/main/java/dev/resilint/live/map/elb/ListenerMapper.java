package dev.resilint.live.map.elb;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * {@code DescribeListeners} items as {@code AWS::ElasticLoadBalancingV2::Listener}, and the
 * non-default {@code DescribeRules} items of each as {@code AWS::ElasticLoadBalancingV2::ListenerRule}
 * (a listener's default rule is its {@code DefaultActions}).
 */
public final class ListenerMapper {

    public static final String TYPE = "AWS::ElasticLoadBalancingV2::Listener";
    public static final String RULE_TYPE = "AWS::ElasticLoadBalancingV2::ListenerRule";

    private ListenerMapper() {
    }

    public static LiveResource map(Scope scope, Listener l) {
        Props p = Props.map()
                .ref("LoadBalancerArn", l.loadBalancerArn(), LoadBalancerV2Mapper.TYPE)
                .put("Port", l.port())
                .put("Protocol", l.protocolAsString())
                .list("DefaultActions", actions(l.defaultActions()));
        String name = l.protocolAsString() + ":" + l.port();
        return LiveResource.of(TYPE, l.listenerArn(), name, scope, p.build(), Ids.of(l.listenerArn(), ""));
    }

    public static LiveResource rule(Scope scope, String listenerArn, Rule r) {
        Props p = Props.map()
                .ref("ListenerArn", listenerArn, TYPE)
                .put("Priority", r.priority())
                .list("Actions", actions(r.actions()));
        return LiveResource.of(RULE_TYPE, r.ruleArn(), "rule " + r.priority(), scope, p.build(),
                Ids.of(r.ruleArn(), ""));
    }

    static List<Node> actions(List<Action> actions) {
        return actions.stream().map(ListenerMapper::action).toList();
    }

    private static Node action(Action a) {
        Props p = Props.map().put("Type", a.typeAsString()).put("Order", a.order())
                .ref("TargetGroupArn", a.targetGroupArn(), TargetGroupMapper.TYPE);
        if (a.forwardConfig() != null) {
            p.put("ForwardConfig", Props.map().list("TargetGroups",
                    a.forwardConfig().targetGroups().stream().map(ListenerMapper::tuple).toList()));
        }
        return p.build();
    }

    private static Node tuple(TargetGroupTuple t) {
        return Props.map().ref("TargetGroupArn", t.targetGroupArn(), TargetGroupMapper.TYPE)
                .put("Weight", t.weight()).build();
    }
}
