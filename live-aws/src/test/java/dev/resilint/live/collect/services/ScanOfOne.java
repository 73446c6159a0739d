package dev.resilint.live.collect.services;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.aws.CallStats;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeCollection;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Scans;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** Runs one collector against the fake in one scope, and reads what it gave, for collector tests. */
final class ScanOfOne {

    private final ScopeCollection collection;

    private ScanOfOne(ScopeCollection collection) {
        this.collection = collection;
    }

    /** Runs {@code collector} for {@code wanted} (all its types when empty), with or without tags. */
    static ScanOfOne of(FakeAws fake, Collector collector, String account, String region, boolean tags,
            String... wanted) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Clients clients = new Clients(Scans.clients(fake), new CallStats())) {
            ScopeCollection reader = new ScopeCollection(new Scope(account, region), FakeAws.credentials(account),
                    clients, wanted.length == 0 ? Set.copyOf(collector.types()) : Set.of(wanted), tags, pool, new java.util.concurrent.Semaphore(4));
            reader.collect(collector);
            return new ScanOfOne(reader);
        } finally {
            pool.shutdownNow();
        }
    }

    List<LiveResource> resources() {
        return collection.resources();
    }

    List<LiveResource> resources(String type) {
        return collection.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    LiveResource resource(String arn) {
        return collection.resources().stream().filter(r -> r.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + arn + " in " + arns()));
    }

    Set<String> arns() {
        return collection.resources().stream().map(LiveResource::arn).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each type read, with its gap when it could not be read in full. */
    Map<String, Optional<Completeness.Gap>> completeness() {
        return collection.completeness();
    }

    /** The findings of a scan as {@code ruleId arn} lines. */
    static Set<String> findings(Results results) {
        return results.findings().stream().map(f -> f.ruleId() + " " + arn(f))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What a scan did not evaluate, as {@code ruleId type subject reason} lines. */
    static Set<String> notEvaluated(Results results) {
        return results.notEvaluated().stream().map(ScanOfOne::line).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String line(NotEvaluated n) {
        return n.ruleId() + " " + n.resourceType() + " " + (n.subject().isEmpty() ? "*" : n.subject()) + " "
                + n.reason();
    }

    private static String arn(Finding f) {
        return ((Location.Live) f.location()).arn();
    }
}
