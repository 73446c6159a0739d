package dev.resilint.infra.rules.dr;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DR02: a resource whose loss is an outage or data loss can be deleted by one API call, because
 * deletion protection is off.
 *
 * <p>Fires when, in every possibility, deletion protection is off (explicitly, or by default since
 * it is off unless enabled) on:
 * <ul>
 *   <li>an {@code AWS::RDS::DBCluster} ({@code DeletionProtection});
 *   <li>an {@code AWS::RDS::DBInstance} outside a cluster ({@code DeletionProtection}; read
 *       replicas included; cluster members are protected through their cluster);
 *   <li>an {@code AWS::DynamoDB::Table} ({@code DeletionProtectionEnabled});
 *   <li>each replica of an {@code AWS::DynamoDB::GlobalTable} ({@code Replicas[].DeletionProtectionEnabled},
 *       one finding per replica, told apart by region);
 *   <li>an Application or Network Load Balancer ({@code AWS::ElasticLoadBalancingV2::LoadBalancer}
 *       of {@code Type} {@code application}, the default, or {@code network}) without the
 *       {@code LoadBalancerAttributes} entry {@code deletion_protection.enabled} = {@code true}.
 * </ul>
 * Classic Load Balancers have no deletion protection and Gateway Load Balancers are not in scope.
 *
 * <p>Quiet when the setting, the cluster membership, the load balancer type or any load balancer
 * attribute entry cannot be known, and for resources whose {@code Condition} is provably false.
 */
public final class DeletionProtectionDisabled implements InfraRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR02", DeletionProtectionDisabled.class)
            .severity(Severity.WARNING)
            .summary("A database, table or load balancer can be deleted because deletion protection is off.")
            .rationale("A stack deleted by mistake, a stray console click or a script pointed at the wrong "
                    + "account deletes the resource at once: the database or table with its data (restoring a "
                    + "backup takes hours and loses recent writes), the load balancer with its DNS name that "
                    + "clients and records point at. Deletion protection makes every such delete fail until "
                    + "someone switches it off on purpose.")
            .remediation("RDS: `DeletionProtection: true` on the DB cluster or standalone DB instance. DynamoDB: "
                    + "`DeletionProtectionEnabled: true` on the table (on each replica of a global table). "
                    + "ALB/NLB: a `LoadBalancerAttributes` entry `{Key: deletion_protection.enabled, Value: 'true'}`.")
            .wellArchitected("REL09-BP01", "REL13-BP02")
            .anchors("CFG rds-cluster-deletion-protection-enabled", "CFG rds-instance-deletion-protection-enabled",
                    "CFG elb-deletion-protection-enabled", "NAG RDS10")
            .tags("deletion-protection", "database", "load-balancer")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::DynamoDB::Table",
                    "AWS::DynamoDB::GlobalTable", "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .build();

    static final String LB_ATTRIBUTE = "deletion_protection.enabled";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(GraphView graph, RuleContext context) {
        for (Resource cluster : graph.ofType("AWS::RDS::DBCluster")) {
            if (created(graph, cluster)) {
                flag(graph, cluster, "RDS DB cluster", "DeletionProtection", context);
            }
        }
        for (Resource db : graph.ofType("AWS::RDS::DBInstance")) {
            if (created(graph, db) && RdsTopology.outsideCluster(graph, db).equals(Optional.of(Boolean.TRUE))) {
                flag(graph, db, "RDS DB instance", "DeletionProtection", context);
            }
        }
        for (Resource table : graph.ofType("AWS::DynamoDB::Table")) {
            if (created(graph, table)) {
                flag(graph, table, "DynamoDB table", "DeletionProtectionEnabled", context);
            }
        }
        for (Resource table : graph.ofType("AWS::DynamoDB::GlobalTable")) {
            if (created(graph, table)) {
                globalTable(graph, table, context);
            }
        }
        for (Resource lb : graph.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
            if (created(graph, lb)) {
                loadBalancer(graph, lb, context);
            }
        }
    }

    private static boolean created(GraphView graph, Resource r) {
        return graph.mayExist(r);
    }

    private static void flag(GraphView graph, Resource r, String kind, String property, RuleContext context) {
        Value protection = graph.property(r, property);
        if (protection.isFalseOrAbsent()) {
            context.report(r.locateProperty(property), kind + " " + r.displayName() + " " + state(protection, property)
                    + "; set " + property + ": true so that a stack delete or a stray API call cannot remove it");
        }
    }

    private static String state(Value protection, String property) {
        if (protection.isAbsent()) {
            return "has no deletion protection (" + property + " is not set and defaults to false)";
        }
        if (protection.possibilities().size() == 1) {
            return "has deletion protection disabled (" + property + ": false)";
        }
        return "has no deletion protection whichever way its condition goes";
    }

    private static void globalTable(GraphView graph, Resource table, RuleContext context) {
        Optional<List<Value>> replicas = ListItems.of(graph.property(table, "Replicas"));
        if (replicas.isEmpty()) {
            return;
        }
        for (int i = 0; i < replicas.get().size(); i++) {
            Value replica = replicas.get().get(i);
            if (!(replica instanceof Value.Known)) {
                continue;
            }
            Value protection = replica.field("DeletionProtectionEnabled");
            if (!protection.isFalseOrAbsent()) {
                continue;
            }
            String region = ListItems.text(replica, "Region").orElse("#" + i);
            String where = ListItems.text(replica, "Region").map(r -> "in " + r).orElse("number " + (i + 1));
            context.report(table.locateInItem("Properties/Replicas", replica, "DeletionProtectionEnabled"),
                    "DynamoDB global table " + table.displayName() + " has no deletion protection on its replica "
                            + where + " (" + (protection.isAbsent() ? "DeletionProtectionEnabled is not set and "
                                    + "defaults to false" : "DeletionProtectionEnabled: false")
                            + "); set DeletionProtectionEnabled: true on every replica",
                    region);
        }
    }

    private static void loadBalancer(GraphView graph, Resource lb, RuleContext context) {
        Optional<String> type = typeOf(graph.property(lb, "Type"));
        if (type.isEmpty() || !(type.get().equals("application") || type.get().equals("network"))) {
            return; // unknown, or a gateway load balancer
        }
        Value attributes = graph.property(lb, "LoadBalancerAttributes");
        Value explicitOff = null;
        for (Value option : attributes.possibilities()) {
            Optional<Optional<Value>> entry = protectionEntry(option);
            if (entry.isEmpty()) {
                return; // cannot tell
            }
            if (entry.get().isPresent()) {
                Optional<Boolean> on = entry.get().get().field("Value").asBoolean();
                if (on.isEmpty() || on.get()) {
                    return; // unknown, or protected
                }
                explicitOff = entry.get().get();
            }
        }
        String kind = type.get().equals("network") ? "Network Load Balancer " : "Application Load Balancer ";
        boolean single = attributes.possibilities().size() == 1;
        String state;
        if (!single) {
            state = "has no deletion protection whichever way its condition goes";
        } else if (explicitOff != null) {
            state = "has deletion protection disabled (" + LB_ATTRIBUTE + ": false)";
        } else {
            state = "has no deletion protection (no " + LB_ATTRIBUTE + " attribute, and it is off unless enabled)";
        }
        context.report(single && explicitOff != null
                        ? lb.locateInItem("Properties/LoadBalancerAttributes", explicitOff, "Value")
                        : lb.locateProperty("LoadBalancerAttributes"),
                kind + lb.displayName() + " " + state + "; " + (single && explicitOff != null
                        ? "set its " + LB_ATTRIBUTE + " attribute to 'true'"
                        : "add the LoadBalancerAttributes entry {Key: " + LB_ATTRIBUTE + ", Value: 'true'}")
                        + " so that a stack delete or a stray API call cannot remove it");
    }

    /** The load balancer type, lower case; {@code application} when not set. */
    private static Optional<String> typeOf(Value type) {
        if (type.isAbsent()) {
            return Optional.of("application");
        }
        return type.asString().map(t -> t.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The {@code deletion_protection.enabled} entry of one possibility of
     * {@code LoadBalancerAttributes}: empty inner optional when there is none, empty outer optional
     * when it cannot be known (the list, an entry or an entry's key is unknown).
     */
    private static Optional<Optional<Value>> protectionEntry(Value attributes) {
        Optional<List<Value>> items = ListItems.of(attributes);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Value found = null;
        for (Value item : items.get()) {
            Optional<String> key = ListItems.text(item, "Key");
            if (key.isEmpty()) {
                return Optional.empty();
            }
            if (key.get().trim().equals(LB_ATTRIBUTE)) {
                found = item; // the last entry wins
            }
        }
        return Optional.of(Optional.ofNullable(found));
    }
}
