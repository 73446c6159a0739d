package dev.resilint.live.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.pipes.PipesClient;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.ListPipesResponse;
import software.amazon.awssdk.services.pipes.model.NotFoundException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.SchedulerException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The services of asynchronous work that the fake learnt last: SNS (query XML, a map of attributes),
 * EventBridge (JSON 1.1, tokens without an SDK paginator), Pipes and Scheduler (REST-JSON, path and
 * query bindings), with their errors and throttling codes.
 */
class AsyncProtocolTest {
    private static final String ACCOUNT = "666666666666";
    private static final String REGION = "ca-central-1";
    private static final FakeAws FAKE = FakeAws.start();

    @AfterEach
    void reset() {
        assertThat(FAKE.problems()).isEmpty();
        FAKE.reset();
    }

    @AfterAll
    static void close() {
        FAKE.close();
    }

    private static FakeRegion region() {
        return FAKE.account(ACCOUNT).region(REGION);
    }

    @Test
    void snsListsSubscriptionsInQueryPagesAndAnswersTheirAttributesAsAMap() {
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            subscriptions.add(Map.of("SubscriptionArn", "arn:aws:sns:ca-central-1:666666666666:orders:s" + i,
                    "TopicArn", "arn:aws:sns:ca-central-1:666666666666:orders", "Protocol", "sqs",
                    "Endpoint", "arn:aws:sqs:ca-central-1:666666666666:q" + i, "Owner", ACCOUNT));
        }
        String redrive = "{\"deadLetterTargetArn\":\"arn:aws:sqs:ca-central-1:666666666666:parking\"}";
        region().items("sns", "ListSubscriptions", subscriptions)
                .answer("sns", "GetSubscriptionAttributes", "SubscriptionArn", subscriptions.get(0).get("SubscriptionArn"),
                        Map.of("Attributes", Map.of("RedrivePolicy", redrive, "RawMessageDelivery", "true")));
        SnsClient sns = FAKE.client(SnsClient.builder(), ACCOUNT, REGION);

        List<ListSubscriptionsResponse> pages = sns.listSubscriptionsPaginator().stream().toList();
        Map<String, String> attributes = sns.getSubscriptionAttributes(
                b -> b.subscriptionArn((String) subscriptions.get(0).get("SubscriptionArn"))).attributes();

        assertThat(pages).hasSize(2);
        assertThat(pages.stream().flatMap(p -> p.subscriptions().stream()))
                .extracting(s -> s.endpoint()).containsExactly("arn:aws:sqs:ca-central-1:666666666666:q1",
                        "arn:aws:sqs:ca-central-1:666666666666:q2", "arn:aws:sqs:ca-central-1:666666666666:q3");
        assertThat(attributes).containsEntry("RedrivePolicy", redrive).containsEntry("RawMessageDelivery", "true");
        assertThat(FAKE.calls().iamActions()).containsExactly("sns:GetSubscriptionAttributes", "sns:ListSubscriptions");
    }

    @Test
    void snsThrottlesWithItsOwnCodeAndStatus() {
        FAKE.inject(Fault.throttle().on("sns", "ListSubscriptions"));
        SnsClient sns = FAKE.client(SnsClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(sns::listSubscriptions).isInstanceOfSatisfying(SnsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttled");
            assertThat(e.statusCode()).isEqualTo(429);
            assertThat(e.isThrottlingException()).isTrue();
        });
    }

    @Test
    void eventBridgePagesRulesByNextTokenAndListsTargetsOfARule() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rules.add(Map.of("Name", "rule-" + i, "Arn", "arn:aws:events:ca-central-1:666666666666:rule/rule-" + i,
                    "EventBusName", "default", "State", "ENABLED", "EventPattern", "{\"source\":[\"orders\"]}"));
        }
        region().items("events", "ListEventBuses", List.of(Map.of("Name", "default",
                        "Arn", "arn:aws:events:ca-central-1:666666666666:event-bus/default")))
                .items("events", "ListRules", "EventBusName", "default", rules)
                .items("events", "ListTargetsByRule", "Rule", "rule-1", List.of(Map.of("Id", "t1",
                        "Arn", "arn:aws:lambda:ca-central-1:666666666666:function:worker",
                        "DeadLetterConfig", Map.of("Arn", "arn:aws:sqs:ca-central-1:666666666666:parking"),
                        "RetryPolicy", Map.of("MaximumRetryAttempts", 4, "MaximumEventAgeInSeconds", 3600))))
                .answer("events", "DescribeEventBus", "Name", "default", Map.of("Name", "default",
                        "DeadLetterConfig", Map.of("Arn", "arn:aws:sqs:ca-central-1:666666666666:bus-parking")));
        EventBridgeClient events = FAKE.client(EventBridgeClient.builder(), ACCOUNT, REGION);

        ListRulesResponse first = events.listRules(b -> b.eventBusName("default").limit(100));
        ListRulesResponse second = events.listRules(b -> b.eventBusName("default").limit(100).nextToken(first.nextToken()));
        List<Target> targets = events.listTargetsByRule(b -> b.rule("rule-1").eventBusName("default")).targets();

        assertThat(first.rules()).extracting(r -> r.name()).containsExactly("rule-1", "rule-2");
        assertThat(second.rules()).extracting(r -> r.name()).containsExactly("rule-3");
        assertThat(second.nextToken()).isNull();
        assertThat(first.rules().get(0).eventPattern()).isEqualTo("{\"source\":[\"orders\"]}");
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.deadLetterConfig().arn()).endsWith(":parking");
            assertThat(t.retryPolicy().maximumRetryAttempts()).isEqualTo(4);
        });
        assertThat(events.listEventBuses(b -> b.limit(100)).eventBuses()).singleElement()
                .satisfies(b -> assertThat(b.name()).isEqualTo("default"));
        assertThat(events.describeEventBus(b -> b.name("default")).deadLetterConfig().arn()).endsWith(":bus-parking");
        assertThat(events.listTargetsByRule(b -> b.rule("rule-2")).targets()).isEmpty();
    }

    @Test
    void eventBridgeErrorsAndThrottlingAreJsonTypes() {
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "not allowed")).on("events", "ListRules"));
        FAKE.inject(Fault.throttle().on("events", "ListEventBuses"));
        EventBridgeClient events = FAKE.client(EventBridgeClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(() -> events.listRules(b -> b.limit(10))).isInstanceOfSatisfying(EventBridgeException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThatThrownBy(() -> events.listEventBuses(b -> b.limit(10))).isInstanceOfSatisfying(
                EventBridgeException.class, e -> assertThat(e.isThrottlingException()).isTrue());
    }

    @Test
    void pipesListsByNextTokenAndDescribesAPipeByTheNameInItsPath() {
        List<Map<String, Object>> pipes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pipes.add(Map.of("Name", "pipe-" + i, "Arn", "arn:aws:pipes:ca-central-1:666666666666:pipe/pipe-" + i,
                    "Source", "arn:aws:kinesis:ca-central-1:666666666666:stream/s" + i, "CurrentState", "RUNNING",
                    "CreationTime", Instant.parse("2024-05-06T07:08:09Z")));
        }
        region().items("pipes", "ListPipes", pipes)
                .answer("pipes", "DescribePipe", "Name", "pipe-1", Map.of("Name", "pipe-1", "SourceParameters",
                        Map.of("KinesisStreamParameters", Map.of("StartingPosition", "LATEST", "MaximumRetryAttempts", 3,
                                "DeadLetterConfig", Map.of("Arn", "arn:aws:sqs:ca-central-1:666666666666:pipe-parking"))),
                        "Tags", Map.of("team", "orders")))
                .fail("pipes", "DescribePipe", "Name", "pipe-9", new AwsError("NotFoundException", 404, "no pipe-9"));
        PipesClient client = FAKE.client(PipesClient.builder(), ACCOUNT, REGION);

        List<ListPipesResponse> pages = client.listPipesPaginator(b -> b.limit(100)).stream().toList();
        DescribePipeResponse pipe = client.describePipe(b -> b.name("pipe-1"));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).pipes().get(0).creationTime()).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
        assertThat(pipe.sourceParameters().kinesisStreamParameters().deadLetterConfig().arn()).endsWith(":pipe-parking");
        assertThat(pipe.tags()).containsExactly(Map.entry("team", "orders"));
        assertThatThrownBy(() -> client.describePipe(b -> b.name("pipe-9"))).isInstanceOf(NotFoundException.class);
        assertThat(FAKE.calls().iamActions()).containsExactly("pipes:DescribePipe", "pipes:ListPipes");
    }

    @Test
    void schedulerListsSchedulesAndGetsOneByNameAndGroup() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        region().items("scheduler", "ListSchedules", List.of(
                        Map.of("Name", "nightly", "GroupName", "default", "Arn", "arn:aws:scheduler:ca-central-1:666666666666:schedule/default/nightly",
                                "State", "ENABLED", "Target", Map.of("Arn", "arn:aws:lambda:ca-central-1:666666666666:function:worker")),
                        Map.of("Name", "hourly", "GroupName", "ops", "Arn", "arn:aws:scheduler:ca-central-1:666666666666:schedule/ops/hourly"),
                        Map.of("Name", "weekly", "GroupName", "ops", "Arn", "arn:aws:scheduler:ca-central-1:666666666666:schedule/ops/weekly")))
                .handler("scheduler", "GetSchedule", input -> {
                    inputs.add(input);
                    return Map.of("Name", input.get("Name"), "GroupName", input.get("GroupName"),
                            "ScheduleExpression", "rate(1 hour)", "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                            "Target", Map.of("Arn", "arn:aws:lambda:ca-central-1:666666666666:function:worker",
                                    "RoleArn", "arn:aws:iam::666666666666:role/scheduler",
                                    "DeadLetterConfig", Map.of("Arn", "arn:aws:sqs:ca-central-1:666666666666:sched-parking"),
                                    "RetryPolicy", Map.of("MaximumRetryAttempts", 2)));
                });
        SchedulerClient scheduler = FAKE.client(SchedulerClient.builder(), ACCOUNT, REGION);

        List<ListSchedulesResponse> pages = scheduler.listSchedulesPaginator(b -> b.maxResults(100)).stream().toList();
        GetScheduleResponse schedule = scheduler.getSchedule(b -> b.name("hourly").groupName("ops"));

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).schedules().get(0).target().arn()).endsWith(":function:worker");
        assertThat(schedule.target().deadLetterConfig().arn()).endsWith(":sched-parking");
        assertThat(schedule.target().retryPolicy().maximumRetryAttempts()).isEqualTo(2);
        assertThat(inputs).singleElement().isEqualTo(Map.of("Name", "hourly", "GroupName", "ops"));
    }

    @Test
    void schedulerThrottlesWithStatus429() {
        FAKE.inject(Fault.throttle().on("scheduler"));
        SchedulerClient scheduler = FAKE.client(SchedulerClient.builder(), ACCOUNT, REGION);

        assertThatThrownBy(() -> scheduler.listSchedules(b -> b.maxResults(10))).isInstanceOfSatisfying(
                SchedulerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                });
    }
}
