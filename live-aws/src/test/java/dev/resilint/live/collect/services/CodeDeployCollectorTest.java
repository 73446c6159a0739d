package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CodeDeployCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-west-3";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::CodeDeploy::DeploymentGroup";
    static final String ARN = "arn:aws:codedeploy:eu-west-3:222233334444:deploymentgroup:";

    static final FakeAws FAKE = FakeAws.start();
    final CodeDeployCollector collector = new CodeDeployCollector();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

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
}
