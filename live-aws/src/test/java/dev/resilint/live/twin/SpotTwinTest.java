package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spot capacity (SC02): Auto Scaling groups with a mixed instances policy of one or several types
 * or attribute-based selection, a group on a spot launch template, a spot fleet of one type and an
 * EC2 fleet of several: written as a template and served by the fake account, they get the same
 * findings.
 */
class SpotTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ASG = "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/";
    static final String EC2 = "arn:aws:ec2:eu-west-1:111122223333:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties: {LaunchTemplateName: web, LaunchTemplateData: {ImageId: ami-1, InstanceType: m5.large}}
              SpotTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties: {LaunchTemplateName: spot, LaunchTemplateData: {ImageId: ami-1, InstanceType: m5.large,
                  InstanceMarketOptions: {MarketType: spot}}}
              OneType:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  AutoScalingGroupName: one-type
                  MinSize: '2'
                  MaxSize: '6'
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  MixedInstancesPolicy:
                    InstancesDistribution: {OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 0}
                    LaunchTemplate:
                      LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                      Overrides: [{InstanceType: m5.large}]
              Diverse:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  AutoScalingGroupName: diverse
                  MinSize: '2'
                  MaxSize: '6'
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  MixedInstancesPolicy:
                    InstancesDistribution: {OnDemandPercentageAboveBaseCapacity: 0}
                    LaunchTemplate:
                      LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                      Overrides: [{InstanceType: m5.large}, {InstanceType: m6i.large}]
              ByAttributes:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  AutoScalingGroupName: by-attributes
                  MinSize: '2'
                  MaxSize: '6'
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  MixedInstancesPolicy:
                    InstancesDistribution: {OnDemandPercentageAboveBaseCapacity: 0}
                    LaunchTemplate:
                      LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                      Overrides: [{InstanceRequirements: {VCpuCount: {Min: 2, Max: 4}, MemoryMiB: {Min: 4096}}}]
              OnSpot:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  AutoScalingGroupName: on-spot
                  MinSize: '2'
                  MaxSize: '6'
                  AvailabilityZones: [eu-west-1a, eu-west-1b]
                  LaunchTemplate: {LaunchTemplateId: !Ref SpotTemplate, Version: '1'}
              Fleet:
                Type: AWS::EC2::SpotFleet
                Properties:
                  SpotFleetRequestConfigData:
                    IamFleetRole: arn:aws:iam::111122223333:role/fleet
                    TargetCapacity: 4
                    LaunchSpecifications: [{ImageId: ami-1, InstanceType: c5.large}]
              Mixed:
                Type: AWS::EC2::EC2Fleet
                Properties:
                  TargetCapacitySpecification: {TotalTargetCapacity: 4, DefaultTargetCapacityType: spot}
                  LaunchTemplateConfigs:
                    - LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                      Overrides: [{InstanceType: r5.large}, {InstanceType: r6i.large}]
            """;

    private static Map<String, Object> group(String name, Object... more) {
        Map<String, Object> g = Trees.map("AutoScalingGroupName", name, "AutoScalingGroupARN", ASG + name,
                "MinSize", 2, "MaxSize", 6, "DesiredCapacity", 2, "DefaultCooldown", 300,
                "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b"), "HealthCheckType", "EC2",
                "CreatedTime", "2026-01-01T00:00:00Z");
        g.putAll(Trees.map(more));
        return g;
    }

    private static Map<String, Object> mixed(Object overrides) {
        return Map.of("InstancesDistribution", Map.of("OnDemandBaseCapacity", 0, "OnDemandPercentageAboveBaseCapacity", 0),
                "LaunchTemplate", Map.of("LaunchTemplateSpecification", Map.of("LaunchTemplateId", "lt-web",
                        "Version", "1"), "Overrides", overrides));
    }

    /** The same capacity as the account serves it. */
    static void serve(FakeRegion eu) {
        eu.items("ec2", "DescribeLaunchTemplateVersions", List.of(
                Map.of("LaunchTemplateId", "lt-web", "LaunchTemplateName", "web", "VersionNumber", 1,
                        "DefaultVersion", true, "LaunchTemplateData", Map.of("ImageId", "ami-1", "InstanceType", "m5.large")),
                Map.of("LaunchTemplateId", "lt-spot", "LaunchTemplateName", "spot", "VersionNumber", 1,
                        "DefaultVersion", true, "LaunchTemplateData", Map.of("ImageId", "ami-1", "InstanceType", "m5.large",
                                "InstanceMarketOptions", Map.of("MarketType", "spot")))));
        eu.items("autoscaling", "DescribeAutoScalingGroups", List.of(
                group("one-type", "MixedInstancesPolicy", mixed(List.of(Map.of("InstanceType", "m5.large")))),
                group("diverse", "MixedInstancesPolicy", mixed(List.of(Map.of("InstanceType", "m5.large"),
                        Map.of("InstanceType", "m6i.large")))),
                group("by-attributes", "MixedInstancesPolicy", mixed(List.of(Map.of("InstanceRequirements",
                        Map.of("VCpuCount", Map.of("Min", 2, "Max", 4), "MemoryMiB", Map.of("Min", 4096)))))),
                group("on-spot", "LaunchTemplate", Map.of("LaunchTemplateId", "lt-spot", "Version", "1"))));
        eu.items("ec2", "DescribeSpotFleetRequests", List.of(
                Map.of("SpotFleetRequestId", "sfr-1", "SpotFleetRequestState", "active", "SpotFleetRequestConfig",
                        Map.of("IamFleetRole", "arn:aws:iam::111122223333:role/fleet", "TargetCapacity", 4,
                                "LaunchSpecifications", List.of(Map.of("ImageId", "ami-1", "InstanceType", "c5.large")))),
                Map.of("SpotFleetRequestId", "sfr-old", "SpotFleetRequestState", "cancelled", "SpotFleetRequestConfig",
                        Map.of("IamFleetRole", "arn:aws:iam::111122223333:role/fleet", "TargetCapacity", 4,
                                "LaunchSpecifications", List.of(Map.of("ImageId", "ami-1", "InstanceType", "c5.large"))))));
        eu.items("ec2", "DescribeFleets", List.of(Map.of("FleetId", "fleet-1", "FleetState", "active", "Type", "maintain",
                "TargetCapacitySpecification", Map.of("TotalTargetCapacity", 4, "DefaultTargetCapacityType", "spot"),
                "LaunchTemplateConfigs", List.of(Map.of("LaunchTemplateSpecification",
                        Map.of("LaunchTemplateId", "lt-web", "Version", "1"), "Overrides", List.of(
                                Map.of("InstanceType", "r5.large"), Map.of("InstanceType", "r6i.large")))))));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("OneType", ASG + "one-type").is("Diverse", ASG + "diverse").is("ByAttributes", ASG + "by-attributes")
                .is("OnSpot", ASG + "on-spot").is("Fleet", EC2 + "spot-fleet-request/sfr-1").is("Mixed", EC2 + "fleet/fleet-1")
                .is("Template", EC2 + "launch-template/lt-web").is("SpotTemplate", EC2 + "launch-template/lt-spot")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("SC02")).containsExactly("SC02 Fleet", "SC02 OnSpot",
                "SC02 OneType");
    }

    @Test
    void spotFleetsThatCannotBeListedLeaveTheRuleNotEvaluatedNamingTheScopeAndTheAction() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        FAKE.inject(Fault.error(new AwsError("UnauthorizedOperation", 403, "not allowed"))
                .on("ec2", "DescribeSpotFleetRequests"));
        Results results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(results.notEvaluated()).filteredOn(g -> g.ruleId().equals("SC02")).singleElement().satisfies(g -> {
            assertThat(g.resourceType()).isEqualTo("AWS::EC2::SpotFleet");
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.scope()).isEqualTo(ACCOUNT + "/" + REGION);
            assertThat(g.detail()).contains("DescribeSpotFleetRequests: UnauthorizedOperation");
        });
        assertThat(results.findings()).noneMatch(f -> f.ruleId().equals("SC02"));
    }
}
