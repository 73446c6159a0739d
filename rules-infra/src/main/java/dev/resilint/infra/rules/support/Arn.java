package dev.resilint.infra.rules.support;

import java.util.Optional;

/**
 * An Amazon Resource Name read into its parts:
 * {@code arn:<partition>:<service>:<region>:<account>:<resource>}, the resource keeping any further
 * colons and slashes ({@code table/Orders/stream/2026-01-01T00:00:00.000}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The ARN {@code text} is, or empty when it is not one (another word, a reference, too few parts). */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** Whether this is the ARN of a DynamoDB table's stream. */
    public boolean isDynamoDbStream() {
        return service.equals("dynamodb") && resource.contains("/stream/");
    }
}
