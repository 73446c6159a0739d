package dev.resilint.live.map.elasticache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

class ElastiCacheMappersTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:elasticache:eu-west-1:111122223333:";

    private static NodeGroupMember member(String cluster, String zone, String role) {
        return NodeGroupMember.builder().cacheClusterId(cluster).cacheNodeId("0001").preferredAvailabilityZone(zone)
                .currentRole(role).build();
    }

    @Test
    void aClusterModeDisabledGroupIsSizedByItsMemberClustersAndNamesItsPrimary() {
        LiveResource r = ReplicationGroupMapper.map(SCOPE, ReplicationGroup.builder().replicationGroupId("sessions")
                .arn(ARN + "replicationgroup:sessions").description("web sessions").engine("valkey")
                .cacheNodeType("cache.r7g.large").status("available").automaticFailover("enabled").multiAZ("enabled")
                .clusterEnabled(false).clusterMode("disabled").snapshotRetentionLimit(3)
                .transitEncryptionEnabled(true).atRestEncryptionEnabled(true)
                .memberClusters("sessions-001", "sessions-002")
                .nodeGroups(NodeGroup.builder().nodeGroupId("0001").nodeGroupMembers(
                        member("sessions-001", "eu-west-1a", "primary"),
                        member("sessions-002", "eu-west-1b", "replica")).build())
                .build(), TagLookup.of(Map.of(ARN + "replicationgroup:sessions", Map.of("team", "web")))).orElseThrow();
        assertThat(r.type()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(r.arn()).isEqualTo(ARN + "replicationgroup:sessions");
        assertThat(r.identifiers()).isEqualTo(Map.of("sessions", ""));
        assertThat(PropertyLines.of(r.properties())).containsExactly(
                "ReplicationGroupId = \"sessions\"",
                "ReplicationGroupDescription = \"web sessions\"",
                "Engine = \"valkey\"",
                "CacheNodeType = \"cache.r7g.large\"",
                "AutomaticFailoverEnabled = true",
                "MultiAZEnabled = true",
                "ClusterMode = \"disabled\"",
                "SnapshotRetentionLimit = 3",
                "TransitEncryptionEnabled = true",
                "AtRestEncryptionEnabled = true",
                "NumCacheClusters = 2",
                "PrimaryClusterId -> AWS::ElastiCache::CacheCluster \"sessions-001\"",
                "PreferredCacheClusterAZs/0 = \"eu-west-1a\"",
                "PreferredCacheClusterAZs/1 = \"eu-west-1b\"",
                "Tags/0/Key = \"team\"", "Tags/0/Value = \"web\"");
    }

    @Test
    void aShardedGroupHasANodeGroupConfigurationPerShardAndReplicasPerNodeGroupWhenUniform() {
        ReplicationGroup.Builder g = ReplicationGroup.builder().replicationGroupId("shards").status("available")
                .automaticFailover("enabled").multiAZ("disabled").clusterEnabled(true)
                .memberClusters("shards-0001-001", "shards-0001-002", "shards-0002-001", "shards-0002-002");
        LiveResource uniform = ReplicationGroupMapper.map(SCOPE, g.nodeGroups(
                NodeGroup.builder().nodeGroupId("0001").slots("0-8191").nodeGroupMembers(
                        member("shards-0001-001", "eu-west-1a", null), member("shards-0001-002", "eu-west-1b", null)).build(),
                NodeGroup.builder().nodeGroupId("0002").slots("8192-16383").nodeGroupMembers(
                        member("shards-0002-001", "eu-west-1b", null), member("shards-0002-002", "eu-west-1c", null)).build())
                .build(), TagLookup.none()).orElseThrow();
        assertThat(uniform.arn()).isEqualTo(ARN + "replicationgroup:shards");
        assertThat(PropertyLines.of(uniform.properties())).containsExactly(
                "ReplicationGroupId = \"shards\"",
                "AutomaticFailoverEnabled = true",
                "MultiAZEnabled = false",
                "NumNodeGroups = 2",
                "NodeGroupConfiguration/0/NodeGroupId = \"0001\"",
                "NodeGroupConfiguration/0/Slots = \"0-8191\"",
                "NodeGroupConfiguration/0/ReplicaCount = 1",
                "NodeGroupConfiguration/1/NodeGroupId = \"0002\"",
                "NodeGroupConfiguration/1/Slots = \"8192-16383\"",
                "NodeGroupConfiguration/1/ReplicaCount = 1",
                "ReplicasPerNodeGroup = 1");

        LiveResource uneven = ReplicationGroupMapper.map(SCOPE, g.nodeGroups(
                NodeGroup.builder().nodeGroupId("0001").nodeGroupMembers(
                        member("a", "eu-west-1a", "primary"), member("b", "eu-west-1b", "replica")).build(),
                NodeGroup.builder().nodeGroupId("0002").nodeGroupMembers(member("c", "eu-west-1c", "primary")).build(),
                NodeGroup.builder().nodeGroupId("0003").build()).build(), TagLookup.none()).orElseThrow();
        assertThat(PropertyLines.of(uneven.properties())).contains(
                "NumNodeGroups = 3",
                "NodeGroupConfiguration/0/ReplicaCount = 1",
                "NodeGroupConfiguration/0/PrimaryAvailabilityZone = \"eu-west-1a\"",
                "NodeGroupConfiguration/0/ReplicaAvailabilityZones/0 = \"eu-west-1b\"",
                "NodeGroupConfiguration/1/ReplicaCount = 0",
                "NodeGroupConfiguration/2/NodeGroupId = \"0003\"")
                .noneMatch(l -> l.startsWith("ReplicasPerNodeGroup") || l.startsWith("NodeGroupConfiguration/2/ReplicaCount")
                        || l.startsWith("NumCacheClusters"));
    }

    @Test
    void shardsWithoutListedMembersAreCountedByTheirMembersNamesOrLeftUncounted() {
        LiveResource named = ReplicationGroupMapper.map(SCOPE, ReplicationGroup.builder().replicationGroupId("big")
                .clusterEnabled(true).automaticFailover("enabled")
                .memberClusters("big-0001-001", "big-0002-001", "big-0002-002", "big-0002-0x", "bigger-0001-002")
                .nodeGroups(NodeGroup.builder().nodeGroupId("0001").build(), NodeGroup.builder().nodeGroupId("0002").build(),
                        NodeGroup.builder().nodeGroupId("0003").build())
                .build(), TagLookup.none()).orElseThrow();
        assertThat(PropertyLines.of(named.properties())).containsExactly(
                "ReplicationGroupId = \"big\"",
                "AutomaticFailoverEnabled = true",
                "NumNodeGroups = 3",
                "NodeGroupConfiguration/0/NodeGroupId = \"0001\"",
                "NodeGroupConfiguration/0/ReplicaCount = 0",
                "NodeGroupConfiguration/1/NodeGroupId = \"0002\"",
                "NodeGroupConfiguration/1/ReplicaCount = 1",
                "NodeGroupConfiguration/2/NodeGroupId = \"0003\"");
    }

    @Test
    void failoverStatesInTransitionReadAsWhatTheyBecome() {
        assertThat(ReplicationGroupMapper.status("enabling")).isTrue();
        assertThat(ReplicationGroupMapper.status("disabling")).isFalse();
        assertThat(ReplicationGroupMapper.status(null)).isNull();
        LiveResource single = ReplicationGroupMapper.map(SCOPE, ReplicationGroup.builder().replicationGroupId("one")
                .automaticFailover("disabled").memberClusters("one-001").build(), TagLookup.none()).orElseThrow();
        assertThat(PropertyLines.of(single.properties())).containsExactly("ReplicationGroupId = \"one\"",
                "AutomaticFailoverEnabled = false", "NumCacheClusters = 1");
        assertThat(ReplicationGroupMapper.map(SCOPE, ReplicationGroup.builder().replicationGroupId("old")
                .status("deleting").build(), TagLookup.none())).isEmpty();
    }

    @Test
    void aMemcachedClusterGetsItsZoneModeFromWhereItsNodesAre() {
        LiveResource spread = CacheClusterMapper.map(SCOPE, CacheCluster.builder().cacheClusterId("memo")
                .arn(ARN + "cluster:memo").engine("memcached").engineVersion("1.6.22").cacheNodeType("cache.t4g.small")
                .cacheClusterStatus("available").numCacheNodes(3).preferredAvailabilityZone("Multiple")
                .cacheSubnetGroupName("data")
                .securityGroups(s -> s.securityGroupId("sg-cache").status("active"))
                .cacheNodes(node("0002", "eu-west-1b"), node("0001", "eu-west-1a"), node("0003", "eu-west-1a"))
                .build(), TagLookup.failed(Value.unknown(Value.Reason.ACCESS_DENIED, "ListTagsForResource: AccessDenied")))
                .orElseThrow();
        assertThat(spread.type()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(spread.identifiers()).isEqualTo(Map.of("memo", ""));
        assertThat(spread.unread()).isEmpty();
        assertThat(PropertyLines.of(spread.properties())).containsExactly(
                "ClusterName = \"memo\"",
                "Engine = \"memcached\"",
                "EngineVersion = \"1.6.22\"",
                "CacheNodeType = \"cache.t4g.small\"",
                "NumCacheNodes = 3",
                "AZMode = \"cross-az\"",
                "PreferredAvailabilityZones/0 = \"eu-west-1a\"",
                "PreferredAvailabilityZones/1 = \"eu-west-1b\"",
                "PreferredAvailabilityZones/2 = \"eu-west-1a\"",
                "CacheSubnetGroupName = \"data\"",
                "VpcSecurityGroupIds/0 -> AWS::EC2::SecurityGroup \"sg-cache\"",
                "Tags = unknown ACCESS_DENIED");

        LiveResource together = CacheClusterMapper.map(SCOPE, CacheCluster.builder().cacheClusterId("memo2")
                .engine("memcached").numCacheNodes(2).preferredAvailabilityZone("eu-west-1a")
                .cacheNodes(node("0001", "eu-west-1a"), node("0002", "eu-west-1a")).build(), TagLookup.none())
                .orElseThrow();
        assertThat(together.arn()).isEqualTo(ARN + "cluster:memo2");
        assertThat(PropertyLines.of(together.properties())).contains("AZMode = \"single-az\"",
                "PreferredAvailabilityZone = \"eu-west-1a\"");
    }

    @Test
    void withoutNodeInformationThePreferredZoneDecidesTheMode() {
        assertThat(CacheClusterMapper.azMode(java.util.List.of(), "Multiple")).isEqualTo("cross-az");
        assertThat(CacheClusterMapper.azMode(java.util.List.of(), "eu-west-1c")).isEqualTo("single-az");
        assertThat(CacheClusterMapper.azMode(java.util.List.of(), null)).isNull();
        LiveResource creating = CacheClusterMapper.map(SCOPE, CacheCluster.builder().cacheClusterId("new")
                .engine("memcached").numCacheNodes(2).cacheClusterStatus("creating").build(), TagLookup.none())
                .orElseThrow();
        assertThat(PropertyLines.of(creating.properties())).containsExactly("ClusterName = \"new\"",
                "Engine = \"memcached\"", "NumCacheNodes = 2");
    }

    @Test
    void theNodesOfAReplicationGroupAreNotCacheClustersOfTheirOwn() {
        CacheCluster member = CacheCluster.builder().cacheClusterId("sessions-002").engine("redis").numCacheNodes(1)
                .replicationGroupId("sessions").preferredAvailabilityZone("eu-west-1b").build();
        assertThat(CacheClusterMapper.inReplicationGroup(member)).isTrue();
        assertThat(CacheClusterMapper.map(SCOPE, member, TagLookup.none())).isEmpty();
        LiveResource standalone = CacheClusterMapper.map(SCOPE, member.toBuilder().cacheClusterId("lonely")
                .replicationGroupId(null).cacheNodes(node("0001", "eu-west-1b")).build(), TagLookup.none()).orElseThrow();
        assertThat(PropertyLines.of(standalone.properties())).containsExactly("ClusterName = \"lonely\"",
                "Engine = \"redis\"", "NumCacheNodes = 1", "AZMode = \"single-az\"",
                "PreferredAvailabilityZone = \"eu-west-1b\"", "PreferredAvailabilityZones/0 = \"eu-west-1b\"");
        assertThat(CacheClusterMapper.map(SCOPE, member.toBuilder().replicationGroupId(null)
                .cacheClusterStatus("deleting").build(), TagLookup.none())).isEmpty();
    }

    private static CacheNode node(String id, String zone) {
        return CacheNode.builder().cacheNodeId(id).customerAvailabilityZone(zone).cacheNodeStatus("available").build();
    }
}
