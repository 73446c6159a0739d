package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.dp.AllAtOnceTrafficShift;
import dev.resilint.infra.rules.dp.DeploymentWithoutAlarmRollback;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CodeDeployCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-west-3";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::CodeDeploy::DeploymentGroup";
    static final String CONFIG = "AWS::CodeDeploy::DeploymentConfig";
    static final String ARN = "arn:aws:codedeploy:eu-west-3:222233334444:deploymentgroup:";
    static final String CONFIG_ARN = "arn:aws:codedeploy:eu-west-3:222233334444:deploymentconfig:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final CodeDeployCollector collector = new CodeDeployCollector();

    static Map<String, Object> group(String app, String name, boolean safe) {
        return Map.of("applicationName", app, "deploymentGroupName", name,
                "autoRollbackConfiguration", Map.of("enabled", safe, "events", List.of("DEPLOYMENT_FAILURE")),
                "alarmConfiguration", Map.of("enabled", safe, "alarms", safe ? List.of(Map.of("name", "5xx")) : List.of()));
    }

    /** Three applications (two pages); shop has 120 groups (two batch calls), api one, docs none. */
    static List<List<String>> serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("codedeploy", "ListApplications", List.of("shop", "api", "docs"));
        List<String> shop = new ArrayList<>();
        List<Object> described = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            shop.add("g" + i);
            described.add(group("shop", "g" + i, true));
        }
        described.add(group("api", "prod", false));
        r.items("codedeploy", "ListDeploymentGroups", "applicationName", "shop", shop);
        r.items("codedeploy", "ListDeploymentGroups", "applicationName", "api", List.of("prod"));
        List<List<String>> asked = new CopyOnWriteArrayList<>();
        r.handler("codedeploy", "BatchGetDeploymentGroups", input -> {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) input.get("deploymentGroupNames");
            asked.add(names);
            return Map.of("deploymentGroupsInfo", described.stream().map(g -> (Map<?, ?>) g)
                    .filter(g -> g.get("applicationName").equals(input.get("applicationName"))
                            && names.contains(g.get("deploymentGroupName"))).toList());
        });
        return asked;
    }

    @Test
    void groupsOfEveryApplicationAreReadInBatchesOfAHundred() {
        List<List<String>> asked = serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);

        assertThat(run.ofType(TYPE)).hasSize(121).allSatisfy(g -> assertThat(g.unread()).isEmpty());
        assertThat(PlainTrees.at(run.get(ARN + "api/prod"), "AlarmConfiguration/Enabled")).isEqualTo(false);
        assertThat(asked).extracting(List::size).containsExactlyInAnyOrder(100, 20, 1);
        var calls = FAKE.calls();
        assertThat(calls.count("codedeploy", "ListApplications")).isEqualTo(2);
        assertThat(calls.count("codedeploy", "ListDeploymentGroups")).isEqualTo(60 + 1 + 1);
        assertThat(calls.count("codedeploy", "BatchGetDeploymentGroups")).isEqualTo(3);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void accessDeniedOnListApplicationsIsAGap() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("codedeploy", "ListApplications"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.resources()).isEmpty();
    }

    @Test
    void aDeniedBatchKeepsItsGroupsUnreadAndDp02IsNotEvaluatedForThemWhileOthersAreJudged() {
        serve();
        FAKE.account(ACCOUNT).region(REGION).fail("codedeploy", "BatchGetDeploymentGroups", "applicationName", "shop",
                new AwsError("AccessDeniedException", 400, "not for shop"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);
        Results results = run.judge(List.of(new DeploymentWithoutAlarmRollback()));

        assertThat(run.get(ARN + "shop/g1").unread()).isPresent();
        assertThat(PlainTrees.of(run.get(ARN + "shop/g1"))).containsOnlyKeys("ApplicationName", "DeploymentGroupName");
        assertThat(results.findings()).singleElement()
                .satisfies(f -> assertThat(f.location().subject()).isEqualTo(ARN + "api/prod"));
        assertThat(results.notEvaluated()).hasSize(120).allSatisfy(g -> {
            assertThat(g.ruleId()).isEqualTo("DP02");
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });
    }

    static Map<String, Object> config(String name, String platform, Map<String, Object> routing) {
        return Map.of("deploymentConfigInfo", Map.of("deploymentConfigId", "id-" + name, "deploymentConfigName", name,
                "computePlatform", platform, "trafficRoutingConfig", routing));
    }

    /**
     * Deployment configurations as the API lists them: the predefined ones first, then four custom ones
     * (three pages of two); and a group on each of the custom ones, on a predefined all-at-once one and on
     * a predefined canary.
     */
    static FakeRegion serveConfigs() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("codedeploy", "ListDeploymentConfigs", List.of("CodeDeployDefault.OneAtATime",
                "CodeDeployDefault.LambdaAllAtOnce", "all-at-once", "canary", "linear", "ec2-half"));
        r.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "all-at-once",
                config("all-at-once", "Lambda", Map.of("type", "AllAtOnce")));
        r.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "canary", config("canary", "ECS",
                Map.of("type", "TimeBasedCanary",
                        "timeBasedCanary", Map.of("canaryPercentage", 10, "canaryInterval", 5))));
        r.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "linear", config("linear", "Lambda",
                Map.of("type", "TimeBasedLinear",
                        "timeBasedLinear", Map.of("linearPercentage", 20, "linearInterval", 2))));
        r.answer("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "ec2-half", Map.of("deploymentConfigInfo",
                Map.of("deploymentConfigName", "ec2-half", "computePlatform", "Server",
                        "minimumHealthyHosts", Map.of("type", "FLEET_PERCENT", "value", 50),
                        "zonalConfig", Map.of("firstZoneMonitorDurationInSeconds", 600, "monitorDurationInSeconds", 300,
                                "minimumHealthyHostsPerZone", Map.of("type", "HOST_COUNT", "value", 1)))));
        r.items("codedeploy", "ListApplications", List.of("shop"));
        List<String> names = List.of("all-at-once", "canary", "linear", "ec2-half", "CodeDeployDefault.ECSAllAtOnce",
                "CodeDeployDefault.LambdaCanary10Percent5Minutes");
        r.items("codedeploy", "ListDeploymentGroups", "applicationName", "shop",
                names.stream().map(n -> "on-" + n).toList());
        r.batch("codedeploy", "BatchGetDeploymentGroups", "deploymentGroupNames", "deploymentGroupsInfo",
                "deploymentGroupName", names.stream().map(n -> (Object) Map.of("applicationName", "shop",
                        "deploymentGroupName", "on-" + n, "deploymentConfigName", n)).toList());
        return r;
    }

    @Test
    void customConfigurationsArePagedAndDescribedInCloudFormationsShapeAndPredefinedOnesAreNotRead() {
        serveConfigs();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, CONFIG);

        assertThat(run.ofType(CONFIG)).extracting(r -> r.name()).containsExactly("all-at-once", "canary", "ec2-half",
                "linear");
        assertThat(run.ofType(CONFIG)).allSatisfy(c -> assertThat(c.unread()).isEmpty());
        assertThat(PlainTrees.of(run.get(CONFIG_ARN + "all-at-once"))).isEqualTo(Map.of(
                "DeploymentConfigName", "all-at-once", "ComputePlatform", "Lambda",
                "TrafficRoutingConfig", Map.of("Type", "AllAtOnce")));
        assertThat(PlainTrees.at(run.get(CONFIG_ARN + "canary"), "TrafficRoutingConfig")).isEqualTo(Map.of(
                "Type", "TimeBasedCanary", "TimeBasedCanary", Map.of("CanaryPercentage", 10L, "CanaryInterval", 5L)));
        assertThat(PlainTrees.at(run.get(CONFIG_ARN + "linear"), "TrafficRoutingConfig/TimeBasedLinear"))
                .isEqualTo(Map.of("LinearPercentage", 20L, "LinearInterval", 2L));
        assertThat(PlainTrees.of(run.get(CONFIG_ARN + "ec2-half"))).isEqualTo(Map.of(
                "DeploymentConfigName", "ec2-half", "ComputePlatform", "Server",
                "MinimumHealthyHosts", Map.of("Type", "FLEET_PERCENT", "Value", 50L),
                "ZonalConfig", Map.of("FirstZoneMonitorDurationInSeconds", 600L, "MonitorDurationInSeconds", 300L,
                        "MinimumHealthyHostsPerZone", Map.of("Type", "HOST_COUNT", "Value", 1L))));
        assertThat(run.get(CONFIG_ARN + "canary").identifiers()).containsExactly(Map.entry("canary", ""));
        var calls = FAKE.calls();
        assertThat(calls.count("codedeploy", "ListDeploymentConfigs")).isEqualTo(3);
        assertThat(calls.count("codedeploy", "GetDeploymentConfig")).as("custom configurations only").isEqualTo(4);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void dp04FiresOnAGroupOnACustomAllAtOnceConfigurationAndOnAPredefinedOneOnly() {
        serveConfigs();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, CONFIG);
        Results results = run.judge(List.of(new AllAtOnceTrafficShift()), "AWS::Lambda::Alias", "AWS::Lambda::Version",
                "AWS::Lambda::Function", "AWS::CloudFront::Distribution");

        assertThat(results.notEvaluated()).isEmpty();
        assertThat(results.findings()).extracting(f -> f.location().subject()).containsExactlyInAnyOrder(
                ARN + "shop/on-all-at-once", ARN + "shop/on-CodeDeployDefault.ECSAllAtOnce");
        assertThat(results.findings()).extracting(f -> f.message()).anySatisfy(m -> assertThat(m).startsWith(
                "CodeDeploy deployment group shop/on-all-at-once uses deployment configuration all-at-once "
                        + "(TrafficRoutingConfig.Type: AllAtOnce), which shifts all traffic to the new version at once"));
    }

    @Test
    void aFailedGetDeploymentConfigKeepsTheConfigurationUnreadAndItsGroupIsNotEvaluatedInsteadOfJudged() {
        serveConfigs().fail("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "all-at-once",
                new AwsError("AccessDeniedException", 400, "not this one"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, CONFIG);
        Results results = run.judge(List.of(new AllAtOnceTrafficShift()), "AWS::Lambda::Alias", "AWS::Lambda::Version",
                "AWS::Lambda::Function", "AWS::CloudFront::Distribution");

        assertThat(run.get(CONFIG_ARN + "all-at-once").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PlainTrees.of(run.get(CONFIG_ARN + "all-at-once"))).containsOnlyKeys("DeploymentConfigName");
        assertThat(results.findings()).extracting(f -> f.location().subject())
                .containsExactly(ARN + "shop/on-CodeDeployDefault.ECSAllAtOnce");
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("DP04");
            assertThat(n.subject()).isEqualTo(ARN + "shop/on-all-at-once");
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("GetDeploymentConfig");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void aConfigurationDeletedSinceItWasListedIsGoneAndTheTypeStaysComplete() {
        serveConfigs().fail("codedeploy", "GetDeploymentConfig", "deploymentConfigName", "all-at-once",
                new AwsError("DeploymentConfigDoesNotExistException", 400, "No deployment configuration found"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE, CONFIG);
        Results results = run.judge(List.of(new AllAtOnceTrafficShift()), "AWS::Lambda::Alias", "AWS::Lambda::Version",
                "AWS::Lambda::Function", "AWS::CloudFront::Distribution");

        assertThat(run.ofType(CONFIG)).extracting(r -> r.name()).containsExactly("canary", "ec2-half", "linear");
        assertThat(results.notEvaluated()).isEmpty();
        assertThat(results.findings()).extracting(f -> f.location().subject())
                .containsExactly(ARN + "shop/on-CodeDeployDefault.ECSAllAtOnce");
    }

    @Test
    void aDeniedListDeploymentConfigsIsAGapOfTheConfigurationsOnlyAndDp04IsNotEvaluatedInTheScope() {
        serveConfigs();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no"))
                .on("codedeploy", "ListDeploymentConfigs"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);
        Results results = run.judge(List.of(new AllAtOnceTrafficShift()), "AWS::Lambda::Alias", "AWS::Lambda::Version",
                "AWS::Lambda::Function", "AWS::CloudFront::Distribution");

        assertThat(run.gap(CONFIG).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(CONFIG).detail()).contains("ListDeploymentConfigs: AccessDeniedException");
        assertThat(run.ofType(CONFIG)).isEmpty();
        assertThat(run.ofType(TYPE)).hasSize(6);
        assertThat(FAKE.calls().count("codedeploy", "GetDeploymentConfig")).isZero();
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("DP04");
            assertThat(n.resourceType()).isEqualTo(CONFIG);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("ListDeploymentConfigs");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void configurationsAreNotListedWhenNoRuleReadsThem() {
        serveConfigs();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, java.util.Set.of(TYPE), false).complete(TYPE);

        assertThat(run.ofType(CONFIG)).isEmpty();
        assertThat(FAKE.calls().count("codedeploy", "ListDeploymentConfigs")).isZero();
        assertThat(PlainTrees.at(run.get(ARN + "shop/on-canary"), "DeploymentConfigName"))
                .as("a reference by name, whether or not the configuration was read")
                .isEqualTo(PlainTrees.Ref.to("canary", CONFIG));
    }
}
