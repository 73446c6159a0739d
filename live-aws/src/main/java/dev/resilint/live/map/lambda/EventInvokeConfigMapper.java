package dev.resilint.live.map.lambda;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;

/**
 * An item of {@code ListFunctionEventInvokeConfigs} as {@code AWS::Lambda::EventInvokeConfig}:
 * {@code FunctionName} (a reference to the function), {@code Qualifier} (from the qualified
 * {@code FunctionArn} the API gives; {@code $LATEST} when it is unqualified), the retry limits and
 * the {@code DestinationConfig}. Such a configuration has no ARN of its own: it is known as
 * {@code <qualified function ARN>/event-invoke-config}, which nothing refers to.
 */
public final class EventInvokeConfigMapper {

    public static final String TYPE = "AWS::Lambda::EventInvokeConfig";

    /** The types an asynchronous invocation's destination may name. */
    static final String[] DESTINATIONS = {QueueMapper.TYPE, FunctionMapper.TOPIC, FunctionMapper.TYPE,
        "AWS::Events::EventBus", "AWS::S3::Bucket"};

    private EventInvokeConfigMapper() {
    }

    /** @param function the function whose configurations were listed */
    public static LiveResource map(Scope scope, FunctionConfiguration function, FunctionEventInvokeConfig c) {
        String qualifier = FunctionMapper.qualifierOf(c.functionArn());
        qualifier = qualifier.isEmpty() ? VersionMapper.LATEST : qualifier;
        Props p = Props.map()
                .ref("FunctionName", function.functionArn(), FunctionMapper.TYPE)
                .put("Qualifier", qualifier)
                .put("MaximumEventAgeInSeconds", c.maximumEventAgeInSeconds())
                .put("MaximumRetryAttempts", c.maximumRetryAttempts());
        if (c.destinationConfig() != null) {
            Props destinations = Props.map();
            if (c.destinationConfig().onSuccess() != null) {
                destinations.putIfNotEmpty("OnSuccess", Props.map().ref("Destination",
                        c.destinationConfig().onSuccess().destination(), DESTINATIONS));
            }
            if (c.destinationConfig().onFailure() != null) {
                destinations.putIfNotEmpty("OnFailure", Props.map().ref("Destination",
                        c.destinationConfig().onFailure().destination(), DESTINATIONS));
            }
            p.putIfNotEmpty("DestinationConfig", destinations);
        }
        String arn = function.functionArn() + ":" + qualifier + "/event-invoke-config";
        return LiveResource.of(TYPE, arn, function.functionName() + ":" + qualifier + " event invoke config", scope,
                p.build(), Ids.of());
    }
}
