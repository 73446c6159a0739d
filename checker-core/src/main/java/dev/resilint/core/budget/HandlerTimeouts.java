package dev.resilint.core.budget;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The code side of the timeout budget (TO03): how long the AWS SDK clients that a handler class
 * builds may spend on one call, as its bytecode proves it.
 *
 * @param className the class that builds the clients (the handler or a class nested in it)
 * @param member the method where the deciding setting or client is ({@code <clinit>}, {@code <init>})
 * @param file the source file the class file names, or empty
 * @param line the line of the setting, or of the client built without one
 * @param longestCall the longest one SDK call may take: its {@code apiCallTimeout}, or its
 *     {@code apiCallAttemptTimeout} times its attempts; empty when the class sets no SDK timeout at
 *     all, so that a call is bounded by nothing the SDK guarantees
 * @param setting how messages name what decides it ({@code apiCallTimeout 30 s},
 *     {@code DynamoDbClient.builder().build() with no apiCallTimeout})
 */
public record HandlerTimeouts(String className, String member, String file, int line, Optional<Duration> longestCall,
        String setting) {

    public HandlerTimeouts {
        Objects.requireNonNull(className, "className");
        member = member == null ? "" : member;
        file = file == null ? "" : file;
        Objects.requireNonNull(longestCall, "longestCall");
        Objects.requireNonNull(setting, "setting");
    }

    /** How messages name the place: {@code com.acme.Orders.<clinit> (Orders.java:21)}. */
    public String place() {
        String where = member.isEmpty() ? className : className + "." + member;
        return file.isEmpty() ? where : where + " (" + file + ":" + line + ")";
    }
}
