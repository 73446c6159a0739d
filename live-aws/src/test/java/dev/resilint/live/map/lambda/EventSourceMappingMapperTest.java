package dev.resilint.live.map.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

class EventSourceMappingMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String FN = "arn:aws:lambda:eu-west-1:111122223333:function:worker";

    @Test
    void anSqsMappingRefersToItsQueueAndFunction() {
        EventSourceMappingConfiguration m = EventSourceMappingConfiguration.builder().uuid("9f8e")
                .eventSourceArn("arn:aws:sqs:eu-west-1:111122223333:orders").functionArn(FN).state("Enabled")
                .batchSize(10).maximumBatchingWindowInSeconds(5)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .scalingConfig(s -> s.maximumConcurrency(20))
                .filterCriteria(c -> c.filters(f -> f.pattern("{\"body\":{\"type\":[\"order\"]}}"))).build();

        LiveResource r = EventSourceMappingMapper.map(SCOPE, m);

        assertThat(r.type()).isEqualTo("AWS::Lambda::EventSourceMapping");
        assertThat(r.arn()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:9f8e");
        assertThat(r.name()).isEqualTo("orders -> worker");
        assertThat(PropsText.of(r.properties())).isEqualTo("{EventSourceArn: ref(AWS::SQS::Queue|AWS::Kinesis::Stream|"
                + "AWS::MSK::Cluster|AWS::AmazonMQ::Broker|AWS::DocDB::DBCluster)\"arn:aws:sqs:eu-west-1:111122223333:orders\", "
                + "FunctionName: ref(AWS::Lambda::Function|AWS::Lambda::Alias|AWS::Lambda::Version)\"" + FN + "\", "
                + "Enabled: true, BatchSize: 10, MaximumBatchingWindowInSeconds: 5, "
                + "FunctionResponseTypes: [\"ReportBatchItemFailures\"], "
                + "FilterCriteria: {Filters: [{Pattern: \"{\"body\":{\"type\":[\"order\"]}}\"}]}, "
                + "ScalingConfig: {MaximumConcurrency: 20}}");
        assertThat(r.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("9f8e", "",
                "arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:9f8e", "EventSourceMappingArn"));
    }

    @Test
    void aDisabledStreamMappingOnAnAliasWithItsOnFailureDestinationAndRetries() {
        EventSourceMappingConfiguration m = EventSourceMappingConfiguration.builder().uuid("1a2b")
                .eventSourceMappingArn("arn:aws:lambda:eu-west-1:111122223333:event-source-mapping:1a2b")
                .eventSourceArn("arn:aws:kinesis:eu-west-1:111122223333:stream/clicks").functionArn(FN + ":live")
                .state("Disabled").startingPosition("TRIM_HORIZON")
                .startingPositionTimestamp(Instant.ofEpochSecond(1700000000)).bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(2).maximumRecordAgeInSeconds(3600).parallelizationFactor(2)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:eu-west-1:111122223333:clicks-parking")))
                .build();

        LiveResource r = EventSourceMappingMapper.map(SCOPE, m);

        assertThat(r.name()).isEqualTo("stream/clicks -> worker:live");
        assertThat(PropsText.of(PropsText.at(r.properties(), "FunctionName")))
                .isEqualTo("ref(AWS::Lambda::Function|AWS::Lambda::Alias|AWS::Lambda::Version)\"" + FN + ":live\"");
        assertThat(PropsText.of(PropsText.at(r.properties(), "Enabled"))).isEqualTo("false");
        assertThat(PropsText.of(PropsText.at(r.properties(), "StartingPositionTimestamp"))).isEqualTo("1.7E9");
        assertThat(PropsText.of(PropsText.at(r.properties(), "DestinationConfig"))).isEqualTo("{OnFailure: {Destination: "
                + "ref(AWS::SQS::Queue|AWS::SNS::Topic|AWS::S3::Bucket)\"arn:aws:sqs:eu-west-1:111122223333:clicks-parking\"}}");
        assertThat(PropsText.of(r.properties())).contains("BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2, "
                + "MaximumRecordAgeInSeconds: 3600", "StartingPosition: \"TRIM_HORIZON\"", "ParallelizationFactor: 2");
    }
}
