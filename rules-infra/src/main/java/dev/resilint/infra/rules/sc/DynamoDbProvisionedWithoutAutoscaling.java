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
import dev.resilint.infra.rules.support.ListItems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SC03: a DynamoDB table with fixed provisioned capacity, which throttles requests once traffic
 * exceeds it. What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class DynamoDbProvisionedWithoutAutoscaling extends ResourceRule {

    static final String TABLE = "AWS::DynamoDB::Table";
    static final String GLOBAL_TABLE = "AWS::DynamoDB::GlobalTable";
    static final String SCALABLE_TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";

    private static final Pattern INDEX = Pattern.compile("/index/([^/]+)$");

    public static final RuleMetadata METADATA = RuleMetadata.builder("SC03", DynamoDbProvisionedWithoutAutoscaling.class)
            .severity(Severity.WARNING)
            .summary("A DynamoDB table or global secondary index with provisioned capacity has no auto scaling.")
            .rationale("With provisioned capacity, DynamoDB serves as many reads and writes per second as provisioned "
                    + "(plus a little burst credit) and throttles the rest: a traffic peak, a backfill or a hot "
                    + "partition becomes failed requests. Auto scaling (an Application Auto Scaling scalable target "
                    + "with a target tracking policy) raises the capacity as the load grows; on-demand capacity "
                    + "needs none. A table without `BillingMode` is provisioned, since that is the default.")
            .remediation("Set `BillingMode: PAY_PER_REQUEST`, or add an `AWS::ApplicationAutoScaling::ScalableTarget` "
                    + "(with a `ScalingPolicy`) for `dynamodb:table:ReadCapacityUnits` and "
                    + "`dynamodb:table:WriteCapacityUnits` with `ResourceId: !Sub table/${Table}`, and for each global "
                    + "secondary index `dynamodb:index:...` with `table/${Table}/index/<name>`; for a global table "
                    + "set `WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings`.")
            .wellArchitected("REL07-BP01")
            .anchors(Reference.awsConfig("dynamodb-autoscaling-enabled"),
                    Reference.cdkNag("NIST.800.53.R5-DynamoDBAutoScalingEnabled"))
            .tags("capacity", "database")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(TABLE, GLOBAL_TABLE)
            .reads(SCALABLE_TARGET)
            .firesOn("An `AWS::DynamoDB::Table` whose `BillingMode` is `PROVISIONED` or unset (the default) for which "
                            + "the template (or the live account, in the table's region) has no "
                            + "`AWS::ApplicationAutoScaling::ScalableTarget` of the "
                            + "`dynamodb:table:ReadCapacityUnits` or `dynamodb:table:WriteCapacityUnits` dimension "
                            + "whose `ResourceId` refers to the table (by `Ref` in `Fn::Sub` or `Fn::Join`, or "
                            + "`table/<TableName>`), or, for one of its global secondary indexes, of the "
                            + "`dynamodb:index:...` dimensions with `ResourceId` `table/<table>/index/<IndexName>`. One "
                            + "finding per table, naming every dimension without a scalable target. A scalable target "
                            + "counts only if it exists whenever the table does.",
                    "An `AWS::DynamoDB::GlobalTable` whose `BillingMode` is `PROVISIONED` or unset (the default) "
                            + "without `WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings`.")
            .quietWhen("On-demand tables (`BillingMode: PAY_PER_REQUEST`), and tables whose billing mode cannot be "
                            + "known.",
                    "The template has a DynamoDB (or unknown-namespace) scalable target whose `ResourceId` or "
                            + "dimension cannot be known and that refers to no other resource, or one that refers to "
                            + "the table but may not exist whenever the table does, or whose index name cannot be "
                            + "known: it may be the missing one.",
                    "A global secondary index that cannot be known (the index list or its name depends on a "
                            + "condition or parameter): the index is not judged, the table's own capacity still is.",
                    "A provisioned table without `ProvisionedThroughput`, which CloudFormation refuses to create.",
                    "The table's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        Value billing = graph.property(r, "BillingMode");
        Optional<String> mode = billing.isAbsent() ? Optional.of("PROVISIONED")
                : billing.asString().map(b -> b.trim().toUpperCase(Locale.ROOT));
        if (mode.isEmpty() || !mode.get().equals("PROVISIONED")) {
            return;
        }
        String billingText = billing.isAbsent() ? "BillingMode is not set (default PROVISIONED)"
                : "BillingMode: PROVISIONED";
        if (r.type().equals(GLOBAL_TABLE)) {
            Value settings = graph.property(r, "WriteProvisionedThroughputSettings/WriteCapacityAutoScalingSettings");
            if (settings.isAbsent()) {
                context.report(r.locateProperty(billing.isAbsent() ? "WriteProvisionedThroughputSettings" : "BillingMode"),
                        "DynamoDB global table " + r.displayName() + " has provisioned capacity (" + billingText
                                + ") without WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings, so "
                                + "writes beyond the provisioned capacity are throttled; add the auto scaling "
                                + "settings or set BillingMode: PAY_PER_REQUEST");
            }
            return;
        }
        if (graph.property(r, "ProvisionedThroughput").isAbsent()) {
            return; // a provisioned table must say its capacity: CloudFormation refuses this one
        }
        // indexes that cannot be known are not judged; the table's own capacity still is
        Optional<List<String>> indexes = indexNames(graph.property(r, "GlobalSecondaryIndexes"));
        Optional<Scaled> scaled = scaled(graph, r);
        if (scaled.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String dimension : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            if (!scaled.get().has("", dimension)) {
                missing.add("table " + dimension.replace("CapacityUnits", "").toLowerCase(Locale.ROOT));
            }
        }
        for (String index : indexes.orElse(List.of())) {
            for (String dimension : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
                if (!scaled.get().has(index, dimension)) {
                    missing.add("index " + index + " " + dimension.replace("CapacityUnits", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        context.report(r.locateProperty(billing.isAbsent() ? "ProvisionedThroughput" : "BillingMode"),
                "DynamoDB table " + r.displayName() + " has provisioned capacity (" + billingText + ") without auto "
                        + "scaling for " + String.join(", ", missing) + " (no AWS::ApplicationAutoScaling::"
                        + "ScalableTarget refers to it), so requests beyond the provisioned capacity are throttled; "
                        + "add scalable targets with target tracking policies, or set BillingMode: PAY_PER_REQUEST");
    }

    /** The names of the global secondary indexes; empty when the list or a name cannot be known. */
    private static Optional<List<String>> indexNames(Value indexes) {
        Optional<List<Value>> items = ListItems.of(indexes);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Value item : items.get()) {
            Optional<String> name = ListItems.text(item, "IndexName");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            names.add(name.get());
        }
        return Optional.of(names);
    }

    /** The scaled dimensions of a table: "" for the table, else the index name, and the dimension. */
    private record Scaled(List<String> keys) {
        boolean has(String index, String dimension) {
            return keys.contains(index + "|" + dimension);
        }
    }

    /**
     * The dimensions of the table that a scalable target covers; empty when a scalable target that
     * cannot be read might be the one that covers a missing dimension.
     */
    private static Optional<Scaled> scaled(GraphView graph, Resource table) {
        Optional<String> tableName = graph.property(table, "TableName").asString();
        List<String> keys = new ArrayList<>();
        for (Resource target : graph.ofType(SCALABLE_TARGET)) {
            if (!graph.mayExist(target)) {
                continue;
            }
            Value namespace = graph.property(target, "ServiceNamespace");
            if (namespace.asString().map(n -> !n.trim().equals("dynamodb")).orElse(false)) {
                continue;
            }
            Optional<String> dimension = graph.property(target, "ScalableDimension").asString();
            Value resourceId = graph.property(target, "ResourceId");
            List<String> refs = graph.referencedIdsAt(target, "Properties/ResourceId");
            Optional<String> text = resourceId.asString();
            boolean mine;
            Optional<String> index;
            if (text.isPresent()) {
                mine = tableName.map(n -> text.get().equals("table/" + n)
                        || text.get().startsWith("table/" + n + "/index/")).orElse(false);
                if (!mine && tableName.isEmpty() && text.get().startsWith("table/")) {
                    return Optional.empty(); // a table named at deployment may be this one
                }
                index = indexOf(text.get());
            } else if (refs.isEmpty()) {
                if (resourceId.firstUnknown().map(u -> u.reason() == Value.Reason.RUNTIME_ATTRIBUTE).orElse(false)) {
                    continue; // names a resource of another type than a table
                }
                return Optional.empty(); // may be any table
            } else {
                mine = refs.contains(table.id());
                Optional<String> written = graph.scriptText(target, "ResourceId").asString();
                index = written.flatMap(DynamoDbProvisionedWithoutAutoscaling::indexOf);
                if (mine && index.isEmpty() && written.map(t -> t.contains("/index/")).orElse(true)) {
                    return Optional.empty(); // an index whose name cannot be read
                }
            }
            if (!mine) {
                continue;
            }
            if (dimension.isEmpty() || !graph.existsWhenever(table, target)) {
                return Optional.empty();
            }
            Matcher m = Pattern.compile("^dynamodb:(table|index):(ReadCapacityUnits|WriteCapacityUnits)$")
                    .matcher(dimension.get().trim());
            if (m.matches()) {
                keys.add((m.group(1).equals("table") ? "" : index.orElse("?")) + "|" + m.group(2));
            }
        }
        return Optional.of(new Scaled(keys));
    }

    private static Optional<String> indexOf(String resourceId) {
        Matcher m = INDEX.matcher(resourceId);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
