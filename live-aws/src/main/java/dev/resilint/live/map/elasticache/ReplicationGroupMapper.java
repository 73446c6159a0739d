package dev.resilint.live.map.elasticache;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * {@code DescribeReplicationGroups} items as {@code AWS::ElastiCache::ReplicationGroup}, with their
 * tags ({@code ListTagsForResource}) when a rule reads them.
 *
 * <p>The API's status words become CloudFormation's booleans: {@code AutomaticFailover}
 * {@code enabled} is {@code AutomaticFailoverEnabled: true}, {@code MultiAZ} {@code enabled} is
 * {@code MultiAZEnabled: true}. A group in the middle of a change ({@code enabling},
 * {@code disabling}) is read as what it is being changed to, as the template that asked for the change
 * says.
 *
 * <p>The group's nodes become the properties a template sizes it with. With cluster mode disabled
 * (one shard): {@code NumCacheClusters}, the number of member clusters (primary and replicas),
 * {@code PrimaryClusterId}, the member whose role is {@code primary}, and
 * {@code PreferredCacheClusterAZs}. With cluster mode enabled (or several shards):
 * {@code NumNodeGroups}, a {@code NodeGroupConfiguration} entry per shard ({@code NodeGroupId},
 * {@code Slots}, {@code ReplicaCount}: its members but one, {@code PrimaryAvailabilityZone},
 * {@code ReplicaAvailabilityZones}), and {@code ReplicasPerNodeGroup} when every shard has the same
 * number of replicas. A shard whose members the API does not list is counted by the member clusters
 * named after it ({@code <group>-<shard>-<node>}, as ElastiCache names them); when none is, it has
 * no {@code ReplicaCount}, and the rules cannot prove it lacks replicas. The member clusters themselves are the group's nodes,
 * not cache clusters of their own (see {@link CacheClusterMapper}). The API does not say which
 * parameter group a replication group uses; its nodes do, and the collector passes their
 * {@code CacheParameterGroupName} on. A group being deleted is gone.
 */
public final class ReplicationGroupMapper {

    public static final String TYPE = "AWS::ElastiCache::ReplicationGroup";

    private ReplicationGroupMapper() {
    }

    /** The ARN of a group, from the API or built from its id. */
    public static String arn(Scope scope, ReplicationGroup g) {
        return g.arn() != null ? g.arn() : Arns.of(scope, "elasticache", "replicationgroup:" + g.replicationGroupId());
    }

    /**
     * @param tags its tags, when they were asked for
     * @return the group, or empty when it is being deleted
     */
    public static Optional<LiveResource> map(Scope scope, ReplicationGroup g, TagLookup tags) {
        return map(scope, g, tags, null);
    }

    /**
     * @param tags its tags, when they were asked for
     * @param parameterGroup the name of its nodes' parameter group ({@code CacheParameterGroupName}),
     *     an unknown placeholder when it could not be read, or null when not asked for
     * @return the group, or empty when it is being deleted
     */
    public static Optional<LiveResource> map(Scope scope, ReplicationGroup g, TagLookup tags, Node parameterGroup) {
        if ("deleting".equalsIgnoreCase(g.status())) {
            return Optional.empty();
        }
        Props p = Props.map()
                .put("ReplicationGroupId", g.replicationGroupId())
                .put("ReplicationGroupDescription", g.description())
                .put("Engine", g.engine())
                .put("CacheNodeType", g.cacheNodeType())
                .put("AutomaticFailoverEnabled", status(g.automaticFailoverAsString()))
                .put("MultiAZEnabled", status(g.multiAZAsString()))
                .put("ClusterMode", g.clusterModeAsString())
                .put("SnapshotRetentionLimit", g.snapshotRetentionLimit())
                .put("SnapshottingClusterId", g.snapshottingClusterId())
                .put("TransitEncryptionEnabled", g.transitEncryptionEnabled())
                .put("AtRestEncryptionEnabled", g.atRestEncryptionEnabled())
                .put("GlobalReplicationGroupId", g.globalReplicationGroupInfo() == null ? null
                        : g.globalReplicationGroupInfo().globalReplicationGroupId())
                .put("CacheParameterGroupName", parameterGroup);
        List<NodeGroup> shards = g.nodeGroups();
        if (Boolean.TRUE.equals(g.clusterEnabled()) || shards.size() > 1) {
            sharded(p, g, shards);
        } else {
            single(p, g, shards.isEmpty() ? null : shards.get(0));
        }
        String arn = arn(scope, g);
        tags.apply(p, arn);
        return Optional.of(LiveResource.of(TYPE, arn, g.replicationGroupId(), scope, p.build(),
                Ids.of(g.replicationGroupId(), "")));
    }

    /** {@code enabled}/{@code enabling} is on, {@code disabled}/{@code disabling} off, anything else unsaid. */
    static Boolean status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "enabled", "enabling" -> Boolean.TRUE;
            case "disabled", "disabling" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static void single(Props p, ReplicationGroup g, NodeGroup shard) {
        List<NodeGroupMember> members = shard == null ? List.of() : shard.nodeGroupMembers();
        int count = !g.memberClusters().isEmpty() ? g.memberClusters().size() : members.size();
        if (count > 0) {
            p.put("NumCacheClusters", count);
        }
        members.stream().filter(m -> "primary".equalsIgnoreCase(m.currentRole())).findFirst()
                .ifPresent(m -> p.ref("PrimaryClusterId", m.cacheClusterId(), CacheClusterMapper.TYPE));
        List<String> zones = members.stream().map(NodeGroupMember::preferredAvailabilityZone).toList();
        if (!zones.isEmpty() && zones.stream().allMatch(z -> z != null && !z.isBlank())) {
            p.strings("PreferredCacheClusterAZs", zones);
        }
    }

    private static void sharded(Props p, ReplicationGroup g, List<NodeGroup> shards) {
        p.put("NumNodeGroups", shards.size());
        List<Node> configuration = new ArrayList<>();
        Integer uniform = null;
        boolean same = !shards.isEmpty();
        for (NodeGroup shard : shards) {
            List<NodeGroupMember> members = shard.nodeGroupMembers();
            long named = namedMembers(g, shard);
            Integer replicas = !members.isEmpty() ? Integer.valueOf(members.size() - 1)
                    : named > 0 ? Integer.valueOf((int) named - 1) : null;
            same &= replicas != null && (uniform == null || uniform.equals(replicas));
            uniform = replicas;
            Optional<NodeGroupMember> primary = members.stream()
                    .filter(m -> "primary".equalsIgnoreCase(m.currentRole())).findFirst();
            Props entry = Props.map().put("NodeGroupId", shard.nodeGroupId()).put("Slots", shard.slots())
                    .put("ReplicaCount", replicas);
            if (primary.isPresent()) {
                entry.put("PrimaryAvailabilityZone", primary.get().preferredAvailabilityZone())
                        .strings("ReplicaAvailabilityZones", members.stream().filter(m -> m != primary.get())
                                .map(NodeGroupMember::preferredAvailabilityZone).filter(z -> z != null).toList());
            }
            configuration.add(entry.build());
        }
        p.list("NodeGroupConfiguration", configuration);
        if (same) {
            p.put("ReplicasPerNodeGroup", uniform);
        }
    }

    /**
     * The member clusters of a shard by their names, for a shard whose members the API does not list:
     * ElastiCache names the nodes of a sharded group {@code <group>-<shard>-<node>}
     * ({@code orders-0001-002}). Zero when none is named so (the count is then unknown, not zero).
     */
    static long namedMembers(ReplicationGroup g, NodeGroup shard) {
        if (g.replicationGroupId() == null || shard.nodeGroupId() == null) {
            return 0;
        }
        String prefix = g.replicationGroupId() + "-" + shard.nodeGroupId() + "-";
        return g.memberClusters().stream().filter(m -> m.startsWith(prefix)
                && m.substring(prefix.length()).matches("\\d+")).count();
    }
}
