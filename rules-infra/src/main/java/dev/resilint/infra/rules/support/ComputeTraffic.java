package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shared by LB01, LB02 and SC01: whether an Auto Scaling group is attached to a load balancer, and
 * whether an Auto Scaling group or a standalone EC2 instance provably serves traffic. What
 * "attached" and "serves traffic" mean is written once, in {@link #ATTACHED},
 * {@link #SERVES_TRAFFIC} and {@link #PROVES_NOTHING}, which the rules' metadata quote. Both kinds
 * of security group rule that prove nothing were false positives on real templates.
 */
public final class ComputeTraffic {

    /** A three-valued answer: unknown when the template cannot tell. */
    public enum Answer { YES, NO, UNKNOWN }

    public static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    public static final String INSTANCE = "AWS::EC2::Instance";
    public static final String LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
    public static final String LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";
    public static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    public static final String INGRESS = "AWS::EC2::SecurityGroupIngress";
    public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    public static final String CLASSIC_LOAD_BALANCER = "AWS::ElasticLoadBalancing::LoadBalancer";
    public static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    public static final String ECS_SERVICE = "AWS::ECS::Service";

    /** What {@link #attachedToLoadBalancer} reads: a rule that uses only it declares these. */
    public static final List<String> ATTACHMENT_TYPES = List.of(ASG);

    /**
     * What {@link #servesTraffic} and {@link #isLoadBalancerTarget} read: the compute, its launch
     * sources and security groups, and the load-balanced tiers that may share a security group.
     */
    public static final List<String> TRAFFIC_TYPES = List.of(ASG, INSTANCE, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION,
            SECURITY_GROUP, INGRESS, LOAD_BALANCER, CLASSIC_LOAD_BALANCER, TARGET_GROUP, ECS_SERVICE);

    /**
     * What "attached to a load balancer" means, for the contract in the metadata of the rules that
     * use {@link #attachedToLoadBalancer}.
     */
    public static final String ATTACHED = "An Auto Scaling group is attached to a load balancer when its own "
            + "properties say so: a non-empty `TargetGroupARNs` or `LoadBalancerNames`, or a `TrafficSources` entry of "
            + "type `elb` or `elbv2`. Nothing else in a template can attach a group to a load balancer.";

    /** What "serves traffic" means, for the contract in the metadata of the rules that use {@link #servesTraffic}. */
    public static final String SERVES_TRAFFIC = "Compute serves traffic when one of its security groups, an "
            + "`AWS::EC2::SecurityGroup` of the same template, admits TCP (`IpProtocol` `tcp`, `6` or `-1`) from a "
            + "`CidrIp` or `CidrIpv6` on a port range that holds a port other than 22 (SSH) and 3389 (RDP), through "
            + "an inline `SecurityGroupIngress` rule or a separate `AWS::EC2::SecurityGroupIngress`. An Auto "
            + "Scaling group's security groups come from its launch template (`LaunchTemplateData.SecurityGroupIds`, "
            + "`SecurityGroups`, `NetworkInterfaces[*].Groups`) or launch configuration (`SecurityGroups`); an "
            + "instance's from `SecurityGroupIds`, `SecurityGroups`, `NetworkInterfaces[*].GroupSet` and its launch "
            + "template.";

    /** When a security group proves nothing about serving traffic, for the rules that use {@link #servesTraffic}. */
    public static final List<String> PROVES_NOTHING = List.of(
            "Security groups defined outside the template, and ingress rules whose protocol, ports or source cannot "
                    + "be known, prove nothing about serving traffic.",
            "A catch-all ingress rule (protocol `-1`, or every TCP port) from a range other than `0.0.0.0/0` and "
                    + "`::/0` proves nothing: \"allow everything from the VPC\" is how clusters and helper hosts talk "
                    + "to each other.",
            "A rule of a security group shared with a load balancer, or with other compute that is behind one (an "
                    + "attached Auto Scaling group, a target instance, an ECS service with `LoadBalancers`), proves "
                    + "nothing: its ports are open for that load-balanced tier.");

    /** Sources for which even a rule opening every port shows an exposed service. */
    private static final java.util.Set<String> INTERNET = java.util.Set.of("0.0.0.0/0", "::/0");

    private ComputeTraffic() {
    }

    // ---------------------------------------------------------------- attachment

    /** Whether the Auto Scaling group's own properties attach it to a load balancer. */
    public static Answer attachedToLoadBalancer(GraphView graph, Resource asg) {
        List<Answer> answers = List.of(nonEmptyList(graph.property(asg, "TargetGroupARNs")),
                nonEmptyList(graph.property(asg, "LoadBalancerNames")),
                loadBalancerTrafficSource(graph.property(asg, "TrafficSources")));
        if (answers.contains(Answer.YES)) {
            return Answer.YES;
        }
        return answers.contains(Answer.UNKNOWN) ? Answer.UNKNOWN : Answer.NO;
    }

    /** YES for a list with at least one real item, NO for an absent or empty list, else UNKNOWN. */
    public static Answer nonEmptyList(Value value) {
        return agreed(value, ComputeTraffic::nonEmptyListOne);
    }

    private static Answer nonEmptyListOne(Value option) {
        if (option instanceof Value.Absent) {
            return Answer.NO;
        }
        Optional<List<Value>> items = option.asList();
        if (items.isEmpty()) {
            return Answer.UNKNOWN;
        }
        boolean maybe = false;
        for (Value item : items.get()) {
            if (isMaybeNothing(item)) {
                maybe = true;
            } else {
                return Answer.YES;
            }
        }
        return maybe ? Answer.UNKNOWN : Answer.NO;
    }

    /** A list item that may stand for nothing: one that depends on a condition, or an empty string. */
    private static boolean isMaybeNothing(Value item) {
        if (item instanceof Value.Unknown u) {
            return u.reason() == Value.Reason.UNKNOWN_CONDITION;
        }
        return item.asString().map(String::isBlank).orElse(false);
    }

    private static Answer loadBalancerTrafficSource(Value sources) {
        return agreed(sources, option -> {
            if (option instanceof Value.Absent) {
                return Answer.NO;
            }
            Optional<List<Value>> items = option.asList();
            if (items.isEmpty()) {
                return Answer.UNKNOWN;
            }
            Answer result = Answer.NO;
            for (Value item : items.get()) {
                Value type = item.field("Type");
                if (type.isAbsent()) {
                    return Answer.YES; // elbv2 by default
                }
                Optional<String> t = type.asString().map(s -> s.trim().toLowerCase(Locale.ROOT));
                if (t.isEmpty()) {
                    result = Answer.UNKNOWN;
                } else if (t.get().equals("elb") || t.get().equals("elbv2")) {
                    return Answer.YES;
                }
            }
            return result;
        });
    }

    /** The answer every possibility gives; UNKNOWN when one gives UNKNOWN or they disagree. */
    private static Answer agreed(Value value, Function<Value, Answer> one) {
        return value.agreed(option -> Optional.of(one.apply(option)).filter(a -> a != Answer.UNKNOWN))
                .orElse(Answer.UNKNOWN);
    }

    // ---------------------------------------------------------------- serving traffic

    /**
     * How the Auto Scaling group or instance provably admits traffic, such as
     * {@code security group WebSg admits TCP 80 from 0.0.0.0/0}; empty when that cannot be shown.
     */
    public static Optional<String> servesTraffic(GraphView graph, Resource compute) {
        for (Value groups : securityGroupLists(graph, compute)) {
            Optional<String> found = admittingGroup(graph, groups, compute);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The lists of security groups that apply to the compute resource. */
    private static List<Value> securityGroupLists(GraphView graph, Resource compute) {
        List<Value> lists = new ArrayList<>();
        if (compute.type().equals(ASG)) {
            Optional<Resource> lc = graph.resolve(graph.property(compute, "LaunchConfigurationName"),
                    LAUNCH_CONFIGURATION);
            lc.ifPresent(r -> lists.add(graph.property(r, "SecurityGroups")));
            launchTemplate(graph, compute, "LaunchTemplate").ifPresent(lt -> lists.addAll(launchTemplateGroups(graph, lt)));
            launchTemplate(graph, compute, "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification")
                    .ifPresent(lt -> lists.addAll(launchTemplateGroups(graph, lt)));
        } else if (compute.type().equals(INSTANCE)) {
            lists.add(graph.property(compute, "SecurityGroupIds"));
            lists.add(graph.property(compute, "SecurityGroups"));
            lists.addAll(perItem(graph.property(compute, "NetworkInterfaces"), "GroupSet"));
            launchTemplate(graph, compute, "LaunchTemplate").ifPresent(lt -> lists.addAll(launchTemplateGroups(graph, lt)));
        }
        return lists;
    }

    /** The launch template a launch template specification at {@code path} names, when it is in the template. */
    public static Optional<Resource> launchTemplate(GraphView graph, Resource compute, String path) {
        Optional<Resource> byId = graph.resolve(graph.property(compute, path + "/LaunchTemplateId"), LAUNCH_TEMPLATE);
        return byId.isPresent() ? byId
                : graph.resolve(graph.property(compute, path + "/LaunchTemplateName"), LAUNCH_TEMPLATE);
    }

    /** The launch template or launch configuration of an Auto Scaling group, when in the template. */
    public static List<Resource> launchSources(GraphView graph, Resource asg) {
        List<Resource> sources = new ArrayList<>();
        graph.resolve(graph.property(asg, "LaunchConfigurationName"), LAUNCH_CONFIGURATION)
                .ifPresent(sources::add);
        launchTemplate(graph, asg, "LaunchTemplate").ifPresent(sources::add);
        launchTemplate(graph, asg, "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification")
                .ifPresent(sources::add);
        return sources;
    }

    private static List<Value> launchTemplateGroups(GraphView graph, Resource lt) {
        List<Value> lists = new ArrayList<>();
        lists.add(graph.property(lt, "LaunchTemplateData/SecurityGroupIds"));
        lists.add(graph.property(lt, "LaunchTemplateData/SecurityGroups"));
        lists.addAll(perItem(graph.property(lt, "LaunchTemplateData/NetworkInterfaces"), "Groups"));
        return lists;
    }

    /** {@code key} of every item of a known list of maps. */
    private static List<Value> perItem(Value list, String key) {
        List<Value> values = new ArrayList<>();
        for (Value option : list.possibilities()) {
            option.asList().ifPresent(items -> items.forEach(item -> values.add(item.field(key))));
        }
        return values;
    }

    /**
     * A security group of the list that admits traffic, in every possibility of the list; empty
     * when no possibility or not all of them show one.
     */
    private static Optional<String> admittingGroup(GraphView graph, Value groups, Resource compute) {
        return groups.readEach(option -> option.asList().flatMap(items -> admittingItem(graph, items, compute)))
                .map(found -> found.get(0));
    }

    /** The first security group of the list that admits traffic, described. */
    private static Optional<String> admittingItem(GraphView graph, List<Value> items, Resource compute) {
        for (Value item : items) {
            Optional<Resource> sg = graph.resolve(item, SECURITY_GROUP);
            if (sg.isPresent() && !sharedWithLoadBalancedTier(graph, sg.get(), compute)) {
                Optional<String> rule = admittingRule(graph, sg.get());
                if (rule.isPresent()) {
                    return Optional.of("security group " + sg.get().displayName() + " admits " + rule.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the security group also belongs to a load balancer, or to other compute that is
     * behind one: then its open ports are there for that tier, and say nothing about this compute.
     */
    private static boolean sharedWithLoadBalancedTier(GraphView graph, Resource sg, Resource compute) {
        for (References.Edge edge : graph.edgesTo(sg)) {
            Resource user = graph.resource(edge.from()).orElseThrow();
            if (user.id().equals(compute.id())) {
                continue;
            }
            switch (user.type()) {
                case LOAD_BALANCER, CLASSIC_LOAD_BALANCER -> {
                    return true;
                }
                case INSTANCE -> {
                    if (isLoadBalancerTarget(graph, user)) {
                        return true;
                    }
                }
                case ECS_SERVICE -> {
                    if (nonEmptyList(graph.property(user, "LoadBalancers")) == Answer.YES) {
                        return true;
                    }
                }
                case LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION -> {
                    for (Resource asg : graph.referrers(user, ASG)) {
                        if (!asg.id().equals(compute.id()) && attachedToLoadBalancer(graph, asg) == Answer.YES) {
                            return true;
                        }
                    }
                }
                default -> {
                    // other users (ingress rules, other groups) do not matter
                }
            }
        }
        return false;
    }

    /** A target of a target group ({@code Targets}) or a Classic Load Balancer ({@code Instances}) of the template. */
    public static boolean isLoadBalancerTarget(GraphView graph, Resource instance) {
        for (References.Edge edge : graph.edgesTo(instance)) {
            String type = graph.resource(edge.from()).map(Resource::type).orElse("");
            if (type.equals(TARGET_GROUP) && edge.path().startsWith("Properties/Targets")
                    || type.equals(CLASSIC_LOAD_BALANCER)
                            && edge.path().startsWith("Properties/Instances")) {
                return true;
            }
        }
        return false;
    }

    /** A rule of the security group that admits TCP from a CIDR on a port other than 22 and 3389. */
    public static Optional<String> admittingRule(GraphView graph, Resource sg) {
        Value inline = graph.property(sg, "SecurityGroupIngress");
        Optional<String> inInline = inline.readEach(option -> firstAdmitting(option.asList().orElse(List.of())))
                .map(found -> found.get(0));
        if (inInline.isPresent()) {
            return inInline;
        }
        for (Resource ingress : ingressResources(graph, sg)) {
            Optional<String> rule = admits(key -> graph.property(ingress, key));
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    /** The first inline ingress rule that admits traffic, described. */
    private static Optional<String> firstAdmitting(List<Value> rules) {
        for (Value item : rules) {
            Optional<String> rule = admits(item::field);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    /** Separate ingress resources, created for certain, whose {@code GroupId} or {@code GroupName} is the group. */
    private static List<Resource> ingressResources(GraphView graph, Resource sg) {
        List<Resource> result = new ArrayList<>();
        for (Resource ingress : graph.referrers(sg, INGRESS)) {
            if (!graph.exists(ingress).orElse(false)) {
                continue;
            }
            Value group = graph.property(ingress, "GroupId");
            if (group.isAbsent()) {
                group = graph.property(ingress, "GroupName");
            }
            if (group.asResourceRef().map(ref -> ref.resourceId().equals(sg.id())).orElse(false)) {
                result.add(ingress);
            }
        }
        return result;
    }

    /** The rule described ("TCP 80 from 0.0.0.0/0") when it provably admits TCP from a CIDR on a port other than 22 and 3389. */
    private static Optional<String> admits(Function<String, Value> field) {
        Optional<String> protocol = field.apply("IpProtocol").asString().map(p -> p.trim().toLowerCase(Locale.ROOT));
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        boolean all = protocol.get().equals("-1") || protocol.get().equals("all");
        if (!all && !protocol.get().equals("tcp") && !protocol.get().equals("6")) {
            return Optional.empty();
        }
        Optional<String> source = cidr(field.apply("CidrIp")).or(() -> cidr(field.apply("CidrIpv6")));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        boolean internet = INTERNET.contains(source.get());
        if (all) {
            return internet ? Optional.of("all traffic from " + source.get()) : Optional.empty();
        }
        Optional<Long> from = field.apply("FromPort").asLong();
        Optional<Long> to = field.apply("ToPort").asLong();
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        long lo = from.get();
        long hi = to.get();
        if (lo == -1 || hi == -1 || (lo <= 1 && hi >= 65535)) {
            return internet ? Optional.of("all TCP ports from " + source.get()) : Optional.empty();
        }
        if (lo > hi || (lo == hi && (lo == 22 || lo == 3389))) {
            return Optional.empty();
        }
        return Optional.of("TCP " + (lo == hi ? String.valueOf(lo) : lo + "-" + hi) + " from " + source.get());
    }

    /** How to name a CIDR source that is set in every possibility: its text, or "a CIDR range". */
    private static Optional<String> cidr(Value value) {
        if (value.possibilities().stream().anyMatch(v -> v instanceof Value.Absent
                || (v instanceof Value.Unknown u && u.reason() == Value.Reason.UNKNOWN_CONDITION))) {
            return Optional.empty(); // may be unset
        }
        return Optional.of(value.asString().orElse("a CIDR range"));
    }

}
