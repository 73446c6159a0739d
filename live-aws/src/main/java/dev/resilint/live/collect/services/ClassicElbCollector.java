package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.elb.ClassicLoadBalancerMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagDescription;

/**
 * Classic Load Balancers (API version 2012-06-01) with their attributes (one call each) and tags
 * (20 names a call) when a rule reads them.
 */
public final class ClassicElbCollector implements Collector {

    @Override
    public String service() {
        return "elasticloadbalancing";
    }

    @Override
    public List<String> types() {
        return List.of(ClassicLoadBalancerMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags");
    }

    @Override
    public void collect(ScopeReader in) {
        ElasticLoadBalancingClient elb = in.client(ElasticLoadBalancingClient.class, ElasticLoadBalancingClient::builder);
        in.read(types(), () -> {
            List<LoadBalancerDescription> all = in.pages("DescribeLoadBalancers",
                    elb.describeLoadBalancersPaginator(r -> r.pageSize(400)),
                    DescribeLoadBalancersResponse::loadBalancerDescriptions, DescribeLoadBalancersResponse::nextMarker);
            TagLookup tags = tags(in, elb, all.stream().map(LoadBalancerDescription::loadBalancerName).toList());
            in.each(all, lb -> {
                try {
                    var attributes = in.call("DescribeLoadBalancerAttributes", () -> elb.describeLoadBalancerAttributes(
                            r -> r.loadBalancerName(lb.loadBalancerName())).loadBalancerAttributes());
                    return ClassicLoadBalancerMapper.map(in.scope(), lb, attributes, tags);
                } catch (ReadFailure f) {
                    return ClassicLoadBalancerMapper.map(in.scope(), lb, null, tags).withUnread(f.asUnknown());
                }
            }).forEach(in::add);
        });
    }

    private static TagLookup tags(ScopeReader in, ElasticLoadBalancingClient elb, List<String> names) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < names.size(); i += ElbV2Collector.TAG_BATCH) {
            batches.add(names.subList(i, Math.min(names.size(), i + ElbV2Collector.TAG_BATCH)));
        }
        Map<String, Map<String, String>> byArn = new HashMap<>();
        try {
            for (List<TagDescription> batch : in.each(batches, b -> in.call("DescribeTags",
                    () -> elb.describeTags(r -> r.loadBalancerNames(b)).tagDescriptions()))) {
                for (TagDescription d : batch) {
                    byArn.put(ClassicLoadBalancerMapper.arn(in.scope(), d.loadBalancerName()),
                            Tags.of(d.tags(), t -> t.key(), t -> t.value()));
                }
            }
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
        return TagLookup.of(byArn);
    }
}
