package dev.resilint.infra.rules.ob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmWithoutActionTest {

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new AlarmWithoutAction(), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Topics: {Type: CommaDelimitedList}
                  Enabled: {Type: String}
                  Mode: {Type: String}
                Conditions:
                  Prod: !Equals [!Ref Mode, prod]
                  Never: !Equals [a, b]
                Resources:
                  Pager: {Type: AWS::SNS::Topic}
                """ + resources.indent(2));
    }

    private static String alarm(String extra) {
        return "Errors:\n  Type: AWS::CloudWatch::Alarm\n  Properties:\n" + ("""
                MetricName: Errors
                Namespace: AWS/Lambda
                Statistic: Sum
                Period: 60
                EvaluationPeriods: 1
                Threshold: 1
                ComparisonOperator: GreaterThanOrEqualToThreshold
                """ + extra).indent(4);
    }

    @Test
    void firesOnAnAlarmWithoutAlarmActionsAndPointsAtItsProperties() {
        List<Finding> findings = check(alarm("").replace("  Properties:\n", "  Properties:  # expect OB02\n"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("OB02");
            assertThat(f.message()).isEqualTo("CloudWatch alarm Errors has no AlarmActions: when it goes into ALARM "
                    + "it notifies no one and triggers nothing, and nothing else in the template acts on it; add "
                    + "AlarmActions naming an SNS topic that pages the owners (or a scaling policy or other "
                    + "automation)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Errors/Properties/AlarmActions");
            assertThat(loc.line()).isEqualTo(13);
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesWhenActionsAreDisabledOrOnlyForOtherStates() {
        List<Finding> disabled = check(alarm("AlarmActions: [!Ref Pager]\nActionsEnabled: false  # expect OB02\n"));
        assertThat(disabled.get(0).message()).startsWith("CloudWatch alarm Errors has ActionsEnabled: false: when it "
                + "goes into ALARM it notifies no one").endsWith("remove ActionsEnabled (the default is true)");
        List<Finding> okOnly = check(alarm("OKActions: [!Ref Pager]\nAlarmActions: []  # expect OB02\n"));
        assertThat(okOnly.get(0).message()).startsWith("CloudWatch alarm Errors has an empty AlarmActions list (only "
                + "OKActions, which do not run on ALARM)");
    }

    @Test
    void quietWithAnActionOrWhenUnknown() {
        check(alarm("AlarmActions: [!Ref Pager]\n"));
        check(alarm("AlarmActions: [!Ref Pager]\nActionsEnabled: true\n"));
        check(alarm("AlarmActions: !Ref Topics\n"));
        check(alarm("AlarmActions: [!If [Prod, !Ref Pager, !Ref AWS::NoValue]]\n"));
        check(alarm("AlarmActions: [!Ref Pager]\nActionsEnabled: !Ref Enabled\n"));
    }

    @Test
    void aScalingPolicyIsAnAction() {
        check(alarm("AlarmActions: [!Ref ScaleOut]\n") + """
                ScaleOut:
                  Type: AWS::AutoScaling::ScalingPolicy
                  Properties: {AutoScalingGroupName: web, PolicyType: StepScaling, AdjustmentType: ChangeInCapacity,
                    StepAdjustments: [{MetricIntervalLowerBound: 0, ScalingAdjustment: 1}]}
                """);
    }

    @Test
    void quietForAlarmsThatSomethingElseActsOn() {
        check(alarm("") + """
                Any:
                  Type: AWS::CloudWatch::CompositeAlarm
                  Properties:
                    AlarmRule: !Sub 'ALARM(${Errors})'
                    AlarmActions: [!Ref Pager]
                """);
        check(alarm("") + """
                Group:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    ServiceRoleArn: arn:aws:iam::123456789012:role/cd
                    AlarmConfiguration: {Enabled: true, Alarms: [{Name: !Ref Errors}]}
                """);
        check(alarm("AlarmName: orders-errors\n") + """
                Group:
                  Type: AWS::CodeDeploy::DeploymentGroup
                  Properties:
                    ApplicationName: app
                    ServiceRoleArn: arn:aws:iam::123456789012:role/cd
                    AlarmConfiguration: {Enabled: true, Alarms: [{Name: orders-errors}]}
                """);
        check(alarm("AlarmName: orders-errors\n") + """
                Any:
                  Type: AWS::CloudWatch::CompositeAlarm
                  Properties:
                    AlarmRule: ALARM("orders-errors") OR ALARM(other)
                    AlarmActions: [!Ref Pager]
                """);
    }

    @Test
    void aConsumerThatIsNeverCreatedOrADashboardDoesNotCount() {
        check(alarm("").replace("  Properties:\n", "  Properties:  # expect OB02\n") + """
                Any:
                  Type: AWS::CloudWatch::CompositeAlarm
                  Condition: Never
                  Properties:
                    AlarmRule: !Sub 'ALARM(${Errors})'
                    AlarmActions: [!Ref Pager]
                Board:
                  Type: AWS::CloudWatch::Dashboard
                  Properties:
                    DashboardBody: !Sub '{"widgets": [{"type": "alarm", "properties": {"alarms": ["${Errors.Arn}"]}}]}'
                """);
    }

    @Test
    void judgesCompositeAlarmsToo() {
        check("""
                Any:
                  Type: AWS::CloudWatch::CompositeAlarm
                  Properties:
                    AlarmRule: ALARM(a) OR ALARM(b)
                    ActionsEnabled: 'false'  # expect OB02
                    AlarmActions: [!Ref Pager]
                """).forEach(f -> assertThat(f.message()).startsWith("CloudWatch composite alarm Any has "
                        + "ActionsEnabled: false"));
    }

    @Test
    void quietWhenTheAlarmIsNeverCreatedOrItsActionsAreLeftOutByAFalseCondition() {
        check(alarm("").replace("  Type: AWS::CloudWatch::Alarm\n", "  Type: AWS::CloudWatch::Alarm\n  Condition: Never\n"));
        List<Finding> findings = check(alarm("AlarmActions: !If [Never, [!Ref Pager], !Ref AWS::NoValue]  # expect OB02\n"));
        assertThat(findings.get(0).message()).contains("has no AlarmActions (its condition leaves them unset)");
    }
}
