package dev.resilint.live.map.ec2;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.FleetData;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateConfig;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateOverrides;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceRequirements;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateConfig;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.ec2.model.SpotFleetLaunchSpecification;
import software.amazon.awssdk.services.ec2.model.SpotFleetRequestConfig;
import software.amazon.awssdk.services.ec2.model.SpotFleetRequestConfigData;

/**
 * {@code DescribeSpotFleetRequests} items as {@code AWS::EC2::SpotFleet} and {@code DescribeFleets}
 * items as {@code AWS::EC2::EC2Fleet}, with what decides their instance types: launch
 * specifications, launch template configs (the template by id, a reference when it was collected)
 * and their overrides. {@code InstanceRequirements} is written with its vCPU and memory ranges only,
 * which says that the fleet selects instance types by attributes. Requests and fleets that are
 * cancelled, deleted or failed run nothing and are left out.
 */
public final class FleetMapper {

    public static final String SPOT_FLEET = "AWS::EC2::SpotFleet";
    public static final String EC2_FLEET = "AWS::EC2::EC2Fleet";

    /** The states of a request or fleet that holds (or is getting) capacity. */
    private static final Set<String> RUNNING = Set.of("submitted", "active", "modifying");

    private FleetMapper() {
    }

    public static Optional<LiveResource> spotFleet(Scope scope, SpotFleetRequestConfig request) {
        String state = request.spotFleetRequestStateAsString();
        if (state != null && !RUNNING.contains(state.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        SpotFleetRequestConfigData c = request.spotFleetRequestConfig();
        Props data = Props.map();
        if (c != null) {
            data.put("IamFleetRole", c.iamFleetRole()).put("TargetCapacity", c.targetCapacity())
                    .put("OnDemandTargetCapacity", c.onDemandTargetCapacity())
                    .put("AllocationStrategy", c.allocationStrategyAsString())
                    .list("LaunchSpecifications", c.launchSpecifications().stream().map(FleetMapper::specification)
                            .toList())
                    .list("LaunchTemplateConfigs", c.launchTemplateConfigs().stream().map(FleetMapper::config).toList());
        }
        String id = request.spotFleetRequestId();
        return Optional.of(LiveResource.of(SPOT_FLEET, Arns.of(scope, "ec2", "spot-fleet-request/" + id), id, scope,
                Props.map().put("SpotFleetRequestConfigData", data).build(), Ids.of(id, "")));
    }

    public static Optional<LiveResource> ec2Fleet(Scope scope, FleetData fleet) {
        String state = fleet.fleetStateAsString();
        if (state != null && !RUNNING.contains(state.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Props p = Props.map().put("Type", fleet.typeAsString())
                .list("LaunchTemplateConfigs", fleet.launchTemplateConfigs().stream().map(FleetMapper::config).toList());
        var target = fleet.targetCapacitySpecification();
        if (target != null) {
            p.put("TargetCapacitySpecification", Props.map().put("TotalTargetCapacity", target.totalTargetCapacity())
                    .put("OnDemandTargetCapacity", target.onDemandTargetCapacity())
                    .put("SpotTargetCapacity", target.spotTargetCapacity())
                    .put("DefaultTargetCapacityType", target.defaultTargetCapacityTypeAsString()));
        }
        String id = fleet.fleetId();
        return Optional.of(LiveResource.of(EC2_FLEET, Arns.of(scope, "ec2", "fleet/" + id), id, scope, p.build(),
                Ids.of(id, "")));
    }

    private static Node specification(SpotFleetLaunchSpecification s) {
        return Props.map().put("InstanceType", s.instanceTypeAsString()).put("ImageId", s.imageId())
                .put("SubnetId", s.subnetId()).build();
    }

    private static Node config(LaunchTemplateConfig c) {
        return Props.map().put("LaunchTemplateSpecification", template(c.launchTemplateSpecification()))
                .list("Overrides", c.overrides().stream().map(FleetMapper::override).toList()).build();
    }

    private static Node config(FleetLaunchTemplateConfig c) {
        return Props.map().put("LaunchTemplateSpecification", template(c.launchTemplateSpecification()))
                .list("Overrides", c.overrides().stream().map(FleetMapper::override).toList()).build();
    }

    private static Props template(FleetLaunchTemplateSpecification s) {
        if (s == null) {
            return null;
        }
        Props p = Props.map().ref("LaunchTemplateId", s.launchTemplateId(), LaunchTemplateMapper.TYPE)
                .put("Version", s.version());
        if (s.launchTemplateId() == null) {
            p.ref("LaunchTemplateName", s.launchTemplateName(), LaunchTemplateMapper.TYPE);
        }
        return p;
    }

    private static Node override(LaunchTemplateOverrides o) {
        return Props.map().put("InstanceType", o.instanceTypeAsString()).put("SubnetId", o.subnetId())
                .put("WeightedCapacity", o.weightedCapacity()).put("InstanceRequirements", requirements(o.instanceRequirements()))
                .build();
    }

    private static Node override(FleetLaunchTemplateOverrides o) {
        return Props.map().put("InstanceType", o.instanceTypeAsString()).put("SubnetId", o.subnetId())
                .put("WeightedCapacity", o.weightedCapacity()).put("InstanceRequirements", requirements(o.instanceRequirements()))
                .build();
    }

    /** Attribute-based instance type selection, by its vCPU and memory ranges; null when not used. */
    static Props requirements(InstanceRequirements r) {
        if (r == null) {
            return null;
        }
        Props p = Props.map();
        if (r.vCpuCount() != null) {
            p.put("VCpuCount", Props.map().put("Min", r.vCpuCount().min()).put("Max", r.vCpuCount().max()));
        }
        if (r.memoryMiB() != null) {
            p.put("MemoryMiB", Props.map().put("Min", r.memoryMiB().min()).put("Max", r.memoryMiB().max()));
        }
        return p;
    }
}
