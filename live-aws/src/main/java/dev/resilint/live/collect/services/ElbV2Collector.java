package dev.resilint.live.collect.services;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.elb.ListenerMapper;
import dev.resilint.live.map.elb.LoadBalancerV2Mapper;
import dev.resilint.live.map.elb.TargetGroupMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Application, Network and Gateway Load Balancers with their attributes (one call each), target
 * groups with their targets and their attributes (two calls each), listeners (one call per load balancer) and listener
 * rules (one call per listener), and tags (20 ARNs a call) when a rule reads them.
 */
public final class ElbV2Collector implements Collector {

    /** ARNs {@code DescribeTags} takes at once. */
    static final int TAG_BATCH = 20;

    @Override
    public String service() {
        return "elasticloadbalancing";
    }

    @Override
    public List<String> types() {
        return List.of(LoadBalancerV2Mapper.TYPE, TargetGroupMapper.TYPE, ListenerMapper.TYPE, ListenerMapper.RULE_TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTargetGroups",
                "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeListeners",
                "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTags");
    }

    @Override
    public void collect(ScopeReader in) {
        ElasticLoadBalancingV2Client elb = in.client(ElasticLoadBalancingV2Client.class,
                ElasticLoadBalancingV2Client::builder);
        boolean needLoadBalancers = in.wants(LoadBalancerV2Mapper.TYPE) || in.wants(ListenerMapper.TYPE)
                || in.wants(ListenerMapper.RULE_TYPE);
        List<LoadBalancer> loadBalancers = new ArrayList<>();
        if (needLoadBalancers) {
            in.read(List.of(LoadBalancerV2Mapper.TYPE, ListenerMapper.TYPE, ListenerMapper.RULE_TYPE), () ->
                    loadBalancers.addAll(in.pages("DescribeLoadBalancers",
                            elb.describeLoadBalancersPaginator(r -> r.pageSize(400)),
                            DescribeLoadBalancersResponse::loadBalancers, DescribeLoadBalancersResponse::nextMarker)));
        }
        in.read(List.of(LoadBalancerV2Mapper.TYPE), () -> {
            TagLookup tags = tags(in, elb, loadBalancers.stream().map(LoadBalancer::loadBalancerArn).toList());
            in.each(loadBalancers, lb -> {
                try {
                    var attributes = in.call("DescribeLoadBalancerAttributes", () -> elb.describeLoadBalancerAttributes(
                            a -> a.loadBalancerArn(lb.loadBalancerArn())).attributes());
                    return LoadBalancerV2Mapper.map(in.scope(), lb, attributes, tags);
                } catch (ReadFailure f) {
                    return LoadBalancerV2Mapper.map(in.scope(), lb, null, tags).withUnread(f.asUnknown());
                }
            }).forEach(in::add);
        });
        in.read(List.of(TargetGroupMapper.TYPE), () -> {
            List<TargetGroup> groups = in.pages("DescribeTargetGroups", elb.describeTargetGroupsPaginator(r -> r.pageSize(400)),
                    DescribeTargetGroupsResponse::targetGroups, DescribeTargetGroupsResponse::nextMarker);
            in.each(groups, tg -> {
                try {
                    List<TargetHealthDescription> health = in.call("DescribeTargetHealth",
                            () -> elb.describeTargetHealth(t -> t.targetGroupArn(tg.targetGroupArn())).targetHealthDescriptions());
                    List<TargetGroupAttribute> attributes = in.call("DescribeTargetGroupAttributes",
                            () -> elb.describeTargetGroupAttributes(a -> a.targetGroupArn(tg.targetGroupArn())).attributes());
                    return TargetGroupMapper.map(in.scope(), tg, health.stream().map(TargetHealthDescription::target).toList(),
                            attributes);
                } catch (ReadFailure f) {
                    return TargetGroupMapper.map(in.scope(), tg, null, null).withUnread(f.asUnknown());
                }
            }).forEach(in::add);
        });
        in.read(List.of(ListenerMapper.TYPE, ListenerMapper.RULE_TYPE), () -> {
            List<List<Listener>> perLb = in.each(loadBalancers, lb -> in.pages("DescribeListeners",
                    elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn()).pageSize(400)),
                    DescribeListenersResponse::listeners, DescribeListenersResponse::nextMarker));
            List<Listener> listeners = perLb.stream().flatMap(List::stream).toList();
            listeners.forEach(l -> in.add(ListenerMapper.map(in.scope(), l)));
            if (in.wants(ListenerMapper.RULE_TYPE)) {
                in.read(List.of(ListenerMapper.RULE_TYPE), () -> in.each(listeners, l -> rules(in, elb, l))
                        .stream().flatMap(List::stream).forEach(in::add));
            }
        });
    }

    private static List<LiveResource> rules(ScopeReader in, ElasticLoadBalancingV2Client elb, Listener l) {
        List<Rule> rules = in.pagesByToken("DescribeRules", marker -> elb.describeRules(r -> r
                .listenerArn(l.listenerArn()).pageSize(400).marker(marker)), DescribeRulesResponse::rules,
                DescribeRulesResponse::nextMarker);
        return rules.stream().filter(r -> !Boolean.TRUE.equals(r.isDefault()))
                .map(r -> ListenerMapper.rule(in.scope(), l.listenerArn(), r)).toList();
    }

    /** Tags by ARN, when a rule reads them; a failure leaves them unknown for every load balancer. */
    static TagLookup tags(ScopeReader in, ElasticLoadBalancingV2Client elb, List<String> arns) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += TAG_BATCH) {
            batches.add(arns.subList(i, Math.min(arns.size(), i + TAG_BATCH)));
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        try {
            for (List<TagDescription> batch : in.each(batches, b -> in.call("DescribeTags",
                    () -> elb.describeTags(r -> r.resourceArns(b)).tagDescriptions()))) {
                for (TagDescription d : batch) {
                    tags.put(d.resourceArn(), Tags.of(d.tags(), t -> t.key(), t -> t.value()));
                }
            }
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
        return TagLookup.of(tags);
    }
}
