package dev.resilint.live;

import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.core.Engine;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.Shard;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.live.aws.CallStats;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeCollection;
import dev.resilint.live.graph.LiveGraphs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One live scan: every scope (account and region, and each account's global services) is read by
 * the collectors of the types the enabled rules need, in parallel, and judged by those rules. What
 * could not be read is reported as not evaluated, per scope and type, never as a pass.
 */
public final class LiveScan {

    /** A scope's types that no collector reads. */
    static final Completeness.Gap UNSUPPORTED = new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED,
            "resilint's live scan does not read this resource type");

    private final ScanSettings settings;
    private final List<Collector> collectors;
    private final Progress progress;

    /** Told about the scan's advance, for a progress line on a terminal. */
    public interface Progress {
        Progress NONE = (accounts, total, scopes, stats) -> { };

        /** {@code accounts} of {@code total} accounts are read, {@code scopes} account regions so far. */
        void advanced(int accounts, int total, int scopes, CallStats stats);

        /**
         * The scan is over: {@code scopes} account regions were read with the calls of {@code stats}.
         * These run statistics are not part of the report, which holds only what the accounts say:
         * the shards of a scan, merged, give the report of one scan over all accounts byte for byte,
         * though each shard makes calls of its own (listing the accounts, say).
         */
        default void finished(int scopes, CallStats stats) {
        }
    }

    public LiveScan(ScanSettings settings, List<Collector> collectors, Progress progress) {
        this.settings = settings;
        this.collectors = List.copyOf(collectors);
        this.progress = progress;
    }

    /** Reads every scope and runs {@code rules} on it through {@code engine}. */
    public Results run(List<? extends InfraRule> rules, Engine engine) {
        Results results = new Results();
        CallStats stats = new CallStats();
        List<InfraRule> enabled = rules.stream().filter(r -> engine.settings().isEnabled(r.id())
                && r.isActive(engine.settings())).map(r -> (InfraRule) r).toList();
        Set<String> wanted = new LinkedHashSet<>();
        enabled.forEach(r -> wanted.addAll(r.metadata().resourceTypes()));
        boolean tags = settings.readTags() || !engine.settings().requiredTags().isEmpty();
        ExecutorService scopes = pool("resilint-scope", settings.parallelScopes());
        ExecutorService work = pool("resilint-collect", settings.parallelScopes() * 8);
        ExecutorService details = pool("resilint-detail", settings.parallelScopes() * settings.callsPerService() * 4);
        ExecutorService accountPool = pool("resilint-account", settings.parallelScopes());
        try (Clients clients = new Clients(settings.clients(), stats)) {
            Accounts accounts = new Accounts(settings, clients);
            List<String> ids = accounts.ids();
            if (settings.shard().isPresent()) { // before any role is assumed: the other shards read the others
                Shard shard = settings.shard().get();
                List<String> all = ids;
                ids = all.stream().filter(shard::holds).toList();
                results.addNote(shard.note(ids, all.size()));
            }
            boolean global = collectors.stream().anyMatch(c -> c.global() && c.types().stream().anyMatch(wanted::contains));
            AtomicInteger accountsDone = new AtomicInteger();
            AtomicInteger scopesDone = new AtomicInteger();
            // accounts are read as they come, a bounded number at a time, and only their findings are kept
            List<Future<Results>> perAccount = new ArrayList<>();
            int total = ids.size();
            for (String id : ids) {
                perAccount.add(accountPool.submit(() -> {
                    Results r = new Results();
                    Optional<Accounts.Target> target = accounts.target(id);
                    if (target.isPresent()) {
                        try {
                            List<Future<Results>> perScope = new ArrayList<>();
                            for (Scope scope : accounts.scopes(target.get(), global)) {
                                perScope.add(scopes.submit(() -> {
                                    Results one = scan(scope, target.get(), clients, wanted, tags, work, details,
                                            enabled, engine);
                                    progress.advanced(accountsDone.get(), total, scopesDone.incrementAndGet(),
                                            stats);
                                    return one;
                                }));
                            }
                            perScope.forEach(f -> r.addAll(join(f)));
                        } finally {
                            target.get().close(settings);
                        }
                    }
                    progress.advanced(accountsDone.incrementAndGet(), total, scopesDone.get(), stats);
                    return r;
                }));
            }
            perAccount.forEach(f -> results.addAll(join(f)));
            for (Accounts.Unreachable u : accounts.unreachable()) {
                for (InfraRule rule : enabled) {
                    results.addNotEvaluated(new NotEvaluated(rule.id(), u.account() + "/*", "*", u.reason(),
                            u.detail(), ""));
                }
            }
            progress.finished(scopesDone.get(), stats);
        } finally {
            accountPool.shutdownNow();
            scopes.shutdownNow();
            work.shutdownNow();
            details.shutdownNow();
        }
        return results;
    }

    private Results scan(Scope scope, Accounts.Target owner, Clients clients, Set<String> wanted, boolean tags,
            ExecutorService work, ExecutorService details, List<InfraRule> rules, Engine engine) {
        List<Collector> here = collectors.stream().filter(c -> c.global() == scope.isGlobal()
                || c.service().equals("none")).toList();
        List<ScopeCollection> readers = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        Map<String, Semaphore> permits = new HashMap<>();
        for (Collector c : here) {
            if (c.types().stream().noneMatch(wanted::contains)) {
                continue;
            }
            ScopeCollection reader = new ScopeCollection(scope, owner.credentials(), clients, wanted, tags, details,
                    permits.computeIfAbsent(c.service(), k -> new Semaphore(Math.max(1, settings.callsPerService()))));
            readers.add(reader);
            running.add(work.submit(() -> reader.collect(c)));
        }
        running.forEach(LiveScan::join);
        List<LiveResource> resources = new ArrayList<>();
        Map<String, Optional<Completeness.Gap>> read = new HashMap<>();
        for (ScopeCollection r : readers) {
            resources.addAll(r.resources());
            read.putAll(r.completeness());
        }
        ResourceGraph graph = LiveGraphs.build(scope, resources, Completeness.of(read, UNSUPPORTED));
        Results results = new Results();
        resources.forEach(r -> TagSuppressions.of(r).forEach(results::addSuppression));
        List<InfraRule> applicable = rules.stream().filter(r -> judgedHere(r, scope)).toList();
        GraphRules.run(engine, applicable, graph, results);
        results.addNote("scanned " + scope + ": " + resources.size() + " resource(s)");
        return results;
    }

    /**
     * Whether a rule judges resources of this kind of scope: global services (CloudFront) live in
     * the global scope, everything else in regions.
     */
    private boolean judgedHere(InfraRule rule, Scope scope) {
        Set<String> globalTypes = new LinkedHashSet<>();
        collectors.stream().filter(Collector::global).forEach(c -> globalTypes.addAll(c.types()));
        List<String> judged = rule.metadata().judgedTypes();
        boolean allGlobal = !judged.isEmpty() && globalTypes.containsAll(judged);
        return scope.isGlobal() == allGlobal;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("live scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * How many connections to one host the scan keeps alive ({@code http.maxConnections}, which the
     * JDK's HTTP client reads once): every scope read at once may run its calls per service against
     * the same regional endpoint. The JDK's default of 5 would close, and later open again with a new
     * TLS handshake, most connections of a multi-account scan.
     */
    public static int connectionsPerHost(int parallelScopes, int callsPerService) {
        return Math.max(5, parallelScopes * callsPerService * 2);
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }
}
