package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.events.EventBusMapper;
import dev.resilint.live.map.events.RuleMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventBridgeCollectorTest {

    static final String ACCOUNT = "510987654321";
    static final String REGION = "ap-southeast-2";
    static final String EVENTS = "arn:aws:events:ap-southeast-2:510987654321:";
    static final String QUEUE = "arn:aws:sqs:ap-southeast-2:510987654321:";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** Buses {@code default} and {@code orders}; three rules on {@code orders}, r1 with a dead-letter queue. */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("events", "ListEventBuses", List.of(
                Map.of("Name", "default", "Arn", EVENTS + "event-bus/default"),
                Map.of("Name", "orders", "Arn", EVENTS + "event-bus/orders")));
        eu.answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default"));
        eu.answer("events", "DescribeEventBus", "Name", "orders", Map.of("Name", "orders",
                "DeadLetterConfig", Map.of("Arn", QUEUE + "bus-parking")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rules.add(Map.of("Name", "r" + i, "Arn", EVENTS + "rule/orders/r" + i, "EventBusName", "orders",
                    "State", "ENABLED"));
            eu.items("events", "ListTargetsByRule", "Rule", "r" + i, List.of(i == 1
                    ? Map.of("Id", "t", "Arn", QUEUE + "work", "DeadLetterConfig", Map.of("Arn", QUEUE + "rule-parking"))
                    : Map.of("Id", "t", "Arn", QUEUE + "work")));
        }
        eu.items("events", "ListRules", "EventBusName", "orders", rules);
        return eu;
    }

    @Test
    void readsBusesAndTheRulesOfEachBusWithTheirTargets() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new EventBridgeCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources(EventBusMapper.TYPE)).hasSize(2);
        assertThat(run.resources(RuleMapper.TYPE)).extracting(r -> r.arn()).containsExactlyInAnyOrder(
                EVENTS + "rule/orders/r1", EVENTS + "rule/orders/r2", EVENTS + "rule/orders/r3");
        assertThat(PropsText.of(PropsText.at(run.resource(EVENTS + "rule/orders/r1").properties(), "Targets")))
                .isEqualTo("[{Id: \"t\", Arn: \"" + QUEUE + "work\", DeadLetterConfig: {Arn: ref(AWS::SQS::Queue)\""
                        + QUEUE + "rule-parking\"}}]");
        assertThat(PropsText.of(PropsText.at(run.resource(EVENTS + "event-bus/orders").properties(), "DeadLetterConfig")))
                .isEqualTo("{Arn: ref(AWS::SQS::Queue)\"" + QUEUE + "bus-parking\"}");
        assertThat(run.completeness().values()).hasSize(2).allMatch(Optional::isEmpty);
        // ListRules: one call for default (empty), two pages for orders
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("events:ListEventBuses", 1L,
                "events:DescribeEventBus", 2L, "events:ListRules", 3L, "events:ListTargetsByRule", 3L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnListEventBusesMakesBothTypesGaps() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("events", "ListEventBuses"));

        ScanOfOne run = ScanOfOne.of(FAKE, new EventBridgeCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources()).isEmpty();
        assertThat(run.completeness().values()).hasSize(2).allSatisfy(g -> assertThat(g).hasValueSatisfying(gap ->
                assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED)));
        assertThat(ScanOfOne.notEvaluated(Scans.run(Scans.caller(FAKE, ACCOUNT, REGION)))).containsExactly(
                "MQ01 AWS::Events::EventBus * ACCESS_DENIED", "MQ01 AWS::Events::Rule * ACCESS_DENIED",
                "MQ04 AWS::Events::Rule * ACCESS_DENIED", "MQ06 AWS::Events::Rule * ACCESS_DENIED", "OB03 AWS::Events::EventBus * ACCESS_DENIED",
                "OB03 AWS::Events::Rule * ACCESS_DENIED");
    }

    @Test
    void accessDeniedOnListRulesOfOneBusMakesTheRuleTypeAGapOnly() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("events", "ListRules"));

        ScanOfOne run = ScanOfOne.of(FAKE, new EventBridgeCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources(EventBusMapper.TYPE)).hasSize(2);
        assertThat(run.completeness().get(EventBusMapper.TYPE)).isEmpty();
        assertThat(run.completeness().get(RuleMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED));
    }

    @Test
    void aRuleWhoseTargetsCannotBeReadAndABusWhoseDetailsCannotAreKeptUnread() {
        serve().fail("events", "ListTargetsByRule", "Rule", "r2", new AwsError("AccessDeniedException", 400, "no"))
                .fail("events", "DescribeEventBus", "Name", "default", new AwsError("AccessDeniedException", 400, "no"));

        ScanOfOne run = ScanOfOne.of(FAKE, new EventBridgeCollector(), ACCOUNT, REGION, false);

        assertThat(run.resource(EVENTS + "rule/orders/r2").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PropsText.of(run.resource(EVENTS + "rule/orders/r2").properties())).doesNotContain("Targets");
        assertThat(run.resource(EVENTS + "event-bus/default").unread()).isPresent();
        assertThat(run.resource(EVENTS + "rule/orders/r1").unread()).isEmpty();
        assertThat(run.completeness().values()).allMatch(Optional::isEmpty);
    }
}
