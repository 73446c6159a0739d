package com.example.orders;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A Lambda handler whose SQS calls may take 30 s, in a function that may run 10 s. */
public class SlowOrders {

    private static final SqsClient SQS = SqsClient.builder()
            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
            .build();

    public String handleRequest(Map<String, String> event) {
        return SQS.serviceName();
    }
}
