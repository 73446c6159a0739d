package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AppConfig environments: applications and their environments both paged by {@code NextToken}, the
 * environments' {@code Monitors} in CloudFormation's shape, and a denied list call of either as a gap
 * naming it.
 */
class AppConfigCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-central-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String TYPE = "AWS::AppConfig::Environment";
    static final String ARN = "arn:aws:appconfig:eu-central-1:222233334444:application/";
    static final String ALARM = "arn:aws:cloudwatch:eu-central-1:222233334444:alarm:";
    static final String ROLE = "arn:aws:iam::222233334444:role/appconfig-monitor";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final AppConfigCollector collector = new AppConfigCollector();

    static Map<String, Object> environment(String app, String id, String name, List<Map<String, Object>> monitors) {
        return Map.of("ApplicationId", app, "Id", id, "Name", name, "State", "READY_FOR_DEPLOYMENT",
                "Monitors", monitors);
    }

    /** Three applications (two pages); the first has three environments (two pages), the second none. */
    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("appconfig", "ListApplications", List.of(Map.of("Id", "app1", "Name", "checkout"),
                Map.of("Id", "app2", "Name", "search"), Map.of("Id", "app3", "Name", "billing")));
        r.items("appconfig", "ListEnvironments", "ApplicationId", "app1", List.of(
                environment("app1", "env1", "prod", List.of(Map.of("AlarmArn", ALARM + "checkout-errors",
                        "AlarmRoleArn", ROLE), Map.of("AlarmArn", ALARM + "checkout-latency"))),
                environment("app1", "env2", "staging", List.of()),
                environment("app1", "env3", "dev", List.of())));
        r.items("appconfig", "ListEnvironments", "ApplicationId", "app2", List.of());
        r.items("appconfig", "ListEnvironments", "ApplicationId", "app3", List.of(
                environment("app3", "env9", "prod", List.of(Map.of("AlarmArn", ALARM + "billing-errors")))));
        return r;
    }

    @Test
    void environmentsOfEveryApplicationArePagedAndKeepTheirMonitorsInCloudFormationsShape() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(TYPE);

        assertThat(run.ofType(TYPE)).extracting(r -> r.name())
                .containsExactly("app1/prod", "app1/staging", "app1/dev", "app3/prod");
        assertThat(PlainTrees.of(run.get(ARN + "app1/environment/env1"))).isEqualTo(Map.of(
                "ApplicationId", Ref.to("app1", "AWS::AppConfig::Application"), "Name", "prod",
                "Monitors", List.of(Map.of("AlarmArn", ALARM + "checkout-errors", "AlarmRoleArn", ROLE),
                        Map.of("AlarmArn", ALARM + "checkout-latency"))));
        assertThat(PlainTrees.of(run.get(ARN + "app1/environment/env2"))).doesNotContainKey("Monitors");
        assertThat(run.get(ARN + "app3/environment/env9").identifiers()).containsOnlyKeys("env9");
        assertThat(run.get(ARN + "app1/environment/env1").unread()).isEmpty();
        var calls = FAKE.calls();
        assertThat(calls.count("appconfig", "ListApplications")).isEqualTo(2);
        assertThat(calls.count("appconfig", "ListEnvironments")).as("two pages for app1, one each for the others")
                .isEqualTo(4);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void accessDeniedOnListApplicationsIsAGapNamingTheCall() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("appconfig", "ListApplications"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(TYPE).detail()).contains("ListApplications: AccessDeniedException");
        assertThat(run.resources()).isEmpty();
        assertThat(FAKE.calls().count("appconfig", "ListEnvironments")).isZero();
    }

    @Test
    void accessDeniedOnTheEnvironmentsOfOneApplicationMakesTheTypeIncompleteNamingTheCall() {
        serve().fail("appconfig", "ListEnvironments", "ApplicationId", "app3",
                new AwsError("AccessDeniedException", 403, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false);

        assertThat(run.gap(TYPE).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(TYPE).detail()).contains("ListEnvironments: AccessDeniedException");
    }
}
