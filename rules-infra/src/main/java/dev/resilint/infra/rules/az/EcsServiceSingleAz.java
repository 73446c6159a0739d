package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AZ08: an ECS service whose tasks are confined to one Availability Zone (its awsvpc subnets) or
 * placed without spreading them over zones (EC2 placement strategies that replace ECS's default
 * spread by zone). What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class EcsServiceSingleAz extends ResourceRule {

    static final String SERVICE = "AWS::ECS::Service";
    static final String SUBNETS = "NetworkConfiguration/AwsvpcConfiguration/Subnets";
    static final String ZONE_ATTRIBUTE = "attribute:ecs.availability-zone";

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ08", EcsServiceSingleAz.class)
            .severity(Severity.ERROR)
            .summary("An ECS service runs its tasks in a single Availability Zone, or does not spread them by zone.")
            .rationale("ECS places a service's tasks in the zones of its awsvpc subnets; with every subnet in one "
                    + "zone, that zone's failure stops the whole service. On the EC2 launch type, ECS spreads a "
                    + "service's tasks by `attribute:ecs.availability-zone` when the service gives no placement "
                    + "strategy (AWS's documented default for services), but `PlacementStrategies` replace that "
                    + "default: a service that only bin-packs, spreads by instance or places at random may end up "
                    + "with every task in one zone. Decision: a service without `PlacementStrategies` is spread "
                    + "by zone and passes; one whose strategies include a `spread` on "
                    + "`attribute:ecs.availability-zone`, in any position, passes too.")
            .remediation("List subnets in at least two Availability Zones in "
                    + "`NetworkConfiguration.AwsvpcConfiguration.Subnets`. On the EC2 launch type, put "
                    + "`{Type: spread, Field: attribute:ecs.availability-zone}` first in `PlacementStrategies` "
                    + "(before any `binpack`), or remove `PlacementStrategies` to get ECS's default.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.trustedAdvisor("Amazon ECS service using a single AZ", ""),
                    Reference.trustedAdvisor("Amazon ECS Multi-AZ placement strategy", ""))
            .tags("availability-zone", "containers")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(SERVICE)
            .reads(Zones.SUBNET)
            .firesOn("An `AWS::ECS::Service` whose `NetworkConfiguration.AwsvpcConfiguration.Subnets` lie in at most "
                            + "one Availability Zone in every possibility (the finding points at `Subnets`).",
                    "An `AWS::ECS::Service` not on Fargate or external instances (`LaunchType` absent or `EC2`), "
                            + "not a `DAEMON` service, whose `PlacementStrategies` is a non-empty list without a "
                            + "`spread` strategy on `attribute:ecs.availability-zone` (the finding points at "
                            + "`PlacementStrategies`).")
            .quietWhen("The subnets, their zones, the strategies or the launch type cannot be known (a parameter "
                            + "without default, an import, a subnet the template does not define, a condition whose "
                            + "branches disagree).",
                    "The service has no awsvpc subnets and no `PlacementStrategies` (ECS then spreads its tasks "
                            + "by zone over the cluster's container instances), or an empty list of them.",
                    "The service runs on Fargate or external instances, where placement strategies do not apply, "
                            + "or is a `DAEMON` service, which runs on every container instance.",
                    "The service's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource service, GraphView graph, RuleContext context) {
        Value subnets = graph.property(service, SUBNETS);
        if (!subnets.isAbsent()) {
            AzSet zones = graph.zonesOfSubnets(subnets);
            if (zones.isKnown() && zones.maxCount() == 1) {
                context.report(service.locateProperty(SUBNETS), "ECS service " + service.displayName() + " runs its "
                        + "tasks in " + Zones.count(1) + " (" + Zones.describe(zones) + "): every awsvpc subnet is "
                        + "in that zone, so the service stops when the zone fails; list subnets in at least 2 zones "
                        + "in NetworkConfiguration AwsvpcConfiguration Subnets");
                return;
            }
        }
        if (!onEc2Instances(graph, service)) {
            return;
        }
        Value strategies = graph.property(service, "PlacementStrategies");
        Optional<Boolean> spreads = strategies.agreed(EcsServiceSingleAz::spreadsByZone);
        if (spreads.isEmpty() || spreads.get()) {
            return;
        }
        context.report(service.locateProperty("PlacementStrategies"), "ECS service " + service.displayName()
                + " places its tasks without spreading them over Availability Zones: its PlacementStrategies ("
                + describe(strategies) + ") replace ECS's default spread by zone, so its tasks may all run in one "
                + "zone; put {Type: spread, Field: " + ZONE_ATTRIBUTE + "} first in PlacementStrategies");
    }

    /** EC2 launch type, replica scheduling: where placement strategies decide. */
    private static boolean onEc2Instances(GraphView graph, Resource service) {
        Optional<String> launch = graph.property(service, "LaunchType").agreed(v -> v.isAbsent() ? Optional.of("EC2")
                : v.asString().map(s -> s.trim().toUpperCase(Locale.ROOT)));
        Optional<String> scheduling = graph.property(service, "SchedulingStrategy").agreed(v -> v.isAbsent()
                ? Optional.of("REPLICA") : v.asString().map(s -> s.trim().toUpperCase(Locale.ROOT)));
        return launch.equals(Optional.of("EC2")) && scheduling.equals(Optional.of("REPLICA"));
    }

    /**
     * For one possibility of {@code PlacementStrategies}: true when it spreads by zone or is absent or
     * empty (ECS's default), false when it is a known list without such a spread; empty when unknown.
     */
    private static Optional<Boolean> spreadsByZone(Value strategies) {
        if (strategies.isAbsent()) {
            return Optional.of(true);
        }
        Optional<List<Value>> items = strategies.asList();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            return Optional.of(true);
        }
        for (Value item : items.get()) {
            Optional<String> type = field(item, "Type");
            Optional<String> on = field(item, "Field");
            if (type.isEmpty() || (type.get().equals("spread") && on.isEmpty())) {
                return Optional.empty(); // cannot tell what this strategy does
            }
            if (type.get().equals("spread") && on.get().equals(ZONE_ATTRIBUTE)) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }

    /** A literal key of a strategy, in lower case; empty when absent or unknown. */
    private static Optional<String> field(Value item, String key) {
        return item.asMap().flatMap(m -> m.get(key)).map(Symbols::valueOf).flatMap(Value::asString)
                .map(s -> s.trim().toLowerCase(Locale.ROOT));
    }

    /** A literal key of a strategy as written; empty when absent or unknown. */
    private static Optional<String> written(Value item, String key) {
        return item.asMap().flatMap(m -> m.get(key)).map(Symbols::valueOf).flatMap(Value::asString).map(String::trim);
    }

    private static String describe(Value strategies) {
        List<Value> items = strategies.possibilities().get(0).asList().orElse(List.of());
        return String.join(", ", items.stream().map(i -> written(i, "Type").orElse("?")
                + written(i, "Field").map(f -> " " + f).orElse("")).toList());
    }
}
