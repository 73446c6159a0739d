package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.sns.SubscriptionMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnsCollectorTest {

    static final String ACCOUNT = "410987654321";
    static final String REGION = "eu-west-3";
    static final String TOPIC = "arn:aws:sns:eu-west-3:410987654321:orders";
    static final String QUEUE = "arn:aws:sqs:eu-west-3:410987654321:";
    static final String QUEUE_URL = "https://sqs.eu-west-3.amazonaws.com/410987654321/";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** Three confirmed subscriptions s1 to s3 (s1 with a redrive policy to queue {@code parking}) and a pending one. */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            subscriptions.add(Map.of("SubscriptionArn", TOPIC + ":s" + i, "TopicArn", TOPIC, "Protocol", "sqs",
                    "Endpoint", QUEUE + "consumer-" + i));
            eu.answer("sns", "GetSubscriptionAttributes", "SubscriptionArn", TOPIC + ":s" + i, Map.of("Attributes",
                    i == 1 ? Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + QUEUE + "parking\"}")
                            : Map.of("RawMessageDelivery", "false")));
        }
        subscriptions.add(Map.of("SubscriptionArn", "PendingConfirmation", "TopicArn", TOPIC, "Protocol", "email",
                "Endpoint", "ops@example.com"));
        eu.items("sns", "ListSubscriptions", subscriptions);
        return eu;
    }

    /** The queue {@code parking}, which no other queue names. */
    static void serveParkingQueue() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("sqs", "ListQueues", List.of(QUEUE_URL + "parking"))
                .answer("sqs", "GetQueueAttributes", "QueueUrl", QUEUE_URL + "parking",
                        Map.of("Attributes", Map.of("QueueArn", QUEUE + "parking")));
    }

    @Test
    void readsConfirmedSubscriptionsOverPagesWithOneAttributesCallEach() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new SnsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(TOPIC + ":s1", TOPIC + ":s2", TOPIC + ":s3");
        assertThat(PropsText.of(PropsText.at(run.resource(TOPIC + ":s1").properties(), "RedrivePolicy")))
                .isEqualTo("{deadLetterTargetArn: ref(AWS::SQS::Queue)\"" + QUEUE + "parking\"}");
        assertThat(run.completeness().get(SubscriptionMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().count("sns", "ListSubscriptions")).isEqualTo(2);
        assertThat(FAKE.calls().count("sns", "GetSubscriptionAttributes")).isEqualTo(3);
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void theDeadLetterQueueOfASubscriptionIsQuietForMq01() {
        serve();
        serveParkingQueue();

        // MQ01 is quiet; MQ06 sees that s2 and s3 (sqs) have no redrive policy of their own; OB03 that
        // no alarm watches the dead-letter queue
        assertThat(ScanOfOne.findings(Scans.run(Scans.caller(FAKE, ACCOUNT, REGION))))
                .containsExactly("MQ06 " + TOPIC + ":s2", "MQ06 " + TOPIC + ":s3", "OB03 " + QUEUE + "parking");
    }

    @Test
    void accessDeniedOnListSubscriptionsMakesTheTypeAGapForEachRuleThatReadsIt() {
        serve();
        serveParkingQueue();
        FAKE.inject(Fault.error("AuthorizationError", 403).on("sns", "ListSubscriptions"));

        ScanOfOne run = ScanOfOne.of(FAKE, new SnsCollector(), ACCOUNT, REGION, false);
        assertThat(run.resources()).isEmpty();
        assertThat(run.completeness().get(SubscriptionMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED));

        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly("MQ01 AWS::SNS::Subscription * ACCESS_DENIED",
                "MQ04 AWS::SNS::Subscription * ACCESS_DENIED", "MQ06 AWS::SNS::Subscription * ACCESS_DENIED", "OB03 AWS::SNS::Subscription * ACCESS_DENIED");
        assertThat(ScanOfOne.findings(results)).isEmpty();
    }

    @Test
    void aSubscriptionWhoseAttributesCannotBeReadIsKeptUnread() {
        serve().fail("sns", "GetSubscriptionAttributes", "SubscriptionArn", TOPIC + ":s1",
                new AwsError("AuthorizationError", 403, "not on s1"));
        serveParkingQueue();

        ScanOfOne run = ScanOfOne.of(FAKE, new SnsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).hasSize(3);
        assertThat(run.resource(TOPIC + ":s1").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PropsText.of(run.resource(TOPIC + ":s1").properties())).doesNotContain("RedrivePolicy");
        assertThat(run.completeness().get(SubscriptionMapper.TYPE)).isEmpty();

        // the unread redrive policy may name 'parking' as its dead-letter queue: MQ01 cannot tell, so it
        // does not judge the queue and reports the subscription it could not read as not evaluated
        Results scan = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.findings(scan)).doesNotContain("MQ01 " + QUEUE + "parking");
        assertThat(ScanOfOne.notEvaluated(scan)).contains("MQ01 AWS::SNS::Subscription " + TOPIC + ":s1 ACCESS_DENIED");
    }
}
