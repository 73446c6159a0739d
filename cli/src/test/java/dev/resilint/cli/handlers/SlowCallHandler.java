package dev.resilint.cli.handlers;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Its SDK calls may take 30 s. */
public class SlowCallHandler {

    private static final SqsClient SQS = SqsClient.builder()
            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
            .build();

    public String handleRequest(Map<String, String> event) {
        return SQS.serviceName();
    }
}
