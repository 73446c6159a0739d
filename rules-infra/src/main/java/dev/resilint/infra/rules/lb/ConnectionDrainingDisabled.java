package dev.resilint.infra.rules.lb;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.KeyValueAttributes;
import java.util.Locale;
import java.util.Optional;

/**
 * LB05: a load balancer that cuts the connections of a target as soon as it leaves the load
 * balancer, failing the requests in flight. What it fires on and when it stays quiet, case by case,
 * is in its {@link #METADATA}.
 */
public final class ConnectionDrainingDisabled extends ResourceRule {

    static final String DELAY = "deregistration_delay.timeout_seconds";
    static final String CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer";

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB05", ConnectionDrainingDisabled.class)
            .severity(Severity.WARNING)
            .summary("A Classic Load Balancer has connection draining off, or a target group has a deregistration "
                    + "delay of 0.")
            .rationale("Targets leave a load balancer all the time: at every scale-in, deployment, instance "
                    + "replacement and failed health check. With connection draining (a deregistration delay, for "
                    + "target groups) the load balancer stops sending new requests to a leaving target but lets the "
                    + "requests in flight finish; without it, their connections are cut and those requests fail, so "
                    + "routine scaling and deployments show up as errors to clients.")
            .remediation("For a Classic Load Balancer set `ConnectionDrainingPolicy: {Enabled: true, Timeout: 300}` "
                    + "(a timeout longer than the slowest request); for a target group remove the "
                    + "`deregistration_delay.timeout_seconds: 0` attribute (the default is 300 s) or set it to the "
                    + "time the slowest request needs.")
            .wellArchitected("REL07-BP01", "REL08-BP05")
            .anchors(Reference.cdkNag("AwsSolutions-ELB3"),
                    Reference.trustedAdvisor("ELB Connection Draining", ""))
            .tags("load-balancing", "deployment")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(CLASSIC, "AWS::ElasticLoadBalancingV2::TargetGroup")
            .judgesTypesIndependently()
            .firesOn("An `AWS::ElasticLoadBalancing::LoadBalancer` whose `ConnectionDrainingPolicy.Enabled` is false, "
                            + "or whose `ConnectionDrainingPolicy` is not set, in every possibility (connection "
                            + "draining is off for a Classic Load Balancer created through the API, which "
                            + "CloudFormation uses; only the console turns it on by default).",
                    "An `AWS::ElasticLoadBalancingV2::TargetGroup` whose `TargetGroupAttributes` set "
                            + "`deregistration_delay.timeout_seconds` to 0 (unset means the default of 300 s, which "
                            + "is fine).")
            .quietWhen("Target groups of `TargetType: lambda`, which have no deregistration delay.",
                    "The policy, the attribute list or the attribute's value cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals(CLASSIC)) {
            classic(graph, r, context);
        } else {
            targetGroup(graph, r, context);
        }
    }

    private static void classic(GraphView graph, Resource clb, RuleContext context) {
        Value policy = graph.property(clb, "ConnectionDrainingPolicy");
        Value enabled = graph.property(clb, "ConnectionDrainingPolicy/Enabled");
        if (!enabled.isFalseOrAbsent() || !policy.always(p -> p instanceof Value.Absent || p.isKnown())) {
            return;
        }
        String state = policy.isAbsent() ? "ConnectionDrainingPolicy is not set (default: connection draining off)"
                : enabled.isAbsent() ? "ConnectionDrainingPolicy.Enabled is not set (default false)"
                : enabled.possibilities().size() == 1 ? "ConnectionDrainingPolicy.Enabled: false"
                : "connection draining is off or unset whichever way its condition goes";
        context.report(clb.locate("Properties/ConnectionDrainingPolicy/Enabled"), "Classic Load Balancer "
                + clb.displayName() + " cuts the connections of an instance as soon as it is deregistered or "
                + "unhealthy, failing its requests in flight (" + state + "); set ConnectionDrainingPolicy: "
                + "{Enabled: true, Timeout: 300}");
    }

    private static void targetGroup(GraphView graph, Resource tg, RuleContext context) {
        Value targetType = graph.property(tg, "TargetType");
        if (!targetType.isAbsent() && !targetType.asString().map(t -> !t.trim().toLowerCase(Locale.ROOT)
                .equals("lambda")).orElse(false)) {
            return;
        }
        Value delay = KeyValueAttributes.value(graph.property(tg, "TargetGroupAttributes"), DELAY);
        if (!delay.asLong().equals(Optional.of(0L))) {
            return;
        }
        String path = KeyValueAttributes.path(graph, tg, "TargetGroupAttributes", DELAY)
                .orElse("Properties/TargetGroupAttributes");
        context.report(tg.locate(path), "Target group " + tg.displayName() + " cuts the connections of a target as "
                + "soon as it is deregistered, failing its requests in flight (" + DELAY + " is 0); remove the "
                + "attribute (the default is 300 s) or set it to the time the slowest request needs");
    }
}
