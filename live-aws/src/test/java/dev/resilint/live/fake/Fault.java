package dev.resilint.live.fake;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault to inject into the calls that match its scope: an error answer, throttling (always or on a
 * seeded fraction of calls), a malformed body, a pagination token that repeats forever, empty pages before
 * each page, a fixed latency, or a call that never answers. Scope it with {@link #on(String)},
 * {@link #on(String, String)}, {@link #account(String)} and {@link #region(String)} (unset means any) and
 * bound it with {@link #times(int)}; register it with {@link FakeAws#inject(Fault)}.
 *
 * <pre>{@code
 * fake.inject(Fault.error("AccessDenied", 403).on("autoscaling", "DescribeAutoScalingGroups").account("111111111111"));
 * fake.inject(Fault.throttle(0.3, 42).on("ec2"));
 * fake.inject(Fault.hang().on("rds").region("eu-west-1"));
 * }</pre>
 */
public final class Fault {
    /** What a fault does. */
    enum Kind { ERROR, THROTTLE, MALFORMED_BODY, REPEATING_TOKEN, EMPTY_PAGES, LATENCY, HANG }

    private final Kind kind;
    private final AwsError error;
    private final double fraction;
    private final long seed;
    private final Duration latency;
    private final String service;
    private final String operation;
    private final String account;
    private final String region;
    private final int times;
    private final AtomicInteger fired = new AtomicInteger();
    private final Random random;

    private Fault(Kind kind, AwsError error, double fraction, long seed, Duration latency, String service,
                  String operation, String account, String region, int times) {
        this.kind = kind;
        this.error = error;
        this.fraction = fraction;
        this.seed = seed;
        this.latency = latency;
        this.service = service;
        this.operation = operation;
        this.account = account;
        this.region = region;
        this.times = times;
        this.random = new Random(seed);
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, null, 1.0, 0, null, null, null, null, null, -1);
    }

    /** Answers the error with this code and HTTP status (message "injected by the fake"). */
    public static Fault error(String code, int status) {
        return error(new AwsError(code, status, "injected by the fake: " + code));
    }

    /** Answers this error. */
    public static Fault error(AwsError error) {
        return new Fault(Kind.ERROR, Objects.requireNonNull(error), 1.0, 0, null, null, null, null, null, -1);
    }

    /** Answers every matching call with the service's throttling error ({@code RequestLimitExceeded} for EC2, ...). */
    public static Fault throttle() {
        return of(Kind.THROTTLE);
    }

    /**
     * Throttles a fraction of the matching calls, drawn from a {@code java.util.Random} with this seed (one
     * draw per matching call, in arrival order).
     */
    public static Fault throttle(double fraction, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction " + fraction + " is not within [0, 1]");
        }
        return new Fault(Kind.THROTTLE, null, fraction, seed, null, null, null, null, null, -1);
    }

    /** Answers 200 with the body cut in half, which no SDK unmarshaller can read. */
    public static Fault malformedBody() {
        return of(Kind.MALFORMED_BODY);
    }

    /** Answers list calls with a next token equal to the one received: a client that trusts it loops forever. */
    public static Fault repeatingToken() {
        return of(Kind.REPEATING_TOKEN);
    }

    /** Answers an empty page with a next token before each page, as Organizations ListAccounts may. */
    public static Fault emptyPages() {
        return of(Kind.EMPTY_PAGES);
    }

    /** Delays every matching call by this much before answering. */
    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, null, 1.0, 0, Objects.requireNonNull(latency), null, null, null, null, -1);
    }

    /**
     * Never answers: the call waits until the client gives up (its timeouts end it) and the server thread is
     * released when the fake closes, or after {@link FakeAws#maxHang(Duration)}.
     */
    public static Fault hang() {
        return of(Kind.HANG);
    }

    /** Only calls of this service (its id, see {@link AwsService#id()}). */
    public Fault on(String service) {
        return new Fault(kind, error, fraction, seed, latency, AwsService.of(service).id(), operation, account, region,
                         times);
    }

    /** Only calls of this operation. */
    public Fault on(String service, String operation) {
        return new Fault(kind, error, fraction, seed, latency, AwsService.of(service).id(), operation, account, region,
                         times);
    }

    /** Only calls made as this account. */
    public Fault account(String account) {
        return new Fault(kind, error, fraction, seed, latency, service, operation, account, region, times);
    }

    /** Only calls to this region. */
    public Fault region(String region) {
        return new Fault(kind, error, fraction, seed, latency, service, operation, account, region, times);
    }

    /** Fires at most this many times, then lets calls through. */
    public Fault times(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        return new Fault(kind, error, fraction, seed, latency, service, operation, account, region, count);
    }

    Kind kind() {
        return kind;
    }

    /** The error this fault answers: its own, or the service's throttling error. */
    AwsError error(AwsService target) {
        return kind == Kind.THROTTLE ? target.throttlingError() : error;
    }

    Duration latency() {
        return latency;
    }

    /** Whether this fault applies to the call, consuming one of its {@link #times(int)} and a random draw. */
    boolean fires(String callAccount, String callRegion, AwsService callService, String callOperation) {
        if (service != null && !service.equals(callService.id())
            || operation != null && !operation.equals(callOperation)
            || account != null && !account.equals(callAccount)
            || region != null && !region.equals(callRegion)) {
            return false;
        }
        synchronized (this) {
            if (times >= 0 && fired.get() >= times) {
                return false;
            }
            if (fraction < 1.0 && random.nextDouble() >= fraction) {
                return false;
            }
            fired.incrementAndGet();
            return true;
        }
    }

    /** How often this fault fired. */
    public int fired() {
        return fired.get();
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (error != null ? " " + error.code() : "") + (fraction < 1 ? " " + fraction + "@" + seed : "")
               + (service != null ? " on " + service : "") + (operation != null ? "/" + operation : "")
               + (account != null ? " account " + account : "") + (region != null ? " region " + region : "")
               + (times >= 0 ? " x" + times : "") + "]";
    }
}
