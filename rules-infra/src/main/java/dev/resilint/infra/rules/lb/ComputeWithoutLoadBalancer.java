package dev.resilint.infra.rules.lb;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ComputeTraffic.Answer;
import dev.resilint.infra.rules.support.ComputeTraffic;
import dev.resilint.infra.rules.support.Forwarding;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * LB01: compute that serves traffic but sits behind no load balancer, so clients reach instances
 * or tasks directly and keep reaching them when they, or their zone, fail. What it fires on and
 * when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class ComputeWithoutLoadBalancer extends ResourceRule {

    private static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
    private static final String CAPACITY_PROVIDER = "AWS::ECS::CapacityProvider";
    private static final Set<String> CONTAINER_CLUSTERS = Set.of("AWS::ECS::Cluster", "AWS::EKS::Cluster");
    private static final Set<String> ORCHESTRATOR_TAGS = Set.of("AmazonECSManaged", "eks:cluster-name",
            "eks:nodegroup-name");

    public static final RuleMetadata METADATA = RuleMetadata.builder("LB01", ComputeWithoutLoadBalancer.class)
            .severity(Severity.WARNING)
            .summary("Compute that serves traffic sits behind no load balancer.")
            .rationale("Clients that reach instances or tasks directly keep sending requests to an instance that "
                    + "has failed, to a zone that is impaired, and to a replacement's old address. A load balancer "
                    + "health-checks its targets, stops routing to failed ones within seconds, spreads load over "
                    + "zones, and gives clients one stable endpoint while instances come and go. That holds for "
                    + "compute that is the endpoint of its traffic; compute that forwards traffic to other endpoints "
                    + "(a NAT instance, a router, a firewall appliance, recognised by its source/destination check "
                    + "being off) is out of scope: its open ports admit what it forwards.")
            .remediation("Put the instances behind an Application or Network Load Balancer: register the Auto "
                    + "Scaling group with a target group (`TargetGroupARNs`), run a standalone instance in an Auto "
                    + "Scaling group instead, or give the ECS service `LoadBalancers` (or `ServiceRegistries` when "
                    + "clients discover tasks through Cloud Map). If the port is open for another reason, narrow "
                    + "the security group or suppress the finding with that reason.")
            .wellArchitected("REL11-BP01", "REL10-BP01")
            .tags("load-balancing", "compute")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ComputeTraffic.ASG, ComputeTraffic.INSTANCE, ComputeTraffic.ECS_SERVICE)
            .reads(ComputeTraffic.TRAFFIC_TYPES)
            .reads(TASK_DEFINITION, CAPACITY_PROVIDER, "AWS::ECS::Cluster", "AWS::EKS::Cluster")
            .firesOn("An `AWS::AutoScaling::AutoScalingGroup` that serves traffic and is provably attached to no "
                            + "load balancer (no `TargetGroupARNs`, `LoadBalancerNames` or load balancer "
                            + "`TrafficSources`).",
                    "A standalone `AWS::EC2::Instance` that serves traffic in the same sense and is not a target of "
                            + "a target group (`Targets[*].Id`) or of a Classic Load Balancer (`Instances`) of the "
                            + "template.",
                    "An `AWS::ECS::Service` whose task definition (in the template) has a container mapping a TCP "
                            + "port (in every possibility of its `ContainerDefinitions`), with no `LoadBalancers` and "
                            + "no `ServiceRegistries`.",
                    ComputeTraffic.SERVES_TRAFFIC)
            .quietWhen(ComputeTraffic.PROVES_NOTHING)
            .quietWhen("The attachment cannot be known.",
                    Forwarding.FORWARDS,
                    "Auto Scaling groups that host ECS or EKS containers: a capacity provider uses them, their "
                            + "launch template or configuration refers to an ECS or EKS cluster or starts its agent "
                            + "(literal or base64 `UserData` with `ECS_CLUSTER=`, `/etc/eks/bootstrap.sh` or "
                            + "`nodeadm`), or the group carries a tag that ECS or EKS puts on its groups "
                            + "(`AmazonECSManaged`, `eks:cluster-name`, `eks:nodegroup-name`, "
                            + "`kubernetes.io/cluster/...`, `k8s.io/cluster-autoscaler/...`): the orchestrator puts "
                            + "tasks and pods behind load balancers.",
                    "ECS services that use Service Connect (reached through Cloud Map, like `ServiceRegistries`), "
                            + "or whose `ServiceConnectConfiguration.Enabled` cannot be known; ECS services whose "
                            + "task definition is outside the template.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        switch (r.type()) {
            case ComputeTraffic.ASG -> checkGroup(graph, r, context);
            case ComputeTraffic.INSTANCE -> checkInstance(graph, r, context);
            default -> checkService(graph, r, context);
        }
    }

    private static void checkGroup(GraphView graph, Resource asg, RuleContext context) {
        if (ComputeTraffic.attachedToLoadBalancer(graph, asg) != Answer.NO || hostsContainers(graph, asg)
                || Forwarding.forwards(graph, asg).isPresent()) {
            return;
        }
        ComputeTraffic.servesTraffic(graph, asg).ifPresent(how -> context.report(
                asg.locateProperty("TargetGroupARNs"), "Auto Scaling group " + asg.displayName()
                        + " serves traffic (" + how + ") but is attached to no load balancer; register it "
                        + "with a target group (TargetGroupARNs) so that failed instances and impaired zones "
                        + "stop receiving requests"));
    }

    private static void checkInstance(GraphView graph, Resource instance, RuleContext context) {
        if (Forwarding.forwards(graph, instance).isPresent() || ComputeTraffic.isLoadBalancerTarget(graph, instance)) {
            return;
        }
        ComputeTraffic.servesTraffic(graph, instance).ifPresent(how -> context.report(
                instance.locate(""), "EC2 instance " + instance.displayName() + " serves traffic (" + how
                        + ") but sits behind no load balancer; run it in an Auto Scaling group registered "
                        + "with a target group, or register it as a target, so that clients are not sent to "
                        + "it when it fails"));
    }

    private static void checkService(GraphView graph, Resource service, RuleContext context) {
        if (ComputeTraffic.nonEmptyList(graph.property(service, "LoadBalancers")) != Answer.NO
                || ComputeTraffic.nonEmptyList(graph.property(service, "ServiceRegistries")) != Answer.NO) {
            return;
        }
        Value serviceConnect = graph.property(service, "ServiceConnectConfiguration");
        if (!serviceConnect.isAbsent()
                && !graph.property(service, "ServiceConnectConfiguration/Enabled").isFalseOrAbsent()) {
            return; // Service Connect on, or cannot tell
        }
        Optional<Resource> taskDefinition = graph.resolve(graph.property(service, "TaskDefinition"), TASK_DEFINITION);
        if (taskDefinition.isEmpty()) {
            return;
        }
        mappedPort(graph.property(taskDefinition.get(), "ContainerDefinitions")).ifPresent(port -> context.report(
                service.locateProperty("LoadBalancers"), "ECS service " + service.displayName() + " runs task "
                        + "definition " + taskDefinition.get().displayName() + " whose " + port + ", but the "
                        + "service has no LoadBalancers and no ServiceRegistries; add LoadBalancers with a target "
                        + "group so that clients reach only healthy tasks"));
    }

    /** "container web maps TCP port 8080" when every possibility of the definitions maps a TCP port. */
    private static Optional<String> mappedPort(Value containers) {
        return containers.readEach(option -> mappedPortOne(option.asList().orElse(List.of())))
                .map(found -> found.get(0));
    }

    /** The first container of a list of definitions that maps a TCP port, described. */
    private static Optional<String> mappedPortOne(List<Value> containers) {
        for (Value container : containers) {
            for (Value mapping : container.field("PortMappings").asList().orElse(List.of())) {
                Value protocol = mapping.field("Protocol");
                boolean tcp = protocol.isAbsent() || protocol.asString()
                        .map(p -> p.trim().toLowerCase(Locale.ROOT).equals("tcp")).orElse(false);
                Value port = mapping.field("ContainerPort");
                if (tcp && !port.isAbsent() && !port.isUnknown()) {
                    String name = container.field("Name").asString().orElse("?");
                    return Optional.of("container " + name + " maps TCP port " + port.asString().orElse("?"));
                }
            }
        }
        return Optional.empty();
    }

    /** An Auto Scaling group of ECS container instances or EKS nodes. */
    private static boolean hostsContainers(GraphView graph, Resource asg) {
        if (!graph.referrers(asg, CAPACITY_PROVIDER).isEmpty() || hasOrchestratorTag(graph.property(asg, "Tags"))) {
            return true;
        }
        for (Resource source : ComputeTraffic.launchSources(graph, asg)) {
            for (References.Edge edge : graph.edgesFrom(source)) {
                if (graph.resource(edge.to()).map(r -> CONTAINER_CLUSTERS.contains(r.type())).orElse(false)) {
                    return true;
                }
            }
            Value userData = graph.property(source, source.type().equals(ComputeTraffic.LAUNCH_TEMPLATE)
                    ? "LaunchTemplateData/UserData" : "UserData");
            if (userData.asString().map(ComputeWithoutLoadBalancer::startsContainerAgent).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /** Tag keys ECS and EKS (and the Kubernetes cluster autoscaler) put on the groups they run. */
    private static boolean hasOrchestratorTag(Value tags) {
        for (Value tag : ListItems.of(tags).orElse(List.of())) {
            Optional<String> key = ListItems.text(tag, "Key");
            if (key.isPresent() && (ORCHESTRATOR_TAGS.contains(key.get()) || key.get().startsWith("kubernetes.io/cluster/")
                    || key.get().startsWith("k8s.io/cluster-autoscaler/"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether user data (as written, or base64 as a live launch template holds it) starts an ECS or EKS agent. */
    static boolean startsContainerAgent(String userData) {
        if (mentionsAgent(userData)) {
            return true;
        }
        try {
            return mentionsAgent(new String(java.util.Base64.getDecoder().decode(userData.replaceAll("\\s", "")),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean mentionsAgent(String text) {
        return text.contains("ECS_CLUSTER=") || text.contains("/etc/eks/bootstrap.sh") || text.contains("nodeadm");
    }
}
