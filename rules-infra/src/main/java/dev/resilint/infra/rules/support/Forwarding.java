package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shared by LB01 and SC01: whether compute forwards traffic (a NAT instance, a router, a VPN or
 * firewall appliance) rather than serving it. Such an instance admits the traffic it forwards,
 * often from the whole VPC, so its security groups look like a service's; what tells it apart is
 * the one setting every forwarder needs: EC2 drops packets that are not addressed to an instance
 * unless its source/destination check is off. What "forwards" means is written once, in
 * {@link #FORWARDS}, which the rules' metadata quote.
 */
public final class Forwarding {

    /** What "forwards traffic" means, for the contract in the metadata of the rules that use {@link #forwards}. */
    public static final String FORWARDS = "Compute that forwards traffic rather than serving it: an "
            + "`AWS::EC2::Instance` whose `SourceDestCheck` is false (or not provably true), or whose user data "
            + "turns the check off; an Auto Scaling group whose launch template (`LaunchTemplateData.UserData`) "
            + "or launch configuration (`UserData`) turns it off for every instance it launches. User data turns "
            + "it off when its text (literal, base64, or `Fn::Base64` of `Fn::Sub` or `Fn::Join`, whose unknown "
            + "parts do not matter) holds `--no-source-dest-check`, or `source-dest-check` (or "
            + "`SourceDestCheck`) followed on the same line by `false`. A NAT instance, router or appliance admits "
            + "the traffic it forwards, and a load balancer in front of it would not forward that traffic: "
            + "such instances are made available by a route per zone (or a Gateway Load Balancer), not by a "
            + "load balancer or a second instance behind one.";

    /** User data that switches the source/destination check off (AWS CLI, PowerShell, SDK calls). */
    private static final Pattern CHECK_OFF = Pattern.compile(
            "no-source-dest-check|source-?dest-?check[^\\n]{0,40}?false", Pattern.CASE_INSENSITIVE);

    private Forwarding() {
    }

    /**
     * How the instance or Auto Scaling group provably, or possibly, forwards traffic, such as
     * {@code its SourceDestCheck is false}; empty when it does not (as far as the source shows).
     */
    public static Optional<String> forwards(GraphView graph, Resource compute) {
        if (compute.type().equals(ComputeTraffic.INSTANCE)) {
            Value check = graph.property(compute, "SourceDestCheck");
            if (!check.always(v -> v instanceof Value.Absent || v.asBoolean().equals(Optional.of(Boolean.TRUE)))) {
                return Optional.of(check.asBoolean().equals(Optional.of(Boolean.FALSE))
                        ? "its SourceDestCheck is false" : "its SourceDestCheck may be false");
            }
            if (turnsCheckOff(graph.scriptText(compute, "UserData"))) {
                return Optional.of("its user data turns the source/destination check off");
            }
        }
        List<Resource> sources = new ArrayList<>();
        if (compute.type().equals(ComputeTraffic.ASG)) {
            sources.addAll(ComputeTraffic.launchSources(graph, compute));
        } else if (compute.type().equals(ComputeTraffic.INSTANCE)) {
            ComputeTraffic.launchTemplate(graph, compute, "LaunchTemplate").ifPresent(sources::add);
        }
        for (Resource source : sources) {
            String path = source.type().equals(ComputeTraffic.LAUNCH_TEMPLATE) ? "LaunchTemplateData/UserData"
                    : "UserData";
            if (turnsCheckOff(graph.scriptText(source, path))) {
                return Optional.of("the user data of " + source.displayName()
                        + " turns the source/destination check off");
            }
        }
        return Optional.empty();
    }

    /** Whether user data, in every possibility that holds text, turns the check off. */
    private static boolean turnsCheckOff(Value userData) {
        List<String> texts = new ArrayList<>();
        for (Value option : userData.possibilities()) {
            option.asString().ifPresent(texts::add);
        }
        return !texts.isEmpty() && texts.size() == userData.possibilities().size()
                && texts.stream().allMatch(Forwarding::turnsCheckOff);
    }

    /** Whether the script (as written, or base64 as a live launch template holds it) turns the check off. */
    static boolean turnsCheckOff(String userData) {
        if (CHECK_OFF.matcher(userData).find()) {
            return true;
        }
        try {
            return CHECK_OFF.matcher(new String(Base64.getDecoder().decode(userData.replaceAll("\\s", "")),
                    StandardCharsets.UTF_8)).find();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
