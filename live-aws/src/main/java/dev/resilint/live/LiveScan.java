package dev.resilint.live;

import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
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
import dev.resilint.live.graph.LiveGraphs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One live scan: every scope (account and region, and each account's global services) is read by
 * the collectors of the types the enabled rules need, or from an AWS Config aggregator
 * ({@link AggregatorScan}), in parallel, and judged by those rules. What could not be read is
 * reported as not evaluated, per scope and type, never as a pass.
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
        return run(rules, engine, graph -> { });
    }

    /**
     * Reads every scope, runs {@code rules} on it through {@code engine} and hands each scope's graph
     * to {@code graphs} (from the threads that read the scopes, in no particular order), for readers
     * of whole graphs such as the AZ-failure simulation.
     */
    public Results run(List<? extends InfraRule> rules, Engine engine, Consumer<ResourceGraph> graphs) {
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
            DirectReader direct = new DirectReader(collectors, clients, tags, work, details, settings.callsPerService());
            Plan plan = settings.aggregator().isPresent()
                    ? new AggregatorScan(settings, clients, direct, globalTypes(), Instant.now()).plan(wanted)
                    : directPlan(clients, direct, wanted);
            List<String> ids = plan.accounts();
            if (settings.shard().isPresent()) { // before any role is assumed: the other shards read the others
                Shard shard = settings.shard().get();
                List<String> all = ids;
                ids = all.stream().filter(shard::holds).toList();
                results.addNote(shard.note(ids, all.size()));
            }
            AtomicInteger accountsDone = new AtomicInteger();
            AtomicInteger scopesDone = new AtomicInteger();
            // accounts are read as they come, a bounded number at a time, and only their findings are kept
            List<Future<Results>> perAccount = new ArrayList<>();
            int total = ids.size();
            for (String id : ids) {
                perAccount.add(accountPool.submit(() -> {
                    Results r = new Results();
                    Plan.Account account = plan.open().apply(id);
                    try {
                        List<Future<Results>> perScope = new ArrayList<>();
                        // the account's global resources (CloudFront) are judged in its global scope, and
                        // handed to its regions too, for the rules judging regional resources that read them
                        // (DR05: does a distribution log to this bucket?); submitted first, so the pool
                        // (first in, first out) runs it before any region of the account waits for it
                        CompletableFuture<ScopeRead> global = new CompletableFuture<>();
                        List<Scope> ordered = new ArrayList<>(account.scopes());
                        ordered.sort(Comparator.comparing(s -> !s.isGlobal()));
                        if (ordered.stream().noneMatch(Scope::isGlobal)) {
                            global.complete(ScopeRead.empty());
                        }
                        for (Scope scope : ordered) {
                            perScope.add(scopes.submit(() -> {
                                Results one;
                                if (scope.isGlobal()) {
                                    ScopeRead read;
                                    try {
                                        read = account.read(scope);
                                    } catch (RuntimeException | Error e) {
                                        global.completeExceptionally(e);
                                        throw e;
                                    }
                                    global.complete(read);
                                    one = judge(scope, read, ScopeRead.empty(), enabled, engine, graphs);
                                } else {
                                    ScopeRead read = account.read(scope);
                                    one = judge(scope, read, globalPart(global.join()), enabled, engine, graphs);
                                }
                                progress.advanced(accountsDone.get(), total, scopesDone.incrementAndGet(), stats);
                                return one;
                            }));
                        }
                        perScope.forEach(f -> r.addAll(join(f)));
                    } finally {
                        account.close();
                    }
                    progress.advanced(accountsDone.incrementAndGet(), total, scopesDone.get(), stats);
                    return r;
                }));
            }
            perAccount.forEach(f -> results.addAll(join(f)));
            for (Plan.Gap gap : plan.gaps().get()) {
                for (InfraRule rule : enabled) {
                    results.addNotEvaluated(new NotEvaluated(rule.id(), gap.scope(), "*", gap.reason(), gap.detail(), ""));
                }
            }
            plan.notes().forEach(results::addNote);
            progress.finished(scopesDone.get(), stats);
        } finally {
            accountPool.shutdownNow();
            scopes.shutdownNow();
            work.shutdownNow();
            details.shutdownNow();
        }
        return results;
    }

    /** The accounts of a direct scan: each one's regions (and global scope), read by the collectors. */
    private Plan directPlan(Clients clients, DirectReader direct, Set<String> wanted) {
        Accounts accounts = new Accounts(settings, clients);
        List<String> ids = accounts.ids();
        boolean global = collectors.stream().anyMatch(c -> c.global() && c.types().stream().anyMatch(wanted::contains));
        return new Plan(ids, id -> {
            Optional<Accounts.Target> target = accounts.target(id);
            if (target.isEmpty()) {
                return Plan.Account.NONE;
            }
            Accounts.Target t = target.get();
            return Plan.Account.of(accounts.scopes(t, global), s -> direct.read(s, t.credentials(), wanted),
                    () -> t.close(settings));
        }, () -> accounts.unreachable().stream().map(u -> new Plan.Gap(u.account() + "/*", u.reason(), u.detail()))
                .toList(), List.of());
    }

    /**
     * What a region's graph holds of its account's global scope: the resources of the global types
     * and whether they were read, for the rules judging regional resources that read those types.
     */
    private ScopeRead globalPart(ScopeRead global) {
        Set<String> globalTypes = globalTypes();
        Map<String, Optional<Completeness.Gap>> read = new LinkedHashMap<>();
        global.completeness().forEach((type, gap) -> {
            if (globalTypes.contains(type)) {
                read.put(type, gap);
            }
        });
        return new ScopeRead(global.resources().stream().filter(r -> globalTypes.contains(r.type())).toList(), read);
    }

    /** Judges {@code scope} on what was read there, with {@code global}, its account's global resources. */
    private Results judge(Scope scope, ScopeRead read, ScopeRead global, List<InfraRule> rules, Engine engine,
            Consumer<ResourceGraph> graphs) {
        ResourceGraph graph = LiveGraphs.build(scope, read.plus(global).resources(),
                Completeness.of(read.plus(global).completeness(), UNSUPPORTED));
        graphs.accept(graph);
        Results results = new Results();
        read.resources().forEach(r -> TagSuppressions.of(r).forEach(results::addSuppression));
        List<InfraRule> applicable = rules.stream().filter(r -> judgedHere(r, scope)).toList();
        GraphRules.run(engine, applicable, graph, results);
        results.addNote("scanned " + scope + ": " + read.resources().size() + " resource(s)");
        return results;
    }

    /** The types of the global services' collectors (CloudFront). */
    private Set<String> globalTypes() {
        Set<String> globalTypes = new LinkedHashSet<>();
        collectors.stream().filter(Collector::global).forEach(c -> globalTypes.addAll(c.types()));
        return globalTypes;
    }

    /**
     * Whether a rule judges resources of this kind of scope: global services (CloudFront) live in
     * the global scope, everything else in regions.
     */
    private boolean judgedHere(InfraRule rule, Scope scope) {
        Set<String> globalTypes = globalTypes();
        List<String> judged = rule.metadata().judgedTypes();
        boolean allGlobal = !judged.isEmpty() && globalTypes.containsAll(judged);
        return scope.isGlobal() == allGlobal;
    }

    static <T> T join(Future<T> future) {
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
