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
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqsCollectorTest {

    static final String ACCOUNT = "210987654321";
    static final String REGION = "eu-central-1";
    static final String URL = "https://sqs.eu-central-1.amazonaws.com/210987654321/";
    static final String ARN = "arn:aws:sqs:eu-central-1:210987654321:";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** Five queues: {@code q1} sends to {@code q2}, the others have no redrive policy. */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            urls.add(URL + "q" + i);
        }
        eu.items("sqs", "ListQueues", urls);
        for (int i = 1; i <= 5; i++) {
            Map<String, String> attributes = new java.util.LinkedHashMap<>(Map.of("QueueArn", ARN + "q" + i,
                    "VisibilityTimeout", "30"));
            if (i == 1) {
                attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + ARN + "q2\",\"maxReceiveCount\":3}");
            }
            eu.answer("sqs", "GetQueueAttributes", "QueueUrl", URL + "q" + i, Map.of("Attributes", attributes));
        }
        return eu;
    }

    @Test
    void readsEveryQueueOverPagesWithOneAttributesCallEachAndNoTagCall() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(ARN + "q1", ARN + "q2", ARN + "q3", ARN + "q4", ARN + "q5");
        assertThat(run.completeness()).containsExactly(Map.entry(QueueMapper.TYPE, Optional.empty()));
        assertThat(PropsText.of(run.resource(ARN + "q1").properties())).isEqualTo("{QueueName: \"q1\", VisibilityTimeout: 30, "
                + "RedrivePolicy: {deadLetterTargetArn: ref(AWS::SQS::Queue)\"" + ARN + "q2\", maxReceiveCount: 3}}");
        assertThat(FAKE.calls().count("sqs", "ListQueues")).isEqualTo(3);
        assertThat(FAKE.calls().count("sqs", "GetQueueAttributes")).isEqualTo(5);
        assertThat(FAKE.calls().count("sqs", "ListQueueTags")).isZero();
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void tagsCostOneCallPerQueueOnlyWhenARuleReadsThem() {
        serve().answer("sqs", "ListQueueTags", "QueueUrl", URL + "q1", Map.of("Tags", Map.of("team", "orders")))
                .handler("sqs", "ListQueueTags", input -> Map.of());

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, true);

        assertThat(FAKE.calls().count("sqs", "ListQueueTags")).isEqualTo(5);
        assertThat(PropsText.of(PropsText.at(run.resource(ARN + "q1").properties(), "Tags")))
                .isEqualTo("[{Key: \"team\", Value: \"orders\"}]");
        assertThat(run.resource(ARN + "q3").properties().get("Tags")).isEmpty();
    }

    @Test
    void accessDeniedOnListQueuesMakesTheTypeAGapAndLosesNothingElse() {
        serve();
        FAKE.inject(Fault.error("AccessDenied", 403).on("sqs", "ListQueues"));

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, false);

        assertThat(run.resources()).isEmpty();
        assertThat(run.completeness().get(QueueMapper.TYPE)).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(g.detail()).startsWith("ListQueues: AccessDenied");
        });
        assertThat(FAKE.calls().count("sqs", "GetQueueAttributes")).isZero();

        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly(
                "MQ01 AWS::SQS::Queue * ACCESS_DENIED", "MQ02 AWS::SQS::Queue * ACCESS_DENIED",
                "MQ03 AWS::SQS::Queue * ACCESS_DENIED", "OB03 AWS::SQS::Queue * ACCESS_DENIED");
        assertThat(results.findings()).isEmpty();
    }

    @Test
    void accessDeniedOnOneQueuesAttributesKeepsItUnreadAndTheRulesAreNotEvaluatedForItAlone() {
        serve().fail("sqs", "GetQueueAttributes", "QueueUrl", URL + "q4",
                new AwsError("AccessDenied", 403, "not allowed on q4"));

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, false);

        LiveResource q4 = run.resource(ARN + "q4");
        assertThat(PropsText.of(q4.properties())).isEqualTo("{QueueName: \"q4\"}");
        assertThat(q4.unread()).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(run.arns()).hasSize(5);
        assertThat(run.completeness().get(QueueMapper.TYPE)).isEmpty();

        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        // q1 has a dead-letter queue, q2; q4 cannot be judged by the rules that read it; q3 and q5 have
        // none, but q4's unread redrive policy may name either as its dead-letter queue: MQ01 cannot
        // tell, and says so for each; q2 keeps messages no longer than q1 (both 4 days): MQ02, whatever q4 says
        // OB03: q2 is q1's dead-letter queue and no alarm watches it; q1, q3 and q5 may be q4's
        assertThat(ScanOfOne.findings(results)).containsExactly("MQ02 " + ARN + "q2", "OB03 " + ARN + "q2");
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly(
                "MQ01 AWS::SQS::Queue " + ARN + "q3 ERROR", "MQ01 AWS::SQS::Queue " + ARN + "q4 ACCESS_DENIED",
                "MQ01 AWS::SQS::Queue " + ARN + "q5 ERROR", "MQ02 AWS::SQS::Queue " + ARN + "q1 ERROR",
                "MQ02 AWS::SQS::Queue " + ARN + "q3 ERROR", "MQ02 AWS::SQS::Queue " + ARN + "q4 ACCESS_DENIED",
                "MQ02 AWS::SQS::Queue " + ARN + "q5 ERROR", "MQ03 AWS::SQS::Queue " + ARN + "q4 ACCESS_DENIED",
                "OB03 AWS::SQS::Queue " + ARN + "q1 ERROR", "OB03 AWS::SQS::Queue " + ARN + "q3 ERROR",
                "OB03 AWS::SQS::Queue " + ARN + "q4 ACCESS_DENIED", "OB03 AWS::SQS::Queue " + ARN + "q5 ERROR");
    }

    @Test
    void aQueueDeletedBetweenTheCallsIsGone() {
        serve().fail("sqs", "GetQueueAttributes", "QueueUrl", URL + "q5",
                new AwsError("AWS.SimpleQueueService.NonExistentQueue", 400, "The specified queue does not exist.")
                        .withJsonType("com.amazonaws.sqs#QueueDoesNotExist"));

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(ARN + "q1", ARN + "q2", ARN + "q3", ARN + "q4");
        assertThat(run.completeness().get(QueueMapper.TYPE)).isEmpty();
    }

    @Test
    void aRepeatingTokenEndsTheListingAsAnError() {
        serve();
        FAKE.inject(Fault.repeatingToken().on("sqs", "ListQueues"));

        ScanOfOne run = ScanOfOne.of(FAKE, new SqsCollector(), ACCOUNT, REGION, false);

        assertThat(run.completeness().get(QueueMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ERROR));
        assertThat(FAKE.calls().count("sqs", "ListQueues")).isEqualTo(2);
    }
}
