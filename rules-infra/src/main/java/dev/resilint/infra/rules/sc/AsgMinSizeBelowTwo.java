package dev.resilint.infra.rules.sc;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.rules.support.ComputeTraffic.Answer;
import dev.resilint.infra.rules.support.ComputeTraffic;
import dev.resilint.infra.rules.support.Forwarding;
import java.util.Optional;

/**
 * SC01: an Auto Scaling group that serves traffic but may shrink to a single instance (or none),
 * which then is a single point of failure. What it fires on and when it stays quiet, case by case,
 * is in its {@link #METADATA}.
 */
public final class AsgMinSizeBelowTwo extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("SC01", AsgMinSizeBelowTwo.class)
            .severity(Severity.WARNING)
            .summary("An Auto Scaling group that serves traffic may scale in to fewer than two instances.")
            .rationale("With `MinSize` below 2, scaling in (or a quiet night) leaves one instance, or none, to "
                    + "serve every request: when it fails, or its Availability Zone does, the service is down until "
                    + "Auto Scaling has launched and warmed up a replacement, which takes minutes. That holds for a "
                    + "group that serves requests; a group of instances that forward traffic (NAT instances, "
                    + "routers, appliances: their source/destination check is off) is out of scope unless a load "
                    + "balancer sends it requests: one forwarder per zone, replaced by its group, is the usual "
                    + "design, and a second one would need its own route.")
            .remediation("Set `MinSize` to at least 2, with the group's subnets in at least two Availability "
                    + "Zones, so that one instance or zone can fail while another keeps serving.")
            .wellArchitected("REL07-BP01", "REL11-BP05")
            .tags("scaling", "compute")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ComputeTraffic.ASG)
            .reads(ComputeTraffic.TRAFFIC_TYPES)
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` whose `MinSize` (a number or a string) is below 2 and "
                            + "that is attached to a load balancer or serves traffic as in LB01.",
                    ComputeTraffic.ATTACHED, ComputeTraffic.SERVES_TRAFFIC)
            .quietWhen("`MinSize` cannot be known (or differs between the branches of a condition).",
                    "Neither the attachment nor the serving can be shown.",
                    "The group is not attached to a load balancer and forwards traffic. " + Forwarding.FORWARDS)
            .quietWhen(ComputeTraffic.PROVES_NOTHING)
            .quietWhen("The group's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource asg, GraphView graph, RuleContext context) {
        Optional<Long> min = graph.property(asg, "MinSize").asLong();
        if (min.isEmpty() || min.get() >= 2) {
            return;
        }
        String why;
        if (ComputeTraffic.attachedToLoadBalancer(graph, asg) == Answer.YES) {
            why = "is attached to a load balancer";
        } else {
            Optional<String> serves = ComputeTraffic.servesTraffic(graph, asg);
            if (serves.isEmpty() || Forwarding.forwards(graph, asg).isPresent()) {
                return;
            }
            why = "serves traffic (" + serves.get() + ")";
        }
        context.report(asg.locateProperty("MinSize"), "Auto Scaling group " + asg.displayName() + " " + why
                + " but has MinSize " + min.get() + ", so scaling in can leave "
                + (min.get() == 1 ? "a single instance" : "no instance at all") + " to serve every request; set "
                + "MinSize to at least 2, across two Availability Zones");
    }
}
