package dev.resilint.cli.handlers;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Its SDK calls end within 2 s. */
public class FastHandler {

    private static final SqsClient SQS = SqsClient.builder()
            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2)).apiCallAttemptTimeout(Duration.ofMillis(500)))
            .build();

    public String handleRequest(Map<String, String> event) {
        return SQS.serviceName();
    }
}
