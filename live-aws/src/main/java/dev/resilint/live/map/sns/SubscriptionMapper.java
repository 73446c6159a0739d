package dev.resilint.live.map.sns;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Json;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * A confirmed subscription of {@code ListSubscriptions} with its {@code GetSubscriptionAttributes}
 * as {@code AWS::SNS::Subscription}. The attributes are strings; {@code RedrivePolicy},
 * {@code FilterPolicy} and {@code DeliveryPolicy} are JSON strings, which CloudFormation has as
 * JSON objects and which are written as such ({@code RedrivePolicy.deadLetterTargetArn} a
 * reference to the dead-letter queue); {@code RawMessageDelivery} becomes a boolean. {@code Ref}
 * returns the subscription's ARN.
 */
public final class SubscriptionMapper {

    public static final String TYPE = "AWS::SNS::Subscription";
    public static final String TOPIC = "AWS::SNS::Topic";

    /** What {@code ListSubscriptions} says instead of an ARN for a subscription not yet confirmed. */
    public static final String PENDING = "PendingConfirmation";

    private SubscriptionMapper() {
    }

    /**
     * @param attributes the subscription's attributes, or null when they could not be read
     */
    public static LiveResource map(Scope scope, Subscription s, Map<String, String> attributes) {
        Props p = Props.map()
                .ref("TopicArn", s.topicArn(), TOPIC)
                .put("Protocol", s.protocol())
                .put("Endpoint", s.endpoint());
        if (attributes != null) {
            p.put("RedrivePolicy", QueueMapper.redrivePolicy(attributes.get("RedrivePolicy")));
            p.put("FilterPolicy", Json.objectOrString(attributes.get("FilterPolicy")));
            p.put("FilterPolicyScope", attributes.get("FilterPolicyScope"));
            p.put("DeliveryPolicy", Json.objectOrString(attributes.get("DeliveryPolicy")));
            String raw = attributes.get("RawMessageDelivery");
            p.put("RawMessageDelivery", raw == null ? null : Boolean.valueOf(raw.strip()));
            p.put("SubscriptionRoleArn", attributes.get("SubscriptionRoleArn"));
            p.put("ReplayPolicy", Json.objectOrString(attributes.get("ReplayPolicy")));
        }
        return LiveResource.of(TYPE, s.subscriptionArn(), name(s), scope, p.build(), Ids.of(s.subscriptionArn(), ""));
    }

    /**
     * {@code orders -> sqs:orders-worker}: the topic and the protocol, with the endpoint's last
     * segment only when it is an ARN (an e-mail address or phone number stays out of reports).
     */
    static String name(Subscription s) {
        String topic = lastSegment(s.topicArn());
        String endpoint = s.endpoint() != null && s.endpoint().startsWith("arn:") ? ":" + lastSegment(s.endpoint()) : "";
        return topic + " -> " + s.protocol() + endpoint;
    }

    private static String lastSegment(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf(':') + 1);
    }
}
