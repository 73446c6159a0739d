package dev.resilint.cli.handlers;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Its SDK calls have no time limit. */
public class NoTimeoutHandler {

    private final SqsClient sqs = SqsClient.create();

    public String handleRequest(Map<String, String> event) {
        return sqs.serviceName();
    }
}
