package dev.resilint.live.map.elasticache;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;

/**
 * {@code DescribeCacheClusters} items (with {@code ShowCacheNodeInfo}) as
 * {@code AWS::ElastiCache::CacheCluster}, with their tags when a rule reads them.
 *
 * <p><b>Members of a replication group are not cache clusters of their own.</b> The API lists every
 * node of a replication group as a cache cluster with a {@code ReplicationGroupId}; CloudFormation
 * creates those for the {@code AWS::ElastiCache::ReplicationGroup}, and a template that declares the
 * group has no {@code AWS::ElastiCache::CacheCluster} for them. AZ06 judges a Redis or Valkey cache
 * cluster as a standalone node unless some group uses it as its {@code PrimaryClusterId}; a replica
 * is used by none, so mapping members would report every healthy replica as a single node without
 * failover. They are left out: the group is judged, with its members' count and roles, through
 * {@link ReplicationGroupMapper}. A template that creates a cluster and then a group on it
 * ({@code PrimaryClusterId: !Ref Cluster}) gets the same findings: AZ06 judges that cluster through
 * the group there too.
 *
 * <p>The API has no {@code AZMode}: it is derived from where the nodes are, {@code cross-az} when
 * they are in several zones and {@code single-az} when in one (from the nodes'
 * {@code CustomerAvailabilityZone}, else from the cluster's {@code PreferredAvailabilityZone}, which
 * says {@code Multiple} for nodes in several zones). {@code PreferredAvailabilityZones} lists each
 * node's zone in node order; {@code PreferredAvailabilityZone} is the cluster's zone when it has
 * one. {@code CacheParameterGroupName} is the name of the cluster's parameter group. A cluster being
 * deleted is gone.
 */
public final class CacheClusterMapper {

    public static final String TYPE = "AWS::ElastiCache::CacheCluster";

    /** What {@code PreferredAvailabilityZone} says when the nodes are in several zones. */
    static final String MULTIPLE = "Multiple";

    private CacheClusterMapper() {
    }

    /** Whether the API item is a node of a replication group (not a cache cluster of its own). */
    public static boolean inReplicationGroup(CacheCluster c) {
        return c.replicationGroupId() != null && !c.replicationGroupId().isBlank();
    }

    /** The ARN of a cluster, from the API or built from its id. */
    public static String arn(Scope scope, CacheCluster c) {
        return c.arn() != null ? c.arn() : Arns.of(scope, "elasticache", "cluster:" + c.cacheClusterId());
    }

    /**
     * @param tags its tags, when they were asked for
     * @return the cluster, or empty when it belongs to a replication group or is being deleted
     */
    public static Optional<LiveResource> map(Scope scope, CacheCluster c, TagLookup tags) {
        if (inReplicationGroup(c) || "deleting".equalsIgnoreCase(c.cacheClusterStatus())) {
            return Optional.empty();
        }
        List<String> nodeZones = c.cacheNodes().stream().sorted(Comparator.comparing(CacheNode::cacheNodeId,
                Comparator.nullsLast(Comparator.naturalOrder()))).map(CacheNode::customerAvailabilityZone).toList();
        boolean zonesKnown = !nodeZones.isEmpty() && nodeZones.stream().allMatch(z -> z != null && !z.isBlank());
        String preferred = c.preferredAvailabilityZone();
        Props p = Props.map()
                .put("ClusterName", c.cacheClusterId())
                .put("Engine", c.engine())
                .put("EngineVersion", c.engineVersion())
                .put("CacheNodeType", c.cacheNodeType())
                .put("NumCacheNodes", c.numCacheNodes())
                .put("AZMode", azMode(zonesKnown ? nodeZones : List.of(), preferred))
                .put("PreferredAvailabilityZone", MULTIPLE.equalsIgnoreCase(preferred) ? null : preferred)
                .strings("PreferredAvailabilityZones", zonesKnown ? nodeZones : List.of())
                .put("SnapshotRetentionLimit", c.snapshotRetentionLimit())
                .put("CacheSubnetGroupName", c.cacheSubnetGroupName())
                .put("CacheParameterGroupName", c.cacheParameterGroup() == null ? null
                        : c.cacheParameterGroup().cacheParameterGroupName())
                .refs("VpcSecurityGroupIds", c.securityGroups().stream().map(SecurityGroupMembership::securityGroupId)
                        .filter(g -> g != null).toList(), SecurityGroupMapper.TYPE)
                .put("TransitEncryptionEnabled", c.transitEncryptionEnabled());
        String arn = arn(scope, c);
        tags.apply(p, arn);
        return Optional.of(LiveResource.of(TYPE, arn, c.cacheClusterId(), scope, p.build(),
                Ids.of(c.cacheClusterId(), "")));
    }

    /** {@code cross-az} or {@code single-az} from the nodes' zones, else the preferred zone; null when neither says. */
    static String azMode(List<String> nodeZones, String preferred) {
        Set<String> zones = new LinkedHashSet<>(nodeZones);
        if (!zones.isEmpty()) {
            return zones.size() > 1 ? "cross-az" : "single-az";
        }
        if (preferred == null || preferred.isBlank()) {
            return null;
        }
        return MULTIPLE.equalsIgnoreCase(preferred) ? "cross-az" : "single-az";
    }
}
