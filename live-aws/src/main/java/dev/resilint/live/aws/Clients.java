package dev.resilint.live.aws;

import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The SDK clients of a scan, built on first use and closed with the scan: one per (region, service)
 * shared by every account ({@link #shared}), whose calls sign with the credentials bound to the
 * calling thread ({@link #as}), so that an organisation of hundreds of accounts costs a few dozen
 * clients, not tens of thousands; and one per (owner, region, service) with fixed credentials for
 * the calls that find the accounts ({@link #client(String, Region, AwsCredentialsProvider, Class,
 * Supplier)}). All share one HTTP client, one small pool for the SDK's call and attempt timers
 * (instead of five threads per client), the same timeouts and an explicit retry strategy (the
 * SDK's standard conditions, {@link ClientSettings#maxAttempts()} attempts, no circuit breaker: a
 * scan would rather wait than report a gap for ordinary throttling). With an endpoint override, S3
 * clients address buckets path-style.
 */
public final class Clients implements AutoCloseable {

    /** The region global services (CloudFront) are called in. */
    public static final Region GLOBAL_REGION = Region.US_EAST_1;

    private final ClientSettings settings;
    private final CallStats stats;
    private final ExecutionInterceptor counting;
    private final SdkHttpClient http;
    private final ScheduledExecutorService timers;
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final String timerPrefix = "resilint-sdk-timer-" + INSTANCES.incrementAndGet() + "-";
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    private static final ThreadLocal<AwsCredentialsProvider> BOUND = new ThreadLocal<>();
    /** The credentials of the account whose work the calling thread does ({@link #as}). */
    private static final AwsCredentialsProvider THREAD_BOUND = () -> {
        AwsCredentialsProvider bound = BOUND.get();
        if (bound == null) {
            throw SdkClientException.create("resilint: a shared client was called outside an account's work");
        }
        return bound.resolveCredentials();
    };

    public Clients(ClientSettings settings, CallStats stats) {
        this.settings = settings;
        this.stats = stats;
        this.counting = stats.interceptor();
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout()).build();
        this.timers = timers(timerPrefix);
    }

    /**
     * The timers of every client's call and attempt timeouts: two daemon threads are plenty, since a
     * timer task only schedules and, rarely, interrupts; cancelled timers are dropped at once.
     */
    private static ScheduledExecutorService timers(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** The name every timer thread of these clients starts with (tests). */
    String timerThreadPrefix() {
        return timerPrefix;
    }

    public CallStats stats() {
        return stats;
    }

    /**
     * Runs {@code work} on this thread as the account of {@code credentials}: calls of the
     * {@link #shared} clients made meanwhile sign with them.
     */
    public static <T> T as(AwsCredentialsProvider credentials, Supplier<T> work) {
        AwsCredentialsProvider previous = BOUND.get();
        BOUND.set(credentials);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    /**
     * The client of type {@code type} in the scope's region (us-east-1 for the global scope), shared
     * by every account: call it only within {@link #as}.
     *
     * @param builder makes a fresh builder, such as {@code Ec2Client::builder}
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C shared(
            Scope scope, Class<C> type, Supplier<B> builder) {
        Region region = scope.isGlobal() ? GLOBAL_REGION : Region.of(scope.region());
        String key = "*/" + region.id() + "/" + type.getName();
        return type.cast(clients.computeIfAbsent(key, k -> build(region, THREAD_BOUND, builder)));
    }

    /**
     * The client of type {@code type} in {@code region} for {@code owner}: an account id, or
     * {@code caller} for the calls made before the caller's account is known.
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            String owner, Region region, AwsCredentialsProvider credentials, Class<C> type, Supplier<B> builder) {
        String key = owner + "/" + region.id() + "/" + type.getName();
        return type.cast(clients.computeIfAbsent(key, k -> build(region, credentials, builder)));
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(Region region,
            AwsCredentialsProvider credentials, Supplier<B> supplier) {
        B b = supplier.get();
        b.region(region);
        b.credentialsProvider(credentials);
        b.httpClient(http);
        b.overrideConfiguration(o -> o
                .scheduledExecutorService(timers)
                .apiCallTimeout(settings.callTimeout())
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .circuitBreakerEnabled(false)
                        .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.maxBackoff()))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.throttlingBackoffBase(),
                                settings.maxBackoff()))
                        .build())
                .addExecutionInterceptor(counting));
        settings.endpoint().ifPresent(uri -> {
            b.endpointOverride(uri);
            if (b instanceof S3BaseClientBuilder<?, ?> s3) {
                // one endpoint for every bucket (a private endpoint, a test's fake): buckets go in the path,
                // since a bucket's virtual host name would not resolve there
                s3.forcePathStyle(true);
            }
        });
        return b.build();
    }

    @Override
    public void close() {
        List<SdkClient> all = new ArrayList<>(clients.values());
        clients.clear();
        for (SdkClient c : all) {
            IoUtils.closeQuietly(c, null);
        }
        IoUtils.closeQuietly(http, null);
        timers.shutdownNow();
    }
}
