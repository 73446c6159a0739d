package dev.resilint.infra.simulate;

import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ECS services: their tasks are spread over the subnets of
 * {@code NetworkConfiguration/AwsvpcConfiguration/Subnets}. A service that runs one task
 * ({@code DesiredCount} 1, CloudFormation's default) runs it in one of those zones. A service
 * without {@code awsvpc} subnets runs where its cluster's container instances are, which the
 * service does not say: unknown. Daemon services run on every container instance: unknown too.
 */
final class EcsServiceTiers implements TierReader {

    static final String SUBNETS = "NetworkConfiguration/AwsvpcConfiguration/Subnets";

    @Override
    public List<Tier> read(SimulationGraph graph) {
        List<Tier> tiers = new ArrayList<>();
        for (Resource service : graph.existing(TierTypes.ECS_SERVICE)) {
            tiers.add(new Tier(graph.name(service), service.type(), graph.file(), placement(graph, service),
                    tasks(graph, service).equals(Optional.of(1L)) ? "single task" : "all tasks"));
        }
        return tiers;
    }

    private static Placement placement(SimulationGraph graph, Resource service) {
        Optional<String> strategy = graph.view().property(service, "SchedulingStrategy").agreed(v -> v.isAbsent()
                ? Optional.of("REPLICA") : v.asString().map(s -> s.trim().toUpperCase(Locale.ROOT)));
        if (strategy.isEmpty() || !strategy.get().equals("REPLICA")) {
            return Placement.unknown("SchedulingStrategy " + strategy.orElse("unknown")
                    + ": tasks run where the cluster's container instances are");
        }
        Value subnets = graph.view().property(service, SUBNETS);
        if (subnets.isAbsent()) {
            return Placement.unknown("no awsvpc Subnets: tasks run where the cluster's container instances are");
        }
        Placement spread = graph.spreadOverSubnets(service, SUBNETS);
        Optional<Long> tasks = tasks(graph, service);
        if (tasks.isEmpty() && spread.kind() == Placement.Kind.ZONES
                && spread.options().stream().anyMatch(o -> o.size() > 1)) {
            return Placement.unknown("DesiredCount cannot be known; " + spread.note());
        }
        if (tasks.equals(Optional.of(1L)) && spread.kind() == Placement.Kind.ZONES && spread.options().size() == 1
                && spread.options().get(0).size() > 1) {
            return Placement.oneOf(spread.options().get(0), "DesiredCount 1: one task, in one of "
                    + String.join(", ", spread.zonesNamed()));
        }
        return spread;
    }

    /** The number of tasks: {@code DesiredCount}, 1 when it is not set (CloudFormation's default). */
    private static Optional<Long> tasks(SimulationGraph graph, Resource service) {
        Value count = graph.view().property(service, "DesiredCount");
        return count.isAbsent() ? Optional.of(1L) : count.asLong();
    }
}
