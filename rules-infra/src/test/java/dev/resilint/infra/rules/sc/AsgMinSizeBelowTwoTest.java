package dev.resilint.infra.rules.sc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.rules.support.NatFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsgMinSizeBelowTwoTest {

    /** The findings for WebGroup with {@code properties} from line 20; they must be the ones the markers name. */
    private static List<Finding> check(String properties) {
        return Expect.findings(new AsgMinSizeBelowTwo(), """
                Parameters:
                  Min: {Type: Number}
                  MinWithDefault: {Type: Number, Default: 1}
                Conditions:
                  Prod: !Equals [!Ref Min, 3]
                Resources:
                  WebSg:
                    Type: AWS::EC2::SecurityGroup
                    Properties:
                      GroupDescription: web
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, CidrIp: 10.0.0.0/16}
                  Config:
                    Type: AWS::AutoScaling::LaunchConfiguration
                    Properties: {ImageId: ami-1, InstanceType: t3.small, SecurityGroups: [!Ref WebSg]}
                  WebGroup:
                    Type: AWS::AutoScaling::AutoScalingGroup
                    Properties:
                      MaxSize: '4'
                """ + properties.indent(6));
    }

    @Test
    void firesWhenAttachedAndPointsAtMinSize() {
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: '1'  # expect SC01\n")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SC01");
            assertThat(f.message()).isEqualTo("Auto Scaling group WebGroup is attached to a load balancer but has "
                    + "MinSize 1, so scaling in can leave a single instance to serve every request; set MinSize to "
                    + "at least 2, across two Availability Zones");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/WebGroup/Properties/MinSize");
            assertThat(loc.column()).isEqualTo(7);
        });
        assertThat(check("LoadBalancerNames: [clb]\nMinSize: 0  # expect SC01\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("MinSize 0").contains("no instance at all"));
    }

    @Test
    void firesWhenServingTrafficWithoutAttachment() {
        assertThat(check("LaunchConfigurationName: !Ref Config\nMinSize: 1  # expect SC01\n")).singleElement()
                .satisfies(f ->
                assertThat(f.message()).startsWith("Auto Scaling group WebGroup serves traffic (security group WebSg "
                        + "admits TCP 8080 from 10.0.0.0/16) but has MinSize 1"));
    }

    @Test
    void quietWithTwoOrMore() {
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: '2'\n")).isEmpty();
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: 3\n")).isEmpty();
    }

    @Test
    void quietWhenNeitherAttachedNorProvablyServing() {
        assertThat(check("MinSize: 1\n")).isEmpty();
        assertThat(check("TargetGroupARNs: []\nMinSize: 1\n")).isEmpty();
        assertThat(check("TargetGroupARNs: !If [Prod, [tg-arn], []]\nMinSize: 1\n")).isEmpty();
    }

    @Test
    void quietWhenMinSizeIsUnknown() {
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: !Ref Min\n")).isEmpty();
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: !If [Prod, 3, 1]\n")).isEmpty();
    }

    @Test
    void parameterDefaultsAndAgreeingBranchesCount() {
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: !Ref MinWithDefault  # expect SC01\n")).hasSize(1);
        assertThat(check("TargetGroupARNs: [tg-arn]\nMinSize: !If [Prod, 1, '1']  # expect SC01\n")).hasSize(1);
    }

    @Test
    void quietOnAGroupOfNatInstances() {
        // one NAT instance per zone, replaced by its group when it fails: it forwards, it serves nothing
        assertThat(Expect.findings(new AsgMinSizeBelowTwo(), NatFixtures.natGroup("", "")
                .replace("MinSize: '1'", "MinSize: '1'  # expect SC01")))
                .singleElement();
        assertThat(Expect.findings(new AsgMinSizeBelowTwo(), NatFixtures.natGroup(NatFixtures.NAT_USER_DATA, "")))
                .isEmpty();
    }
}
