package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four EFS file systems over subnets of two zones: Scratch in One Zone storage, Lopsided regional with
 * both mount targets in one zone, Shared regional with a mount target in each zone, and Bare regional
 * without a mount target. Written as a template and served by the fake account, they get the same AZ11
 * findings, with the same messages (the live file system named by its name and id).
 */
class EfsTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String EC2 = "arn:aws:ec2:eu-west-1:111122223333:";
    static final String EFS = "arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
              SubnetA2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a}}
              SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1b}}
              Scratch:
                Type: AWS::EFS::FileSystem
                Properties: {AvailabilityZoneName: eu-west-1a, Encrypted: true, PerformanceMode: generalPurpose}
              ScratchA: {Type: AWS::EFS::MountTarget, Properties: {FileSystemId: !Ref Scratch, SubnetId: !Ref SubnetA, SecurityGroups: [sg-1]}}
              Lopsided: {Type: AWS::EFS::FileSystem, Properties: {Encrypted: true, PerformanceMode: generalPurpose}}
              LopsidedA: {Type: AWS::EFS::MountTarget, Properties: {FileSystemId: !Ref Lopsided, SubnetId: !Ref SubnetA, SecurityGroups: [sg-1]}}
              LopsidedA2: {Type: AWS::EFS::MountTarget, Properties: {FileSystemId: !Ref Lopsided, SubnetId: !Ref SubnetA2, SecurityGroups: [sg-1]}}
              Shared: {Type: AWS::EFS::FileSystem, Properties: {Encrypted: true, PerformanceMode: generalPurpose}}
              SharedA: {Type: AWS::EFS::MountTarget, Properties: {FileSystemId: !Ref Shared, SubnetId: !Ref SubnetA, SecurityGroups: [sg-1]}}
              SharedB: {Type: AWS::EFS::MountTarget, Properties: {FileSystemId: !Ref Shared, SubnetId: !Ref SubnetB, SecurityGroups: [sg-1]}}
              Bare: {Type: AWS::EFS::FileSystem, Properties: {Encrypted: true, PerformanceMode: generalPurpose}}
            """;

    static Map<String, Object> subnet(String id, String zone) {
        return Map.of("SubnetId", id, "AvailabilityZone", zone, "VpcId", "vpc-1", "SubnetArn", EC2 + "subnet/" + id);
    }

    static Map<String, Object> fileSystem(String id, String name, String zone) {
        Map<String, Object> fs = new java.util.LinkedHashMap<>(Map.of("FileSystemId", id, "FileSystemArn", EFS + id,
                "Name", name, "OwnerId", ACCOUNT, "CreationToken", name, "LifeCycleState", "available",
                "PerformanceMode", "generalPurpose", "Encrypted", true, "Tags", List.of(Map.of("Key", "Name", "Value", name))));
        if (zone != null) {
            fs.put("AvailabilityZoneName", zone);
        }
        return fs;
    }

    static Map<String, Object> target(String id, String fs, String subnet, String zone) {
        return Map.of("MountTargetId", id, "FileSystemId", fs, "SubnetId", subnet, "AvailabilityZoneName", zone,
                "LifeCycleState", "available", "VpcId", "vpc-1");
    }

    /** The same file systems as the account serves them. */
    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeSubnets", List.of(subnet("subnet-a", "eu-west-1a"), subnet("subnet-a2", "eu-west-1a"),
                subnet("subnet-b", "eu-west-1b")));
        eu.items("efs", "DescribeFileSystems", List.of(fileSystem("fs-scratch", "Scratch", "eu-west-1a"),
                fileSystem("fs-lopsided", "Lopsided", null), fileSystem("fs-shared", "Shared", null),
                fileSystem("fs-bare", "Bare", null)));
        eu.items("efs", "DescribeMountTargets", "FileSystemId", "fs-scratch",
                List.of(target("fsmt-s", "fs-scratch", "subnet-a", "eu-west-1a")));
        eu.items("efs", "DescribeMountTargets", "FileSystemId", "fs-lopsided", List.of(
                target("fsmt-l1", "fs-lopsided", "subnet-a", "eu-west-1a"),
                target("fsmt-l2", "fs-lopsided", "subnet-a2", "eu-west-1a")));
        eu.items("efs", "DescribeMountTargets", "FileSystemId", "fs-shared", List.of(
                target("fsmt-h1", "fs-shared", "subnet-a", "eu-west-1a"),
                target("fsmt-h2", "fs-shared", "subnet-b", "eu-west-1b")));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameEfsFindings() throws Exception {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE).is("SubnetA", EC2 + "subnet/subnet-a").is("SubnetA2", EC2 + "subnet/subnet-a2")
                .is("SubnetB", EC2 + "subnet/subnet-b").is("Scratch", EFS + "fs-scratch")
                .is("Lopsided", EFS + "fs-lopsided").is("Shared", EFS + "fs-shared").is("Bare", EFS + "fs-bare")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("AZ11")).containsExactly("AZ11 Lopsided", "AZ11 Scratch");

        assertThat(liveMessages()).isEqualTo(templateMessages());
    }

    /** AZ11's messages in the template, by file system. */
    private Map<String, String> templateMessages() throws Exception {
        Files.writeString(dir.resolve("efs.yaml"), TEMPLATE);
        var results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(
                List.of(dir.resolve("efs.yaml")), dir, Config.defaults(), List.of()));
        return messages(results.findings(), f -> ((Location.Template) f.location()).resourceId());
    }

    /** AZ11's messages in the account, the live name ({@code Name (fs-id)}) written as the template's. */
    private Map<String, String> liveMessages() {
        FAKE.reset();
        serve(FAKE.account(ACCOUNT).region(REGION));
        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        Map<String, String> live = messages(results.findings(), f -> {
            String arn = ((Location.Live) f.location()).arn();
            return arn.equals(EFS + "fs-scratch") ? "Scratch" : "Lopsided";
        });
        live.replaceAll((id, message) -> message.replace(id + " (fs-" + id.toLowerCase() + ")", id));
        return live;
    }

    private static Map<String, String> messages(List<Finding> findings, java.util.function.Function<Finding, String> id) {
        Map<String, String> byId = new java.util.TreeMap<>();
        findings.stream().filter(f -> f.ruleId().equals("AZ11")).forEach(f -> byId.put(id.apply(f), f.message()));
        return byId;
    }
}
