package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Location;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * One collector run in one account region of the fake, with the real SDK clients (the scan's
 * timeouts and retries, quick backoff), and the rules run over what it read: to test a collector's
 * calls, completeness and the rules' view of its resources without the rest of the scan.
 */
final class OneScope {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);

    private final ScopeCollection reader;

    private OneScope(ScopeCollection reader) {
        this.reader = reader;
    }

    /** Runs {@code collector} for {@code wanted} types, tags read when {@code tags}. */
    static OneScope collect(FakeAws fake, Collector collector, Collection<String> wanted, boolean tags) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Clients clients = new Clients(Scans.clients(fake), new CallStats())) {
            ScopeCollection reader = new ScopeCollection(SCOPE, FakeAws.credentials(ACCOUNT), clients,
                    Set.copyOf(wanted), tags, pool, new java.util.concurrent.Semaphore(4));
            reader.collect(collector);
            return new OneScope(reader);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code collector} for all its types, without tags. */
    static OneScope collect(FakeAws fake, Collector collector) {
        return collect(fake, collector, collector.types(), false);
    }

    List<LiveResource> resources() {
        return reader.resources();
    }

    /** The ARNs read, sorted. */
    Set<String> arns() {
        return resources().stream().map(LiveResource::arn).collect(Collectors.toCollection(TreeSet::new));
    }

    LiveResource resource(String arn) {
        return resources().stream().filter(r -> r.arn().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + arn + " in " + arns()));
    }

    /** Each type the collector was asked for, with its gap when it could not be read in full. */
    Map<String, Optional<Completeness.Gap>> completeness() {
        return reader.completeness();
    }

    /**
     * Runs {@code rules} over the graph of what was read; the types of {@code alsoEmpty} count as
     * read and empty (the rest of an account), every other type as unsupported.
     */
    Results run(Config config, Collection<String> alsoEmpty, InfraRule... rules) {
        Map<String, Optional<Completeness.Gap>> read = new HashMap<>();
        alsoEmpty.forEach(t -> read.put(t, Optional.empty()));
        read.putAll(reader.completeness());
        ResourceGraph graph = LiveGraphs.build(SCOPE, resources(), Completeness.of(read,
                new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "not read in this test")));
        Results results = new Results();
        GraphRules.run(new Engine(config), List.of(rules), graph, results);
        assertThat(results.problems()).isEmpty();
        return results;
    }

    /** Findings as {@code ruleId ARN} lines, sorted. */
    static Set<String> findings(Results results) {
        return results.findings().stream().map(f -> f.ruleId() + " " + ((Location.Live) f.location()).arn())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Gaps as {@code ruleId subject-or-type reason} lines, sorted. */
    static Set<String> gaps(Results results) {
        return results.notEvaluated().stream().map(g -> g.ruleId() + " "
                + (g.subject().isEmpty() ? g.resourceType() : g.subject()) + " " + g.reason())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
