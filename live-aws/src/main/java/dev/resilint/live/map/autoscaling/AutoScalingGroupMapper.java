package dev.resilint.live.map.autoscaling;

import dev.resilint.core.tree.Node;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.ec2.LaunchTemplateMapper;
import dev.resilint.live.map.ec2.SubnetMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.autoscaling.model.TrafficSourceIdentifier;

/**
 * {@code DescribeAutoScalingGroups} items as {@code AWS::AutoScaling::AutoScalingGroup}. The API's
 * {@code VPCZoneIdentifier} is one comma-separated string; CloudFormation's is a list of subnets.
 */
public final class AutoScalingGroupMapper {

    public static final String TYPE = "AWS::AutoScaling::AutoScalingGroup";
    static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";

    private AutoScalingGroupMapper() {
    }

    public static LiveResource map(Scope scope, AutoScalingGroup g) {
        Props p = Props.map()
                .put("AutoScalingGroupName", g.autoScalingGroupName())
                .put("MinSize", g.minSize() == null ? null : g.minSize().toString())
                .put("MaxSize", g.maxSize() == null ? null : g.maxSize().toString())
                .put("DesiredCapacity", g.desiredCapacity() == null ? null : g.desiredCapacity().toString())
                .strings("AvailabilityZones", g.availabilityZones())
                .refs("VPCZoneIdentifier", subnets(g.vpcZoneIdentifier()), SubnetMapper.TYPE)
                .put("HealthCheckType", g.healthCheckType())
                .put("HealthCheckGracePeriod", g.healthCheckGracePeriod())
                .refs("TargetGroupARNs", g.targetGroupARNs(), TARGET_GROUP)
                .refs("LoadBalancerNames", g.loadBalancerNames(), CLASSIC_LOAD_BALANCER)
                .list("TrafficSources", g.trafficSources().stream().map(AutoScalingGroupMapper::trafficSource).toList())
                .ref("LaunchConfigurationName", g.launchConfigurationName(), LaunchConfigurationMapper.TYPE)
                .put("LaunchTemplate", launchTemplate(g.launchTemplate()))
                .put("CapacityRebalance", g.capacityRebalance())
                .list("Tags", tags(g.tags()));
        if (g.mixedInstancesPolicy() != null) {
            var mixed = g.mixedInstancesPolicy();
            Props lt = Props.map();
            if (mixed.launchTemplate() != null) {
                lt.put("LaunchTemplateSpecification", launchTemplate(mixed.launchTemplate().launchTemplateSpecification()))
                        .list("Overrides", mixed.launchTemplate().overrides().stream()
                                .map(AutoScalingGroupMapper::override).toList());
            }
            Props distribution = Props.map();
            if (mixed.instancesDistribution() != null) {
                var d = mixed.instancesDistribution();
                distribution.put("OnDemandBaseCapacity", d.onDemandBaseCapacity())
                        .put("OnDemandPercentageAboveBaseCapacity", d.onDemandPercentageAboveBaseCapacity())
                        .put("SpotAllocationStrategy", d.spotAllocationStrategy())
                        .put("OnDemandAllocationStrategy", d.onDemandAllocationStrategy());
            }
            p.put("MixedInstancesPolicy", Props.map().putIfNotEmpty("LaunchTemplate", lt)
                    .putIfNotEmpty("InstancesDistribution", distribution));
        }
        String arn = g.autoScalingGroupARN();
        return LiveResource.of(TYPE, arn, g.autoScalingGroupName(), scope, p.build(),
                Ids.of(g.autoScalingGroupName(), "", arn, ""));
    }

    /** The subnets of the API's comma-separated {@code VPCZoneIdentifier}. */
    static List<String> subnets(String vpcZoneIdentifier) {
        if (vpcZoneIdentifier == null || vpcZoneIdentifier.isBlank()) {
            return List.of();
        }
        return Arrays.stream(vpcZoneIdentifier.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Node launchTemplate(LaunchTemplateSpecification spec) {
        if (spec == null) {
            return null;
        }
        Props p = Props.map().ref("LaunchTemplateId", spec.launchTemplateId(), LaunchTemplateMapper.TYPE)
                .put("Version", spec.version());
        if (spec.launchTemplateId() == null) {
            p.ref("LaunchTemplateName", spec.launchTemplateName(), LaunchTemplateMapper.TYPE);
        }
        return p.build();
    }

    private static Node override(LaunchTemplateOverrides o) {
        Props p = Props.map().put("InstanceType", o.instanceType()).put("WeightedCapacity", o.weightedCapacity());
        var r = o.instanceRequirements();
        if (r != null) {
            // attribute-based instance type selection, by its vCPU and memory ranges
            Props requirements = Props.map();
            if (r.vCpuCount() != null) {
                requirements.put("VCpuCount", Props.map().put("Min", r.vCpuCount().min()).put("Max", r.vCpuCount().max()));
            }
            if (r.memoryMiB() != null) {
                requirements.put("MemoryMiB", Props.map().put("Min", r.memoryMiB().min()).put("Max", r.memoryMiB().max()));
            }
            p.put("InstanceRequirements", requirements);
        }
        return p.build();
    }

    private static Node trafficSource(TrafficSourceIdentifier t) {
        return Props.map().ref("Identifier", t.identifier(), TARGET_GROUP, CLASSIC_LOAD_BALANCER)
                .put("Type", t.type()).build();
    }

    private static List<Node> tags(List<TagDescription> tags) {
        List<Node> items = new ArrayList<>();
        tags.stream().sorted((a, b) -> a.key().compareTo(b.key())).forEach(t -> items.add(Props.map()
                .put("Key", t.key()).put("Value", t.value()).put("PropagateAtLaunch", t.propagateAtLaunch())
                .build()));
        return items;
    }
}
