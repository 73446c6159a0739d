package dev.resilint.infra.rules.az;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.AzSet;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.Zones;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AZ05: an Aurora DB cluster with fewer than 2 DB instances, or with all of them in one
 * Availability Zone. Aurora keeps the data in three zones, but the compute that serves it is the
 * instances: with one instance, or all in one zone, a zone failure stops the database until a new
 * instance is created elsewhere. It judges the whole template at once, since a cluster's members
 * are the instances that name it. What it fires on and when it stays quiet, case by case, is in
 * its {@link #METADATA}.
 */
public final class AuroraClusterSingleInstance implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("AZ05", AuroraClusterSingleInstance.class)
            .severity(Severity.ERROR)
            .summary("An Aurora DB cluster has fewer than two DB instances, or all of them in one Availability "
                    + "Zone.")
            .rationale("Aurora stores data across three Availability Zones, but queries are served by the cluster's "
                    + "DB instances. A cluster with a single instance has nothing to fail over to: when its zone "
                    + "fails, or the instance does, the database is down until Aurora creates a new instance, "
                    + "which takes ten minutes or more. With a replica in another zone, Aurora promotes it in "
                    + "about a minute.")
            .remediation("Add a second `AWS::RDS::DBInstance` with `DBClusterIdentifier: !Ref <Cluster>` (a reader "
                    + "replica, which can be `db.serverless` for Aurora Serverless v2), and leave "
                    + "`AvailabilityZone` unset or put the instances in different zones.")
            .wellArchitected("REL10-BP01")
            .anchors(Reference.awsConfig("rds-cluster-multi-az-enabled"),
                    Reference.trustedAdvisor("Amazon RDS DB clusters have one DB instance", ""),
                    Reference.trustedAdvisor("Amazon RDS DB clusters with all instances in the same Availability Zone", ""))
            .tags("availability-zone", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBCluster")
            .reads("AWS::RDS::DBInstance", "AWS::CloudFormation::Stack")
            .firesOn("An Aurora `AWS::RDS::DBCluster` (an `Engine` that is a literal starting with `aurora`, and an "
                            + "`EngineMode` that is not `serverless`: a missing `EngineMode` means `provisioned`, and "
                            + "Aurora Serverless v1 fails over on its own) with fewer than 2 provable members. "
                            + "Instances that another stack adds to an exported cluster are not seen.",
                    "Such a cluster whose members all name their `AvailabilityZone`, and all the same zone.",
                    "Its members are the `AWS::RDS::DBInstance`s whose `DBClusterIdentifier` is a `Ref` to the "
                            + "cluster, or the same literal as the cluster's `DBClusterIdentifier`; Aurora "
                            + "Serverless v2 instances (`db.serverless`) are members like any other. An instance "
                            + "whose condition is false is no member; one whose condition is the cluster's own counts.")
            .quietWhen("The engine or the engine mode cannot be known.",
                    "Any instance of the template might belong to the cluster without certainty: an unknown or "
                            + "conditional `DBClusterIdentifier`, a cluster name that cannot be known, or a "
                            + "condition that is not certain whenever the cluster's is.",
                    "The cluster is passed to a nested stack, which may hold more instances.",
                    "For the zone check: any member leaves its zone to RDS (no `AvailabilityZone`) or names one that "
                            + "cannot be known, or the zones cannot be compared.",
                    "The cluster's `Condition` is provably false.")
            .build();

    private static final String CLUSTER = "AWS::RDS::DBCluster";
    private static final String INSTANCE = "AWS::RDS::DBInstance";
    private static final String NESTED_STACK = "AWS::CloudFormation::Stack";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        List<Resource> clusters = new ArrayList<>();
        for (Resource cluster : graph.ofType(CLUSTER)) {
            if (graph.mayExist(cluster) && isProvisionedAurora(graph, cluster)) {
                clusters.add(cluster);
            }
        }
        if (clusters.isEmpty()) {
            return;
        }
        Map<String, List<Resource>> members = new LinkedHashMap<>();
        Set<String> uncertain = new HashSet<>();
        clusters.forEach(c -> members.put(c.id(), new ArrayList<>()));
        for (Resource instance : graph.ofType(INSTANCE)) {
            if (!graph.mayExist(instance)) {
                continue;
            }
            Set<String> possible = new HashSet<>();
            boolean any = false;
            boolean definite = true;
            for (Value option : graph.property(instance, "DBClusterIdentifier").possibilities()) {
                Owner owner = owner(graph, clusters, option);
                if (!owner.known()) {
                    any = true; // might be any cluster
                } else if (owner.clusterId().isEmpty()) {
                    definite = false; // in this possibility, no cluster judged here
                } else {
                    possible.add(owner.clusterId().get());
                }
            }
            String single = possible.size() == 1 ? possible.iterator().next() : "";
            if (any) {
                clusters.forEach(c -> uncertain.add(c.id()));
                continue;
            }
            if (definite && !single.isEmpty()) {
                Resource cluster = graph.resource(single).orElseThrow();
                if (graph.existsWhenever(cluster, instance)) {
                    members.get(single).add(instance);
                    continue;
                }
            }
            uncertain.addAll(possible);
        }
        for (Resource cluster : clusters) {
            if (graph.referrers(cluster, NESTED_STACK).isEmpty()
                    && !uncertain.contains(cluster.id())) {
                judge(graph, context, cluster, members.get(cluster.id()));
            }
        }
    }

    private static void judge(GraphView graph, RuleContext context, Resource cluster, List<Resource> members) {
        String name = "Aurora DB cluster " + cluster.displayName();
        if (members.size() < 2) {
            String has = members.isEmpty() ? "has no DB instance in this template"
                    : "has a single DB instance (" + members.get(0).displayName() + ")";
            context.report(cluster.locate(""), name + " " + has + ", so a zone failure or an instance failure "
                    + "leaves it without a writer until a new instance is created; add a reader instance "
                    + "(DBClusterIdentifier: !Ref " + cluster.id() + ") in another Availability Zone");
            return;
        }
        Set<String> zones = new TreeSet<>();
        for (Resource member : members) {
            Value zone = graph.property(member, "AvailabilityZone");
            if (zone.isAbsent()) {
                return; // RDS picks the zone
            }
            AzSet set = graph.zonesOfZoneNames(zone);
            if (set.exact().isEmpty() || set.exact().get().size() != 1) {
                return;
            }
            zones.addAll(set.exact().get());
        }
        if (zones.size() == 1 && Zones.comparable(zones)) {
            List<String> names = members.stream().map(Resource::displayName).toList();
            context.report(cluster.locate(""), name + " has all its DB instances (" + String.join(", ", names)
                    + ") in " + zones.iterator().next() + ", so a failure of that zone stops the database; "
                    + "put at least one instance in another Availability Zone (or leave AvailabilityZone unset)");
        }
    }

    /** True when the engine is a literal {@code aurora*} and the engine mode is provably not serverless. */
    private static boolean isProvisionedAurora(GraphView graph, Resource cluster) {
        Optional<String> engine = graph.property(cluster, "Engine").asString();
        if (engine.isEmpty() || !engine.get().trim().toLowerCase(Locale.ROOT).startsWith("aurora")) {
            return false;
        }
        return graph.property(cluster, "EngineMode").always(v -> v instanceof Value.Absent
                || v.asString().map(m -> !m.trim().equalsIgnoreCase("serverless")).orElse(false));
    }

    /**
     * Which of the judged clusters one possibility of an instance's {@code DBClusterIdentifier}
     * names: {@code known} with the cluster, {@code known} with none (absent, a literal matching no
     * cluster's name, a reference to another resource), or not {@code known}.
     */
    private record Owner(boolean known, Optional<String> clusterId) {
        static final Owner UNKNOWN = new Owner(false, Optional.empty());
        static final Owner NONE = new Owner(true, Optional.empty());

        static Owner of(String clusterId) {
            return new Owner(true, Optional.of(clusterId));
        }
    }

    private static Owner owner(GraphView graph, List<Resource> clusters, Value option) {
        if (option instanceof Value.Absent) {
            return Owner.NONE;
        }
        if (!(option instanceof Value.Known)) {
            return Owner.UNKNOWN;
        }
        Optional<Symbols.ResourceRef> ref = option.asResourceRef();
        if (ref.isPresent()) {
            String id = ref.get().resourceId();
            return clusters.stream().anyMatch(c -> c.id().equals(id)) ? Owner.of(id) : Owner.NONE;
        }
        Optional<String> literal = option.asString();
        if (literal.isEmpty()) {
            return Owner.UNKNOWN;
        }
        Owner match = Owner.NONE;
        for (Resource cluster : clusters) {
            Value name = graph.property(cluster, "DBClusterIdentifier");
            if (name.isAbsent()) {
                continue; // a generated name, which a literal cannot know
            }
            Optional<String> text = name.asString();
            if (text.isEmpty()) {
                return Owner.UNKNOWN; // the cluster's name cannot be known: it might be this one
            }
            if (text.get().trim().equalsIgnoreCase(literal.get().trim())) {
                match = Owner.of(cluster.id());
            }
        }
        return match;
    }
}
