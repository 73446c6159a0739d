package dev.resilint.infra.rules.sc;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ComputeTraffic;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SC02: spot capacity drawn from a single instance type, so that one spot pool running dry takes
 * all of it. What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class SpotWithoutDiversification extends ResourceRule {

    static final String ASG = ComputeTraffic.ASG;
    static final String LAUNCH_TEMPLATE = ComputeTraffic.LAUNCH_TEMPLATE;
    static final String LAUNCH_CONFIGURATION = ComputeTraffic.LAUNCH_CONFIGURATION;
    static final String SPOT_FLEET = "AWS::EC2::SpotFleet";
    static final String EC2_FLEET = "AWS::EC2::EC2Fleet";

    public static final RuleMetadata METADATA = RuleMetadata.builder("SC02", SpotWithoutDiversification.class)
            .severity(Severity.WARNING)
            .summary("An Auto Scaling group or fleet runs on spot capacity of a single instance type.")
            .rationale("Spot capacity is offered per instance type and Availability Zone, and EC2 reclaims it with "
                    + "two minutes' notice when that pool runs short. A group or fleet that can only use one instance "
                    + "type loses its spot instances together and cannot replace them while the pool is dry; with "
                    + "several types (and a capacity-optimized allocation strategy) it moves to the pools that have "
                    + "capacity.")
            .remediation("List several instance types of similar size in `MixedInstancesPolicy.LaunchTemplate."
                    + "Overrides` (or use `InstanceRequirements` for attribute-based selection); for a spot fleet or "
                    + "EC2 fleet, give several launch specifications or overrides with different instance types.")
            .wellArchitected("REL07-BP01", "REL10-BP01")
            .anchors(Reference.awsConfig("autoscaling-multiple-instance-types"))
            .tags("spot", "capacity")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ASG, SPOT_FLEET, EC2_FLEET)
            .reads(LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` with a `MixedInstancesPolicy` whose "
                            + "`InstancesDistribution.OnDemandPercentageAboveBaseCapacity` is below 100 (unset means "
                            + "100: no spot) and whose `LaunchTemplate.Overrides` name at most one instance type "
                            + "(no overrides means only the launch template's type).",
                    "An Auto Scaling group without `MixedInstancesPolicy` whose launch template (in the template) "
                            + "requests spot instances (`InstanceMarketOptions.MarketType: spot`), or whose launch "
                            + "configuration sets a `SpotPrice`: such a group always runs one instance type.",
                    "An `AWS::EC2::SpotFleet` whose `LaunchSpecifications` and `LaunchTemplateConfigs` overrides "
                            + "name at most one instance type.",
                    "An `AWS::EC2::EC2Fleet` that requests spot capacity (`DefaultTargetCapacityType: spot` or a "
                            + "`SpotTargetCapacity` above 0) and whose `LaunchTemplateConfigs` overrides name at most "
                            + "one instance type.")
            .quietWhen("Any override or launch specification uses `InstanceRequirements` (attribute-based instance "
                            + "type selection), or a launch template without overrides does.",
                    "An instance type, the overrides, the on-demand percentage or the market type cannot be known, "
                            + "or a launch template or configuration is not in the template (for a group without a "
                            + "mixed instances policy, or a fleet's launch template without overrides).",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        switch (r.type()) {
            case ASG -> autoScalingGroup(graph, r, context);
            case SPOT_FLEET -> spotFleet(graph, r, context);
            default -> ec2Fleet(graph, r, context);
        }
    }

    private static void autoScalingGroup(GraphView graph, Resource asg, RuleContext context) {
        String subject = "Auto Scaling group " + asg.displayName();
        Value mixed = graph.property(asg, "MixedInstancesPolicy");
        if (mixed.isAbsent()) {
            singleTypeSpot(graph, asg).ifPresent(how -> context.report(asg.locateProperty(how.property()), subject
                    + " runs spot instances of a single instance type (" + how.why() + "), so when that spot pool "
                    + "runs short all of them are reclaimed together; use a MixedInstancesPolicy with several instance "
                    + "types in LaunchTemplate.Overrides"));
            return;
        }
        if (!mixed.isKnown()) {
            return;
        }
        Value percentage = graph.property(asg,
                "MixedInstancesPolicy/InstancesDistribution/OnDemandPercentageAboveBaseCapacity");
        Optional<Long> onDemand = percentage.isAbsent() ? Optional.of(100L) : percentage.asLong();
        if (onDemand.isEmpty() || onDemand.get() >= 100) {
            return;
        }
        String overridesPath = "MixedInstancesPolicy/LaunchTemplate/Overrides";
        Optional<TreeSet<String>> types = instanceTypes(graph.property(asg, overridesPath));
        if (types.isEmpty() || types.get().size() > 1) {
            return;
        }
        if (types.get().isEmpty() && launchTemplateMayChooseTypes(graph,
                ComputeTraffic.launchTemplate(graph, asg, "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification"),
                false)) {
            return;
        }
        String which = types.get().isEmpty() ? "no LaunchTemplate.Overrides, so only the launch template's type"
                : "LaunchTemplate.Overrides name only " + types.get().first();
        context.report(asg.locateProperty(types.get().isEmpty() ? "MixedInstancesPolicy/LaunchTemplate" : overridesPath),
                subject + " runs " + (100 - onDemand.get()) + "% of its capacity above the on-demand base on spot ("
                        + "OnDemandPercentageAboveBaseCapacity: " + onDemand.get() + ") with a single instance type ("
                        + which + "), so when that spot pool runs short all of its spot instances are reclaimed "
                        + "together; list several instance types in LaunchTemplate.Overrides");
    }

    /** Why a group without a mixed instances policy runs spot, and the property that says so. */
    private record Spot(String property, String why) {
    }

    private static Optional<Spot> singleTypeSpot(GraphView graph, Resource asg) {
        Optional<Resource> config = graph.resolve(graph.property(asg, "LaunchConfigurationName"), LAUNCH_CONFIGURATION);
        if (config.isPresent()) {
            Value price = graph.property(config.get(), "SpotPrice");
            return price.always(v -> v.asString().map(text -> !text.isBlank()).orElse(false))
                    ? Optional.of(new Spot("LaunchConfigurationName", "its launch configuration "
                            + config.get().displayName() + " sets SpotPrice: " + price.asString().orElse("?")))
                    : Optional.empty();
        }
        Optional<Resource> lt = ComputeTraffic.launchTemplate(graph, asg, "LaunchTemplate");
        if (lt.isPresent() && graph.property(lt.get(), "LaunchTemplateData/InstanceMarketOptions/MarketType")
                .asString().map(t -> t.trim().equalsIgnoreCase("spot")).orElse(false)) {
            return Optional.of(new Spot("LaunchTemplate", "its launch template " + lt.get().displayName()
                    + " requests InstanceMarketOptions.MarketType: spot"));
        }
        return Optional.empty();
    }

    private static void spotFleet(GraphView graph, Resource fleet, RuleContext context) {
        String base = "SpotFleetRequestConfigData/";
        Optional<TreeSet<String>> specTypes = instanceTypes(graph.property(fleet, base + "LaunchSpecifications"));
        Optional<TreeSet<String>> configTypes = launchTemplateConfigTypes(graph, fleet, base + "LaunchTemplateConfigs");
        if (specTypes.isEmpty() || configTypes.isEmpty()) {
            return;
        }
        TreeSet<String> all = new TreeSet<>(specTypes.get());
        all.addAll(configTypes.get());
        if (all.size() == 1) {
            context.report(fleet.locateProperty(base.substring(0, base.length() - 1)), "Spot fleet "
                    + fleet.displayName() + " requests a single instance type (" + all.first() + "), so when that "
                    + "spot pool runs short the whole fleet is reclaimed together; add launch specifications or "
                    + "overrides with other instance types");
        }
    }

    private static void ec2Fleet(GraphView graph, Resource fleet, RuleContext context) {
        Value defaultType = graph.property(fleet, "TargetCapacitySpecification/DefaultTargetCapacityType");
        Value spotCapacity = graph.property(fleet, "TargetCapacitySpecification/SpotTargetCapacity");
        boolean spot = defaultType.asString().map(t -> t.trim().toLowerCase(Locale.ROOT).equals("spot")).orElse(false)
                || spotCapacity.asLong().map(c -> c > 0).orElse(false);
        if (!spot) {
            return;
        }
        Optional<TreeSet<String>> types = launchTemplateConfigTypes(graph, fleet, "LaunchTemplateConfigs");
        if (types.isPresent() && types.get().size() == 1) {
            context.report(fleet.locateProperty("LaunchTemplateConfigs"), "EC2 fleet " + fleet.displayName()
                    + " requests spot capacity of a single instance type (" + types.get().first() + "), so when that "
                    + "spot pool runs short all of its spot instances are reclaimed together; add overrides with "
                    + "other instance types");
        }
    }

    /**
     * The instance types of a fleet's launch template configs: their overrides' types, or for a
     * config without overrides its launch template's type; empty when one cannot be known.
     */
    private static Optional<TreeSet<String>> launchTemplateConfigTypes(GraphView graph, Resource fleet, String path) {
        Optional<List<Value>> configs = ListItems.of(graph.property(fleet, path));
        if (configs.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> types = new TreeSet<>();
        for (Value config : configs.get()) {
            Optional<TreeSet<String>> overrides = instanceTypes(config.field("Overrides"));
            if (overrides.isEmpty()) {
                return Optional.empty();
            }
            if (overrides.get().isEmpty()) {
                Value spec = config.field("LaunchTemplateSpecification");
                Optional<Resource> lt = graph.resolve(spec.field("LaunchTemplateId"), LAUNCH_TEMPLATE)
                        .or(() -> graph.resolve(spec.field("LaunchTemplateName"), LAUNCH_TEMPLATE));
                if (lt.isEmpty() || launchTemplateMayChooseTypes(graph, lt, true)) {
                    return Optional.empty();
                }
                Optional<String> type = graph.property(lt.get(), "LaunchTemplateData/InstanceType").asString();
                if (type.isEmpty()) {
                    return Optional.empty();
                }
                types.add(type.get().trim());
            }
            types.addAll(overrides.get());
        }
        return Optional.of(types);
    }

    /**
     * Whether a launch template may pick instance types by attributes ({@code InstanceRequirements}),
     * or, when {@code unknownMeansYes}, cannot be read for it.
     */
    private static boolean launchTemplateMayChooseTypes(GraphView graph, Optional<Resource> lt, boolean unknownMeansYes) {
        if (lt.isEmpty()) {
            return unknownMeansYes;
        }
        return !graph.property(lt.get(), "LaunchTemplateData/InstanceRequirements").isAbsent();
    }

    /**
     * The distinct instance types of a list of overrides or launch specifications: empty set for no
     * items, empty when an item's type cannot be known or an item selects types by attributes.
     */
    private static Optional<TreeSet<String>> instanceTypes(Value list) {
        Optional<List<Value>> items = ListItems.of(list);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> types = new TreeSet<>();
        for (Value item : items.get()) {
            if (!item.field("InstanceRequirements").isAbsent()) {
                return Optional.empty();
            }
            Optional<String> type = item.field("InstanceType").asString();
            if (type.isEmpty()) {
                return Optional.empty();
            }
            types.add(type.get().trim());
        }
        return Optional.of(types);
    }
}
