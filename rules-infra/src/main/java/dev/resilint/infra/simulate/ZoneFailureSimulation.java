package dev.resilint.infra.simulate;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.ParentStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Simulates the loss of each Availability Zone for every stack of a run. A stack is a template
 * with its nested stacks (a {@link Scope} whose {@link Scope#parent()} names a template of the run
 * belongs to that template's stack), or a live account region. Imports between the templates of
 * the run are followed ({@link Scope#exports()}).
 */
public final class ZoneFailureSimulation {

    /**
     * What a live scan reads for the simulation: a rule that judges nothing, declaring the types the
     * simulation reads (each on its own, so that a type the scan cannot read leaves the others read).
     * Where a type could not be read, the simulation places its tiers as unknown ({@link UnreadTiers}).
     */
    public static final InfraRule LIVE_READER = new InfraRule() {
        private final RuleMetadata metadata = RuleMetadata.builder(SimulationGraph.METADATA.id(),
                ZoneFailureSimulation.class)
                .severity(Severity.NOTE)
                .summary(SimulationGraph.METADATA.summary())
                .rationale(SimulationGraph.METADATA.rationale())
                .remediation(SimulationGraph.METADATA.remediation())
                .sources(SourceKind.LIVE)
                .reads(TierTypes.ALL)
                .judgesTypesIndependently()
                .build();

        @Override
        public RuleMetadata metadata() {
            return metadata;
        }

        @Override
        public void check(GraphView target, RuleContext context) {
            // reads nothing itself: the simulation reads the graphs the scan hands out
        }
    };

    private ZoneFailureSimulation() {
    }

    /**
     * A stack that could not be read at all (an account whose role cannot be assumed, a region that
     * is not enabled): its survival is unknown, for {@code why}.
     */
    public static StackSimulation unread(String name, String why) {
        return StackSimulation.of(name, List.of(name), List.of(new Tier("every resource", "*", name,
                Placement.unknown("not read: " + why), "everything")));
    }

    /** The simulation of {@code scopes}, one stack per top-level scope, in their order. */
    public static Simulation run(List<Scope> scopes) {
        Map<String, Scope> byFile = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            byFile.putIfAbsent(scope.graph().name(), scope);
        }
        Exports exports = new Exports();
        Map<Scope, SimulationGraph> graphs = new LinkedHashMap<>();
        Map<String, List<Scope>> stacks = new LinkedHashMap<>();
        for (Scope scope : byFile.values()) {
            Optional<SimulationGraph> parent = scope.parent().map(p -> byFile.get(p.file())).map(graphs::get);
            SimulationGraph graph = new SimulationGraph(new GraphView(scope.graph(), SimulationGraph.METADATA),
                    prefix(scope, byFile), exports, parent, scope.graph().completeness());
            graphs.put(scope, graph);
            exports.add(graph, scope.exports());
            stacks.computeIfAbsent(root(scope, byFile), r -> new ArrayList<>()).add(scope);
        }
        List<TierReader> readers = TierReader.all();
        List<StackSimulation> result = new ArrayList<>();
        stacks.forEach((name, members) -> {
            List<Tier> tiers = new ArrayList<>();
            List<String> files = new ArrayList<>();
            for (Scope scope : members) {
                files.add(scope.graph().name());
                for (TierReader reader : readers) {
                    tiers.addAll(reader.read(graphs.get(scope)));
                }
            }
            result.add(StackSimulation.of(name, files, tiers));
        });
        return new Simulation(result);
    }

    /** The top-level template of the scope's stack (itself when it is not nested, or its parent is not in the run). */
    private static String root(Scope scope, Map<String, Scope> byFile) {
        Scope current = scope;
        Set<String> seen = new HashSet<>();
        while (current.parent().isPresent() && byFile.containsKey(current.parent().get().file())
                && seen.add(current.graph().name())) {
            current = byFile.get(current.parent().get().file());
        }
        return current.graph().name();
    }

    /** The names of the stack resources that nest the scope, outermost first: {@code Network/}. */
    private static String prefix(Scope scope, Map<String, Scope> byFile) {
        StringBuilder prefix = new StringBuilder();
        Optional<ParentStack> parent = scope.parent();
        Set<String> seen = new HashSet<>();
        while (parent.isPresent() && seen.add(parent.get().file())) {
            prefix.insert(0, parent.get().stackId() + "/");
            Scope up = byFile.get(parent.get().file());
            parent = up == null ? Optional.empty() : up.parent();
        }
        return prefix.toString();
    }
}
