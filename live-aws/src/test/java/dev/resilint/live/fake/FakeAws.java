package dev.resilint.live.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake AWS endpoint on loopback for tests with the real SDK: it speaks each service's wire protocol as
 * the SDK's models define it, answers per account and region what a test declared, pages lists by the
 * operations' paginators, injects faults and logs every call. See the package documentation for a guide.
 *
 * <pre>{@code
 * try (FakeAws fake = FakeAws.start()) {
 *     fake.account("111111111111").region("eu-west-1")
 *         .items("ec2", "DescribeSubnets", List.of(Map.of("SubnetId", "subnet-1", "AvailabilityZone", "eu-west-1a")));
 *     Ec2Client ec2 = fake.client(Ec2Client.builder(), "111111111111", "eu-west-1");
 *     ec2.describeSubnetsPaginator().subnets().forEach(...);
 *     assertThat(fake.calls().count("ec2", "DescribeSubnets")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>In a test class it is also a JUnit extension: {@code @RegisterExtension static final FakeAws FAKE =
 * FakeAws.start();} resets it after each test and closes it after all; {@link #strict()} also fails a
 * test after which the fake holds requests it could not answer ({@link #problems()}).
 */
public final class FakeAws implements AutoCloseable, AfterEachCallback, AfterAllCallback {
    /** The default page size: small, so that a test with a few items crosses pages. */
    public static final int DEFAULT_PAGE_SIZE = 2;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY each answer waits ~40 ms for
        // the client's delayed ACK. Read once, when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String threadPrefix;
    private final URI endpoint;
    private final Map<String, FakeAccount> accounts = new ConcurrentHashMap<>();
    private final Everywhere everywhere = new Everywhere();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CallLog calls = new CallLog();
    private final Identities identities = new Identities();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Thread> serverThreads = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final FakeClients clients;
    private volatile int pageSize = DEFAULT_PAGE_SIZE;
    private volatile Duration maxHang = Duration.ofSeconds(30);
    private volatile Clock clock = Clock.systemUTC();

    /** The answers registered for every account and region. */
    public static final class Everywhere extends Answers<Everywhere> {
        Everywhere() {
        }
    }

    private FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        threadPrefix = "fake-aws-" + INSTANCES.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, threadPrefix + threads.incrementAndGet());
            thread.setDaemon(true);
            serverThreads.add(thread);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        clients = new FakeClients(endpoint);
    }

    /** Starts a fake on {@code 127.0.0.1} on a free port. */
    public static FakeAws start() {
        try {
            return new FakeAws();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake AWS endpoint", e);
        }
    }

    /** The endpoint to give the SDK ({@code endpointOverride}). */
    public URI endpoint() {
        return endpoint;
    }

    /** The account with this 12-digit id (created on first use). */
    public FakeAccount account(String id) {
        return accounts.computeIfAbsent(id, FakeAccount::new);
    }

    /** Answers for every account and region, consulted after the account's and the region's own. */
    public Everywhere everywhere() {
        return everywhere;
    }

    /** The most items a page holds, whatever limit a call asks for (default {@value #DEFAULT_PAGE_SIZE}). */
    public FakeAws pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
        pageSize = size;
        return this;
    }

    /** How long a {@link Fault#hang()} keeps a server thread at most (default 30 s); closing releases it at once. */
    public FakeAws maxHang(Duration duration) {
        maxHang = duration;
        return this;
    }

    /** The clock of credential expirations (default UTC system clock). */
    public FakeAws clock(Clock value) {
        clock = value;
        return this;
    }

    /** Injects a fault; faults apply in the order injected. Returns it, to read {@link Fault#fired()}. */
    public Fault inject(Fault fault) {
        faults.add(fault);
        return fault;
    }

    /** Removes every fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** The log of every call received. */
    public CallLog calls() {
        return calls;
    }

    /**
     * What went wrong on the fake's side: calls of detail operations nobody answered, answers that do not fit
     * the output shape, handlers that failed, requests it could not route. Tests can assert it is empty.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** A role assumption the fake's STS granted. */
    public record AssumedRole(String callerAccount, String roleArn, String sessionName, String accessKeyId) {
    }

    /** The role assumptions granted so far, in order. */
    public List<AssumedRole> assumedRoles() {
        List<AssumedRole> out = new ArrayList<>();
        for (Identities.Session s : identities.issued()) {
            out.add(new AssumedRole(s.callerAccount(), s.roleArn(), s.sessionName(), s.accessKeyId()));
        }
        return out;
    }

    /** The long-term access key id the fake attributes to this account ({@code AKIA<account>FAKE}). */
    public static String accessKeyId(String account) {
        return Identities.accessKeyId(account);
    }

    /** Static credentials of this account. */
    public static AwsCredentialsProvider credentials(String account) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId(account), "fake-secret"));
    }

    /** Attributes another access key id to an account. */
    public FakeAws registerAccessKey(String accessKeyId, String account) {
        identities.register(accessKeyId, account(account).id());
        return this;
    }

    /** Makes {@code AssumeRole} on this role ARN answer {@code AccessDenied}. */
    public FakeAws denyAssumeRole(String roleArn) {
        java.util.regex.Matcher arn = java.util.regex.Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([^/]+)")
                                                             .matcher(roleArn);
        if (!arn.matches()) {
            throw new IllegalArgumentException("not a role ARN: " + roleArn);
        }
        account(arn.group(1)).denyAssumeRole(arn.group(2));
        return this;
    }

    /**
     * A client of this fake as this account in this region: endpoint override, static credentials, a shared
     * url-connection HTTP client (connect 1 s, socket 5 s) and a standard retry strategy of 3 attempts
     * without backoff delay.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, String account,
                                                                                        String region) {
        return clients.configure(builder, credentials(account), region).build();
    }

    /** Configures a builder as {@link #client} does, with these credentials, for further settings. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
        B builder, AwsCredentialsProvider credentials, String region) {
        return clients.configure(builder, credentials, region);
    }

    /** The HTTP client {@link #client} uses (closed with the fake). */
    public SdkHttpClient httpClient() {
        return clients.httpClient();
    }

    /** Whether, as a JUnit extension, a test fails when the fake holds problems after it. */
    private volatile boolean strict;

    /** This fake, failing each test after which it holds problems, when it is a JUnit extension. */
    public FakeAws strict() {
        strict = true;
        return this;
    }

    /** After each test: the problems checked when {@link #strict()}, then {@link #reset()}. */
    @Override
    public void afterEach(ExtensionContext context) {
        List<String> left = problems();
        reset();
        if (strict && !left.isEmpty()) {
            throw new AssertionError("the fake AWS could not answer what the test asked: " + left);
        }
    }

    /** After all tests of the class: {@link #close()}. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
    /** Forgets accounts, answers, faults, calls, problems, sessions and registered keys; restores the page size. */
    public void reset() {
        accounts.clear();
        everywhere.clearAnswers();
        faults.clear();
        calls.clear();
        problems.clear();
        identities.clear();
        pageSize = DEFAULT_PAGE_SIZE;
    }

    /** The prefix of the names of the fake's server threads. */
    public String threadNamePrefix() {
        return threadPrefix;
    }

    /** Stops the server, releases hanging calls and ends its threads. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the fake's threads did not end");
            }
            for (Thread thread : serverThreads) {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.close();
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String requestId = String.format("fake-%08d-0000-4000-8000-000000000000", requests.incrementAndGet());
            WireResponse response;
            try {
                response = new Dispatch(this, identities, requestId).answer(
                    exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body);
            } catch (RuntimeException e) {
                problems.add("the fake failed on " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
                response = WireResponse.error(null, new AwsError("FakeAwsFailure", 400, "the fake failed: " + e), requestId);
            }
            if (response == null) {
                hang();
                return;
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (IOException e) {
            // the client went away (its timeout); nothing to answer
        }
    }

    private void hang() {
        try {
            closing.await(maxHang.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pauses a call for a latency fault; false when the fake closes meanwhile. */
    boolean pause(Duration latency) {
        try {
            return !closing.await(latency.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<Fault> faults() {
        return faults;
    }

    FakeAccount existingAccount(String id) {
        return accounts.get(id);
    }

    void problem(String text) {
        problems.add(text);
    }

    void log(Call call) {
        calls.add(call);
    }

    int pageSize() {
        return pageSize;
    }

    Clock clock() {
        return clock;
    }
}
