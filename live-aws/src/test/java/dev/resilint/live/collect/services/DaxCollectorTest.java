package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.ca.CacheTtlUnset;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PlainTrees;
import dev.resilint.live.map.PlainTrees.Ref;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DAX clusters and parameter groups, each listed by a call paged by {@code NextToken}, and the parameters
 * of each group, DAX's default included ({@code DescribeParameters}, paged too); CA04 judges the groups'
 * TTLs.
 */
class DaxCollectorTest {

    static final String ACCOUNT = "222233334444";
    static final String REGION = "eu-west-3";
    static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    static final String CLUSTER = "AWS::DAX::Cluster";
    static final String GROUP = "AWS::DAX::ParameterGroup";
    static final String CLUSTER_ARN = "arn:aws:dax:eu-west-3:222233334444:cache/";
    static final String GROUP_ARN = "arn:aws:dax:eu-west-3:222233334444:parametergroup/";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    final DaxCollector collector = new DaxCollector();

    static Map<String, Object> cluster(String name, String group, String status) {
        return Map.of("ClusterName", name, "ClusterArn", CLUSTER_ARN + name, "NodeType", "dax.r5.large",
                "TotalNodes", 3, "Status", status, "SubnetGroup", "private",
                "ParameterGroup", Map.of("ParameterGroupName", group, "ParameterApplyStatus", "in-sync"),
                "SecurityGroups", List.of(Map.of("SecurityGroupIdentifier", "sg-1", "Status", "active")),
                "SSEDescription", Map.of("Status", "ENABLED"));
    }

    static Map<String, Object> parameter(String name, String value) {
        return Map.of("ParameterName", name, "ParameterValue", value, "ParameterType", "DEFAULT", "DataType", "integer",
                "IsModifiable", "TRUE");
    }

    static FakeRegion serve() {
        FakeRegion r = FAKE.account(ACCOUNT).region(REGION);
        r.items("dax", "DescribeClusters", List.of(cluster("orders", "no-ttl", "available"),
                cluster("carts", "default.dax1.0", "available"), cluster("old", "five-minutes", "deleting")));
        r.items("dax", "DescribeParameterGroups", List.of(
                Map.of("ParameterGroupName", "default.dax1.0", "Description", "Default parameter group for dax1.0"),
                Map.of("ParameterGroupName", "no-ttl", "Description", "item cache forever"),
                Map.of("ParameterGroupName", "five-minutes")));
        r.items("dax", "DescribeParameters", "ParameterGroupName", "default.dax1.0", List.of(
                parameter("query-ttl-millis", "300000"), parameter("record-ttl-millis", "300000")));
        r.items("dax", "DescribeParameters", "ParameterGroupName", "no-ttl", List.of(
                parameter("query-ttl-millis", "300000"), parameter("record-ttl-millis", "0")));
        r.items("dax", "DescribeParameters", "ParameterGroupName", "five-minutes", List.of(
                parameter("query-ttl-millis", "300000"), parameter("record-ttl-millis", "300000")));
        return r;
    }

    @Test
    void clustersAndGroupsArePagedAndEachGroupHasTheTtlsInEffectInCloudFormationsShape() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(CLUSTER, GROUP);

        assertThat(run.ofType(CLUSTER)).extracting(r -> r.name()).containsExactly("carts", "orders");
        assertThat(PlainTrees.of(run.get(CLUSTER_ARN + "orders"))).isEqualTo(Map.of("ClusterName", "orders",
                "NodeType", "dax.r5.large", "ReplicationFactor", 3L, "SubnetGroupName", "private",
                "ParameterGroupName", Ref.to("no-ttl", GROUP),
                "SecurityGroupIds", List.of(Ref.to("sg-1", "AWS::EC2::SecurityGroup")),
                "SSESpecification", Map.of("SSEEnabled", true)));
        assertThat(run.get(CLUSTER_ARN + "orders").identifiers()).containsEntry("orders", "")
                .containsEntry(CLUSTER_ARN + "orders", "Arn");
        assertThat(run.ofType(GROUP)).extracting(r -> r.name())
                .containsExactly("default.dax1.0", "five-minutes", "no-ttl");
        assertThat(PlainTrees.of(run.get(GROUP_ARN + "no-ttl"))).isEqualTo(Map.of("ParameterGroupName", "no-ttl",
                "Description", "item cache forever",
                "ParameterNameValues", Map.of("query-ttl-millis", "300000", "record-ttl-millis", "0")));
        assertThat(run.get(GROUP_ARN + "no-ttl").identifiers()).containsEntry("no-ttl", "");
        var calls = FAKE.calls();
        assertThat(calls.count("dax", "DescribeClusters")).isEqualTo(2);
        assertThat(calls.count("dax", "DescribeParameterGroups")).isEqualTo(2);
        assertThat(calls.count("dax", "DescribeParameters")).as("one page per group").isEqualTo(3);
        assertThat(collector.actions()).containsAll(calls.iamActions());
    }

    @Test
    void theDefaultGroupIsReadLikeAnyOtherWithTheServiceDefaultsAndCa04QuietOnIt() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(GROUP);

        assertThat(PlainTrees.of(run.get(GROUP_ARN + "default.dax1.0"))).isEqualTo(Map.of(
                "ParameterGroupName", "default.dax1.0", "Description", "Default parameter group for dax1.0",
                "ParameterNameValues", Map.of("query-ttl-millis", "300000", "record-ttl-millis", "300000")));
        assertThat(run.get(GROUP_ARN + "default.dax1.0").unread()).isEmpty();
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::ApiGateway::Authorizer",
                "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Api");
        assertThat(results.findings()).extracting(f -> ((Location.Live) f.location()).arn())
                .containsExactly(GROUP_ARN + "no-ttl");
        assertThat(results.notEvaluated()).isEmpty();
    }

    @Test
    void aValueSetPerNodeTypeIsUnknownNotUnsetAndCa04DoesNotEvaluateItsGroup() {
        FakeRegion r = serve();
        r.items("dax", "DescribeParameterGroups", List.of(Map.of("ParameterGroupName", "no-ttl"),
                Map.of("ParameterGroupName", "per-node")));
        r.items("dax", "DescribeParameters", "ParameterGroupName", "per-node", List.of(
                Map.of("ParameterName", "record-ttl-millis", "ParameterType", "NODE_TYPE_SPECIFIC",
                        "NodeTypeSpecificValues", List.of(Map.of("NodeType", "dax.r5.large", "Value", "0")))));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(GROUP);

        MapNode values = (MapNode) run.get(GROUP_ARN + "per-node").properties().get("ParameterNameValues")
                .orElseThrow();
        assertThat(Symbols.isUnknownPlaceholder(values.get("record-ttl-millis").orElseThrow())).isTrue();
        assertThat(Symbols.unknownOf(values.get("record-ttl-millis").orElseThrow()).detail()).contains("per node type");
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::ApiGateway::Authorizer",
                "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Api");
        assertThat(results.findings()).extracting(f -> f.message())
                .singleElement().asString().startsWith("DAX parameter group no-ttl sets record-ttl-millis to 0");
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo(GROUP_ARN + "per-node");
            assertThat(n.detail()).contains("per node type");
        });
    }

    @Test
    void ca04JudgesTheGroupsAndReportsTheTypesThisScopeDidNotReadAsNotEvaluatedWithoutDroppingTheRule() {
        serve();

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(GROUP);
        Results results = run.judge(List.of(new CacheTtlUnset()));

        assertThat(results.findings()).extracting(f -> f.ruleId() + " " + f.message().substring(0, 40))
                .containsExactly("CA04 DAX parameter group no-ttl sets record-t");
        assertThat(results.notEvaluated()).extracting(NotEvaluated::resourceType).containsExactlyInAnyOrder(
                "AWS::ApiGateway::Authorizer", "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Api");
        assertThat(results.notEvaluated()).allSatisfy(n -> {
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.UNSUPPORTED);
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void accessDeniedOnDescribeParameterGroupsIsAGapNamingTheCallTheAccountAndTheRegion() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("dax", "DescribeParameterGroups"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(CLUSTER);

        assertThat(run.gap(GROUP).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(GROUP).detail()).contains("DescribeParameterGroups: AccessDeniedException");
        assertThat(run.ofType(GROUP)).isEmpty();
        assertThat(run.ofType(CLUSTER)).hasSize(2);
        assertThat(FAKE.calls().count("dax", "DescribeParameters")).isZero();
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::ApiGateway::Authorizer",
                "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Api");
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("CA04");
            assertThat(n.resourceType()).isEqualTo(GROUP);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.detail()).contains("DescribeParameterGroups");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }

    @Test
    void accessDeniedOnDescribeClustersLeavesOnlyClustersAGap() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 400, "no")).on("dax", "DescribeClusters"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(GROUP);

        assertThat(run.gap(CLUSTER).reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(run.gap(CLUSTER).detail()).contains("DescribeClusters");
        assertThat(run.ofType(GROUP)).hasSize(3);
    }

    @Test
    void aDeniedDescribeParametersKeepsTheGroupUnreadAndCa04QuietOnItButNotEvaluated() {
        serve().fail("dax", "DescribeParameters", "ParameterGroupName", "no-ttl",
                new AwsError("AccessDeniedException", 400, "no"));

        CollectorRun run = CollectorRun.of(FAKE, collector, SCOPE, false).complete(GROUP);

        assertThat(run.get(GROUP_ARN + "no-ttl").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PlainTrees.of(run.get(GROUP_ARN + "no-ttl"))).doesNotContainKey("ParameterNameValues");
        assertThat(run.get(GROUP_ARN + "five-minutes").unread()).isEmpty();
        Results results = run.judge(List.of(new CacheTtlUnset()), "AWS::ApiGateway::Authorizer",
                "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Api");
        assertThat(results.findings()).isEmpty();
        assertThat(results.notEvaluated()).singleElement().satisfies(n -> {
            assertThat(n.resourceType()).isEqualTo(GROUP);
            assertThat(n.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
            assertThat(n.subject()).contains("no-ttl");
            assertThat(n.detail()).contains("DescribeParameters");
            assertThat(n.scope()).isEqualTo(ACCOUNT + "/" + REGION);
        });
    }
}
