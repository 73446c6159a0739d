package dev.resilint.live.map.elb;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.ec2.InstanceMapper;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import dev.resilint.live.map.s3.BucketMapper;
import software.amazon.awssdk.services.elasticloadbalancing.model.HealthCheck;
import software.amazon.awssdk.services.elasticloadbalancing.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;

/**
 * Classic {@code DescribeLoadBalancers} items with their {@code DescribeLoadBalancerAttributes} as
 * {@code AWS::ElasticLoadBalancing::LoadBalancer}: {@code CrossZone},
 * {@code ConnectionDrainingPolicy}, {@code ConnectionSettings} and {@code AccessLoggingPolicy} (its
 * {@code S3BucketName} a reference to the bucket) come from the attributes.
 */
public final class ClassicLoadBalancerMapper {

    public static final String TYPE = "AWS::ElasticLoadBalancing::LoadBalancer";

    private ClassicLoadBalancerMapper() {
    }

    /**
     * @param attributes the attributes, or null when they were not read
     * @param tags the tags, when they were asked for
     */
    public static LiveResource map(Scope scope, LoadBalancerDescription lb, LoadBalancerAttributes attributes,
            TagLookup tags) {
        Props p = Props.map()
                .put("LoadBalancerName", lb.loadBalancerName())
                .put("Scheme", lb.scheme())
                .strings("AvailabilityZones", lb.availabilityZones())
                .refs("Subnets", lb.subnets(), SubnetMapper.TYPE)
                .refs("SecurityGroups", lb.securityGroups(), SecurityGroupMapper.TYPE)
                .refs("Instances", lb.instances().stream().map(Instance::instanceId).toList(), InstanceMapper.TYPE)
                .put("HealthCheck", healthCheck(lb.healthCheck()));
        if (attributes != null) {
            if (attributes.crossZoneLoadBalancing() != null) {
                p.put("CrossZone", attributes.crossZoneLoadBalancing().enabled());
            }
            if (attributes.connectionDraining() != null) {
                p.put("ConnectionDrainingPolicy", Props.map()
                        .put("Enabled", attributes.connectionDraining().enabled())
                        .put("Timeout", attributes.connectionDraining().timeout()));
            }
            if (attributes.accessLog() != null) {
                p.put("AccessLoggingPolicy", Props.map()
                        .put("Enabled", attributes.accessLog().enabled())
                        .ref("S3BucketName", attributes.accessLog().s3BucketName(), BucketMapper.TYPE)
                        .put("S3BucketPrefix", blankless(attributes.accessLog().s3BucketPrefix()))
                        .put("EmitInterval", attributes.accessLog().emitInterval()));
            }
            if (attributes.connectionSettings() != null) {
                p.put("ConnectionSettings", Props.map().put("IdleTimeout", attributes.connectionSettings().idleTimeout()));
            }
        }
        String arn = arn(scope, lb.loadBalancerName());
        tags.apply(p, arn);
        return LiveResource.of(TYPE, arn, lb.loadBalancerName(), scope, p.build(), Ids.of(lb.loadBalancerName(), ""));
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The ARN of a classic load balancer, which the API does not return. */
    public static String arn(Scope scope, String name) {
        return Arns.of(scope, "elasticloadbalancing", "loadbalancer/" + name);
    }

    private static Props healthCheck(HealthCheck h) {
        if (h == null) {
            return null;
        }
        return Props.map().put("Target", h.target())
                .put("Interval", h.interval() == null ? null : h.interval().toString())
                .put("Timeout", h.timeout() == null ? null : h.timeout().toString())
                .put("HealthyThreshold", h.healthyThreshold() == null ? null : h.healthyThreshold().toString())
                .put("UnhealthyThreshold", h.unhealthyThreshold() == null ? null : h.unhealthyThreshold().toString());
    }
}
