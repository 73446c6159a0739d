package dev.resilint.live.collect.services;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.ecs.CapacityProviderMapper;
import dev.resilint.live.map.ecs.EcsClusterMapper;
import dev.resilint.live.map.ecs.EcsServiceMapper;
import dev.resilint.live.map.ecs.TaskDefinitionMapper;
import dev.resilint.live.model.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * ECS clusters ({@code ListClusters}, then {@code DescribeClusters} 100 a call), their services
 * ({@code ListServices} per cluster, then {@code DescribeServices} 10 a call), the task definitions
 * those services run ({@code DescribeTaskDefinition}, one call per distinct revision) and the capacity
 * providers ({@code DescribeCapacityProviders}, paged by hand: the SDK has no paginator for it). Tags
 * come inline ({@code include=TAGS}) and are asked for only when a rule reads them.
 *
 * <p>A failed list call makes its types a gap; a failed describe call keeps the resources it was
 * about, known by their ARNs and marked unread. A resource {@code DescribeServices} or
 * {@code DescribeClusters} reports {@code MISSING} was deleted between the calls and is left out.
 */
public final class EcsCollector implements Collector {

    /** Clusters {@code DescribeClusters} takes at once. */
    static final int CLUSTER_BATCH = 100;
    /** Services {@code DescribeServices} takes at once. */
    static final int SERVICE_BATCH = 10;

    private static final String CLUSTER = EcsClusterMapper.TYPE;
    private static final String SERVICE = EcsServiceMapper.TYPE;
    private static final String TASK_DEFINITION = TaskDefinitionMapper.TYPE;
    private static final String CAPACITY_PROVIDER = CapacityProviderMapper.TYPE;

    @Override
    public String service() {
        return "ecs";
    }

    @Override
    public List<String> types() {
        return List.of(CLUSTER, SERVICE, TASK_DEFINITION, CAPACITY_PROVIDER);
    }

    @Override
    public List<String> actions() {
        return List.of("ecs:ListClusters", "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices",
                "ecs:DescribeTaskDefinition", "ecs:DescribeCapacityProviders");
    }

    /** A service as read, and the task definition it runs (null when unknown). */
    private record ServiceRead(LiveResource resource, String taskDefinition) {
    }

    @Override
    public void collect(ScopeReader in) {
        EcsClient ecs = in.client(EcsClient.class, EcsClient::builder);
        List<String> clusterArns = new ArrayList<>();
        in.read(List.of(CLUSTER, SERVICE, TASK_DEFINITION), () -> clusterArns.addAll(in.pages("ListClusters",
                ecs.listClustersPaginator(r -> r.maxResults(100)), ListClustersResponse::clusterArns,
                ListClustersResponse::nextToken)));
        in.read(List.of(CLUSTER), () -> clusters(in, ecs, clusterArns).forEach(in::add));
        List<ServiceRead> services = new ArrayList<>();
        in.read(List.of(SERVICE, TASK_DEFINITION), () -> services.addAll(services(in, ecs, clusterArns)));
        in.read(List.of(SERVICE), () -> services.forEach(s -> in.add(s.resource())));
        in.read(List.of(TASK_DEFINITION), () -> {
            List<String> used = new ArrayList<>(new TreeSet<>(services.stream().map(ServiceRead::taskDefinition)
                    .filter(t -> t != null && !t.isBlank()).toList()));
            in.each(used, arn -> taskDefinition(in, ecs, arn)).forEach(in::add);
        });
        in.read(List.of(CAPACITY_PROVIDER), () -> in.pagesByToken("DescribeCapacityProviders",
                token -> ecs.describeCapacityProviders(r -> {
                    r.maxResults(10).nextToken(token);
                    if (in.wantsTags()) {
                        r.include(CapacityProviderField.TAGS);
                    }
                }), DescribeCapacityProvidersResponse::capacityProviders, DescribeCapacityProvidersResponse::nextToken)
                .forEach(cp -> CapacityProviderMapper.map(in.scope(), cp).ifPresent(in::add)));
    }

    private static List<LiveResource> clusters(ScopeReader in, EcsClient ecs, List<String> arns) {
        List<List<LiveResource>> batches = in.each(batches(arns, CLUSTER_BATCH), batch -> {
            try {
                DescribeClustersResponse r = in.call("DescribeClusters", () -> ecs.describeClusters(b -> {
                    b.clusters(batch);
                    b.include(in.wantsTags() ? List.of(ClusterField.SETTINGS, ClusterField.TAGS)
                            : List.of(ClusterField.SETTINGS));
                }));
                Map<String, Cluster> byArn = new HashMap<>();
                r.clusters().forEach(c -> byArn.put(c.clusterArn(), c));
                Map<String, Failure> failures = failures(r.failures());
                List<LiveResource> out = new ArrayList<>();
                for (String arn : batch) {
                    Cluster c = byArn.get(arn);
                    if (c != null && !"INACTIVE".equals(c.status())) {
                        out.add(EcsClusterMapper.map(in.scope(), c));
                    } else if (c == null && !isMissing(failures.get(arn))) {
                        out.add(EcsClusterMapper.listed(in.scope(), arn).withUnread(unread("DescribeClusters", failures.get(arn))));
                    }
                }
                return out;
            } catch (ReadFailure f) {
                return batch.stream().map(arn -> EcsClusterMapper.listed(in.scope(), arn).withUnread(f.asUnknown())).toList();
            }
        });
        return batches.stream().flatMap(List::stream).toList();
    }

    private static List<ServiceRead> services(ScopeReader in, EcsClient ecs, List<String> clusterArns) {
        List<List<String>> perCluster = in.each(clusterArns, cluster -> in.pages("ListServices",
                ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(100)), ListServicesResponse::serviceArns,
                ListServicesResponse::nextToken));
        record Batch(String cluster, List<String> services) {
        }
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < clusterArns.size(); i++) {
            for (List<String> b : batches(perCluster.get(i), SERVICE_BATCH)) {
                batches.add(new Batch(clusterArns.get(i), b));
            }
        }
        List<List<ServiceRead>> read = in.each(batches, b -> {
            try {
                DescribeServicesResponse r = in.call("DescribeServices", () -> ecs.describeServices(d -> {
                    d.cluster(b.cluster()).services(b.services());
                    if (in.wantsTags()) {
                        d.include(ServiceField.TAGS);
                    }
                }));
                Map<String, Service> byArn = new HashMap<>();
                r.services().forEach(s -> byArn.put(s.serviceArn(), s));
                Map<String, Failure> failures = failures(r.failures());
                List<ServiceRead> out = new ArrayList<>();
                for (String arn : b.services()) {
                    Service s = byArn.get(arn);
                    if (s != null) {
                        EcsServiceMapper.map(in.scope(), s).ifPresent(res -> out.add(new ServiceRead(res, s.taskDefinition())));
                    } else if (!isMissing(failures.get(arn))) {
                        out.add(new ServiceRead(EcsServiceMapper.listed(in.scope(), arn, b.cluster())
                                .withUnread(unread("DescribeServices", failures.get(arn))), null));
                    }
                }
                return out;
            } catch (ReadFailure f) {
                return b.services().stream().map(arn -> new ServiceRead(EcsServiceMapper.listed(in.scope(), arn,
                        b.cluster()).withUnread(f.asUnknown()), null)).toList();
            }
        });
        return read.stream().flatMap(List::stream).toList();
    }

    private static LiveResource taskDefinition(ScopeReader in, EcsClient ecs, String arn) {
        try {
            DescribeTaskDefinitionResponse r = in.call("DescribeTaskDefinition", () -> ecs.describeTaskDefinition(d -> {
                d.taskDefinition(arn);
                if (in.wantsTags()) {
                    d.include(TaskDefinitionField.TAGS);
                }
            }));
            return TaskDefinitionMapper.map(in.scope(), r.taskDefinition(), r.tags());
        } catch (ReadFailure f) {
            return TaskDefinitionMapper.listed(in.scope(), arn).withUnread(f.asUnknown());
        }
    }

    private static Map<String, Failure> failures(List<Failure> failures) {
        Map<String, Failure> byArn = new HashMap<>();
        failures.forEach(f -> byArn.put(f.arn(), f));
        return byArn;
    }

    /** A resource deleted between the list and the describe call. */
    private static boolean isMissing(Failure failure) {
        return failure != null && "MISSING".equals(failure.reason());
    }

    private static Value.Unknown unread(String operation, Failure failure) {
        String why = failure == null ? "the answer left it out"
                : failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
        return Value.unknown(Value.Reason.READ_FAILED, operation + ": " + why);
    }

    static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            batches.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return batches;
    }
}
