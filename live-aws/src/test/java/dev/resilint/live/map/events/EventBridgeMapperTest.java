package dev.resilint.live.map.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventBridgeMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String RULE = "arn:aws:events:eu-west-1:111122223333:rule/orders-created";

    static Rule rule() {
        return Rule.builder().name("orders-created").arn(RULE).eventBusName("default").state(RuleState.ENABLED)
                .eventPattern("{\"source\":[\"orders\"],\"detail-type\":[\"created\"]}").build();
    }

    @Test
    void aRuleWithItsPatternAndTargetsDeadLetterAndRetrySettings() {
        LiveResource r = RuleMapper.map(SCOPE, rule(), List.of(
                Target.builder().id("worker").arn("arn:aws:lambda:eu-west-1:111122223333:function:worker")
                        .deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:111122223333:rule-parking"))
                        .retryPolicy(p -> p.maximumRetryAttempts(4).maximumEventAgeInSeconds(3600)).build(),
                Target.builder().id("queue").arn("arn:aws:sqs:eu-west-1:111122223333:orders.fifo")
                        .sqsParameters(s -> s.messageGroupId("orders"))
                        .inputTransformer(t -> t.inputTemplate("{\"id\": <id>}").inputPathsMap(Map.of("id", "$.detail.id")))
                        .build()));

        assertThat(r.type()).isEqualTo("AWS::Events::Rule");
        assertThat(r.name()).isEqualTo("orders-created");
        assertThat(PropsText.of(r.properties())).isEqualTo("{Name: \"orders-created\", "
                + "EventBusName: ref(AWS::Events::EventBus)\"default\", "
                + "EventPattern: {source: [\"orders\"], detail-type: [\"created\"]}, State: \"ENABLED\", Targets: ["
                + "{Id: \"worker\", Arn: \"arn:aws:lambda:eu-west-1:111122223333:function:worker\", "
                + "DeadLetterConfig: {Arn: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:rule-parking\"}, "
                + "RetryPolicy: {MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3600}}, "
                + "{Id: \"queue\", Arn: \"arn:aws:sqs:eu-west-1:111122223333:orders.fifo\", "
                + "InputTransformer: {InputTemplate: \"{\"id\": <id>}\", InputPathsMap: {id: \"$.detail.id\"}}, "
                + "SqsParameters: {MessageGroupId: \"orders\"}}]}");
        assertThat(r.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("orders-created", "", RULE, "Arn"));
    }

    @Test
    void aRuleWhoseTargetsWereNotReadHasNoTargets() {
        assertThat(PropsText.of(RuleMapper.map(SCOPE, rule(), null).properties())).doesNotContain("Targets");
        assertThat(PropsText.of(RuleMapper.map(SCOPE, rule(), List.of()).properties())).doesNotContain("Targets");
    }

    @Test
    void anEventBusWithItsDeadLetterConfigFromDescribeEventBus() {
        EventBus bus = EventBus.builder().name("orders").arn("arn:aws:events:eu-west-1:111122223333:event-bus/orders")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}").build();
        LiveResource b = EventBusMapper.map(SCOPE, bus, DescribeEventBusResponse.builder().name("orders")
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:111122223333:bus-parking"))
                .kmsKeyIdentifier("alias/orders").build());

        assertThat(b.type()).isEqualTo("AWS::Events::EventBus");
        assertThat(PropsText.of(b.properties())).isEqualTo("{Name: \"orders\", "
                + "Policy: {Version: \"2012-10-17\", Statement: []}, KmsKeyIdentifier: \"alias/orders\", "
                + "DeadLetterConfig: {Arn: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:bus-parking\"}}");
        assertThat(b.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("orders", "",
                "arn:aws:events:eu-west-1:111122223333:event-bus/orders", "Arn"));
        assertThat(PropsText.of(EventBusMapper.map(SCOPE, bus, null).properties()))
                .isEqualTo("{Name: \"orders\", Policy: {Version: \"2012-10-17\", Statement: []}}");
    }
}
