package dev.resilint.live;

import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.live.collect.Collector;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live-account source as an analyzer: runs the rules that can judge a live account (their
 * metadata names the live source and the scan reads every type they declare, or, for a rule that
 * judges its types independently, some of them) on the accounts and regions of its
 * {@link ScanSettings}. It takes no input paths.
 */
public final class LiveAnalyzer implements Analyzer {

    public static final String NAME = "live";

    private final List<InfraRule> rules;
    private final Optional<ScanSettings> settings;
    private final Supplier<List<Collector>> collectors;
    private final LiveScan.Progress progress;
    private final Consumer<ResourceGraph> graphs;

    /** An analyzer that scans with {@code settings}. */
    public LiveAnalyzer(List<? extends InfraRule> rules, ScanSettings settings, LiveScan.Progress progress) {
        this(rules, Optional.of(settings), Collectors::all, progress);
    }

    /**
     * An analyzer that scans with {@code settings} and hands the graph of each account region it
     * reads to {@code graphs} (from the scan's threads): for the AZ-failure simulation of live accounts.
     */
    public LiveAnalyzer(List<? extends InfraRule> rules, ScanSettings settings, LiveScan.Progress progress,
            Consumer<ResourceGraph> graphs) {
        this(rules, Optional.of(settings), Collectors::all, progress, graphs);
    }

    /** An analyzer that only tells which rules run live (for the rule catalog). */
    public LiveAnalyzer(List<? extends InfraRule> rules) {
        this(rules, Optional.empty(), Collectors::all, LiveScan.Progress.NONE);
    }

    LiveAnalyzer(List<? extends InfraRule> rules, Optional<ScanSettings> settings, Supplier<List<Collector>> collectors,
            LiveScan.Progress progress) {
        this(rules, settings, collectors, progress, graph -> { });
    }

    private LiveAnalyzer(List<? extends InfraRule> rules, Optional<ScanSettings> settings,
            Supplier<List<Collector>> collectors, LiveScan.Progress progress, Consumer<ResourceGraph> graphs) {
        Set<String> readable = Collectors.types();
        this.rules = rules.stream().filter(r -> r.metadata().sources().contains(SourceKind.LIVE)
                && readsEnough(r.metadata(), readable)).map(r -> (InfraRule) r).toList();
        this.settings = settings;
        this.collectors = collectors;
        this.progress = progress;
        this.graphs = Objects.requireNonNull(graphs, "graphs");
    }

    /**
     * Whether the scan reads what the rule needs: every type it declares, or, for a rule that judges
     * its types independently, at least one (the others are reported as not evaluated). Types it
     * reads only to stay quiet need not be read: where they are not, what it would report is not
     * evaluated instead. Nor need types it reads only where supported (template-only constructs).
     */
    private static boolean readsEnough(RuleMetadata rule, Set<String> readable) {
        List<String> needed = rule.resourceTypes().stream().filter(t -> !rule.quietingTypes().contains(t)
                && !rule.typesReadWhereSupported().contains(t)).toList();
        return rule.independentTypes() ? needed.stream().anyMatch(readable::contains) : readable.containsAll(needed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.LIVE;
    }

    @Override
    public List<RuleMetadata> rules() {
        return rules.stream().map(InfraRule::metadata).toList();
    }

    /** The scan's account selection, regions, role and tag reading ({@link ScanSettings#describe()}). */
    @Override
    public List<String> configuration() {
        return settings.map(ScanSettings::describe).orElse(List.of());
    }

    @Override
    public Results analyze(AnalysisRequest request) {
        if (!request.inputs().isEmpty()) {
            throw new IllegalArgumentException("a live scan reads accounts, not files");
        }
        ScanSettings scan = settings.orElseThrow(() -> new IllegalStateException("no scan settings"));
        try {
            return new LiveScan(scan, collectors.get(), progress).run(rules, request.engine(), graphs);
        } catch (Accounts.SetupException e) {
            Results results = new Results();
            results.addProblem(Problem.input("", 0, 0, e.getMessage()));
            scan.shard().ifPresent(shard -> results.addNote(shard.unresolvedNote()));
            return results;
        }
    }
}
