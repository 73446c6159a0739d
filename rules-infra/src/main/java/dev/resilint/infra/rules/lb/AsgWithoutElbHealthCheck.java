package dev.resilint.infra.rules.lb;

import dev.resilint.core.Reference;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ComputeTraffic.Answer;
import dev.resilint.infra.rules.support.ComputeTraffic;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * LB02: an Auto Scaling group attached to a load balancer that replaces instances only when EC2
 * says they are broken, not when the load balancer's health check fails. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class AsgWithoutElbHealthCheck extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB02", AsgWithoutElbHealthCheck.class)
            .severity(Severity.WARNING)
            .summary("An Auto Scaling group behind a load balancer ignores the load balancer's health checks.")
            .rationale("With the EC2 health check alone, an instance whose application hangs, crashes or cannot "
                    + "reach its dependencies still counts as healthy: the load balancer stops sending it traffic, "
                    + "but Auto Scaling never replaces it, so serving capacity quietly shrinks until too few "
                    + "instances are left to carry the load.")
            .remediation("Set `HealthCheckType: ELB` on the `AWS::AutoScaling::AutoScalingGroup`, with a "
                    + "`HealthCheckGracePeriod` long enough for a new instance to start serving.")
            .wellArchitected("REL11-BP01", "REL11-BP03")
            .anchors(Reference.awsConfig("autoscaling-group-elb-healthcheck-required"),
                    Reference.cdkNag("HIPAA.Security-AutoScalingGroupELBHealthCheckRequired"))
            .tags("load-balancing", "health-check", "compute")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ComputeTraffic.ASG)
            .reads(ComputeTraffic.ATTACHMENT_TYPES)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` attached to a load balancer whose `HealthCheckType` "
                            + "does not include `ELB` in every possibility (`HealthCheckType` is a comma-separated "
                            + "list; unset means `EC2`).",
                    ComputeTraffic.ATTACHED)
            .quietWhen("The attachment or the health check type cannot be known.",
                    "The group's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource asg, GraphView graph, RuleContext context) {
        if (ComputeTraffic.attachedToLoadBalancer(graph, asg) != Answer.YES) {
            return;
        }
        Value type = graph.property(asg, "HealthCheckType");
        Optional<String> state = state(type);
        state.ifPresent(s -> context.report(asg.locateProperty("HealthCheckType"), "Auto Scaling group "
                + asg.displayName() + " is attached to a load balancer but " + s + ", so an instance that "
                + "fails the load balancer's health check is never replaced; set HealthCheckType: ELB"));
    }

    /** Why the health check type leaves out ELB; empty when it includes ELB or cannot be known. */
    private static Optional<String> state(Value type) {
        if (type.isAbsent()) {
            return Optional.of("HealthCheckType is not set and defaults to EC2");
        }
        boolean withoutElb = type.always(v -> v instanceof Value.Absent
                || v.asString().map(t -> Arrays.stream(t.split(","))
                        .noneMatch(p -> p.trim().toUpperCase(Locale.ROOT).equals("ELB"))).orElse(false));
        if (!withoutElb) {
            return Optional.empty();
        }
        return Optional.of(type.asString().map(t -> "HealthCheckType is " + t)
                .orElse("HealthCheckType leaves out ELB whichever way its condition goes"));
    }
}
