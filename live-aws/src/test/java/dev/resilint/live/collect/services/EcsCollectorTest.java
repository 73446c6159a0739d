package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.dp.EcsWithoutCircuitBreaker;
import dev.resilint.infra.rules.lb.ComputeWithoutLoadBalancer;
import dev.resilint.infra.rules.support.ComputeTraffic;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-central-1";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String ARN = "arn:aws:ecs:eu-central-1:222233334444:";
    static final String WEB = ARN + "cluster/web";
    static final String BATCH = ARN + "cluster/batch";
    static final String EMPTY = ARN + "cluster/empty";
    static final String API_TD = ARN + "task-definition/api:3";
    static final String JOB_TD = ARN + "task-definition/job:1";
    static final String CLUSTER = "AWS::ECS::Cluster";
    static final String SERVICE = "AWS::ECS::Service";
    static final String TASK = "AWS::ECS::TaskDefinition";
    static final String PROVIDER = "AWS::ECS::CapacityProvider";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final EcsCollector collector = new EcsCollector();

    static String web(int i) {
        return ARN + "service/web/api-" + i;
    }

    static final String JOB = ARN + "service/batch/job";

    static Map<String, Object> service(String arn, String cluster, String taskDefinition, boolean breaker) {
        return Trees.map("serviceArn", arn, "serviceName", arn.substring(arn.lastIndexOf('/') + 1), "clusterArn", cluster,
                "status", "ACTIVE", "taskDefinition", taskDefinition, "launchType", "FARGATE",
                "deploymentController", Map.of("type", "ECS"),
                "deploymentConfiguration", Map.of("deploymentCircuitBreaker", Map.of("enable", breaker, "rollback", breaker)));
    }

    /** Three clusters (two pages); eleven services in web (two describe calls), one in batch; two task definitions. */
    static FakeRegion serve() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("ecs", "ListClusters", List.of(WEB, BATCH, EMPTY));
        eu.batch("ecs", "DescribeClusters", "clusters", "clusters", "clusterArn", Stream.of(WEB, BATCH, EMPTY)
                .map(c -> Map.of("clusterArn", c, "clusterName", c.substring(c.lastIndexOf('/') + 1), "status", "ACTIVE"))
                .toList());
        List<String> webServices = new ArrayList<>();
        List<Object> described = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            webServices.add(web(i));
            described.add(service(web(i), WEB, API_TD, i != 1));
        }
        described.add(service(JOB, BATCH, JOB_TD, true));
        eu.items("ecs", "ListServices", "cluster", WEB, webServices);
        eu.items("ecs", "ListServices", "cluster", BATCH, List.of(JOB));
        eu.batch("ecs", "DescribeServices", "services", "services", "serviceArn", described);
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", API_TD, Map.of("taskDefinition", Map.of(
                "taskDefinitionArn", API_TD, "family", "api", "networkMode", "awsvpc", "containerDefinitions", List.of(
                        Map.of("name", "web", "image", "nginx", "portMappings", List.of(
                                Map.of("containerPort", 8080, "protocol", "tcp")))))));
        eu.answer("ecs", "DescribeTaskDefinition", "taskDefinition", JOB_TD, Map.of("taskDefinition", Map.of(
                "taskDefinitionArn", JOB_TD, "family", "job", "containerDefinitions", List.of(
                        Map.of("name", "worker", "image", "worker", "portMappings", List.of(
                                Map.of("containerPort", 9000, "protocol", "tcp")))))));
        eu.items("ecs", "DescribeCapacityProviders", List.of(
                Map.of("name", "FARGATE", "type", "FARGATE", "capacityProviderArn", ARN + "capacity-provider/FARGATE"),
                Map.of("name", "FARGATE_SPOT", "type", "FARGATE_SPOT",
                        "capacityProviderArn", ARN + "capacity-provider/FARGATE_SPOT"),
                Map.of("name", "web-asg", "type", "EC2_AUTOSCALING", "capacityProviderArn", ARN + "capacity-provider/web-asg",
                        "autoScalingGroupProvider", Map.of("autoScalingGroupArn",
                                "arn:aws:autoscaling:eu-central-1:222233334444:autoScalingGroup:1:autoScalingGroupName/ecs"))));
        return eu;
    }

    @Test
    void readsClustersServicesTheirTaskDefinitionsAndCapacityProvidersWithinTheCallBudget() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(CLUSTER, SERVICE, TASK, PROVIDER);

        assertThat(run.ofType(CLUSTER)).hasSize(3);
        assertThat(run.ofType(SERVICE)).hasSize(12).allSatisfy(s -> assertThat(s.unread()).isEmpty());
        assertThat(run.ofType(TASK)).extracting(r -> r.arn()).containsExactly(API_TD, JOB_TD);
        assertThat(run.ofType(PROVIDER)).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("web-asg"));
        assertThat(PlainTrees.at(run.get(web(1)), "DeploymentConfiguration/DeploymentCircuitBreaker/Enable")).isEqualTo(false);
        assertThat(PlainTrees.at(run.get(API_TD), "ContainerDefinitions/0/PortMappings/0/ContainerPort")).isEqualTo(8080L);
        var calls = FAKE.calls();
        assertThat(calls.count("ecs", "ListClusters")).isEqualTo(2);
        assertThat(calls.count("ecs", "DescribeClusters")).isEqualTo(1);
        assertThat(calls.count("ecs", "ListServices")).isEqualTo(6 + 1 + 1);
        assertThat(calls.count("ecs", "DescribeServices")).isEqualTo(2 + 1);
        assertThat(calls.count("ecs", "DescribeTaskDefinition")).isEqualTo(2);
        assertThat(calls.count("ecs", "DescribeCapacityProviders")).isEqualTo(2);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void tagsAreAskedForInlineOnlyWhenARuleReadsThem() {
        FakeRegion eu = serve();
        List<Object> includes = new CopyOnWriteArrayList<>();
        eu.handler("ecs", "DescribeServices", input -> {
            includes.add(String.valueOf(input.get("include")));
            return Map.of("services", List.of(Trees.map("serviceArn", JOB, "serviceName", "job", "clusterArn", BATCH,
                    "status", "ACTIVE", "tags", List.of(Map.of("key", "team", "value", "batch")))));
        });
        eu.items("ecs", "ListServices", "cluster", WEB, List.of());

        CollectorRun untagged = CollectorRun.of(FAKE, collector, SCOPE, false);
        CollectorRun tagged = CollectorRun.of(FAKE, collector, SCOPE, true);

        assertThat(includes).containsExactly("null", "[TAGS]");
        assertThat(PlainTrees.at(tagged.get(JOB), "Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "batch")));
        assertThat(untagged.ofType(SERVICE)).hasSize(1);
    }

    @Test
    void accessDeniedOnListClustersLeavesClustersServicesAndTaskDefinitionsAsGapsAndCapacityProvidersRead() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "not allowed")).on("ecs", "ListClusters"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(PROVIDER);

        for (String type : List.of(CLUSTER, SERVICE, TASK)) {
            assertThat(run.gap(type).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(run.gap(type).detail()).contains("ListClusters", "AccessDeniedException");
        }
        assertThat(run.ofType(PROVIDER)).hasSize(1);
        assertThat(run.ofType(SERVICE)).isEmpty();
        assertThat(FAKE.calls().count("ecs", "ListServices")).isZero();
    }

    @Test
    void aServiceWhoseDescriptionIsDeniedIsKeptUnreadAndDp01IsNotEvaluatedForItAlone() {
        FakeRegion eu = serve();
        eu.fail("ecs", "DescribeServices", "cluster", BATCH, new AwsError("AccessDeniedException", 400, "no describe"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(CLUSTER, SERVICE, TASK);
        Results results = run.judge(List.of(new EcsWithoutCircuitBreaker()));

        assertThat(run.get(JOB).unread()).hasValueSatisfying(u -> assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PlainTrees.of(run.get(JOB))).containsOnlyKeys("ServiceName", "Cluster");
        // the batch service's task definition is unknown, so it is not read
        assertThat(run.ofType(TASK)).extracting(r -> r.arn()).containsExactly(API_TD);
        assertThat(results.findings()).singleElement().satisfies(f -> assertThat(f.location().subject()).isEqualTo(web(1)));
        assertThat(results.notEvaluated()).singleElement().satisfies(g -> {
            assertThat(g.subject()).isEqualTo(JOB);
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });
    }

    @Test
    void aServiceDeletedBetweenTheCallsIsLeftOut() {
        FakeRegion eu = serve();
        eu.items("ecs", "ListServices", "cluster", WEB, List.of());
        eu.handler("ecs", "DescribeServices", input -> Map.of("services", List.of(),
                "failures", List.of(Map.of("arn", JOB, "reason", "MISSING"))));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(SERVICE, TASK);

        assertThat(run.ofType(SERVICE)).isEmpty();
        assertThat(run.ofType(TASK)).isEmpty();
    }

    @Test
    void aTaskDefinitionWhoseDescriptionIsDeniedMakesLb01NotEvaluatedThereWhileDp01StillJudgesItsService() {
        FakeRegion eu = serve();
        eu.fail("ecs", "DescribeTaskDefinition", "taskDefinition", API_TD,
                new AwsError("AccessDeniedException", 400, "no task definitions"));
        List<String> others = new ArrayList<>(ComputeTraffic.TRAFFIC_TYPES);
        others.add("AWS::EKS::Cluster");

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(CLUSTER, SERVICE, TASK, PROVIDER);
        Results results = run.judge(List.of(new ComputeWithoutLoadBalancer(), new EcsWithoutCircuitBreaker()),
                others.toArray(String[]::new));

        assertThat(run.get(API_TD).unread()).isPresent();
        assertThat(PlainTrees.of(run.get(API_TD))).isEqualTo(Map.of("Family", "api"));
        // the job service runs a readable task definition mapping TCP 9000 and has no load balancer
        assertThat(results.findings()).extracting(f -> f.ruleId() + " " + f.location().subject())
                .containsExactlyInAnyOrder("LB01 " + JOB, "DP01 " + web(1));
        assertThat(results.notEvaluated()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.ruleId()).isEqualTo("LB01");
            assertThat(g.subject()).isEqualTo(API_TD);
            assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        });
    }
}
