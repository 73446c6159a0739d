package dev.resilint.infra.rules.dp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsgWithoutRollingUpdateTest {

    private static final String HEAD = """
            Parameters:
              Wait: {Type: String}
            Conditions:
              Never: !Equals [a, b]
              Maybe: !Equals [!Ref Wait, 'true']
            Resources:
            """;

    private static final String PROPERTIES = """
            Properties:
              MinSize: '2'
              MaxSize: '4'
              LaunchTemplate: {LaunchTemplateId: lt-1, Version: '1'}
            """;

    private static List<Finding> check(String resources) {
        return Expect.findings(new AsgWithoutRollingUpdate(), HEAD + resources.indent(2));
    }

    @Test
    void firesOnAGroupWithoutUpdatePolicyAtTheResource() {
        assertThat(check("Web:  # expect DP03\n  Type: AWS::AutoScaling::AutoScalingGroup\n" + PROPERTIES.indent(2)))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("DP03");
                    assertThat(f.message()).startsWith("Auto Scaling group Web has no UpdatePolicy, so an update")
                            .contains("WaitOnResourceSignals: true");
                });
    }

    @Test
    void firesOnARollingUpdateWithoutSignalsAtTheUpdate() {
        List<Finding> findings = check("""
                Web:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingRollingUpdate:  # expect DP03
                      MaxBatchSize: 1
                """ + PROPERTIES.indent(2) + """
                Api:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingRollingUpdate:
                      WaitOnResourceSignals: false  # expect DP03
                """ + PROPERTIES.indent(2));
        Finding web = findings.stream().filter(f -> f.message().contains(" Web ")).findFirst().orElseThrow();
        assertThat(web.message()).contains("WaitOnResourceSignals is not set (default false)");
        Location.Template at = (Location.Template) web.location();
        assertThat(at.line()).isEqualTo(10);
        assertThat(at.column()).isEqualTo(7);
        assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("Api").contains("WaitOnResourceSignals is false"));
    }

    @Test
    void firesOnOtherUpdatePoliciesAndReplacingUpdatesWithoutSignals() {
        check("""
                Scheduled:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:  # expect DP03
                    AutoScalingScheduledAction: {IgnoreUnmodifiedGroupSizeProperties: true}
                """ + PROPERTIES.indent(2) + """
                Replaced:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingReplacingUpdate:  # expect DP03
                      WillReplace: true
                """ + PROPERTIES.indent(2));
    }

    @Test
    void quietWithSignalledUpdates() {
        assertThat(check("""
                Rolling:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  CreationPolicy: {ResourceSignal: {Count: 2, Timeout: PT15M}}
                  UpdatePolicy:
                    AutoScalingRollingUpdate: {WaitOnResourceSignals: true, PauseTime: PT15M}
                """ + PROPERTIES.indent(2) + """
                Replacing:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  CreationPolicy: {ResourceSignal: {Count: 2}}
                  UpdatePolicy: {AutoScalingReplacingUpdate: {WillReplace: 'true'}}
                """ + PROPERTIES.indent(2))).isEmpty();
    }

    @Test
    void quietWhenUnknownOrNeverCreated() {
        assertThat(check("""
                A:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingRollingUpdate: {WaitOnResourceSignals: !Ref Wait}
                """ + PROPERTIES.indent(2) + """
                B:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  UpdatePolicy:
                    AutoScalingRollingUpdate: {WaitOnResourceSignals: !If [Maybe, true, false]}
                """ + PROPERTIES.indent(2) + """
                C:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Condition: Never
                """ + PROPERTIES.indent(2))).isEmpty();
    }

    @Test
    void quietForGroupsOfAnEcsCapacityProvider() {
        assertThat(check("""
                Hosts:
                  Type: AWS::AutoScaling::AutoScalingGroup
                """ + PROPERTIES.indent(2) + """
                Provider:
                  Type: AWS::ECS::CapacityProvider
                  Properties:
                    AutoScalingGroupProvider:
                      AutoScalingGroupArn: !Ref Hosts
                      ManagedDraining: ENABLED
                """)).isEmpty();
    }
}
