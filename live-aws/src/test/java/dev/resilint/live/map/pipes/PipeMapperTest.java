package dev.resilint.live.map.pipes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.pipes.model.DescribePipeResponse;
import software.amazon.awssdk.services.pipes.model.Pipe;

class PipeMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:pipes:eu-west-1:111122223333:pipe/clicks";
    static final Pipe PIPE = Pipe.builder().name("clicks").arn(ARN).desiredState("RUNNING")
            .source("arn:aws:kinesis:eu-west-1:111122223333:stream/clicks")
            .target("arn:aws:states:eu-west-1:111122223333:stateMachine:ingest").build();

    @Test
    void aStreamSourcedPipeWithItsDeadLetterConfig() {
        LiveResource p = PipeMapper.map(SCOPE, PIPE, DescribePipeResponse.builder().name("clicks").arn(ARN)
                .roleArn("arn:aws:iam::111122223333:role/pipe").description("")
                .sourceParameters(s -> s.filterCriteria(f -> f.filters(x -> x.pattern("{\"data\":{}}")))
                        .kinesisStreamParameters(k -> k.startingPosition("LATEST").batchSize(10).maximumRetryAttempts(3)
                                .deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:111122223333:pipe-parking"))))
                .tags(Map.of("team", "data")).build());

        assertThat(p.type()).isEqualTo("AWS::Pipes::Pipe");
        assertThat(PropsText.of(p.properties())).isEqualTo("{Name: \"clicks\", DesiredState: \"RUNNING\", "
                + "Source: \"arn:aws:kinesis:eu-west-1:111122223333:stream/clicks\", "
                + "Target: \"arn:aws:states:eu-west-1:111122223333:stateMachine:ingest\", "
                + "RoleArn: \"arn:aws:iam::111122223333:role/pipe\", SourceParameters: {"
                + "FilterCriteria: {Filters: [{Pattern: \"{\"data\":{}}\"}]}, KinesisStreamParameters: {BatchSize: 10, "
                + "DeadLetterConfig: {Arn: ref(AWS::SQS::Queue|AWS::SNS::Topic)\"arn:aws:sqs:eu-west-1:111122223333:pipe-parking\"}, "
                + "MaximumRetryAttempts: 3, StartingPosition: \"LATEST\"}}, Tags: {team: \"data\"}}");
        assertThat(p.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("clicks", "", ARN, "Arn"));
    }

    @Test
    void anSqsSourcedPipeAndOneWhoseDetailsWereNotRead() {
        LiveResource sqs = PipeMapper.map(SCOPE, PIPE, DescribePipeResponse.builder().name("clicks")
                .sourceParameters(s -> s.sqsQueueParameters(q -> q.batchSize(5).maximumBatchingWindowInSeconds(1)))
                .build());

        assertThat(PropsText.of(PropsText.at(sqs.properties(), "SourceParameters")))
                .isEqualTo("{SqsQueueParameters: {BatchSize: 5, MaximumBatchingWindowInSeconds: 1}}");
        assertThat(PropsText.of(PipeMapper.map(SCOPE, PIPE, null).properties())).isEqualTo("{Name: \"clicks\", "
                + "DesiredState: \"RUNNING\", Source: \"arn:aws:kinesis:eu-west-1:111122223333:stream/clicks\", "
                + "Target: \"arn:aws:states:eu-west-1:111122223333:stateMachine:ingest\"}");
    }
}
