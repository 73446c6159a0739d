package dev.resilint.live.map.events;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Json;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBus;

/**
 * An event bus of {@code ListEventBuses} with its {@code DescribeEventBus} (the only call that
 * gives its {@code DeadLetterConfig}, {@code KmsKeyIdentifier} and {@code LogConfig}) as
 * {@code AWS::Events::EventBus}. {@code Policy} (a JSON string in the API, a JSON object in
 * CloudFormation) is written as an object. Every account has the bus {@code default}, which a
 * template cannot declare but a live account lists like any other. {@code Ref} returns the bus's
 * name, {@code Fn::GetAtt B.Arn} its ARN.
 */
public final class EventBusMapper {

    public static final String TYPE = "AWS::Events::EventBus";

    private EventBusMapper() {
    }

    /** @param detail what {@code DescribeEventBus} answered, or null when it could not be read */
    public static LiveResource map(Scope scope, EventBus bus, DescribeEventBusResponse detail) {
        Props p = Props.map()
                .put("Name", bus.name())
                .put("Description", bus.description())
                .put("Policy", Json.objectOrString(bus.policy()));
        if (detail != null) {
            p.put("KmsKeyIdentifier", detail.kmsKeyIdentifier());
            if (detail.deadLetterConfig() != null) {
                p.putIfNotEmpty("DeadLetterConfig", Props.map().ref("Arn", detail.deadLetterConfig().arn(),
                        QueueMapper.TYPE));
            }
            if (detail.logConfig() != null) {
                p.putIfNotEmpty("LogConfig", Props.map().put("IncludeDetail", detail.logConfig().includeDetailAsString())
                        .put("Level", detail.logConfig().levelAsString()));
            }
        }
        return LiveResource.of(TYPE, bus.arn(), bus.name(), scope, p.build(), Ids.of(bus.name(), "", bus.arn(), "Arn"));
    }
}
