package dev.resilint.infra.rules.sc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpotWithoutDiversificationTest {

    private static final String HEADER = """
            Parameters:
              Type: {Type: String}
              OnDemand: {Type: Number}
            Conditions:
              Prod: !Equals [!Ref Type, prod]
              Never: !Equals [a, b]
            Resources:
              Template:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: {ImageId: ami-1, InstanceType: m5.large}
              SpotTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData: {ImageId: ami-1, InstanceType: m5.large, InstanceMarketOptions: {MarketType: spot}}
            """;

    /** The marker for a finding on the Properties key (line 18) of {@link #group}. */
    private static final String ON_PROPERTIES = "  # expect SC02";

    private static List<Finding> check(String resources) {
        return Expect.findings(new SpotWithoutDiversification(), HEADER + resources.indent(2));
    }

    private static List<Finding> group(String properties) {
        return group("", properties);
    }

    /** An Auto Scaling group Group with {@code properties} from line 20; {@code marker} goes on its Properties line. */
    private static List<Finding> group(String marker, String properties) {
        return check("Group:\n  Type: AWS::AutoScaling::AutoScalingGroup\n  Properties:" + marker + "\n"
                + ("MinSize: '2'\nMaxSize: '6'\n" + properties).indent(4));
    }

    private static String mixed(String distribution, String overrides) {
        return "MixedInstancesPolicy:\n  InstancesDistribution: " + distribution + "\n  LaunchTemplate:\n"
                + "    LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}\n"
                + (overrides.isEmpty() ? "" : "    Overrides: " + overrides + "\n");
    }

    private static String path(Finding f) {
        return ((Location.Template) f.location()).logicalPath();
    }

    @Test
    void firesOnAMixedPolicyWithSpotAndOneOverride() {
        List<Finding> findings = group(mixed("{OnDemandPercentageAboveBaseCapacity: 25}",
                "[{InstanceType: m5.large}]  # expect SC02"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SC02");
            assertThat(f.message()).isEqualTo("Auto Scaling group Group runs 75% of its capacity above the on-demand "
                    + "base on spot (OnDemandPercentageAboveBaseCapacity: 25) with a single instance type "
                    + "(LaunchTemplate.Overrides name only m5.large), so when that spot pool runs short all of its "
                    + "spot instances are reclaimed together; list several instance types in LaunchTemplate.Overrides");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Group/Properties/MixedInstancesPolicy/LaunchTemplate/Overrides");
            assertThat(loc.line()).isEqualTo(25);
            assertThat(loc.column()).isEqualTo(11);
        });
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 0}",
                "[{InstanceType: m5.large}, {InstanceType: m5.large}]  # expect SC02"))).hasSize(1);
    }

    @Test
    void firesOnAMixedPolicyWithoutOverrides() {
        assertThat(group(mixed("{OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 0}", "")
                .replace("  LaunchTemplate:\n", "  LaunchTemplate:  # expect SC02\n"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("(no LaunchTemplate.Overrides, so only the launch template's "
                            + "type)");
                    assertThat(path(f)).endsWith("MixedInstancesPolicy/LaunchTemplate");
                });
    }

    @Test
    void quietWithoutSpotOrWithSeveralTypes() {
        assertThat(group(mixed("{OnDemandBaseCapacity: 2}", "[{InstanceType: m5.large}]"))).isEmpty(); // default 100
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 100}", ""))).isEmpty();
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 0}",
                "[{InstanceType: m5.large}, {InstanceType: m5a.large}, {InstanceType: m6i.large}]"))).isEmpty();
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 0}",
                "[{InstanceRequirements: {VCpuCount: {Min: 2}, MemoryMiB: {Min: 4096}}}]"))).isEmpty();
    }

    @Test
    void quietWhenTheDecidingValuesAreUnknown() {
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: !Ref OnDemand}", "[{InstanceType: m5.large}]")))
                .isEmpty();
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 0}", "[{InstanceType: !Ref Type}]"))).isEmpty();
        assertThat(group(mixed("{OnDemandPercentageAboveBaseCapacity: 0}",
                "!If [Prod, [{InstanceType: m5.large}], [{InstanceType: m5.large}, {InstanceType: c5.large}]]")))
                .isEmpty();
        assertThat(group("MixedInstancesPolicy: !Ref AWS::NoValue\nLaunchTemplate: {LaunchTemplateId: !Ref Other, "
                + "Version: '1'}\n")).isEmpty();
    }

    @Test
    void firesOnASpotLaunchTemplateOrLaunchConfiguration() {
        assertThat(group("LaunchTemplate:  # expect SC02\n  LaunchTemplateId: !Ref SpotTemplate\n  Version: '1'\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Auto Scaling group Group runs spot "
                        + "instances of a single instance type (its launch template SpotTemplate requests "
                        + "InstanceMarketOptions.MarketType: spot), so when that spot pool runs short all of them are "
                        + "reclaimed together; use a MixedInstancesPolicy with several instance types in "
                        + "LaunchTemplate.Overrides"));
        assertThat(group("LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: '1'}\n")).isEmpty();
        assertThat(check("""
                Config:
                  Type: AWS::AutoScaling::LaunchConfiguration
                  Properties: {ImageId: ami-1, InstanceType: m5.large, SpotPrice: '0.05'}
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties:
                    MinSize: '2'
                    MaxSize: '4'
                    LaunchConfigurationName: !Ref Config  # expect SC02
                """)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("(its launch configuration Config sets SpotPrice: 0.05)"));
        assertThat(check("""
                Config:
                  Type: AWS::AutoScaling::LaunchConfiguration
                  Properties: {ImageId: ami-1, InstanceType: m5.large, SpotPrice: !If [Prod, '0.05', !Ref AWS::NoValue]}
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties: {MinSize: '2', MaxSize: '4', LaunchConfigurationName: !Ref Config}
                """)).isEmpty();
    }

    @Test
    void judgesSpotFleets() {
        assertThat(check("""
                Fleet:
                  Type: AWS::EC2::SpotFleet
                  Properties:
                    SpotFleetRequestConfigData:  # expect SC02
                      IamFleetRole: arn:aws:iam::123456789012:role/fleet
                      TargetCapacity: 4
                      LaunchSpecifications:
                        - {ImageId: ami-1, InstanceType: c5.large, SubnetId: subnet-1}
                        - {ImageId: ami-1, InstanceType: c5.large, SubnetId: subnet-2}
                """)).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Spot fleet Fleet requests a "
                        + "single instance type (c5.large), so when that spot pool runs short the whole fleet is "
                        + "reclaimed together; add launch specifications or overrides with other instance types"));
        assertThat(check("""
                Fleet:
                  Type: AWS::EC2::SpotFleet
                  Properties:
                    SpotFleetRequestConfigData:
                      IamFleetRole: arn:aws:iam::123456789012:role/fleet
                      TargetCapacity: 4
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                          Overrides: [{InstanceType: c5.large}, {InstanceType: c6i.large}]
                """)).isEmpty();
        assertThat(check("""
                Fleet:
                  Type: AWS::EC2::SpotFleet
                  Properties:
                    SpotFleetRequestConfigData:  # expect SC02
                      IamFleetRole: arn:aws:iam::123456789012:role/fleet
                      TargetCapacity: 4
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("(m5.large)"));
        assertThat(check("""
                Fleet:
                  Type: AWS::EC2::SpotFleet
                  Properties:
                    SpotFleetRequestConfigData:
                      IamFleetRole: arn:aws:iam::123456789012:role/fleet
                      TargetCapacity: 4
                      LaunchTemplateConfigs:
                        - LaunchTemplateSpecification: {LaunchTemplateId: lt-0123456789, Version: '1'}
                """)).isEmpty();
    }

    @Test
    void judgesEc2FleetsThatRequestSpot() {
        String fleet = """
                Fleet:
                  Type: AWS::EC2::EC2Fleet
                  Properties:
                    TargetCapacitySpecification: {TotalTargetCapacity: 4, DefaultTargetCapacityType: %s}
                    LaunchTemplateConfigs:%s
                      - LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}
                        Overrides: [{InstanceType: r5.large, SubnetId: subnet-1}, {InstanceType: r5.large, SubnetId: subnet-2}]
                """;
        assertThat(check(fleet.formatted("spot", "  # expect SC02"))).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("EC2 fleet Fleet requests spot capacity of a single "
                        + "instance type (r5.large)"));
        assertThat(check(fleet.formatted("on-demand", ""))).isEmpty();
        assertThat(check(fleet.formatted("!Ref Type", ""))).isEmpty();
    }

    @Test
    void resourcesNeverCreatedAreNotJudged() {
        assertThat(check("""
                Group:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Condition: Never
                  Properties: {MinSize: '2', MaxSize: '4', LaunchTemplate: {LaunchTemplateId: !Ref SpotTemplate, Version: '1'}}
                """)).isEmpty();
    }
}
