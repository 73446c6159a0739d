package dev.resilint.core.budget;

import dev.resilint.core.Location;
import java.time.Duration;
import java.util.Objects;

/**
 * The template side of the timeout budget (TO03): a Lambda function with a Java runtime, the class
 * its {@code Handler} names and its {@code Timeout}, both known.
 *
 * @param function how messages name the function: its logical id
 * @param handlerClass the binary name of the handler's class ({@code com.acme.Orders} for
 *     {@code com.acme.Orders::handleRequest})
 * @param timeout the function's {@code Timeout}
 * @param defaulted whether the template leaves {@code Timeout} unset (Lambda's default of 3 seconds)
 * @param location where a finding points: the {@code Timeout} line, or the function when it is unset
 */
public record LambdaTimeout(String function, String handlerClass, Duration timeout, boolean defaulted,
        Location location) {

    /** Lambda's timeout for a function that sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public LambdaTimeout {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(location, "location");
    }

    /**
     * The class a Java {@code Handler} names: {@code com.acme.Orders::handleRequest} and
     * {@code com.acme.Orders} both give {@code com.acme.Orders}; empty for anything else.
     */
    public static java.util.Optional<String> handlerClass(String handler) {
        String text = handler.trim();
        int method = text.indexOf("::");
        String type = method >= 0 ? text.substring(0, method) : text;
        if (!type.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(type);
    }
}
