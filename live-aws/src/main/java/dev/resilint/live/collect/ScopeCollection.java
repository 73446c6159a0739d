package dev.resilint.live.collect;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.aws.ReadFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@link ScopeReader} of one collector in one scope: what it read, and which of its types are
 * complete. Detail calls run on a shared pool, a bounded number at a time per service in this
 * scope.
 */
public final class ScopeCollection implements ScopeReader {

    /** Whether this thread runs a detail call, holding one of its service's permits. */
    private static final ThreadLocal<Boolean> IN_DETAIL = ThreadLocal.withInitial(() -> false);

    /** Pages after which a paginated call is taken to loop. */
    static final int MAX_PAGES = 100_000;

    private final Scope scope;
    private final AwsCredentialsProvider credentials;
    private final Clients clients;
    private final Set<String> wanted;
    private final boolean tags;
    private final ExecutorService details;
    private final Semaphore permits;
    private final List<LiveResource> resources = new ArrayList<>();
    private final Map<String, Optional<Completeness.Gap>> completeness = new LinkedHashMap<>();

    /**
     * @param wanted the types the scan needs
     * @param tags whether tags are needed
     * @param details the pool detail calls run on
     * @param permits the detail calls of this service that may run at once in this scope, shared by the
     *     service's collectors (classic and v2 load balancers are one service)
     */
    public ScopeCollection(Scope scope, AwsCredentialsProvider credentials, Clients clients, Set<String> wanted,
            boolean tags, ExecutorService details, Semaphore permits) {
        this.scope = scope;
        this.credentials = credentials;
        this.clients = clients;
        this.wanted = Set.copyOf(wanted);
        this.tags = tags;
        this.details = details;
        this.permits = permits;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public boolean wants(String type) {
        return wanted.contains(type);
    }

    @Override
    public boolean wantsTags() {
        return tags;
    }

    @Override
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            Class<C> type, Supplier<B> builder) {
        return clients.shared(scope, type, builder);
    }

    /** Runs the collector in this scope, its calls made as the scope's account. */
    public void collect(Collector collector) {
        Clients.as(credentials, () -> {
            collector.collect(this);
            return null;
        });
    }

    @Override
    public void read(Collection<String> types, Runnable body) {
        List<String> needed = types.stream().filter(wanted::contains).toList();
        if (needed.isEmpty()) {
            return;
        }
        Optional<Completeness.Gap> outcome = Optional.empty();
        try {
            body.run();
        } catch (ReadFailure f) {
            outcome = Optional.of(new Completeness.Gap(f.reason(), f.getMessage()));
        } catch (SdkException e) {
            ReadFailure f = ReadFailure.of(String.join(", ", needed), e);
            outcome = Optional.of(new Completeness.Gap(f.reason(), f.getMessage()));
        } catch (RuntimeException e) {
            outcome = Optional.of(new Completeness.Gap(NotEvaluated.Reason.ERROR,
                    "resilint could not read the response: " + e));
        }
        synchronized (this) {
            for (String type : needed) {
                Optional<Completeness.Gap> previous = completeness.get(type);
                if (previous == null || previous.isEmpty()) {
                    completeness.put(type, outcome);
                }
            }
        }
    }

    @Override
    public <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw ReadFailure.of(operation, e);
        }
    }

    @Override
    public <P, I> List<I> pages(String operation, Iterable<P> pages, Function<P, ? extends Collection<I>> items,
            Function<P, String> nextToken) {
        List<I> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int count = 0;
        try {
            for (P page : pages) {
                all.addAll(items.apply(page));
                String token = nextToken.apply(page);
                if (token != null && !token.isEmpty() && !seen.add(token)) {
                    throw repeated(operation);
                }
                if (++count > MAX_PAGES) {
                    throw new ReadFailure(NotEvaluated.Reason.ERROR, operation + ": more than " + MAX_PAGES + " pages");
                }
            }
        } catch (SdkException e) {
            throw ReadFailure.of(operation, e);
        }
        return all;
    }

    @Override
    public <P, I> List<I> pagesByToken(String operation, Function<String, P> page,
            Function<P, ? extends Collection<I>> items, Function<P, String> nextToken) {
        List<I> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String token = null;
        for (int count = 0; ; count++) {
            String current = token;
            P response = call(operation, () -> page.apply(current));
            all.addAll(items.apply(response));
            token = nextToken.apply(response);
            if (token == null || token.isEmpty()) {
                return all;
            }
            if (!seen.add(token)) {
                throw repeated(operation);
            }
            if (count > MAX_PAGES) {
                throw new ReadFailure(NotEvaluated.Reason.ERROR, operation + ": more than " + MAX_PAGES + " pages");
            }
        }
    }

    private static ReadFailure repeated(String operation) {
        return new ReadFailure(NotEvaluated.Reason.ERROR,
                operation + ": the API returned the same pagination token twice; the listing would never end");
    }

    @Override
    public <I, R> List<R> each(List<I> items, Function<I, R> detail) {
        if (IN_DETAIL.get()) {
            // a detail's own details run on its thread, under its permit: waiting for a second permit
            // while holding one could deadlock the service
            List<R> results = new ArrayList<>(items.size());
            items.forEach(item -> results.add(detail.apply(item)));
            return results;
        }
        // a detail is handed to the pool only once it holds a permit, so one service's backlog never
        // occupies the threads another service's calls need
        List<Future<R>> futures = new ArrayList<>(items.size());
        AtomicBoolean failed = new AtomicBoolean();
        try {
            for (I item : items) {
                if (failed.get()) {
                    break;
                }
                permits.acquire();
                try {
                    futures.add(details.submit(() -> {
                        IN_DETAIL.set(true);
                        try {
                            return Clients.as(credentials, () -> detail.apply(item));
                        } catch (RuntimeException e) {
                            failed.set(true);
                            throw e;
                        } finally {
                            IN_DETAIL.set(false);
                            permits.release();
                        }
                    }));
                } catch (RejectedExecutionException e) {
                    permits.release();
                    throw new ReadFailure(NotEvaluated.Reason.ERROR, "the scan is shutting down");
                }
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ReadFailure(NotEvaluated.Reason.ERROR, "interrupted");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ReadFailure(NotEvaluated.Reason.ERROR, String.valueOf(e.getCause()));
        }
    }

    @Override
    public synchronized void add(LiveResource resource) {
        resources.add(resource);
    }

    @Override
    public synchronized void missing(String type, Completeness.Gap gap) {
        if (wanted.contains(type)) {
            completeness.put(type, Optional.of(gap));
        }
    }

    /** What was read. */
    public synchronized List<LiveResource> resources() {
        return List.copyOf(resources);
    }

    /** Each type read, with its gap when it could not be read in full. */
    public synchronized Map<String, Optional<Completeness.Gap>> completeness() {
        return new LinkedHashMap<>(completeness);
    }
}
