package dev.resilint.code;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import dev.resilint.code.rules.ClientCreatedPerInvocation;
import dev.resilint.code.rules.HttpClientWithoutTimeouts;
import dev.resilint.code.rules.LocalCacheWithoutExpiry;
import dev.resilint.code.rules.RemoteCacheWriteWithoutTtl;
import dev.resilint.code.rules.RetryWithoutBackoffJitter;
import dev.resilint.code.rules.SdkClientWithoutTimeouts;
import dev.resilint.code.rules.SdkRetriesDisabled;
import dev.resilint.code.rules.UnboundedBlockingWait;
import dev.resilint.code.rules.UnboundedExecutor;
import dev.resilint.core.RuleMetadata;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * resilint's code rules as ArchUnit rules, for a team's own tests:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "com.acme.orders", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ResilienceTest {
 *     &#64;ArchTest
 *     static final ArchRule sdkTimeouts = ResilienceRules.SDK_CLIENTS_SHOULD_SET_TIMEOUTS;
 *     &#64;ArchTest
 *     static final ArchRule httpTimeouts = ResilienceRules.HTTP_CLIENTS_SHOULD_SET_TIMEOUTS;
 * }
 * </pre>
 *
 * <p>{@code resilint code} runs the very same rules on class directories and jars and turns their
 * violations into findings (ids CT01 and so on) with suppressions, baselines and every report
 * format. Every rule stays quiet where it cannot prove a problem: a timeout, expiry or jitter set
 * in another method of the same class (or a nested class) counts, and a configuration object built
 * elsewhere is given the benefit of the doubt. Each rule can be narrowed like any ArchUnit rule, for
 * example {@code SDK_CLIENTS_SHOULD_SET_TIMEOUTS.ignoreDependency(...)} or by evaluating it on
 * fewer classes.
 */
public final class ResilienceRules {

    /** This class in the repository: the references of the code rules name its ArchUnit rules. */
    public static final String SOURCE_URL = "https://github.com/resilint/resilint/blob/main/rules-code/src/main/java/"
            + "dev/resilint/code/ResilienceRules.java";

    /** A full stop followed by the start of the next sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z`])");

    private ResilienceRules() {
    }

    /**
     * CT01 SdkClientWithoutTimeouts: classes that build AWS SDK v2 clients set an API call timeout
     * (or HTTP client timeouts) somewhere.
     *
     * <p>What it fires on and when it stays quiet: {@link SdkClientWithoutTimeouts#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * DynamoDbClient client = DynamoDbClient.builder().region(Region.EU_WEST_1).build();
     * DynamoDbClient other = DynamoDbClient.create();
     * }</pre>
     * Does not match:
     * <pre>{@code
     * DynamoDbClient client = DynamoDbClient.builder()
     *         .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(2))
     *                 .apiCallAttemptTimeout(Duration.ofMillis(500)))
     *         .build();
     * }</pre>
     */
    public static final ArchRule SDK_CLIENTS_SHOULD_SET_TIMEOUTS = classes()
            .should(new SdkClientWithoutTimeouts())
            .because(because(SdkClientWithoutTimeouts.METADATA))
            .allowEmptyShould(true);

    /**
     * CT02 HttpClientWithoutTimeouts: HTTP clients and requests get connect and read timeouts:
     * {@code java.net.http.HttpClient} and {@code HttpRequest}, {@code HttpURLConnection}, Apache
     * HttpClient 4 and 5, Spring {@code RestTemplate}.
     *
     * <p>What it fires on and when it stays quiet: {@link HttpClientWithoutTimeouts#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * HttpClient client = HttpClient.newHttpClient();
     * HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
     * RestTemplate rest = new RestTemplate();
     * }</pre>
     * Also a violation: {@code new URL("https://...").openStream()}, which cannot be given a timeout.
     * Does not match:
     * <pre>{@code
     * HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
     * HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
     * CloseableHttpClient finish(HttpClientBuilder configured) { return configured.build(); } // the caller configures it
     * }</pre>
     * A library building its own client with its own defaults (Apache HttpClient's
     * {@code HttpClients.createDefault()} itself) is not judged: those defaults are what this rule
     * warns users of.
     */
    public static final ArchRule HTTP_CLIENTS_SHOULD_SET_TIMEOUTS = classes()
            .should(new HttpClientWithoutTimeouts())
            .because(because(HttpClientWithoutTimeouts.METADATA))
            .allowEmptyShould(true);

    /**
     * CT03 UnboundedBlockingWait: no blocking wait without a timeout ({@code Future.get()},
     * {@code CompletableFuture.join()}, {@code CountDownLatch.await()}, {@code BlockingQueue.take()},
     * {@code Thread.join()} and the like).
     *
     * <p>What it fires on and when it stays quiet: {@link UnboundedBlockingWait#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * Order order = future.get();
     * latch.await();
     * }</pre>
     * Does not match:
     * <pre>{@code
     * Order order = future.get(2, TimeUnit.SECONDS);
     * boolean done = latch.await(5, TimeUnit.SECONDS);
     * if (future.isDone()) return future.join();          // guarded: returns at once
     * return timeout == null ? f.get() : f.get(t, unit);  // the caller chose no timeout
     * }</pre>
     * Library code that defines the unbounded API itself is not a finding: a future's own
     * {@code get()} (or a queue's {@code take()}) that waits on something else, a static helper
     * named for waiting on what it is given ({@code getUninterruptibly(future)}), the unbounded
     * variant next to a bounded one ({@code acquirePermit()} and {@code tryAcquirePermit(Duration)}).
     * Whoever calls them chose the unbounded wait and is judged there.
     */
    public static final ArchRule BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS = classes()
            .should(new UnboundedBlockingWait())
            .because(because(UnboundedBlockingWait.METADATA))
            .allowEmptyShould(true);

    /**
     * CR01 RetryWithoutBackoffJitter: retries back off with a random part: hand-rolled retry loops
     * (sleep in a loop that catches exceptions), resilience4j {@code RetryConfig}, Spring Retry
     * {@code @Retryable}.
     *
     * <p>What it fires on and when it stays quiet: {@link RetryWithoutBackoffJitter#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>
     * for (int attempt = 1; ; attempt++) {
     *     try {
     *         return call();
     *     } catch (IOException e) {
     *         if (attempt == 3) throw e;
     *         Thread.sleep(1000);
     *     }
     * }
     * &#64;Retryable(backoff = &#64;Backoff(delay = 500, multiplier = 2))
     * </pre>
     * A retry is a repeat driven by a failure: the sleep follows a caught exception and precedes the
     * next attempt (a loop or a recursive call), and a success does not sleep. A loop that sleeps
     * between maintenance sweeps or while polling for work is not one. Sleeps in a helper of the
     * class, and delays from a helper or a concrete strategy class on the analysed path that
     * returns a fixed or purely exponential value, count as the loop's own.
     *
     * <p>Does not match:
     * <pre>
     * Thread.sleep(ThreadLocalRandom.current().nextLong(100L &lt;&lt; attempt));
     * &#64;Retryable(backoff = &#64;Backoff(delay = 500, multiplier = 2, random = true))
     * RetryConfig.custom().intervalFunction(IntervalFunction.ofExponentialRandomBackoff(100, 2.0)).build();
     * </pre>
     */
    public static final ArchRule RETRIES_SHOULD_BACK_OFF_WITH_JITTER = classes()
            .should(new RetryWithoutBackoffJitter())
            .because(because(RetryWithoutBackoffJitter.METADATA))
            .allowEmptyShould(true);

    /**
     * CC01 LocalCacheWithoutExpiry: Caffeine and Guava caches expire or refresh their entries.
     *
     * <p>What it fires on and when it stays quiet: {@link LocalCacheWithoutExpiry#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * Cache<String, Price> prices = Caffeine.newBuilder().maximumSize(10_000).build();
     * }</pre>
     * Does not match:
     * <pre>{@code
     * Cache<String, Price> prices = Caffeine.newBuilder().maximumSize(10_000)
     *         .expireAfterWrite(Duration.ofMinutes(5)).build();
     * }</pre>
     */
    public static final ArchRule LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES = classes()
            .should(new LocalCacheWithoutExpiry())
            .because(because(LocalCacheWithoutExpiry.METADATA))
            .allowEmptyShould(true);

    /**
     * CC02 RemoteCacheWriteWithoutTtl: Redis string writes (Jedis, Lettuce, Spring Data Redis) give
     * the key an expiry, in the write or by an {@code expire} right after it.
     *
     * <p>What it fires on and when it stays quiet: {@link RemoteCacheWriteWithoutTtl#METADATA}, which
     * also gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * jedis.set(key, json);
     * commands.set(key, json);                        // Lettuce
     * template.opsForValue().set(key, json);          // Spring Data Redis
     * }</pre>
     * Does not match:
     * <pre>{@code
     * jedis.set(key, json, SetParams.setParams().ex(300));
     * commands.set(key, json, SetArgs.Builder.ex(300));
     * template.opsForValue().set(key, json, Duration.ofMinutes(5));
     * jedis.set(key, json); jedis.expire(key, 300);
     * }</pre>
     */
    public static final ArchRule REMOTE_CACHE_WRITES_SHOULD_EXPIRE = classes()
            .should(new RemoteCacheWriteWithoutTtl())
            .because(because(RemoteCacheWriteWithoutTtl.METADATA))
            .allowEmptyShould(true);

    /**
     * CL01 ClientCreatedPerInvocation: Lambda handlers build SDK and HTTP clients once, not in
     * {@code handleRequest}.
     *
     * <p>What it fires on and when it stays quiet: {@link ClientCreatedPerInvocation#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * public String handleRequest(Map<String, String> event, Context context) {
     *     DynamoDbClient ddb = DynamoDbClient.create();
     *     ...
     * }
     * }</pre>
     * Does not match:
     * <pre>{@code
     * private static final DynamoDbClient DDB = DynamoDbClient.builder()...build();
     * public String handleRequest(Map<String, String> event, Context context) {
     *     DDB.putItem(...);
     * }
     * }</pre>
     */
    public static final ArchRule LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS = classes()
            .should(new ClientCreatedPerInvocation())
            .because(because(ClientCreatedPerInvocation.METADATA))
            .allowEmptyShould(true);

    /**
     * CR02 SdkRetriesDisabled: AWS SDK v2 clients keep retrying transient failures: no
     * {@code RetryPolicy.none()}, {@code doNotRetry()}, {@code numRetries(0)} or {@code maxAttempts(1)}.
     *
     * <p>What it fires on and when it stays quiet: {@link SdkRetriesDisabled#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
     * DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))).build();
     * ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.builder().numRetries(0).build()).build();
     * }</pre>
     * Does not match:
     * <pre>{@code
     * DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)).build();
     * DynamoDbClient.builder().overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(attempts))).build();
     * }</pre>
     */
    public static final ArchRule SDK_CLIENTS_SHOULD_RETRY = classes()
            .should(new SdkRetriesDisabled())
            .because(because(SdkRetriesDisabled.METADATA))
            .allowEmptyShould(true);

    /**
     * CL02 UnboundedExecutor: thread pools bound their threads and their work queue (a bulkhead).
     *
     * <p>What it fires on and when it stays quiet: {@link UnboundedExecutor#METADATA}, which also
     * gives the {@code because} text.
     *
     * <p>Matches (a violation):
     * <pre>{@code
     * ExecutorService pool = Executors.newCachedThreadPool();
     * ExecutorService fixed = Executors.newFixedThreadPool(8);
     * new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
     * }</pre>
     * Does not match:
     * <pre>{@code
     * new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100),
     *         new ThreadPoolExecutor.CallerRunsPolicy());
     * new ThreadPoolExecutor(4, 8, 60, TimeUnit.SECONDS, queueFromTheCaller);
     * ExecutorService reaper = Executors.newSingleThreadExecutor();
     * if (LEASES.tryAcquire()) { cachedPool.submit(refresh); } // an admission limit of the class's own
     * }</pre>
     */
    public static final ArchRule EXECUTORS_SHOULD_BE_BOUNDED = classes()
            .should(new UnboundedExecutor())
            .because(because(UnboundedExecutor.METADATA))
            .allowEmptyShould(true);

    /**
     * The reason a rule gives in {@code because(...)}, from its metadata: the first sentence of its
     * rationale, then its id and Well-Architected best practices, such as {@code an AWS SDK v2 client
     * has no overall API call timeout by default: ... (CT01, Well-Architected REL05-BP05)}.
     */
    static String because(RuleMetadata rule) {
        String rationale = rule.rationale().trim();
        Matcher end = SENTENCE_END.matcher(rationale);
        String first = end.find() ? rationale.substring(0, end.start()) : rationale;
        if (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        boolean acronym = first.length() > 1 && Character.isUpperCase(first.charAt(1));
        String reason = acronym ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
        List<String> practices = rule.wellArchitected().stream()
                .map(r -> r.label().split(" ", 2)[0]).toList(); // the id, without the title
        return reason + " (" + rule.id() + (practices.isEmpty() ? "" : ", Well-Architected "
                + String.join(", ", practices)) + ")";
    }

    /** Every rule above, in the order of their ids (CC01, CC02, CL01, CL02, CR01, CR02, CT01, CT02, CT03). */
    public static List<ArchRule> all() {
        return List.of(LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES, REMOTE_CACHE_WRITES_SHOULD_EXPIRE,
                LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS,
                EXECUTORS_SHOULD_BE_BOUNDED, RETRIES_SHOULD_BACK_OFF_WITH_JITTER, SDK_CLIENTS_SHOULD_RETRY,
                SDK_CLIENTS_SHOULD_SET_TIMEOUTS, HTTP_CLIENTS_SHOULD_SET_TIMEOUTS, BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS);
    }
}
