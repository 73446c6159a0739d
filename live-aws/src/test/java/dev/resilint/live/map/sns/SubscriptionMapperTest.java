package dev.resilint.live.map.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Subscription;

class SubscriptionMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:orders";
    static final String ARN = TOPIC + ":0b1c2d3e";

    static Subscription sqs() {
        return Subscription.builder().subscriptionArn(ARN).topicArn(TOPIC).protocol("sqs").owner("111122223333")
                .endpoint("arn:aws:sqs:eu-west-1:111122223333:billing").build();
    }

    @Test
    void attributesBecomePropertiesWithJsonPoliciesAsObjects() {
        LiveResource s = SubscriptionMapper.map(SCOPE, sqs(), Map.of(
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:billing-parking\"}",
                "FilterPolicy", "{\"type\":[\"order\"]}", "FilterPolicyScope", "MessageAttributes",
                "RawMessageDelivery", "true", "PendingConfirmation", "false", "Owner", "111122223333",
                "ConfirmationWasAuthenticated", "true"));

        assertThat(s.type()).isEqualTo("AWS::SNS::Subscription");
        assertThat(s.arn()).isEqualTo(ARN);
        assertThat(s.name()).isEqualTo("orders -> sqs:billing");
        assertThat(PropsText.of(s.properties())).isEqualTo("{TopicArn: ref(AWS::SNS::Topic)\"" + TOPIC + "\", "
                + "Protocol: \"sqs\", Endpoint: \"arn:aws:sqs:eu-west-1:111122223333:billing\", "
                + "RedrivePolicy: {deadLetterTargetArn: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:billing-parking\"}, "
                + "FilterPolicy: {type: [\"order\"]}, FilterPolicyScope: \"MessageAttributes\", RawMessageDelivery: true}");
        assertThat(s.identifiers()).containsExactly(Map.entry(ARN, ""));
    }

    @Test
    void withoutAttributesTheListCallsFieldsRemainAndAnEmailEndpointStaysOutOfTheName() {
        Subscription email = Subscription.builder().subscriptionArn(ARN).topicArn(TOPIC).protocol("email")
                .endpoint("ops@example.com").build();
        LiveResource s = SubscriptionMapper.map(SCOPE, email, null);

        assertThat(s.name()).isEqualTo("orders -> email");
        assertThat(PropsText.of(s.properties())).isEqualTo("{TopicArn: ref(AWS::SNS::Topic)\"" + TOPIC + "\", "
                + "Protocol: \"email\", Endpoint: \"ops@example.com\"}");
    }
}
