package dev.resilint.infra.rules.dp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentWithoutAlarmRollbackTest {

    @TempDir
    Path dir;

    private static final String GOOD_ROLLBACK = """
            AutoRollbackConfiguration:
              Enabled: true
              Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]
            """;
    private static final String GOOD_ALARMS = """
            AlarmConfiguration:
              Enabled: true
              Alarms: [{Name: web-5xx}]
            """;

    /** The marker for a finding on the group's Properties key (line 9), the nearest parent of a missing key. */
    private static final String ON_PROPERTIES = "  # expect DP02";

    private static List<Finding> check(String properties) {
        return check("", properties);
    }

    /** The findings for a group with {@code properties} (from line 12); {@code marker} goes on its Properties line. */
    private static List<Finding> check(String marker, String properties) {
        return Expect.findings(new DeploymentWithoutAlarmRollback(), """
                Parameters:
                  Flag: {Type: String}
                  AlarmNames: {Type: CommaDelimitedList}
                Conditions:
                  Prod: !Equals [!Ref Flag, prod]
                Resources:
                  Group:
                    Type: AWS::CodeDeploy::DeploymentGroup
                    Properties:%s
                      ApplicationName: web
                      ServiceRoleArn: role-arn
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void quietWithRollbackOnFailureAndAnAlarm() {
        assertThat(check(GOOD_ROLLBACK + GOOD_ALARMS)).isEmpty();
    }

    @Test
    void firesWithoutAlarmsAndPointsAtTheNearestParent() {
        assertThat(check(ON_PROPERTIES, "AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE]}\n"))
                .singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DP02");
            assertThat(f.message()).isEqualTo("CodeDeploy deployment group Group has no AlarmConfiguration, so a bad "
                    + "release stays in place; enable an AlarmConfiguration naming the alarms that watch the release "
                    + "(and add DEPLOYMENT_STOP_ON_ALARM to the rollback events)");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Group/Properties/AlarmConfiguration");
        });
        assertThat(check(ON_PROPERTIES, GOOD_ROLLBACK)).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("enable an AlarmConfiguration naming the alarms that watch the release"));
    }

    @Test
    void firesWithoutRollbackAndNamesBothParts() {
        assertThat(check(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("has no AutoRollbackConfiguration and has no AlarmConfiguration")
                    .contains("enable AutoRollbackConfiguration with DEPLOYMENT_FAILURE among its Events, and enable "
                            + "an AlarmConfiguration");
            assertThat(((Location.Template) f.location()).logicalPath())
                    .isEqualTo("Resources/Group/Properties/AutoRollbackConfiguration");
        });
        assertThat(check(ON_PROPERTIES, GOOD_ALARMS)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("has no AutoRollbackConfiguration, so"));
    }

    @Test
    void firesOnEachWeakPartAndPointsAtTheKey() {
        assertThat(check("AutoRollbackConfiguration: {Enabled: false, Events: [DEPLOYMENT_FAILURE]}  # expect DP02\n"
                + GOOD_ALARMS)).singleElement().satisfies(f -> assertThat(f.message())
                        .contains("does not roll back automatically (AutoRollbackConfiguration.Enabled: false)"));
        List<Finding> findings = check("AutoRollbackConfiguration:\n  Enabled: true\n"
                + "  Events: [DEPLOYMENT_STOP_ON_ALARM]  # expect DP02\n" + GOOD_ALARMS);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("does not roll back on DEPLOYMENT_FAILURE "
                    + "(AutoRollbackConfiguration.Events leaves it out)");
            assertThat(f.location().column()).isEqualTo(9);
        });
        assertThat(check("AutoRollbackConfiguration: {Enabled: true}  # expect DP02\n" + GOOD_ALARMS)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Events is not set"));
        assertThat(check(GOOD_ROLLBACK + "AlarmConfiguration: {Alarms: [{Name: web-5xx}]}  # expect DP02\n"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("(AlarmConfiguration.Enabled is not set)"));
        assertThat(check(GOOD_ROLLBACK + "AlarmConfiguration: {Enabled: true, Alarms: []}  # expect DP02\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("watches no alarm"));
    }

    @Test
    void quietWhenTheDecidingValueIsUnknown() {
        assertThat(check(GOOD_ROLLBACK + "AlarmConfiguration: {Enabled: !Ref Flag, Alarms: [{Name: a}]}\n")).isEmpty();
        assertThat(check(GOOD_ROLLBACK + "AlarmConfiguration: {Enabled: true, Alarms: !Ref AlarmNames}\n")).isEmpty();
        assertThat(check(GOOD_ROLLBACK + "AlarmConfiguration: !If [Prod, {Enabled: true, Alarms: [{Name: a}]}, "
                + "!Ref AWS::NoValue]\n")).isEmpty();
        assertThat(check("AutoRollbackConfiguration: {Enabled: true, Events: [!Ref Flag]}\n" + GOOD_ALARMS)).isEmpty();
        assertThat(check("AutoRollbackConfiguration: !ImportValue rollback\n" + GOOD_ALARMS)).isEmpty();
    }

    @Test
    void skipsGroupsThatAreNeverCreated() {
        assertThat(Fixtures.findings(new DeploymentWithoutAlarmRollback(), """
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Group:
                    Type: AWS::CodeDeploy::DeploymentGroup
                    Condition: Never
                    Properties: {ApplicationName: web, ServiceRoleArn: role-arn}
                """)).isEmpty();
    }

    /** DP02's findings, which must be the ones the markers in {@code deploymentPreference} name. */
    private List<Finding> analyzeSam(String deploymentPreference) {
        return Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ErrorsAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties: {MetricName: Errors, Namespace: AWS/Lambda, Statistic: Sum, Period: 60,
                      EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanOrEqualToThreshold}
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      AutoPublishAlias: live
                """ + deploymentPreference.indent(6), "DP02");
    }

    @Test
    void samDeploymentPreferenceWithoutAlarmsFires() {
        assertThat(analyzeSam("DeploymentPreference:  # expect DP02\n  Type: Canary10Percent5Minutes\n"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .startsWith("CodeDeploy deployment group OrdersDeploymentGroup has no AlarmConfiguration"));
    }

    @Test
    void samDeploymentPreferenceWithAlarmsIsQuiet() {
        assertThat(analyzeSam("DeploymentPreference:\n  Type: Canary10Percent5Minutes\n  Alarms: [!Ref ErrorsAlarm]\n"))
                .isEmpty();
        assertThat(analyzeSam("DeploymentPreference:\n  Enabled: false\n  Type: AllAtOnce\n")).isEmpty();
    }
}
