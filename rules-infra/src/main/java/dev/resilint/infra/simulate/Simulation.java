package dev.resilint.infra.simulate;

import java.util.List;

/**
 * The AZ-failure simulation of a run: one {@link StackSimulation} per stack, in the order of the
 * run. The result type reporters render ({@link SimulationText}, {@link SimulationJson},
 * {@link SimulationMarkdown}).
 */
public record Simulation(List<StackSimulation> stacks) {

    public Simulation {
        stacks = List.copyOf(stacks);
    }

    /** The worst verdict of any stack; {@link Verdict.Kind#SURVIVES} when there is none. */
    public Verdict.Kind worst() {
        return stacks.stream().map(s -> s.verdict().kind()).max(Enum::compareTo).orElse(Verdict.Kind.SURVIVES);
    }
}
