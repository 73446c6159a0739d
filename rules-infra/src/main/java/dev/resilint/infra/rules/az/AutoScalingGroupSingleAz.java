package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.Zones;
import java.util.Optional;

/**
 * AZ01: an Auto Scaling group that provably runs in fewer than 2 Availability Zones. When that
 * zone fails, the group loses all its instances at once and cannot launch replacements elsewhere.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class AutoScalingGroupSingleAz extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ01", AutoScalingGroupSingleAz.class)
            .severity(Severity.ERROR)
            .summary("An Auto Scaling group runs in a single Availability Zone.")
            .rationale("An Auto Scaling group replaces failed instances only in the zones it is allowed to use. "
                    + "Confined to one zone, it loses all its capacity when that zone is impaired and has nowhere "
                    + "to launch replacements, so the whole tier is down until the zone recovers. Spread over "
                    + "several zones, it rebalances and keeps serving from the others.")
            .remediation("List subnets in at least two Availability Zones in `VPCZoneIdentifier` (or at least two "
                    + "zones in `AvailabilityZones`), for example one private subnet per zone of "
                    + "`!GetAZs ''`.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("autoscaling-multiple-az"), Reference.trustedAdvisor(
                    "Amazon EC2 Auto Scaling is not deployed in multiple AZs or does not meet the minimum number of AZs",
                    "amazon-ec2-auto-scaling-group-multiple-az"))
            .tags("availability-zone", "compute")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(Zones.ASG)
            .reads(Zones.SUBNET)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` whose zones are at most one Availability Zone in every "
                    + "possibility, whichever way its conditions go (a possibility with none is malformed). The zones come from `VPCZoneIdentifier` (each "
                    + "subnet's `AvailabilityZone`) or, when it is not set, from `AvailabilityZones`; when both are "
                    + "set, `VPCZoneIdentifier` decides, as in EC2 Auto Scaling. `Fn::GetAZs` and `Fn::Select` "
                    + "indexes, literal zone names and parameter defaults are understood.")
            .quietWhen("Any subnet or zone cannot be known: a subnet from a parameter without default, an import, a "
                            + "subnet without `AvailabilityZone`.",
                    "Some possibility covers 2 zones or more, or every possibility covers none (a malformed group).",
                    "Neither `VPCZoneIdentifier` nor `AvailabilityZones` is set: the launch template then decides.",
                    "The group's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource asg, GraphView graph, RuleContext context) {
        Optional<Zones.Placement> placement = Zones.ofAutoScalingGroup(graph, asg);
        if (placement.isEmpty()) {
            return;
        }
        AzSet zones = placement.get().zones();
        if (!zones.isKnown() || zones.maxCount() != 1) {
            return; // unknown, or at least one possibility spans several zones (0 is malformed)
        }
        String property = placement.get().property();
        String fix = property.equals("VPCZoneIdentifier")
                ? "spread VPCZoneIdentifier over subnets in at least 2 zones"
                : "list at least 2 zones in AvailabilityZones";
        context.report(asg.locateProperty(property), "Auto Scaling group " + asg.displayName() + " runs in "
                + Zones.count(1) + " (" + Zones.describe(zones) + "); " + fix);
    }
}
