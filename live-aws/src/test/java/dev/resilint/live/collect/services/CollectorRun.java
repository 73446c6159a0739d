package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.live.aws.CallStats;
import dev.resilint.live.aws.Clients;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeCollection;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.graph.LiveGraphs;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Scans;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One collector run against the fake in one scope, as a live scan runs it (real SDK clients over
 * loopback, the scan's client settings with quick retries, a bounded detail pool), and what it read.
 *
 * @param resources what the collector handed over, by ARN
 * @param completeness each type it was asked for, with its gap when it could not be read in full
 */
record CollectorRun(Scope scope, List<LiveResource> resources, Map<String, Optional<Completeness.Gap>> completeness) {

    /** Runs {@code collector} in {@code scope}, wanting every type it reads. */
    static CollectorRun of(FakeAws fake, Collector collector, Scope scope, boolean tags) {
        return of(fake, collector, scope, Set.copyOf(collector.types()), tags);
    }

    static CollectorRun of(FakeAws fake, Collector collector, Scope scope, Set<String> wanted, boolean tags) {
        ExecutorService details = Executors.newFixedThreadPool(8);
        try (Clients clients = new Clients(Scans.clients(fake), new CallStats())) {
            ScopeCollection in = new ScopeCollection(scope, FakeAws.credentials(scope.account()), clients, wanted, tags,
                    details, new java.util.concurrent.Semaphore(4));
            in.collect(collector);
            List<LiveResource> sorted = in.resources().stream().sorted(Comparator.comparing(LiveResource::arn)).toList();
            return new CollectorRun(scope, sorted, in.completeness());
        } finally {
            details.shutdownNow();
        }
    }

    /** The resources of one type, by ARN. */
    List<LiveResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource with this ARN. */
    LiveResource get(String arn) {
        return resources.stream().filter(r -> r.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("not collected: " + arn + " among "
                        + resources.stream().map(LiveResource::arn).toList()));
    }

    /** Asserts the types were read in full. */
    CollectorRun complete(String... types) {
        for (String type : types) {
            assertThat(completeness.get(type)).as(type).isEqualTo(Optional.empty());
        }
        return this;
    }

    /** The gap of a type that could not be read. */
    Completeness.Gap gap(String type) {
        Optional<Completeness.Gap> gap = completeness.get(type);
        assertThat(gap).as("gap of " + type).isNotNull().isPresent();
        return gap.orElseThrow();
    }

    /**
     * Runs {@code rules} on the graph of what was read, the {@code alsoComplete} types (read by other
     * collectors) counting as read in full and empty.
     */
    Results judge(List<? extends InfraRule> rules, String... alsoComplete) {
        return judge(rules, List.of(), alsoComplete);
    }

    /** The same, with {@code others} (resources of other collectors) in the graph too. */
    Results judge(List<? extends InfraRule> rules, List<LiveResource> others, String... alsoComplete) {
        List<LiveResource> all = new java.util.ArrayList<>(resources);
        all.addAll(others);
        Map<String, Optional<Completeness.Gap>> read = new HashMap<>(completeness);
        for (String type : alsoComplete) {
            read.putIfAbsent(type, Optional.empty());
        }
        ResourceGraph graph = LiveGraphs.build(scope, all, Completeness.of(read,
                new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "not read in this test")));
        Results results = new Results();
        GraphRules.run(new Engine(Config.defaults()), rules, graph, results);
        assertThat(results.problems()).isEmpty();
        return results;
    }
}
