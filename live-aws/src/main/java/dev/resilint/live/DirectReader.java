package dev.resilint.live;

import dev.resilint.infra.graph.Completeness;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeCollection;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.model.ScopeRead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Reads one scope with the direct collectors: each collector of a type asked for runs on the
 * collection pool, its detail calls bounded per service in the scope.
 */
final class DirectReader {

    private final List<Collector> collectors;
    private final Clients clients;
    private final boolean tags;
    private final ExecutorService work;
    private final ExecutorService details;
    private final int callsPerService;

    DirectReader(List<Collector> collectors, Clients clients, boolean tags, ExecutorService work,
            ExecutorService details, int callsPerService) {
        this.collectors = collectors;
        this.clients = clients;
        this.tags = tags;
        this.work = work;
        this.details = details;
        this.callsPerService = callsPerService;
    }

    /** Reads {@code types} in {@code scope} with the account's {@code credentials}. */
    ScopeRead read(Scope scope, AwsCredentialsProvider credentials, Set<String> types) {
        List<Collector> here = collectors.stream().filter(c -> c.global() == scope.isGlobal()
                || c.service().equals("none")).toList();
        List<ScopeCollection> readers = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        Map<String, Semaphore> permits = new HashMap<>();
        for (Collector c : here) {
            if (c.types().stream().noneMatch(types::contains)) {
                continue;
            }
            ScopeCollection reader = new ScopeCollection(scope, credentials, clients, types, tags, details,
                    permits.computeIfAbsent(c.service(), k -> new Semaphore(Math.max(1, callsPerService))));
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
        return new ScopeRead(resources, read);
    }
}
