package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EfsCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-west-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String FS = "AWS::EFS::FileSystem";
    static final String TARGET = "AWS::EFS::MountTarget";
    static final String ARN = "arn:aws:elasticfilesystem:eu-west-1:222233334444:file-system/";
    static final String TARGET_ARN = "arn:aws:elasticfilesystem:eu-west-1:222233334444:mount-target/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final EfsCollector collector = new EfsCollector();

    static Map<String, Object> fileSystem(String id, String state, Map<String, Object> more) {
        Map<String, Object> fs = new java.util.LinkedHashMap<>(Map.of("FileSystemId", id, "FileSystemArn", ARN + id,
                "OwnerId", ACCOUNT, "CreationToken", "token-" + id, "LifeCycleState", state, "NumberOfMountTargets", 2,
                "PerformanceMode", "generalPurpose", "Encrypted", true, "Tags", List.of(Map.of("Key", "team", "Value", "t-" + id))));
        fs.putAll(more);
        return fs;
    }

    static Map<String, Object> target(String id, String fs, String subnet, String zone) {
        return Map.of("MountTargetId", id, "FileSystemId", fs, "SubnetId", subnet, "LifeCycleState", "available",
                "IpAddress", "10.0.0.1", "AvailabilityZoneName", zone, "VpcId", "vpc-1");
    }

    /** A One Zone file system, a regional one with three mount targets (two pages), one being deleted. */
    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("efs", "DescribeFileSystems", List.of(
                fileSystem("fs-one", "available", Map.of("Name", "scratch", "AvailabilityZoneName", "eu-west-1a",
                        "AvailabilityZoneId", "euw1-az1", "ThroughputMode", "elastic")),
                fileSystem("fs-regional", "available", Map.of("Name", "shared",
                        "FileSystemProtection", Map.of("ReplicationOverwriteProtection", "ENABLED"))),
                fileSystem("fs-gone", "deleting", Map.of())));
        r.items("efs", "DescribeMountTargets", "FileSystemId", "fs-regional", List.of(
                target("fsmt-a", "fs-regional", "subnet-a", "eu-west-1a"),
                target("fsmt-b", "fs-regional", "subnet-b", "eu-west-1b"),
                target("fsmt-c", "fs-regional", "subnet-c", "eu-west-1c")));
        r.items("efs", "DescribeMountTargets", "FileSystemId", "fs-one", List.of(
                target("fsmt-one", "fs-one", "subnet-a", "eu-west-1a")));
        return r;
    }

    @Test
    void fileSystemsAndTheirMountTargetsArePagedAndShapedAsCloudFormation() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(FS, TARGET);

        assertThat(run.ofType(FS)).extracting(r -> r.name()).containsExactly("scratch (fs-one)", "shared (fs-regional)");
        assertThat(PlainTrees.of(run.get(ARN + "fs-one"))).isEqualTo(Map.of("AvailabilityZoneName", "eu-west-1a",
                "PerformanceMode", "generalPurpose", "ThroughputMode", "elastic", "Encrypted", true,
                "FileSystemTags", List.of(Map.of("Key", "team", "Value", "t-fs-one"))));
        assertThat(PlainTrees.at(run.get(ARN + "fs-regional"), "AvailabilityZoneName")).isNull();
        assertThat(PlainTrees.at(run.get(ARN + "fs-regional"), "FileSystemProtection/ReplicationOverwriteProtection"))
                .isEqualTo("ENABLED");
        assertThat(run.get(ARN + "fs-regional").identifiers()).containsEntry("fs-regional", "")
                .containsEntry(ARN + "fs-regional", "Arn");
        assertThat(run.ofType(TARGET)).extracting(r -> r.arn()).containsExactly(TARGET_ARN + "fsmt-a",
                TARGET_ARN + "fsmt-b", TARGET_ARN + "fsmt-c", TARGET_ARN + "fsmt-one");
        assertThat(PlainTrees.of(run.get(TARGET_ARN + "fsmt-b"))).isEqualTo(Map.of(
                "FileSystemId", PlainTrees.Ref.to("fs-regional", FS),
                "SubnetId", PlainTrees.Ref.to("subnet-b", "AWS::EC2::Subnet"), "IpAddress", "10.0.0.1"));
        assertThat(run.resources()).allSatisfy(r -> assertThat(r.unread()).isEmpty());
        // three file systems in two pages; three targets in two pages, one in one; none for the one being deleted
        assertThat(FAKE.calls().count("efs", "DescribeFileSystems")).isEqualTo(2);
        assertThat(FAKE.calls().count("efs", "DescribeMountTargets")).isEqualTo(3);
        assertThat(collector.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void withoutMountTargetsWantedOnlyTheFileSystemsAreListed() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, java.util.Set.of(FS), false).complete(FS);

        assertThat(run.ofType(FS)).hasSize(2);
        assertThat(run.ofType(TARGET)).isEmpty();
        assertThat(FAKE.calls().count("efs", "DescribeMountTargets")).isZero();
    }

    @Test
    void aDeniedMountTargetListingKeepsTheFileSystemUnreadAndTheTypesComplete() {
        serve().fail("efs", "DescribeMountTargets", "FileSystemId", "fs-regional",
                new AwsError("AccessDeniedException", 403, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(FS, TARGET);

        assertThat(run.get(ARN + "fs-regional").unread()).hasValueSatisfying(u -> {
            assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED);
            assertThat(u.detail()).contains("DescribeMountTargets");
        });
        assertThat(PlainTrees.at(run.get(ARN + "fs-regional"), "PerformanceMode")).isEqualTo("generalPurpose");
        assertThat(run.get(ARN + "fs-one").unread()).isEmpty();
        assertThat(run.ofType(TARGET)).extracting(r -> r.name()).containsExactly("fsmt-one");
    }

    @Test
    void aDeniedMountTargetListingLeavesAz11NotEvaluatedForThatFileSystemOnly() {
        serve().fail("efs", "DescribeMountTargets", "FileSystemId", "fs-regional",
                new AwsError("AccessDeniedException", 403, "no"));

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));

        assertThat(ScanOfOne.findings(results)).filteredOn(f -> f.startsWith("AZ11")).containsExactly("AZ11 " + ARN + "fs-one");
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ11")).singleElement().satisfies(n -> {
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.subject()).isEqualTo(ARN + "fs-regional");
            assertThat(n.detail()).contains("DescribeMountTargets");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void accessDeniedOnDescribeFileSystemsIsAGapOfBothTypesNamingTheCallAccountAndRegion() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("efs", "DescribeFileSystems"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        for (String type : List.of(FS, TARGET)) {
            assertThat(run.gap(type).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(run.gap(type).detail()).contains("DescribeFileSystems: AccessDeniedException");
        }
        assertThat(run.resources()).isEmpty();

        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.findings(results)).noneMatch(f -> f.startsWith("AZ11"));
        assertThat(results.notEvaluated()).filteredOn(n -> n.ruleId().equals("AZ11")).isNotEmpty().allSatisfy(n -> {
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("DescribeFileSystems");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }
}
