package dev.resilint.live.map.rds;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * {@code DescribeDBClusters} items (Aurora and Multi-AZ DB clusters) as {@code AWS::RDS::DBCluster}.
 *
 * <p>A template has no list of a cluster's members: its instances name the cluster in their
 * {@code DBClusterIdentifier}, and the rules (AZ05) count them that way. A live cluster is read the
 * same way: its members are the collected {@code AWS::RDS::DBInstance}s whose
 * {@code DBClusterIdentifier} refers to it (through the cluster's identifier), so the API's
 * {@code DBClusterMembers} is not copied. Nor is the API's {@code MultiAZ}, which the cluster derives
 * from where its instances are and which CloudFormation's {@code AWS::RDS::DBCluster} does not have:
 * the instances' own {@code AvailabilityZone}s say it.
 *
 * <p>Live semantics: the API always answers {@code EngineMode} ({@code provisioned},
 * {@code serverless}, ...), {@code BackupRetentionPeriod} and {@code DeletionProtection}. A cluster
 * being deleted is gone; DocumentDB and Neptune clusters, which the RDS API also describes, are
 * other CloudFormation types and are left out.
 */
public final class DbClusterMapper {

    public static final String TYPE = "AWS::RDS::DBCluster";

    private DbClusterMapper() {
    }

    /** The cluster, or empty when it is being deleted or is not an RDS cluster (DocumentDB, Neptune). */
    public static Optional<LiveResource> map(Scope scope, DBCluster c) {
        if ("deleting".equalsIgnoreCase(c.status()) || !DbInstanceMapper.isRds(c.engine())) {
            return Optional.empty();
        }
        String id = c.dbClusterIdentifier();
        Props p = Props.map()
                .put("DBClusterIdentifier", id)
                .put("Engine", c.engine())
                .put("EngineMode", c.engineMode())
                .put("EngineVersion", c.engineVersion())
                .strings("AvailabilityZones", c.availabilityZones())
                .put("BackupRetentionPeriod", c.backupRetentionPeriod())
                .put("DeletionProtection", c.deletionProtection())
                .put("DBClusterInstanceClass", c.dbClusterInstanceClass())
                .put("StorageType", c.storageType())
                .put("AllocatedStorage", c.allocatedStorage())
                .put("Iops", c.iops())
                .put("StorageEncrypted", c.storageEncrypted())
                .put("GlobalClusterIdentifier", c.globalClusterIdentifier())
                .put("ReplicationSourceIdentifier", c.replicationSourceIdentifier())
                .put("DBSubnetGroupName", c.dbSubnetGroup())
                .refs("VpcSecurityGroupIds", c.vpcSecurityGroups().stream()
                        .map(VpcSecurityGroupMembership::vpcSecurityGroupId).filter(g -> g != null).toList(),
                        SecurityGroupMapper.TYPE)
                .tags("Tags", Tags.of(c.tagList(), t -> t.key(), t -> t.value()));
        if (c.serverlessV2ScalingConfiguration() != null) {
            p.putIfNotEmpty("ServerlessV2ScalingConfiguration", Props.map()
                    .put("MinCapacity", c.serverlessV2ScalingConfiguration().minCapacity())
                    .put("MaxCapacity", c.serverlessV2ScalingConfiguration().maxCapacity()));
        }
        String arn = c.dbClusterArn() != null ? c.dbClusterArn() : Arns.of(scope, "rds", "cluster:" + id);
        return Optional.of(LiveResource.of(TYPE, arn, id, scope, p.build(), Ids.of(id, "", arn, "DBClusterArn")));
    }
}
