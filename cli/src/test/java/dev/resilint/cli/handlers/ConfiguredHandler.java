package dev.resilint.cli.handlers;

import java.util.Map;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Its SDK client takes an override configuration built elsewhere: unknown. */
public class ConfiguredHandler {

    private final SqsClient sqs;

    public ConfiguredHandler(ClientOverrideConfiguration overrides) {
        this.sqs = SqsClient.builder().overrideConfiguration(overrides).build();
    }

    public String handleRequest(Map<String, String> event) {
        return sqs.serviceName();
    }
}
