package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three deployment groups of one application: one that rolls back on failure and on alarms, one
 * without alarms, one without automatic rollback. The API answers the configurations a template
 * leaves out as disabled ({@code enabled: false}); DP02 gets the same findings either way.
 */
class CodeDeployTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:shop/";

    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Shop: {Type: AWS::CodeDeploy::Application, Properties: {ApplicationName: shop}}
              Safe:
                Type: AWS::CodeDeploy::DeploymentGroup
                Properties:
                  ApplicationName: !Ref Shop
                  DeploymentGroupName: safe
                  ServiceRoleArn: arn:aws:iam::111122223333:role/codedeploy
                  AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]}
                  AlarmConfiguration: {Enabled: true, Alarms: [{Name: shop-5xx}]}
              NoAlarms:
                Type: AWS::CodeDeploy::DeploymentGroup
                Properties:
                  ApplicationName: !Ref Shop
                  DeploymentGroupName: no-alarms
                  ServiceRoleArn: arn:aws:iam::111122223333:role/codedeploy
                  AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE]}
              NoRollback:
                Type: AWS::CodeDeploy::DeploymentGroup
                Properties:
                  ApplicationName: !Ref Shop
                  DeploymentGroupName: no-rollback
                  ServiceRoleArn: arn:aws:iam::111122223333:role/codedeploy
                  AlarmConfiguration: {Enabled: true, Alarms: [{Name: shop-5xx}]}
            """;

    static Map<String, Object> group(String name, Map<String, Object> rollback, Map<String, Object> alarms) {
        return Trees.map("applicationName", "shop", "deploymentGroupName", name, "deploymentGroupId", "id-" + name,
                "serviceRoleArn", "arn:aws:iam::111122223333:role/codedeploy",
                "deploymentConfigName", "CodeDeployDefault.OneAtATime", "computePlatform", "Server",
                "deploymentStyle", Map.of("deploymentType", "IN_PLACE", "deploymentOption", "WITHOUT_TRAFFIC_CONTROL"),
                "autoRollbackConfiguration", rollback, "alarmConfiguration", alarms);
    }

    static void serve(FakeRegion eu) {
        Map<String, Object> off = Map.of("enabled", false, "ignorePollAlarmFailure", false, "alarms", List.of());
        Map<String, Object> watching = Map.of("enabled", true, "ignorePollAlarmFailure", false,
                "alarms", List.of(Map.of("name", "shop-5xx")));
        eu.items("codedeploy", "ListApplications", List.of("shop"));
        eu.items("codedeploy", "ListDeploymentGroups", "applicationName", "shop", List.of("safe", "no-alarms", "no-rollback"));
        eu.batch("codedeploy", "BatchGetDeploymentGroups", "deploymentGroupNames", "deploymentGroupsInfo",
                "deploymentGroupName", List.of(
                        group("safe", Map.of("enabled", true, "events",
                                List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")), watching),
                        group("no-alarms", Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE")), off),
                        group("no-rollback", Map.of("enabled", false), watching)));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE).is("Safe", ARN + "safe").is("NoAlarms", ARN + "no-alarms")
                .is("NoRollback", ARN + "no-rollback").assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("DP02 NoAlarms", "DP02 NoRollback");
    }
}
