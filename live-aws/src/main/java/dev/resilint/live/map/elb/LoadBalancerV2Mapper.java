package dev.resilint.live.map.elb;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.map.s3.BucketMapper;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

/**
 * {@code DescribeLoadBalancers} (ELBv2) items with their {@code DescribeLoadBalancerAttributes} as
 * {@code AWS::ElasticLoadBalancingV2::LoadBalancer}. The API lists every attribute with its value,
 * defaults included; a template lists only those it sets, so a live load balancer's attributes say
 * explicitly what a template may leave to the default.
 */
public final class LoadBalancerV2Mapper {

    public static final String TYPE = "AWS::ElasticLoadBalancingV2::LoadBalancer";

    private LoadBalancerV2Mapper() {
    }

    /**
     * @param attributes the load balancer's attributes, or null when they were not read
     * @param tags its tags, when they were asked for
     */
    public static LiveResource map(Scope scope, LoadBalancer lb, List<LoadBalancerAttribute> attributes,
            TagLookup tags) {
        List<String> subnets = lb.availabilityZones().stream().map(AvailabilityZone::subnetId)
                .filter(s -> s != null && !s.isBlank()).toList();
        Props p = Props.map()
                .put("Name", lb.loadBalancerName())
                .put("Type", lb.typeAsString())
                .put("Scheme", lb.schemeAsString())
                .put("IpAddressType", lb.ipAddressTypeAsString())
                .refs("Subnets", subnets, SubnetMapper.TYPE)
                .refs("SecurityGroups", lb.securityGroups(), SecurityGroupMapper.TYPE);
        tags.apply(p, lb.loadBalancerArn());
        if (attributes != null) {
            p.list("LoadBalancerAttributes", attributes(attributes));
        }
        return LiveResource.of(TYPE, lb.loadBalancerArn(), lb.loadBalancerName(), scope, p.build(),
                Ids.of(lb.loadBalancerArn(), ""));
    }

    /** The attribute naming the bucket that receives the access logs: a reference to it. */
    static final String ACCESS_LOG_BUCKET = "access_logs.s3.bucket";

    /**
     * Attributes as CloudFormation's list of {@code {Key, Value}}, sorted by key; the access-log bucket's
     * name is a reference to that bucket.
     */
    static List<Node> attributes(List<LoadBalancerAttribute> attributes) {
        return attributes.stream().filter(a -> a.key() != null)
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .map(a -> (Node) (a.key().equals(ACCESS_LOG_BUCKET) && a.value() != null && !a.value().isBlank()
                        ? Props.map().put("Key", a.key()).ref("Value", a.value(), BucketMapper.TYPE)
                        : Props.map().put("Key", a.key()).put("Value", a.value())).build())
                .toList();
    }
}
