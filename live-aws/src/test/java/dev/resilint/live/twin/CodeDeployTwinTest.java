package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three deployment groups of one application: one that rolls back on failure and on alarms, one
 * without alarms, one without automatic rollback. The API answers the configurations a template
 * leaves out as disabled ({@code enabled: false}); DP02 gets the same findings either way.
 *
 * <p>DP04: groups on custom deployment configurations (all at once, canary) and on predefined ones
 * (all at once, one at a time) get the same findings; a Lambda alias on a version the template
 * publishes fires in the template only, since a live alias always points at a published version and
 * has no update policy.
 */
class CodeDeployTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:codedeploy:eu-west-1:111122223333:deploymentgroup:shop/";
    static final String CONFIG = "arn:aws:codedeploy:eu-west-1:111122223333:deploymentconfig:";
    static final String API = "arn:aws:lambda:eu-west-1:111122223333:function:api";
    static final String ROLE = "arn:aws:iam::111122223333:role/app";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

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

    static final String SHIFTS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Shop: {Type: AWS::CodeDeploy::Application, Properties: {ApplicationName: shop, ComputePlatform: Lambda}}
              AllAtOnce:
                Type: AWS::CodeDeploy::DeploymentConfig
                Properties: {DeploymentConfigName: all-at-once, ComputePlatform: Lambda, TrafficRoutingConfig: {Type: AllAtOnce}}
              Canary:
                Type: AWS::CodeDeploy::DeploymentConfig
                Properties:
                  DeploymentConfigName: canary
                  ComputePlatform: Lambda
                  TrafficRoutingConfig: {Type: TimeBasedCanary, TimeBasedCanary: {CanaryPercentage: 10, CanaryInterval: 5}}
            %s
              Api:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: api
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::111122223333:role/app
                  Timeout: 10
                  Code: {ZipFile: "def handler(e, c): return e"}
              ApiVersion: {Type: AWS::Lambda::Version, Properties: {FunctionName: !Ref Api}}
              ApiAlias:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Api, FunctionVersion: !GetAtt ApiVersion.Version, Name: live}
            """.formatted(group("OnAllAtOnce", "on-all-at-once", "!Ref AllAtOnce")
            + group("OnCanary", "on-canary", "!Ref Canary")
            + group("OnLambdaAllAtOnce", "on-lambda-all-at-once", "CodeDeployDefault.LambdaAllAtOnce")
            + group("OnOneAtATime", "on-one-at-a-time", "CodeDeployDefault.OneAtATime"));

    /** A deployment group that rolls back on alarms (DP02 is quiet), on {@code config}. */
    static String group(String logicalId, String name, String config) {
        return """
                  %s:
                    Type: AWS::CodeDeploy::DeploymentGroup
                    Properties:
                      ApplicationName: !Ref Shop
                      DeploymentGroupName: %s
                      DeploymentConfigName: %s
                      ServiceRoleArn: arn:aws:iam::111122223333:role/codedeploy
                      AutoRollbackConfiguration: {Enabled: true, Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]}
                      AlarmConfiguration: {Enabled: true, Alarms: [{Name: api-errors}]}
                """.formatted(logicalId, name, config);
    }

    static void serveShifts(FakeRegion eu) {
        Map<String, Object> rollback = Map.of("enabled", true, "events",
                List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"));
        Map<String, Object> watching = Map.of("enabled", true, "ignorePollAlarmFailure", false,
                "alarms", List.of(Map.of("name", "api-errors")));
        Map<String, String> configs = Map.of("on-all-at-once", "all-at-once", "on-canary", "canary",
                "on-lambda-all-at-once", "CodeDeployDefault.LambdaAllAtOnce",
                "on-one-at-a-time", "CodeDeployDefault.OneAtATime");
        eu.items("codedeploy", "ListApplications", List.of("shop"));
        eu.items("codedeploy", "ListDeploymentGroups", "applicationName", "shop", List.copyOf(configs.keySet()));
        eu.batch("codedeploy", "BatchGetDeploymentGroups", "deploymentGroupNames", "deploymentGroupsInfo",
                "deploymentGroupName", configs.entrySet().stream().map(e -> (Object) Trees.map("applicationName", "shop",
                        "deploymentGroupName", e.getKey(), "deploymentGroupId", "id-" + e.getKey(),
                        "serviceRoleArn", "arn:aws:iam::111122223333:role/codedeploy",
                        "deploymentConfigName", e.getValue(), "computePlatform", "Lambda",
                        "deploymentStyle", Map.of("deploymentType", "BLUE_GREEN", "deploymentOption", "WITH_TRAFFIC_CONTROL"),
                        "autoRollbackConfiguration", rollback, "alarmConfiguration", watching)).toList());
        eu.items("codedeploy", "ListDeploymentConfigs", List.of("CodeDeployDefault.LambdaAllAtOnce",
                "CodeDeployDefault.LambdaCanary10Percent5Minutes", "CodeDeployDefault.OneAtATime", "all-at-once", "canary"));
        eu.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "all-at-once", Map.of("deploymentConfigInfo",
                Map.of("deploymentConfigName", "all-at-once", "computePlatform", "Lambda",
                        "trafficRoutingConfig", Map.of("type", "AllAtOnce"))));
        eu.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "canary", Map.of("deploymentConfigInfo",
                Map.of("deploymentConfigName", "canary", "computePlatform", "Lambda", "trafficRoutingConfig",
                        Map.of("type", "TimeBasedCanary", "timeBasedCanary",
                                Map.of("canaryPercentage", 10, "canaryInterval", 5)))));

        eu.items("lambda", "ListFunctions", List.of(Trees.map("FunctionName", "api", "FunctionArn", API,
                "Runtime", "python3.12", "Handler", "app.handler", "Role", ROLE, "Timeout", 10, "MemorySize", 128)));
        eu.items("lambda", "ListVersionsByFunction", "FunctionName", API, List.of(
                Map.of("FunctionName", "api", "FunctionArn", API + ":$LATEST", "Version", "$LATEST", "Timeout", 10),
                Map.of("FunctionName", "api", "FunctionArn", API + ":1", "Version", "1", "Timeout", 10)));
        eu.items("lambda", "ListAliases", "FunctionName", API, List.of(Map.of("AliasArn", API + ":live",
                "Name", "live", "FunctionVersion", "1")));
    }

    @Test
    void dp04GetsTheSameFindingsOnGroupsAndALiveAliasNeverFires() {
        serveShifts(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(SHIFTS).is("OnAllAtOnce", ARN + "on-all-at-once").is("OnCanary", ARN + "on-canary")
                .is("OnLambdaAllAtOnce", ARN + "on-lambda-all-at-once").is("OnOneAtATime", ARN + "on-one-at-a-time")
                .is("AllAtOnce", CONFIG + "all-at-once").is("Canary", CONFIG + "canary")
                .is("Api", API).is("ApiVersion", API + ":1").is("ApiAlias", API + ":live")
                .templateOnly("DP04 ApiAlias")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).filteredOn(f -> f.startsWith("DP04"))
                .containsExactly("DP04 OnAllAtOnce", "DP04 OnLambdaAllAtOnce");
        assertThat(FAKE.calls().count("codedeploy", "GetDeploymentConfig")).as("custom configurations only").isEqualTo(2);
    }
}
