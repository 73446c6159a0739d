package dev.resilint.cli.handlers;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Its SDK calls may take 3 attempts of 4 s each: 12 s. */
public class AttemptsHandler {

    private static final SqsClient SQS = Clients.sqs();

    public String handleRequest(Map<String, String> event) {
        return SQS.serviceName();
    }

    /** Clients built in a nested class count as the handler's. */
    static final class Clients {
        static SqsClient sqs() {
            return SqsClient.builder()
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(4))
                            .retryStrategy(b -> b.maxAttempts(3)))
                    .build();
        }
    }
}
