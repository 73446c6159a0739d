package dev.resilint.infra.rules.lb;

import dev.resilint.core.Location;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LB06: a Route 53 failover record that never fails over, or whose answers outlive the failover.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class DnsFailoverWeak extends ResourceRule {

    /** The longest TTL of a failover record that the rule accepts, in seconds. */
    static final long MAX_TTL = 60;

    static final String RECORD_SET = "AWS::Route53::RecordSet";
    static final String RECORD_SET_GROUP = "AWS::Route53::RecordSetGroup";

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB06", DnsFailoverWeak.class)
            .severity(Severity.WARNING)
            .summary("A Route 53 failover record has no health check, or a TTL over 60 seconds.")
            .rationale("Route 53 answers with the secondary record only when the primary is unhealthy, and it "
                    + "considers a record without a health check always healthy: a primary record without a health "
                    + "check (or, for an alias, without `EvaluateTargetHealth: true`, which uses the health of the "
                    + "alias target) never fails over. A failover also takes effect only when resolvers' cached "
                    + "answers expire: with a TTL over 60 s, clients keep the failed address for minutes after Route "
                    + "53 has switched. A secondary record without a health check is the usual last resort (Route 53 "
                    + "returns it whenever the primary is unhealthy) and is not flagged.")
            .remediation("Give the primary record a `HealthCheckId` (an `AWS::Route53::HealthCheck` of the endpoint), "
                    + "or for an alias record set `AliasTarget.EvaluateTargetHealth: true`; set the `TTL` of both "
                    + "failover records to 60 or less.")
            .wellArchitected("REL10-BP01", "REL11-BP01")
            .anchors(Reference.trustedAdvisor("Amazon Route 53 High TTL Resource Record Sets", ""),
                    Reference.trustedAdvisor("Amazon Route 53 Failover Resource Record Sets", ""))
            .tags("dns", "failover", "health-check")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(RECORD_SET, RECORD_SET_GROUP)
            .firesOn("An `AWS::Route53::RecordSet`, or an entry of the `RecordSets` of an "
                            + "`AWS::Route53::RecordSetGroup`, with `Failover: PRIMARY`, no `HealthCheckId`, and no "
                            + "`AliasTarget` with `EvaluateTargetHealth: true`.",
                    "Such a record or entry with `Failover` `PRIMARY` or `SECONDARY` and a `TTL` over 60 seconds.")
            .quietWhen("Records without `Failover`, and secondary records without a health check (see the "
                            + "rationale).",
                    "`Failover`, `TTL`, `HealthCheckId` or `EvaluateTargetHealth` cannot be known, or a record set "
                            + "group's `RecordSets` cannot be known; a `HealthCheckId` that is only sometimes set "
                            + "counts as set.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals(RECORD_SET)) {
            Fields record = path -> graph.property(r, path);
            String name = record.get("Name").asString().map(n -> " (" + n + ")").orElse("");
            judge(record, "Route 53 record " + r.displayName() + name, key -> r.locate("Properties/" + key),
                    Optional.empty(), context);
            return;
        }
        Optional<List<Value>> items = ListItems.of(graph.property(r, "RecordSets"));
        if (items.isEmpty()) {
            return;
        }
        for (Value item : items.get()) {
            if (item instanceof Value.Known) {
                String name = ListItems.text(item, "Name").orElse("?");
                String setId = ListItems.text(item, "SetIdentifier").map(s -> " " + s).orElse("");
                judge(path -> field(item, path), "Route 53 record " + name + setId + " of " + r.displayName(),
                        key -> r.locateInItem("Properties/RecordSets", item, key), Optional.of(name + setId),
                        context);
            }
        }
    }

    /** A record's values by slash-separated path, whether it is a resource or an entry of a group. */
    private interface Fields {
        Value get(String path);
    }

    private static Value field(Value item, String path) {
        Value v = item;
        for (String key : path.split("/")) {
            v = v.field(key);
        }
        return v;
    }

    /** Where a finding about a key of the record goes. */
    private interface Locate {
        Location at(String key);
    }

    private static void judge(Fields record, String subject, Locate locate, Optional<String> discriminator,
            RuleContext context) {
        Optional<String> failover = record.get("Failover").asString().map(f -> f.trim().toUpperCase(Locale.ROOT));
        if (failover.isEmpty() || !(failover.get().equals("PRIMARY") || failover.get().equals("SECONDARY"))) {
            return;
        }
        if (failover.get().equals("PRIMARY") && record.get("HealthCheckId").isAbsent()) {
            Value evaluate = record.get("AliasTarget/EvaluateTargetHealth");
            boolean alias = !record.get("AliasTarget").isAbsent();
            if (evaluate.isFalseOrAbsent()) {
                String why = alias ? "an alias whose AliasTarget.EvaluateTargetHealth is "
                        + (evaluate.isAbsent() ? "not set (default false)" : "false") : "no HealthCheckId";
                report(context, locate.at(alias ? "AliasTarget" : "Failover"), subject + " is the primary of a "
                        + "failover pair but has " + why + ", so Route 53 always considers it healthy and never "
                        + "answers with the secondary; " + (alias ? "set AliasTarget.EvaluateTargetHealth: true or "
                        + "add a HealthCheckId" : "add a HealthCheckId (an AWS::Route53::HealthCheck of its endpoint)"),
                        discriminator.map(d -> d + " health"));
            }
        }
        Optional<Long> ttl = record.get("TTL").asLong();
        if (ttl.isPresent() && ttl.get() > MAX_TTL) {
            report(context, locate.at("TTL"), subject + " is a " + failover.get().toLowerCase(Locale.ROOT)
                    + " failover record with TTL: " + ttl.get() + ", so resolvers keep serving the old answer for up "
                    + "to " + ttl.get() + " s after a failover; set TTL to " + MAX_TTL + " or less",
                    discriminator.map(d -> d + " ttl"));
        }
    }

    private static void report(RuleContext context, Location at, String message, Optional<String> discriminator) {
        if (discriminator.isPresent()) {
            context.report(at, message, discriminator.get());
        } else {
            context.report(at, message);
        }
    }
}
