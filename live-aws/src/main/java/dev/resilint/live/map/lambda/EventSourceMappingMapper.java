package dev.resilint.live.map.lambda;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.Filter;

/**
 * An item of {@code ListEventSourceMappings} as {@code AWS::Lambda::EventSourceMapping}. The API
 * names the function by {@code FunctionArn} (qualified when the mapping invokes an alias or a
 * version); it is written as {@code FunctionName}, a reference to the function, alias or version.
 * {@code Enabled} is false for a mapping that is {@code Disabled} or {@code Disabling}, true in
 * every other state. {@code Ref} returns the mapping's UUID.
 */
public final class EventSourceMappingMapper {

    public static final String TYPE = "AWS::Lambda::EventSourceMapping";

    /** The collected or collectable types an event source ARN may name. */
    static final String[] SOURCES = {QueueMapper.TYPE, "AWS::Kinesis::Stream", "AWS::MSK::Cluster",
        "AWS::AmazonMQ::Broker", "AWS::DocDB::DBCluster"};
    /** The types an on-failure destination may name. */
    static final String[] DESTINATIONS = {QueueMapper.TYPE, FunctionMapper.TOPIC, "AWS::S3::Bucket"};

    private EventSourceMappingMapper() {
    }

    public static LiveResource map(Scope scope, EventSourceMappingConfiguration m) {
        String arn = m.eventSourceMappingArn() != null ? m.eventSourceMappingArn()
                : Arns.of(scope, "lambda", "event-source-mapping:" + m.uuid());
        String state = m.state();
        Props p = Props.map()
                .ref("EventSourceArn", m.eventSourceArn(), SOURCES)
                .ref("FunctionName", m.functionArn(), FunctionMapper.FUNCTION_OR_QUALIFIED)
                .put("Enabled", state == null ? null : !(state.equals("Disabled") || state.equals("Disabling")))
                .put("BatchSize", m.batchSize())
                .put("MaximumBatchingWindowInSeconds", m.maximumBatchingWindowInSeconds())
                .put("ParallelizationFactor", m.parallelizationFactor())
                .put("StartingPosition", m.startingPositionAsString())
                .put("StartingPositionTimestamp", m.startingPositionTimestamp() == null ? null
                        : (Number) (m.startingPositionTimestamp().toEpochMilli() / 1000.0))
                .put("BisectBatchOnFunctionError", m.bisectBatchOnFunctionError())
                .put("MaximumRetryAttempts", m.maximumRetryAttempts())
                .put("MaximumRecordAgeInSeconds", m.maximumRecordAgeInSeconds())
                .put("TumblingWindowInSeconds", m.tumblingWindowInSeconds())
                .strings("FunctionResponseTypes", m.functionResponseTypesAsStrings())
                .strings("Topics", m.topics())
                .strings("Queues", m.queues())
                .put("KmsKeyArn", m.kmsKeyArn());
        if (m.destinationConfig() != null && m.destinationConfig().onFailure() != null) {
            p.putIfNotEmpty("DestinationConfig", Props.map().putIfNotEmpty("OnFailure", Props.map()
                    .ref("Destination", m.destinationConfig().onFailure().destination(), DESTINATIONS)));
        }
        if (m.filterCriteria() != null) {
            p.putIfNotEmpty("FilterCriteria", Props.map().list("Filters",
                    m.filterCriteria().filters().stream().map(EventSourceMappingMapper::filter).toList()));
        }
        if (m.scalingConfig() != null) {
            p.putIfNotEmpty("ScalingConfig", Props.map().put("MaximumConcurrency",
                    m.scalingConfig().maximumConcurrency()));
        }
        return LiveResource.of(TYPE, arn, name(m), scope, p.build(), Ids.of(m.uuid(), "", arn, "EventSourceMappingArn"));
    }

    private static Node filter(Filter f) {
        return Props.map().put("Pattern", f.pattern()).build();
    }

    /** {@code orders -> worker}: the source's last segment and the function. */
    static String name(EventSourceMappingConfiguration m) {
        String source = m.eventSourceArn() == null ? String.join(",", m.topics())
                : m.eventSourceArn().substring(m.eventSourceArn().lastIndexOf(':') + 1);
        String fn = FunctionMapper.nameOf(m.functionArn());
        String qualifier = FunctionMapper.qualifierOf(m.functionArn());
        return source + " -> " + fn + (qualifier.isEmpty() ? "" : ":" + qualifier);
    }
}
