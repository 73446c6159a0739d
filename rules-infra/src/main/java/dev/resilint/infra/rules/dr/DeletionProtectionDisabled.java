package dev.resilint.infra.rules.dr;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import dev.resilint.infra.rules.support.RdsTopology;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DR02: a resource whose loss is an outage or data loss (a database, a table, a load balancer) can
 * be deleted by one API call, because deletion protection is off. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class DeletionProtectionDisabled extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("DR02", DeletionProtectionDisabled.class)
            .severity(Severity.WARNING)
            .summary("A database, table or load balancer can be deleted because deletion protection is off.")
            .rationale("A stack deleted by mistake, a stray console click or a script pointed at the wrong "
                    + "account deletes the resource at once: the database or table with its data (restoring a "
                    + "backup takes hours and loses recent writes), the load balancer with its DNS name that "
                    + "clients and records point at. Deletion protection makes every such delete fail until "
                    + "someone switches it off on purpose.")
            .remediation("RDS: `DeletionProtection: true` on the DB cluster or standalone DB instance. DynamoDB: "
                    + "`DeletionProtectionEnabled: true` on the table (on each replica of a global table); a SAM "
                    + "`AWS::Serverless::SimpleTable` does not accept that property, so declare the table as an "
                    + "`AWS::DynamoDB::Table` with it, or at least give the SimpleTable `DeletionPolicy: Retain` "
                    + "(which SAM passes on) so that deleting the stack keeps the table. "
                    + "ALB/NLB: a `LoadBalancerAttributes` entry `{Key: deletion_protection.enabled, Value: 'true'}`.")
            .wellArchitected("REL09-BP01", "REL13-BP02")
            .anchors(Reference.awsConfig("rds-cluster-deletion-protection-enabled"),
                    Reference.awsConfig("rds-instance-deletion-protection-enabled"),
                    Reference.awsConfig("elb-deletion-protection-enabled"), Reference.cdkNag("AwsSolutions-RDS10"))
            .tags("deletion-protection", "database", "load-balancer")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::DynamoDB::Table",
                    "AWS::DynamoDB::GlobalTable", "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .firesOn("An `AWS::RDS::DBCluster` whose `DeletionProtection` is off (false, or not set: it is off "
                            + "unless enabled) in every possibility.",
                    "An `AWS::RDS::DBInstance` outside a cluster (read replicas included) whose "
                            + "`DeletionProtection` is off in every possibility.",
                    "An `AWS::DynamoDB::Table` whose `DeletionProtectionEnabled` is off in every possibility; "
                            + "also the table a SAM `AWS::Serverless::SimpleTable` becomes, whose message says how to "
                            + "protect it instead, since SimpleTable cannot enable deletion protection.",
                    "Each replica of an `AWS::DynamoDB::GlobalTable` whose `Replicas[].DeletionProtectionEnabled` is "
                            + "off; one finding per replica, told apart by region.",
                    "An Application or Network Load Balancer (`AWS::ElasticLoadBalancingV2::LoadBalancer` of `Type` "
                            + "`application`, the default, or `network`) without the `LoadBalancerAttributes` entry "
                            + "`deletion_protection.enabled` = `true`, in every possibility (the last entry with that "
                            + "key wins).")
            .quietWhen("RDS DB instances in a cluster: they are protected through their cluster.",
                    "Classic Load Balancers, which have no deletion protection, and Gateway Load Balancers, which "
                            + "are not in scope.",
                    "The setting, the cluster membership, the load balancer type or any load balancer attribute "
                            + "entry cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    static final String LB_ATTRIBUTE = "deletion_protection.enabled";
    static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        switch (r.type()) {
            case "AWS::RDS::DBCluster" -> flag(graph, r, "RDS DB cluster", "DeletionProtection", context);
            case "AWS::RDS::DBInstance" -> {
                if (RdsTopology.outsideCluster(graph, r).equals(Optional.of(Boolean.TRUE))) {
                    flag(graph, r, "RDS DB instance", "DeletionProtection", context);
                }
            }
            case "AWS::DynamoDB::Table" -> {
                if (r.declaredType().equals(Optional.of(SIMPLE_TABLE))) {
                    simpleTable(graph, r, context);
                } else {
                    flag(graph, r, "DynamoDB table", "DeletionProtectionEnabled", context);
                }
            }
            case "AWS::DynamoDB::GlobalTable" -> globalTable(graph, r, context);
            default -> loadBalancer(graph, r, context);
        }
    }

    private static void flag(GraphView graph, Resource r, String kind, String property, RuleContext context) {
        Value protection = graph.property(r, property);
        if (protection.isFalseOrAbsent()) {
            context.report(r.locateProperty(property), kind + " " + r.displayName() + " " + state(protection, property)
                    + "; set " + property + ": true so that a stack delete or a stray API call cannot remove it");
        }
    }

    /**
     * The table a SAM SimpleTable becomes: SimpleTable has no {@code DeletionProtectionEnabled}
     * (SAM refuses properties it does not know), so the advice is what the author can write.
     */
    private static void simpleTable(GraphView graph, Resource table, RuleContext context) {
        Value protection = graph.property(table, "DeletionProtectionEnabled");
        if (protection.isFalseOrAbsent()) {
            context.report(table.locateProperty("DeletionProtectionEnabled"), "DynamoDB table "
                    + table.displayName() + " (" + SIMPLE_TABLE + ") " + state(protection, "DeletionProtectionEnabled")
                    + "; SimpleTable cannot enable it: declare the table as an AWS::DynamoDB::Table with "
                    + "DeletionProtectionEnabled: true, or at least give it DeletionPolicy: Retain so that "
                    + "deleting the stack keeps the table");
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
        // per possibility, the deletion protection entry that is off (empty when there is none); no
        // reading when that cannot be known or protection is on
        Optional<List<Optional<Value>>> offEntries = attributes.readEach(option -> protectionEntry(option)
                .filter(entry -> entry.isEmpty() || entry.get().field("Value").asBoolean()
                        .equals(Optional.of(Boolean.FALSE))));
        if (offEntries.isEmpty()) {
            return; // cannot tell, or protected
        }
        Value explicitOff = offEntries.get().stream().flatMap(Optional::stream).reduce((a, b) -> b).orElse(null);
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
