package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AZ11: an EFS file system that lives in, or is reachable from, only one Availability Zone: One
 * Zone storage, or regional storage whose mount targets are all in one zone. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class EfsSingleAz extends ResourceRule {

    static final String FILE_SYSTEM = "AWS::EFS::FileSystem";
    static final String MOUNT_TARGET = "AWS::EFS::MountTarget";

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ11", EfsSingleAz.class)
            .severity(Severity.WARNING)
            .summary("An EFS file system is stored in, or mounted from, a single Availability Zone.")
            .rationale("EFS One Zone storage (`AvailabilityZoneName`) keeps the data in one zone: when that zone "
                    + "fails the file system is unavailable, and data may be lost if the zone is destroyed. Regional "
                    + "storage survives a zone, but clients reach it only through mount targets, one per zone: "
                    + "with every mount target in one zone, clients in other zones cannot mount it, and the loss of "
                    + "that zone cuts every client off. Decision: the mount targets judged are those the template "
                    + "(or the account) defines for the file system; a template's file system is judged only when "
                    + "each of them exists unconditionally and its subnet's zone is known.")
            .remediation("Remove `AvailabilityZoneName` to use regional (Multi-AZ) storage, and create an "
                    + "`AWS::EFS::MountTarget` in a subnet of each Availability Zone your clients run in.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.trustedAdvisor("Amazon EFS with one mount target", ""),
                    Reference.trustedAdvisor("Amazon EFS not deployed in multiple AZs", ""))
            .tags("availability-zone", "storage")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(FILE_SYSTEM)
            .reads(MOUNT_TARGET, Zones.SUBNET)
            .firesOn("An `AWS::EFS::FileSystem` with `AvailabilityZoneName` set in every possibility (One Zone "
                            + "storage, whatever the zone; the finding points at `AvailabilityZoneName`).",
                    "A regional `AWS::EFS::FileSystem` (no `AvailabilityZoneName`) whose mount targets "
                            + "(`AWS::EFS::MountTarget` with its `FileSystemId`) all lie in one Availability Zone, "
                            + "through each target's `SubnetId` and that subnet's `AvailabilityZone`. In a live "
                            + "account, the mount targets are those `DescribeMountTargets` lists for the file system.")
            .quietWhen("`AvailabilityZoneName` is absent in some possibility (a condition may choose regional "
                            + "storage), and the mount targets do not prove one zone.",
                    "The file system has no mount target; a mount target exists only under a condition that "
                            + "cannot be known; a target's subnet or zone cannot be known.",
                    "The mount targets cover 2 zones or more.",
                    "The file system's `Condition` is provably false.",
                    "In a live account, a regional file system whose mount targets could not be read (a failed "
                            + "`DescribeMountTargets`) is not evaluated; a target whose subnet is not in the scanned "
                            + "account (a shared VPC) has no known zone.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource fs, GraphView graph, RuleContext context) {
        Value zone = graph.property(fs, "AvailabilityZoneName");
        if (zone.possibilities().stream().anyMatch(v -> v instanceof Value.Unknown u && u.reason().isReadGap())) {
            return; // a live file system read only in part: not evaluated (the view noted the gap)
        }
        if (zone.possibilities().stream().noneMatch(v -> v instanceof Value.Absent)) {
            String named = zone.asString().map(z -> " (" + z.trim() + ")").orElse("");
            context.report(fs.locateProperty("AvailabilityZoneName"), "EFS file system " + fs.displayName()
                    + " uses One Zone storage" + named + ": its data is unavailable, and may be lost, when that "
                    + "Availability Zone fails; remove AvailabilityZoneName to store it across zones, with a "
                    + "mount target in each zone");
            return;
        }
        if (!zone.isAbsent()) {
            return;
        }
        Optional<Set<String>> zones = mountTargetZones(graph, fs);
        if (zones.isPresent() && zones.get().size() == 1) {
            context.report(fs.locate(""), "EFS file system " + fs.displayName() + " has mount targets only in "
                    + Zones.count(1) + " (" + zones.get().iterator().next() + "), so clients in other zones cannot "
                    + "mount it and every client loses it when that zone fails; add an AWS::EFS::MountTarget in a "
                    + "subnet of each other zone");
        }
    }

    /** The zones of the file system's mount targets; empty when any cannot be known, or there is none. */
    private static Optional<Set<String>> mountTargetZones(GraphView graph, Resource fs) {
        Set<String> zones = new TreeSet<>();
        List<Resource> targets = new ArrayList<>();
        for (Resource target : graph.referrers(fs, MOUNT_TARGET)) {
            if (!graph.mayExist(target) || !Zones.refersTo(graph.property(target, "FileSystemId"), fs.id())) {
                continue;
            }
            if (graph.exists(target).isEmpty()) {
                return Optional.empty();
            }
            AzSet zone = graph.zonesOfSubnets(graph.property(target, "SubnetId"));
            if (zone.exact().isEmpty()) {
                return Optional.empty();
            }
            zones.addAll(zone.exact().get());
            targets.add(target);
        }
        if (targets.isEmpty() || !Zones.comparable(zones)) {
            return Optional.empty();
        }
        return Optional.of(zones);
    }
}
