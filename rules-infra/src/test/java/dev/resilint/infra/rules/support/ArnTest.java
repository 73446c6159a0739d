package dev.resilint.infra.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnTest {

    @Test
    void readsTheSixPartsKeepingTheResourceWhole() {
        Arn stream = Arn.parse("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/stream/2026-01-01T00:00:00.000")
                .orElseThrow();
        assertThat(stream).isEqualTo(new Arn("aws", "dynamodb", "eu-west-1", "111122223333",
                "table/Orders/stream/2026-01-01T00:00:00.000"));
        assertThat(stream.isDynamoDbStream()).isTrue();
        Arn alarm = Arn.parse("arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:High:CPU").orElseThrow();
        assertThat(alarm.region()).isEqualTo("cn-north-1");
        assertThat(alarm.resource()).isEqualTo("alarm:High:CPU");
        assertThat(alarm.isDynamoDbStream()).isFalse();
        assertThat(Arn.parse("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders").orElseThrow().isDynamoDbStream())
                .as("a table is not its stream").isFalse();
        assertThat(Arn.parse("arn:aws:s3:::bucket").orElseThrow().region()).as("a global service").isEmpty();
    }

    @Test
    void whatIsNoArnIsEmpty() {
        assertThat(Arn.parse(null)).isEmpty();
        assertThat(Arn.parse("")).isEmpty();
        assertThat(Arn.parse("MyStream")).isEmpty();
        assertThat(Arn.parse("arn:aws:kinesis:eu-west-1")).as("too few parts").isEmpty();
        assertThat(Arn.parse("urn:aws:kinesis:eu-west-1:111122223333:stream/s")).isEmpty();
    }
}
