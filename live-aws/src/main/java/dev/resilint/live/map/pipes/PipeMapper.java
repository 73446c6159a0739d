package dev.resilint.live.map.pipes;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.pipes.model.DeadLetterConfig;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.Pipe;
import software.amazon.awssdk.services.pipes.model.PipeSourceDynamoDBStreamParameters;
import software.amazon.awssdk.services.pipes.model.PipeSourceKinesisStreamParameters;
import software.amazon.awssdk.services.pipes.model.PipeSourceParameters;

/**
 * A pipe of {@code ListPipes} with its {@code DescribePipe} as {@code AWS::Pipes::Pipe}. The API's
 * member names are CloudFormation's. Of the {@code SourceParameters}, the filter criteria and the
 * SQS, Kinesis and DynamoDB stream parameters are written (the stream sources carry the
 * {@code DeadLetterConfig.Arn}, a reference to the queue; an SQS source's dead letters are its
 * queue's redrive policy); Kafka and MQ sources only by their topic or queue and batching.
 * {@code TargetParameters} and {@code EnrichmentParameters} are left out: no rule reads them.
 * {@code Tags} is a map, as in CloudFormation. {@code Ref} returns the pipe's name.
 */
public final class PipeMapper {

    public static final String TYPE = "AWS::Pipes::Pipe";

    private PipeMapper() {
    }

    /** @param detail what {@code DescribePipe} answered, or null when it could not be read */
    public static LiveResource map(Scope scope, Pipe pipe, DescribePipeResponse detail) {
        Props p = Props.map()
                .put("Name", pipe.name())
                .put("DesiredState", pipe.desiredStateAsString())
                .put("Source", pipe.source())
                .put("Target", pipe.target())
                .put("Enrichment", pipe.enrichment());
        if (detail != null) {
            p.put("Description", detail.description() == null || detail.description().isEmpty() ? null
                    : detail.description())
                    .put("RoleArn", detail.roleArn())
                    .put("KmsKeyIdentifier", detail.kmsKeyIdentifier());
            if (detail.sourceParameters() != null) {
                p.putIfNotEmpty("SourceParameters", source(detail.sourceParameters()));
            }
            p.putIfNotEmpty("Tags", tags(detail.tags()));
        }
        return LiveResource.of(TYPE, pipe.arn(), pipe.name(), scope, p.build(), Ids.of(pipe.name(), "", pipe.arn(), "Arn"));
    }

    private static Props source(PipeSourceParameters s) {
        Props p = Props.map();
        if (s.filterCriteria() != null) {
            p.putIfNotEmpty("FilterCriteria", Props.map().list("Filters", s.filterCriteria().filters().stream()
                    .map(f -> (Node) Props.map().put("Pattern", f.pattern()).build()).toList()));
        }
        if (s.sqsQueueParameters() != null) {
            p.putIfNotEmpty("SqsQueueParameters", Props.map().put("BatchSize", s.sqsQueueParameters().batchSize())
                    .put("MaximumBatchingWindowInSeconds", s.sqsQueueParameters().maximumBatchingWindowInSeconds()));
        }
        if (s.kinesisStreamParameters() != null) {
            p.putIfNotEmpty("KinesisStreamParameters", kinesis(s.kinesisStreamParameters()));
        }
        if (s.dynamoDBStreamParameters() != null) {
            p.putIfNotEmpty("DynamoDBStreamParameters", dynamo(s.dynamoDBStreamParameters()));
        }
        if (s.managedStreamingKafkaParameters() != null) {
            var k = s.managedStreamingKafkaParameters();
            p.putIfNotEmpty("ManagedStreamingKafkaParameters", Props.map().put("TopicName", k.topicName())
                    .put("StartingPosition", k.startingPositionAsString()).put("BatchSize", k.batchSize())
                    .put("MaximumBatchingWindowInSeconds", k.maximumBatchingWindowInSeconds())
                    .put("ConsumerGroupID", k.consumerGroupID()));
        }
        if (s.selfManagedKafkaParameters() != null) {
            var k = s.selfManagedKafkaParameters();
            p.putIfNotEmpty("SelfManagedKafkaParameters", Props.map().put("TopicName", k.topicName())
                    .put("StartingPosition", k.startingPositionAsString()).put("BatchSize", k.batchSize())
                    .put("MaximumBatchingWindowInSeconds", k.maximumBatchingWindowInSeconds())
                    .put("ConsumerGroupID", k.consumerGroupID())
                    .strings("AdditionalBootstrapServers", k.additionalBootstrapServers()));
        }
        if (s.activeMQBrokerParameters() != null) {
            var q = s.activeMQBrokerParameters();
            p.putIfNotEmpty("ActiveMQBrokerParameters", Props.map().put("QueueName", q.queueName())
                    .put("BatchSize", q.batchSize()).put("MaximumBatchingWindowInSeconds", q.maximumBatchingWindowInSeconds()));
        }
        if (s.rabbitMQBrokerParameters() != null) {
            var q = s.rabbitMQBrokerParameters();
            p.putIfNotEmpty("RabbitMQBrokerParameters", Props.map().put("QueueName", q.queueName())
                    .put("VirtualHost", q.virtualHost()).put("BatchSize", q.batchSize())
                    .put("MaximumBatchingWindowInSeconds", q.maximumBatchingWindowInSeconds()));
        }
        return p;
    }

    private static Props kinesis(PipeSourceKinesisStreamParameters k) {
        return Props.map().put("BatchSize", k.batchSize())
                .putIfNotEmpty("DeadLetterConfig", deadLetter(k.deadLetterConfig()))
                .put("OnPartialBatchItemFailure", k.onPartialBatchItemFailureAsString())
                .put("MaximumBatchingWindowInSeconds", k.maximumBatchingWindowInSeconds())
                .put("MaximumRecordAgeInSeconds", k.maximumRecordAgeInSeconds())
                .put("MaximumRetryAttempts", k.maximumRetryAttempts())
                .put("ParallelizationFactor", k.parallelizationFactor())
                .put("StartingPosition", k.startingPositionAsString())
                .put("StartingPositionTimestamp", k.startingPositionTimestamp() == null ? null
                        : k.startingPositionTimestamp().toString());
    }

    private static Props dynamo(PipeSourceDynamoDBStreamParameters d) {
        return Props.map().put("BatchSize", d.batchSize())
                .putIfNotEmpty("DeadLetterConfig", deadLetter(d.deadLetterConfig()))
                .put("OnPartialBatchItemFailure", d.onPartialBatchItemFailureAsString())
                .put("MaximumBatchingWindowInSeconds", d.maximumBatchingWindowInSeconds())
                .put("MaximumRecordAgeInSeconds", d.maximumRecordAgeInSeconds())
                .put("MaximumRetryAttempts", d.maximumRetryAttempts())
                .put("ParallelizationFactor", d.parallelizationFactor())
                .put("StartingPosition", d.startingPositionAsString());
    }

    private static Props deadLetter(DeadLetterConfig c) {
        return c == null ? null : Props.map().ref("Arn", c.arn(), QueueMapper.TYPE, "AWS::SNS::Topic");
    }

    private static Props tags(Map<String, String> tags) {
        Props p = Props.map();
        new TreeMap<>(tags).forEach(p::put);
        return p;
    }
}
