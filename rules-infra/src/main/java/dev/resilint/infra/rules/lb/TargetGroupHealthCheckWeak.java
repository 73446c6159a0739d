package dev.resilint.infra.rules.lb;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * LB04: a target group whose health checks are off, or so slow that a failed target keeps
 * receiving requests for minutes. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class TargetGroupHealthCheckWeak extends ResourceRule {

    /** The longest time to take a failed target out of service that the rule accepts, in seconds. */
    static final long MAX_DETECTION_SECONDS = 120;

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB04", TargetGroupHealthCheckWeak.class)
            .severity(Severity.WARNING)
            .summary("A load balancer target group has health checks switched off, or takes more than two minutes "
                    + "to notice a failed target.")
            .rationale("A load balancer stops sending requests to a target only once its health checks have failed "
                    + "`UnhealthyThresholdCount` times in a row, one every `HealthCheckIntervalSeconds`. Until then "
                    + "every request routed to a crashed or hung target fails. With the defaults (30 s x 2) a failed "
                    + "target is out of service within a minute; settings whose product is over 120 s leave it in "
                    + "service for minutes, and without health checks it stays there until it is deregistered. "
                    + "Lambda target groups are not judged: health checks are off by default for them, the load "
                    + "balancer invokes the function directly, and Lambda replaces failed execution environments by "
                    + "itself.")
            .remediation("Remove `HealthCheckEnabled: false`, and set `HealthCheckIntervalSeconds` and "
                    + "`UnhealthyThresholdCount` so that their product is at most 120 s (for example 10 s x 3, or "
                    + "the defaults 30 s x 2).")
            .wellArchitected("REL11-BP01", "REL11-BP03")
            .tags("load-balancing", "health-check")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ElasticLoadBalancingV2::TargetGroup")
            .firesOn("An `AWS::ElasticLoadBalancingV2::TargetGroup` whose `TargetType` is `instance` (the default), "
                            + "`ip` or `alb`, with `HealthCheckEnabled: false`.",
                    "Such a target group whose `HealthCheckIntervalSeconds` times `UnhealthyThresholdCount` is over "
                            + "120 s, an unset interval counting as its default (30 s, or 10 s for the `GENEVE` "
                            + "protocol of Gateway Load Balancers) and an unset threshold as its default (2). The "
                            + "health check timeout is not added. This applies to every protocol, HTTP and HTTPS as "
                            + "well as TCP, TLS, UDP and GENEVE.")
            .quietWhen("Target groups of `TargetType: lambda`, whose health checks are off by default and matter "
                            + "little (see the rationale).",
                    "The target type, `HealthCheckEnabled`, the interval or the threshold cannot be known, or "
                            + "differs between the branches of a condition (the protocol too, when the interval is "
                            + "not set).",
                    "The target group's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource tg, GraphView graph, RuleContext context) {
        Value targetType = graph.property(tg, "TargetType");
        Optional<String> type = targetType.isAbsent() ? Optional.of("instance")
                : targetType.asString().map(t -> t.trim().toLowerCase(Locale.ROOT));
        if (type.isEmpty() || type.get().equals("lambda")) {
            return;
        }
        String subject = "Target group " + tg.displayName();
        if (graph.property(tg, "HealthCheckEnabled").asBoolean().equals(Optional.of(Boolean.FALSE))) {
            context.report(tg.locateProperty("HealthCheckEnabled"), subject + " has health checks switched off "
                    + "(HealthCheckEnabled: false), so the load balancer keeps sending requests to targets that have "
                    + "crashed or hung until they are deregistered; remove HealthCheckEnabled: false");
            return;
        }
        Value intervalValue = graph.property(tg, "HealthCheckIntervalSeconds");
        Value thresholdValue = graph.property(tg, "UnhealthyThresholdCount");
        Optional<Long> interval = intervalValue.isAbsent() ? defaultInterval(graph, tg) : intervalValue.asLong();
        Optional<Long> threshold = thresholdValue.isAbsent() ? Optional.of(2L) : thresholdValue.asLong();
        if (interval.isEmpty() || threshold.isEmpty()) {
            return;
        }
        long detection = interval.get() * threshold.get();
        if (detection <= MAX_DETECTION_SECONDS) {
            return;
        }
        String intervalText = intervalValue.isAbsent()
                ? "HealthCheckIntervalSeconds is not set (default " + interval.get() + ")"
                : "HealthCheckIntervalSeconds: " + interval.get();
        String thresholdText = thresholdValue.isAbsent() ? "UnhealthyThresholdCount is not set (default 2)"
                : "UnhealthyThresholdCount: " + threshold.get();
        String at = intervalValue.isAbsent() && !thresholdValue.isAbsent() ? "UnhealthyThresholdCount"
                : "HealthCheckIntervalSeconds";
        context.report(tg.locateProperty(at), subject + " takes up to " + detection + " s to stop routing requests "
                + "to a failed target (" + intervalText + " x " + thresholdText + "); lower them so that the interval "
                + "times the threshold is at most " + MAX_DETECTION_SECONDS + " s (for example 10 s x 3)");
    }

    /** The interval's default: 10 s for GENEVE (Gateway Load Balancers), 30 s for every other protocol. */
    private static Optional<Long> defaultInterval(GraphView graph, Resource tg) {
        Value protocol = graph.property(tg, "Protocol");
        if (protocol.isAbsent()) {
            return Optional.of(30L);
        }
        return protocol.asString().map(p -> p.trim().equalsIgnoreCase("GENEVE") ? 10L : 30L);
    }
}
