package dev.resilint.live.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the scan's SDK clients talk to AWS: timeouts short enough that an endpoint that does not
 * answer ends as a gap instead of a hang, enough retries that ordinary throttling never shows up as
 * a gap, and (for tests and private endpoints) an endpoint to call instead of AWS's.
 *
 * @param connectTimeout time to open a connection
 * @param socketTimeout time to wait for data on an open connection
 * @param attemptTimeout time for one attempt of a call
 * @param callTimeout time for a call with all its retries
 * @param maxAttempts attempts per call, the first included
 * @param backoffBase base delay before retrying an error
 * @param throttlingBackoffBase base delay before retrying a throttled call
 * @param maxBackoff the longest delay between attempts
 * @param endpoint an endpoint for every service, instead of the SDK's resolution (which honours
 *     {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}); empty normally
 */
public record ClientSettings(Duration connectTimeout, Duration socketTimeout, Duration attemptTimeout,
        Duration callTimeout, int maxAttempts, Duration backoffBase, Duration throttlingBackoffBase,
        Duration maxBackoff, Optional<URI> endpoint) {

    public ClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(throttlingBackoffBase, "throttlingBackoffBase");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The settings of a real scan: 3 s to connect, 10 attempts with the SDK's standard backoff. */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofMinutes(3), 10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20),
                Optional.empty());
    }

    /** These settings with another endpoint. */
    public ClientSettings withEndpoint(URI uri) {
        return new ClientSettings(connectTimeout, socketTimeout, attemptTimeout, callTimeout, maxAttempts,
                backoffBase, throttlingBackoffBase, maxBackoff, Optional.of(uri));
    }

    /** These settings with other retry delays (tests use short ones). */
    public ClientSettings withBackoff(Duration base, Duration throttlingBase, Duration max) {
        return new ClientSettings(connectTimeout, socketTimeout, attemptTimeout, callTimeout, maxAttempts, base,
                throttlingBase, max, endpoint);
    }

    /** These settings with other timeouts. */
    public ClientSettings withTimeouts(Duration connect, Duration socket, Duration attempt, Duration call) {
        return new ClientSettings(connect, socket, attempt, call, maxAttempts, backoffBase, throttlingBackoffBase,
                maxBackoff, endpoint);
    }
}
