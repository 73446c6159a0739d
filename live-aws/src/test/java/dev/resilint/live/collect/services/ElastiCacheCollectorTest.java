package dev.resilint.live.collect.services;

import static dev.resilint.live.collect.services.OneScope.ACCOUNT;
import static dev.resilint.live.collect.services.OneScope.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.rules.az.ElastiCacheNoFailover;
import dev.resilint.infra.rules.ca.EvictionPolicyNeedsTtl;
import dev.resilint.infra.rules.dr.CacheSnapshotsDisabled;
import dev.resilint.infra.rules.ob.RequiredTagsMissing;
import dev.resilint.infra.rules.support.TaggableTypes;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.AwsService;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.map.elasticache.CacheClusterMapper;
import dev.resilint.live.map.elasticache.ParameterGroupMapper;
import dev.resilint.live.map.elasticache.ReplicationGroupMapper;
import dev.resilint.live.map.elasticache.ServerlessCacheMapper;
import dev.resilint.live.twin.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ElastiCacheCollectorTest {

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();
    static final String ARN = "arn:aws:elasticache:eu-west-1:111122223333:";
    static final String SESSIONS = ARN + "replicationgroup:sessions";
    static final String SINGLE = ARN + "replicationgroup:single";
    static final String SHARDS = ARN + "replicationgroup:shards";
    static final String LONELY = ARN + "cluster:lonely";
    static final String MEMO = ARN + "cluster:memo";
    static final String SPREAD = ARN + "cluster:spread";

    private static Map<String, Object> member(String cluster, String zone, String role) {
        return Trees.map("CacheClusterId", cluster, "CacheNodeId", "0001", "PreferredAvailabilityZone", zone,
                "CurrentRole", role);
    }

    private static Map<String, Object> node(String id, String zone) {
        return Map.of("CacheNodeId", id, "CustomerAvailabilityZone", zone, "CacheNodeStatus", "available");
    }

    private static Map<String, Object> cluster(String id, String engine, String group, List<Map<String, Object>> nodes) {
        Map<String, Object> c = Trees.map("CacheClusterId", id, "ARN", ARN + "cluster:" + id, "Engine", engine,
                "CacheClusterStatus", "available", "NumCacheNodes", nodes.size(), "CacheNodes", nodes);
        if (group != null) {
            c.put("ReplicationGroupId", group);
        }
        return c;
    }

    /** Three groups, their member clusters (which the API lists too) and three standalone clusters. */
    static List<Map<String, Object>> serve(FakeRegion eu) {
        eu.items("elasticache", "DescribeReplicationGroups", List.of(
                Trees.map("ReplicationGroupId", "sessions", "ARN", SESSIONS, "Status", "available",
                        "AutomaticFailover", "enabled", "MultiAZ", "enabled", "ClusterEnabled", false,
                        "MemberClusters", List.of("sessions-001", "sessions-002"),
                        "NodeGroups", List.of(Map.of("NodeGroupId", "0001", "NodeGroupMembers", List.of(
                                member("sessions-001", "eu-west-1a", "primary"),
                                member("sessions-002", "eu-west-1b", "replica"))))),
                Trees.map("ReplicationGroupId", "single", "ARN", SINGLE, "Status", "available",
                        "AutomaticFailover", "disabled", "MultiAZ", "disabled", "ClusterEnabled", false,
                        "MemberClusters", List.of("single-001"),
                        "NodeGroups", List.of(Map.of("NodeGroupId", "0001", "NodeGroupMembers", List.of(
                                member("single-001", "eu-west-1a", "primary"))))),
                Trees.map("ReplicationGroupId", "shards", "ARN", SHARDS, "Status", "available",
                        "AutomaticFailover", "enabled", "MultiAZ", "enabled", "ClusterEnabled", true,
                        "NodeGroups", List.of(
                                Map.of("NodeGroupId", "0001", "NodeGroupMembers", List.of(
                                        member("shards-0001-001", "eu-west-1a", null),
                                        member("shards-0001-002", "eu-west-1b", null))),
                                Map.of("NodeGroupId", "0002", "NodeGroupMembers", List.of(
                                        member("shards-0002-001", "eu-west-1b", null),
                                        member("shards-0002-002", "eu-west-1c", null)))))));
        List<Map<String, Object>> clusters = new ArrayList<>(List.of(
                cluster("sessions-001", "redis", "sessions", List.of(node("0001", "eu-west-1a"))),
                cluster("sessions-002", "redis", "sessions", List.of(node("0001", "eu-west-1b"))),
                cluster("single-001", "redis", "single", List.of(node("0001", "eu-west-1a"))),
                cluster("lonely", "valkey", null, List.of(node("0001", "eu-west-1a"))),
                cluster("memo", "memcached", null, List.of(node("0001", "eu-west-1a"), node("0002", "eu-west-1a"))),
                cluster("spread", "memcached", null, List.of(node("0001", "eu-west-1a"), node("0002", "eu-west-1b")))));
        return clusters;
    }

    @Test
    void readsGroupsAndStandaloneClustersOverPagesWithNodeInformationAndNoTagCalls() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> clusters = serve(eu);
        List<String> flags = new CopyOnWriteArrayList<>();
        eu.listHandler("elasticache", "DescribeCacheClusters", in -> {
            flags.add(in.get("ShowCacheNodeInfo") + " " + in.get("ShowCacheClustersNotInReplicationGroups"));
            return clusters; // the fake does not filter: the collector leaves the groups' members out itself
        });
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector());
        assertThat(read.arns()).containsExactly(LONELY, MEMO, SPREAD, SESSIONS, SHARDS, SINGLE);
        assertThat(read.completeness()).containsOnly(Map.entry(ReplicationGroupMapper.TYPE, Optional.empty()),
                Map.entry(CacheClusterMapper.TYPE, Optional.empty()),
                Map.entry(ServerlessCacheMapper.TYPE, Optional.empty()),
                Map.entry(ParameterGroupMapper.TYPE, Optional.empty()));
        // the standalone clusters with node information, and once more all clusters for the groups' parameter groups
        assertThat(flags).hasSize(6).filteredOn(f -> f.equals("true true")).hasSize(3);
        assertThat(flags).filteredOn(f -> f.equals("null null")).hasSize(3);
        assertThat(FAKE.calls().counts()).containsExactly(Map.entry("elasticache:DescribeCacheClusters", 6L),
                Map.entry("elasticache:DescribeCacheParameterGroups", 1L),
                Map.entry("elasticache:DescribeReplicationGroups", 2L),
                Map.entry("elasticache:DescribeServerlessCaches", 1L));
        assertThat(PropertyLines.of(read.resource(MEMO).properties())).contains("AZMode = \"single-az\"");
        assertThat(PropertyLines.of(read.resource(SPREAD).properties())).contains("AZMode = \"cross-az\"");
    }

    @Test
    void readsServerlessCachesOverPagesWithTheirSnapshotRetention() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("elasticache", "DescribeServerlessCaches", List.of(
                Trees.map("ServerlessCacheName", "a", "ARN", ARN + "serverlesscache:a", "Engine", "valkey",
                        "Status", "available", "SnapshotRetentionLimit", 0),
                Trees.map("ServerlessCacheName", "b", "ARN", ARN + "serverlesscache:b", "Engine", "redis",
                        "Status", "available", "SnapshotRetentionLimit", 5, "DailySnapshotTime", "03:00"),
                Trees.map("ServerlessCacheName", "c", "ARN", ARN + "serverlesscache:c", "Engine", "memcached",
                        "Status", "deleting")));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector(), List.of(ServerlessCacheMapper.TYPE), false);
        assertThat(read.arns()).containsExactly(ARN + "serverlesscache:a", ARN + "serverlesscache:b");
        assertThat(FAKE.calls().count("elasticache", "DescribeServerlessCaches")).isEqualTo(2);
        assertThat(PropertyLines.of(read.resource(ARN + "serverlesscache:b").properties()))
                .contains("Engine = \"redis\"", "SnapshotRetentionLimit = 5", "DailySnapshotTime = \"03:00\"");
    }

    @Test
    void readsTheParametersOwnersSetAndWhichGroupEachCacheUses() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> clusters = serve(eu);
        clusters.get(0).put("CacheParameterGroup", Map.of("CacheParameterGroupName", "sessions-params"));
        clusters.get(1).put("CacheParameterGroup", Map.of("CacheParameterGroupName", "sessions-params"));
        clusters.get(3).put("CacheParameterGroup", Map.of("CacheParameterGroupName", "default.valkey8"));
        eu.items("elasticache", "DescribeCacheClusters", clusters);
        eu.items("elasticache", "DescribeCacheParameterGroups", List.of(
                Map.of("CacheParameterGroupName", "sessions-params", "CacheParameterGroupFamily", "redis7",
                        "Description", "sessions", "ARN", ARN + "parametergroup:sessions-params"),
                Map.of("CacheParameterGroupName", "default.valkey8", "CacheParameterGroupFamily", "valkey8",
                        "Description", "Default parameter group for valkey8", "ARN", ARN + "parametergroup:default.valkey8")));
        eu.items("elasticache", "DescribeCacheParameters", "CacheParameterGroupName", "sessions-params", List.of(
                Map.of("ParameterName", "maxmemory-policy", "ParameterValue", "volatile-lru", "Source", "user"),
                Map.of("ParameterName", "timeout", "ParameterValue", "300", "Source", "user"),
                Map.of("ParameterName", "notify-keyspace-events", "ParameterValue", "Ex", "Source", "user")));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector());
        assertThat(PropertyLines.of(read.resource(ARN + "parametergroup:sessions-params").properties())).contains(
                "CacheParameterGroupFamily = \"redis7\"", "Properties/maxmemory-policy = \"volatile-lru\"",
                "Properties/timeout = \"300\"", "Properties/notify-keyspace-events = \"Ex\"");
        assertThat(PropertyLines.of(read.resource(ARN + "parametergroup:default.valkey8").properties()))
                .noneMatch(l -> l.startsWith("Properties"));
        assertThat(PropertyLines.of(read.resource(SESSIONS).properties()))
                .contains("CacheParameterGroupName = \"sessions-params\"");
        assertThat(PropertyLines.of(read.resource(LONELY).properties()))
                .contains("CacheParameterGroupName = \"default.valkey8\"");
        // one parameter page of two and one of one, for the group that is not a default
        assertThat(FAKE.calls().count("elasticache", "DescribeCacheParameters")).isEqualTo(2);
        Results results = read.run(Config.defaults(), List.of(), new EvictionPolicyNeedsTtl());
        assertThat(OneScope.findings(results)).containsExactly("CA05 " + ARN + "parametergroup:sessions-params");
        assertThat(results.findings().get(0).message()).contains("once sessions fills");
    }

    @Test
    void aParameterReadDeniedForOneGroupLeavesThatGroupNotEvaluated() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> clusters = serve(eu);
        clusters.get(0).put("CacheParameterGroup", Map.of("CacheParameterGroupName", "sessions-params"));
        eu.items("elasticache", "DescribeCacheClusters", clusters);
        eu.items("elasticache", "DescribeCacheParameterGroups", List.of(Map.of("CacheParameterGroupName",
                "sessions-params", "CacheParameterGroupFamily", "redis7", "ARN", ARN + "parametergroup:sessions-params")));
        eu.fail("elasticache", "DescribeCacheParameters", "CacheParameterGroupName", "sessions-params",
                AwsError.accessDenied(AwsService.ELASTICACHE, "not allowed"));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector());
        Results results = read.run(Config.defaults(), List.of(), new EvictionPolicyNeedsTtl());
        assertThat(results.findings()).isEmpty();
        assertThat(OneScope.gaps(results)).containsExactly("CA05 " + ARN + "parametergroup:sessions-params ACCESS_DENIED");
    }

    @Test
    void deniedServerlessCachesAreAGapForDr06Only() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("elasticache", "DescribeCacheClusters", serve(eu));
        FAKE.inject(Fault.error("AccessDenied", 403).on("elasticache", "DescribeServerlessCaches"));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector());
        assertThat(read.completeness().get(ServerlessCacheMapper.TYPE).orElseThrow().reason())
                .isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        Results results = read.run(Config.defaults(), List.of(), new CacheSnapshotsDisabled(), new ElastiCacheNoFailover());
        assertThat(OneScope.findings(results)).containsExactly("AZ06 " + LONELY, "AZ06 " + MEMO, "AZ06 " + SINGLE);
        assertThat(OneScope.gaps(results)).containsExactly("DR06 AWS::ElastiCache::ServerlessCache ACCESS_DENIED");
        assertThat(results.notEvaluated()).singleElement().satisfies(g -> {
            assertThat(g.scope()).contains(ACCOUNT).contains(REGION);
            assertThat(g.detail()).contains("DescribeServerlessCaches");
        });
    }

    @Test
    void tagsCostOneCallPerResourceOnlyWhenARuleReadsThem() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("elasticache", "DescribeCacheClusters", serve(eu));
        for (String arn : List.of(SESSIONS, SINGLE, SHARDS, LONELY, MEMO, SPREAD)) {
            eu.answer("elasticache", "ListTagsForResource", "ResourceName", arn,
                    Map.of("TagList", List.of(Map.of("Key", "team", "Value", "cache"))));
        }
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector(), new ElastiCacheCollector().types(), true);
        assertThat(FAKE.calls().count("elasticache", "ListTagsForResource")).isEqualTo(6);
        assertThat(PropertyLines.of(read.resource(SESSIONS).properties()))
                .contains("Tags/0/Key = \"team\"", "Tags/0/Value = \"cache\"");
        assertThat(new ElastiCacheCollector().actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnTheGroupsIsAGapForGroupsOnly() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("elasticache", "DescribeCacheClusters", serve(eu));
        FAKE.inject(Fault.error("AccessDenied", 403).on("elasticache", "DescribeReplicationGroups"));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector());
        assertThat(read.arns()).containsExactly(LONELY, MEMO, SPREAD);
        Completeness.Gap gap = read.completeness().get(ReplicationGroupMapper.TYPE).orElseThrow();
        assertThat(gap.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED);
        assertThat(read.completeness().get(CacheClusterMapper.TYPE)).isEmpty();
        Results results = read.run(Config.defaults(), List.of(), new ElastiCacheNoFailover());
        // AZ06 needs the groups to know which Redis clusters are a group's primary: not evaluated
        assertThat(results.findings()).isEmpty();
        assertThat(OneScope.gaps(results)).containsExactly("AZ06 AWS::ElastiCache::ReplicationGroup ACCESS_DENIED");
    }

    @Test
    void aTagCallDeniedForOneClusterLeavesOnlyItsTagsUnknown() {
        FakeRegion eu = FAKE.account(ACCOUNT).region(REGION);
        eu.items("elasticache", "DescribeCacheClusters", serve(eu));
        for (String arn : List.of(SESSIONS, SINGLE, SHARDS, LONELY, SPREAD)) {
            eu.answer("elasticache", "ListTagsForResource", "ResourceName", arn, Map.of("TagList", List.of()));
        }
        eu.fail("elasticache", "ListTagsForResource", "ResourceName", MEMO,
                AwsError.accessDenied(AwsService.ELASTICACHE, "not allowed"));
        OneScope read = OneScope.collect(FAKE, new ElastiCacheCollector(), new ElastiCacheCollector().types(), true);
        assertThat(read.arns()).contains(MEMO);
        assertThat(read.resource(MEMO).unread()).isEmpty();
        assertThat(PropertyLines.of(read.resource(MEMO).properties())).contains("Tags = unknown ACCESS_DENIED");
        assertThat(read.completeness().values()).allMatch(Optional::isEmpty);

        Config team = new Config(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(), List.of("team"),
                Optional.empty(), List.of(), TreeReader.DEFAULT_MAX_BYTES);
        Results results = read.run(team, List.of(TaggableTypes.types()), new ElastiCacheNoFailover(),
                new RequiredTagsMissing());
        assertThat(OneScope.findings(results)).containsExactly(
                "AZ06 " + LONELY, "AZ06 " + MEMO, "AZ06 " + SINGLE,
                "OB01 " + LONELY, "OB01 " + SPREAD, "OB01 " + SESSIONS, "OB01 " + SHARDS, "OB01 " + SINGLE);
        assertThat(OneScope.gaps(results)).containsExactly("OB01 " + MEMO + " ACCESS_DENIED");
    }
}
