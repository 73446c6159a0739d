package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfsSingleAzTest {

    /** Subnets A and A2 in the first zone, B in the second, Floating without a zone; the file system Files on line 14. */
    private static final String NETWORK = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Zone: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              A: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              A2: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [0, !GetAZs '']}}
              B: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, AvailabilityZone: !Select [1, !GetAZs '']}}
              Floating: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}}
            """;

    /** The file system Files (line 13; {@code marker} there) with {@code properties}, then {@code rest}. */
    private static List<Finding> check(String marker, String properties, String rest) {
        return Expect.findings(new EfsSingleAz(), NETWORK + ("Files:" + marker + "\n  Type: AWS::EFS::FileSystem\n"
                + "  Properties:\n" + ("Encrypted: true\n" + properties).indent(4) + rest).indent(2));
    }

    /** A mount target of Files in {@code subnet}, with {@code attributes}. */
    private static String target(String name, String attributes, String subnet) {
        return name + ":\n  Type: AWS::EFS::MountTarget\n" + attributes.indent(2) + "  Properties: {FileSystemId: "
                + "!Ref Files, SubnetId: " + subnet + ", SecurityGroups: [sg-1]}\n";
    }

    @Test
    void firesOnOneZoneStorageAtAvailabilityZoneName() {
        List<Finding> findings = check("", "AvailabilityZoneName: eu-west-1a  # expect AZ11\n", "");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("EFS file system Files uses One Zone storage (eu-west-1a): its data is "
                    + "unavailable, and may be lost, when that Availability Zone fails; remove AvailabilityZoneName "
                    + "to store it across zones, with a mount target in each zone");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Files/Properties/AvailabilityZoneName");
            assertThat(loc.line()).isEqualTo(17);
            assertThat(loc.column()).isEqualTo(7);
        });
        // the zone need not be known: setting it at all makes the storage One Zone
        assertThat(check("", "AvailabilityZoneName: !Ref Zone  # expect AZ11\n", "")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("uses One Zone storage: its data"));
        assertThat(check("", "AvailabilityZoneName: !If [Prod, eu-west-1a, eu-west-1b]  # expect AZ11\n", ""))
                .hasSize(1);
    }

    @Test
    void quietWhenAConditionMayChooseRegionalStorage() {
        assertThat(check("", "AvailabilityZoneName: !If [Prod, !Ref AWS::NoValue, eu-west-1a]\n", "")).isEmpty();
    }

    @Test
    void firesWhenEveryMountTargetIsInOneZone() {
        List<Finding> findings = check("  # expect AZ11", "",
                target("TargetA", "", "!Ref A") + target("TargetA2", "", "!Ref A2"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("EFS file system Files has mount targets only in 1 Availability Zone "
                    + "(az[0]), so clients in other zones cannot mount it and every client loses it when that zone "
                    + "fails; add an AWS::EFS::MountTarget in a subnet of each other zone");
            assertThat(((Location.Template) f.location()).logicalPath()).isEqualTo("Resources/Files");
        });
        assertThat(check("  # expect AZ11", "", target("TargetA", "", "!Ref A")
                + target("Gone", "Condition: Never", "!Ref B"))).hasSize(1);
    }

    @Test
    void quietWhenTheMountTargetsSpanZonesOrCannotBeKnown() {
        assertThat(check("", "", target("TargetA", "", "!Ref A") + target("TargetB", "", "!Ref B"))).isEmpty();
        assertThat(check("", "", "")).isEmpty();
        assertThat(check("", "", target("TargetA", "", "!Ref A") + target("Maybe", "Condition: Prod", "!Ref B")))
                .isEmpty();
        assertThat(check("", "", target("TargetA", "", "!Ref A") + target("Other", "", "subnet-0abc"))).isEmpty();
        assertThat(check("", "", target("TargetA", "", "!Ref A") + target("Unzoned", "", "!Ref Floating"))).isEmpty();
    }

    @Test
    void quietWhenTheFileSystemIsNeverCreated() {
        assertThat(Expect.findings(new EfsSingleAz(), NETWORK + """
                  Files:
                    Type: AWS::EFS::FileSystem
                    Condition: Never
                    Properties: {AvailabilityZoneName: eu-west-1a}
                """)).isEmpty();
    }
}
