package dev.resilint.live.map.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String URL = "https://sqs.eu-west-1.amazonaws.com/111122223333/orders";
    static final String ARN = "arn:aws:sqs:eu-west-1:111122223333:orders";

    static Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("QueueArn", ARN);
        a.put("ApproximateNumberOfMessages", "12");
        a.put("CreatedTimestamp", "1700000000");
        a.put("VisibilityTimeout", "30");
        a.put("MessageRetentionPeriod", "345600");
        a.put("MaximumMessageSize", "262144");
        a.put("DelaySeconds", "0");
        a.put("ReceiveMessageWaitTimeSeconds", "20");
        a.put("SqsManagedSseEnabled", "true");
        a.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:orders-parking\","
                + "\"maxReceiveCount\":5}");
        a.put("RedriveAllowPolicy", "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + ARN + "\"]}");
        return a;
    }

    @Test
    void attributesBecomeCloudFormationTypedPropertiesAndTheRedrivePolicyAnObjectReferringToItsQueue() {
        LiveResource q = QueueMapper.map(SCOPE, URL, attributes(), TagLookup.none());

        assertThat(q.type()).isEqualTo("AWS::SQS::Queue");
        assertThat(q.arn()).isEqualTo(ARN);
        assertThat(q.name()).isEqualTo("orders");
        assertThat(q.unread()).isEmpty();
        assertThat(PropsText.of(q.properties())).isEqualTo("{QueueName: \"orders\", DelaySeconds: 0, "
                + "MaximumMessageSize: 262144, MessageRetentionPeriod: 345600, ReceiveMessageWaitTimeSeconds: 20, "
                + "VisibilityTimeout: 30, SqsManagedSseEnabled: true, "
                + "RedrivePolicy: {deadLetterTargetArn: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:orders-parking\", "
                + "maxReceiveCount: 5}, "
                + "RedriveAllowPolicy: {redrivePermission: \"byQueue\", sourceQueueArns: [\"" + ARN + "\"]}}");
        assertThat(q.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of(URL, "", ARN, "Arn"));
    }

    @Test
    void aFifoQueueIsFifoAndKnownByItsDottedArn() {
        String url = "https://sqs.eu-west-1.amazonaws.com/111122223333/orders.fifo";
        String arn = "arn:aws:sqs:eu-west-1:111122223333:orders.fifo";
        LiveResource q = QueueMapper.map(SCOPE, url, Map.of("QueueArn", arn, "FifoQueue", "true",
                "ContentBasedDeduplication", "false", "DeduplicationScope", "messageGroup",
                "FifoThroughputLimit", "perMessageGroupId"), TagLookup.none());

        assertThat(PropsText.of(q.properties())).isEqualTo("{QueueName: \"orders.fifo\", ContentBasedDeduplication: false, "
                + "FifoQueue: true, DeduplicationScope: \"messageGroup\", FifoThroughputLimit: \"perMessageGroupId\"}");
        assertThat(q.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of(url, "", arn, "Arn"));
    }

    @Test
    void withoutAttributesOnlyTheNameIsKnownAndTheArnComesFromTheUrl() {
        LiveResource q = QueueMapper.map(SCOPE, URL, null, TagLookup.none())
                .withUnread(Value.unknown(Value.Reason.ACCESS_DENIED, "GetQueueAttributes: AccessDenied"));

        assertThat(q.arn()).isEqualTo(ARN);
        assertThat(PropsText.of(q.properties())).isEqualTo("{QueueName: \"orders\"}");
        assertThat(q.unread()).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(QueueMapper.arn(new Scope("111122223333", "cn-north-1"),
                "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/jobs"))
                .isEqualTo("arn:aws-cn:sqs:cn-north-1:111122223333:jobs");
    }

    @Test
    void valuesThatAreNotWhatCloudFormationTypesThemStayStrings() {
        LiveResource q = QueueMapper.map(SCOPE, URL, Map.of("QueueArn", ARN, "VisibilityTimeout", "soon",
                "RedrivePolicy", "not json", "RedriveAllowPolicy", " "), TagLookup.none());

        assertThat(PropsText.of(q.properties())).isEqualTo(
                "{QueueName: \"orders\", VisibilityTimeout: \"soon\", RedrivePolicy: \"not json\"}");
    }

    @Test
    void tagsAreAKeyValueListOrUnknownWhenTheirCallFailed() {
        LiveResource tagged = QueueMapper.map(SCOPE, URL, Map.of("QueueArn", ARN),
                TagLookup.of(Map.of(ARN, Map.of("team", "orders", "env", "prod"))));
        LiveResource failed = QueueMapper.map(SCOPE, URL, Map.of("QueueArn", ARN),
                TagLookup.failed(Value.unknown(Value.Reason.ACCESS_DENIED, "ListQueueTags: AccessDenied")));

        assertThat(PropsText.of(PropsText.at(tagged.properties(), "Tags")))
                .isEqualTo("[{Key: \"env\", Value: \"prod\"}, {Key: \"team\", Value: \"orders\"}]");
        assertThat(PropsText.of(PropsText.at(failed.properties(), "Tags"))).isEqualTo("unknown(ACCESS_DENIED)");
    }
}
