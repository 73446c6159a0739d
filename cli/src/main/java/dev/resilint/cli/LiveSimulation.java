package dev.resilint.cli;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.simulate.Scope;
import dev.resilint.infra.simulate.Simulation;
import dev.resilint.infra.simulate.StackSimulation;
import dev.resilint.infra.simulate.ZoneFailureSimulation;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code resilint simulate --live}: the AZ-failure simulation of live AWS accounts. The accounts
 * and regions are read as {@code resilint scan} reads them (with scan's checks of the options),
 * only the types the simulation needs and no tags; each account region is a stack, named
 * {@code 111122223333/eu-west-1}, whose zones are the zone names the API returns. A type that
 * could not be read makes the tiers it would hold unknown; an account or region that could not be
 * read at all is a stack whose survival is unknown, with the cause.
 */
final class LiveSimulation {

    private LiveSimulation() {
    }

    /** The simulation of what {@code command}'s live options select; null after printing the setup's problems. */
    static Simulation run(SimulateCommand command, Main.Environment env) {
        if (!command.paths.isEmpty()) {
            throw new UserException("give either template PATHs or --live, not both");
        }
        ScanCommand.requireSdk();
        ScanSettings settings = settings(command, env);
        List<ResourceGraph> graphs = Collections.synchronizedList(new ArrayList<>());
        LiveAnalyzer analyzer = new LiveAnalyzer(List.of(ZoneFailureSimulation.LIVE_READER), settings,
                LiveScan.Progress.NONE, graphs::add);
        Results results = analyzer.analyze(new AnalysisRequest(List.of(), env.workingDirectory(), Config.defaults(),
                List.of()));
        if (!results.problems().isEmpty()) {
            for (Problem p : results.problems()) {
                env.err().println("resilint: " + p.display());
            }
            env.err().flush();
            return null;
        }
        List<ResourceGraph> sorted = new ArrayList<>(graphs);
        sorted.sort(Comparator.comparing(ResourceGraph::name));
        List<StackSimulation> stacks = new ArrayList<>(ZoneFailureSimulation.run(
                sorted.stream().map(Scope::of).toList()).stacks());
        Set<String> read = sorted.stream().map(ResourceGraph::name).collect(Collectors.toSet());
        Map<String, String> unreachable = new TreeMap<>(); // scopes read not at all: account/*, account/region
        for (NotEvaluated gap : results.notEvaluated()) {
            if (gap.resourceType().equals("*") && !read.contains(gap.scope())) {
                unreachable.putIfAbsent(gap.scope(), gap.reason().label()
                        + (gap.detail().isEmpty() ? "" : ": " + gap.detail()));
            }
        }
        unreachable.forEach((scope, why) -> stacks.add(ZoneFailureSimulation.unread(scope, why)));
        stacks.sort(Comparator.comparing(StackSimulation::name));
        return new Simulation(stacks);
    }

    /** The scan's settings from the command's live options, checked as {@code scan} checks them. */
    private static ScanSettings settings(SimulateCommand command, Main.Environment env) {
        ScanCommand scan = new ScanCommand();
        scan.env = env;
        scan.regions = command.regions;
        scan.allRegions = command.allRegions;
        scan.profile = command.profile;
        scan.accounts = command.accounts;
        scan.roleName = command.roleName;
        scan.externalId = command.externalId;
        scan.skipTags = true; // the simulation reads no tag
        return scan.settings();
    }
}
