package dev.resilint.live.map.rds;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.ec2.SecurityGroupMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * {@code DescribeDBInstances} items as {@code AWS::RDS::DBInstance}.
 *
 * <p>How the rules place an instance ({@code RdsTopology}) is written as a template would write it:
 * {@code DBClusterIdentifier} is a reference to the {@code AWS::RDS::DBCluster} it belongs to (an
 * Aurora or Multi-AZ DB cluster member; a cluster's members are the instances that name it, as in a
 * template), and a read replica's source ({@code ReadReplicaSourceDBInstanceIdentifier}, or
 * {@code ReadReplicaSourceDBClusterIdentifier} for a replica of a Multi-AZ DB cluster) becomes
 * CloudFormation's {@code SourceDBInstanceIdentifier} ({@code SourceDBClusterIdentifier}): a name for
 * a source in the same region, an ARN for one in another region. {@code AllocatedStorage} is a string,
 * as in the CloudFormation schema.
 *
 * <p>Live semantics: the API answers every setting explicitly ({@code MultiAZ: false},
 * {@code BackupRetentionPeriod: 0}, {@code DeletionProtection: false}), so nothing falls back to a
 * CloudFormation default. An instance being deleted ({@code DBInstanceStatus: deleting}) is gone, as
 * a terminating EC2 instance is. The RDS API also describes Amazon DocumentDB and Neptune instances
 * (engines {@code docdb} and {@code neptune}): they are {@code AWS::DocDB::DBInstance} and
 * {@code AWS::Neptune::DBInstance} in a template, not RDS instances, and are left out.
 */
public final class DbInstanceMapper {

    public static final String TYPE = "AWS::RDS::DBInstance";

    private DbInstanceMapper() {
    }

    /** The instance, or empty when it is being deleted or is not an RDS instance (DocumentDB, Neptune). */
    public static Optional<LiveResource> map(Scope scope, DBInstance db) {
        if ("deleting".equalsIgnoreCase(db.dbInstanceStatus()) || !isRds(db.engine())) {
            return Optional.empty();
        }
        String id = db.dbInstanceIdentifier();
        Props p = Props.map()
                .put("DBInstanceIdentifier", id)
                .put("Engine", db.engine())
                .put("EngineVersion", db.engineVersion())
                .put("DBInstanceClass", db.dbInstanceClass())
                .ref("DBClusterIdentifier", db.dbClusterIdentifier(), DbClusterMapper.TYPE)
                .put("MultiAZ", db.multiAZ())
                .put("AvailabilityZone", db.availabilityZone())
                .put("BackupRetentionPeriod", db.backupRetentionPeriod())
                .put("DeletionProtection", db.deletionProtection())
                .ref("SourceDBInstanceIdentifier", db.readReplicaSourceDBInstanceIdentifier(), TYPE)
                .ref("SourceDBClusterIdentifier", db.readReplicaSourceDBClusterIdentifier(), DbClusterMapper.TYPE)
                .put("StorageType", db.storageType())
                .put("AllocatedStorage", db.allocatedStorage() == null ? null : db.allocatedStorage().toString())
                .put("MaxAllocatedStorage", db.maxAllocatedStorage())
                .put("Iops", db.iops())
                .put("StorageEncrypted", db.storageEncrypted())
                .put("PubliclyAccessible", db.publiclyAccessible())
                .put("DBSubnetGroupName", db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().dbSubnetGroupName())
                .refs("VPCSecurityGroups", db.vpcSecurityGroups().stream()
                        .map(VpcSecurityGroupMembership::vpcSecurityGroupId).filter(g -> g != null).toList(),
                        SecurityGroupMapper.TYPE)
                .tags("Tags", Tags.of(db.tagList(), t -> t.key(), t -> t.value()));
        String arn = db.dbInstanceArn() != null ? db.dbInstanceArn() : Arns.of(scope, "rds", "db:" + id);
        return Optional.of(LiveResource.of(TYPE, arn, id, scope, p.build(), Ids.of(id, "", arn, "DBInstanceArn")));
    }

    /**
     * Whether an engine is one of RDS's own (not DocumentDB's {@code docdb} nor Neptune's
     * {@code neptune}, which the RDS API also describes); an unknown engine counts as RDS.
     */
    static boolean isRds(String engine) {
        if (engine == null) {
            return true;
        }
        String e = engine.trim().toLowerCase(Locale.ROOT);
        return !e.equals("docdb") && !e.equals("neptune");
    }
}
