package dev.resilint.live.map.rds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropertyLines;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

class RdsMappersTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:rds:eu-west-1:111122223333:";

    @Test
    void aStandaloneInstanceKeepsEveryFieldTheRulesReadExplicitly() {
        LiveResource r = DbInstanceMapper.map(SCOPE, DBInstance.builder()
                .dbInstanceIdentifier("orders").dbInstanceArn(ARN + "db:orders").engine("postgres")
                .engineVersion("16.3").dbInstanceClass("db.m6g.large").dbInstanceStatus("available")
                .multiAZ(false).availabilityZone("eu-west-1a").backupRetentionPeriod(0).deletionProtection(false)
                .storageType("gp3").allocatedStorage(100).maxAllocatedStorage(500).iops(3000)
                .storageEncrypted(true).publiclyAccessible(false)
                .dbSubnetGroup(DBSubnetGroup.builder().dbSubnetGroupName("data").build())
                .vpcSecurityGroups(VpcSecurityGroupMembership.builder().vpcSecurityGroupId("sg-db").status("active").build())
                .tagList(Tag.builder().key("team").value("payments").build(), Tag.builder().key("env").value("prod").build())
                .build()).orElseThrow();
        assertThat(r.type()).isEqualTo("AWS::RDS::DBInstance");
        assertThat(r.arn()).isEqualTo(ARN + "db:orders");
        assertThat(r.name()).isEqualTo("orders");
        assertThat(r.identifiers()).isEqualTo(Map.of("orders", "", ARN + "db:orders", "DBInstanceArn"));
        assertThat(r.unread()).isEmpty();
        assertThat(PropertyLines.of(r.properties())).containsExactly(
                "DBInstanceIdentifier = \"orders\"",
                "Engine = \"postgres\"",
                "EngineVersion = \"16.3\"",
                "DBInstanceClass = \"db.m6g.large\"",
                "MultiAZ = false",
                "AvailabilityZone = \"eu-west-1a\"",
                "BackupRetentionPeriod = 0",
                "DeletionProtection = false",
                "StorageType = \"gp3\"",
                "AllocatedStorage = \"100\"",
                "MaxAllocatedStorage = 500",
                "Iops = 3000",
                "StorageEncrypted = true",
                "PubliclyAccessible = false",
                "DBSubnetGroupName = \"data\"",
                "VPCSecurityGroups/0 -> AWS::EC2::SecurityGroup \"sg-db\"",
                "Tags/0/Key = \"env\"", "Tags/0/Value = \"prod\"",
                "Tags/1/Key = \"team\"", "Tags/1/Value = \"payments\"");
    }

    @Test
    void aClusterMemberNamesItsClusterAndAReplicaItsSourceAsCloudFormationDoes() {
        LiveResource member = DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("aurora-1")
                .engine("aurora-postgresql").dbClusterIdentifier("aurora").availabilityZone("eu-west-1b")
                .multiAZ(false).build()).orElseThrow();
        assertThat(PropertyLines.of(member.properties())).contains(
                "DBClusterIdentifier -> AWS::RDS::DBCluster \"aurora\"", "Engine = \"aurora-postgresql\"");
        assertThat(member.arn()).isEqualTo(ARN + "db:aurora-1"); // built when the API gives none

        LiveResource replica = DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("orders-ro")
                .engine("postgres").readReplicaSourceDBInstanceIdentifier("orders").build()).orElseThrow();
        assertThat(PropertyLines.of(replica.properties()))
                .contains("SourceDBInstanceIdentifier -> AWS::RDS::DBInstance \"orders\"")
                .noneMatch(l -> l.startsWith("DBClusterIdentifier") || l.startsWith("SourceDBClusterIdentifier"));

        LiveResource clusterReplica = DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("maz-ro")
                .engine("mysql").readReplicaSourceDBClusterIdentifier("maz").build()).orElseThrow();
        assertThat(PropertyLines.of(clusterReplica.properties()))
                .contains("SourceDBClusterIdentifier -> AWS::RDS::DBCluster \"maz\"");
    }

    @Test
    void deletingInstancesAndDocumentDbOrNeptuneInstancesAreNotRdsInstances() {
        assertThat(DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("old").engine("mysql")
                .dbInstanceStatus("deleting").build())).isEmpty();
        assertThat(DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("docs").engine("docdb")
                .dbClusterIdentifier("docs").build())).isEmpty();
        assertThat(DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("graph").engine("neptune")
                .build())).isEmpty();
        assertThat(DbInstanceMapper.map(SCOPE, DBInstance.builder().dbInstanceIdentifier("stopped").engine("mysql")
                .dbInstanceStatus("stopped").build())).isPresent();
    }

    @Test
    void aClusterHasNoMemberListAndNoMultiAzOfItsOwn() {
        LiveResource r = DbClusterMapper.map(SCOPE, DBCluster.builder().dbClusterIdentifier("aurora")
                .dbClusterArn(ARN + "cluster:aurora").engine("aurora-postgresql").engineMode("provisioned")
                .engineVersion("16.4").status("available").multiAZ(true)
                .availabilityZones("eu-west-1a", "eu-west-1b", "eu-west-1c").backupRetentionPeriod(7)
                .deletionProtection(true).storageType("aurora-iopt1").storageEncrypted(true)
                .dbSubnetGroup("data").vpcSecurityGroups(VpcSecurityGroupMembership.builder().vpcSecurityGroupId("sg-db").build())
                .dbClusterMembers(DBClusterMember.builder().dbInstanceIdentifier("aurora-1").isClusterWriter(true).build())
                .serverlessV2ScalingConfiguration(c -> c.minCapacity(0.5).maxCapacity(8.0))
                .tagList(Tag.builder().key("team").value("payments").build()).build()).orElseThrow();
        assertThat(r.type()).isEqualTo("AWS::RDS::DBCluster");
        assertThat(r.arn()).isEqualTo(ARN + "cluster:aurora");
        assertThat(r.identifiers()).isEqualTo(Map.of("aurora", "", ARN + "cluster:aurora", "DBClusterArn"));
        assertThat(PropertyLines.of(r.properties())).containsExactly(
                "DBClusterIdentifier = \"aurora\"",
                "Engine = \"aurora-postgresql\"",
                "EngineMode = \"provisioned\"",
                "EngineVersion = \"16.4\"",
                "AvailabilityZones/0 = \"eu-west-1a\"",
                "AvailabilityZones/1 = \"eu-west-1b\"",
                "AvailabilityZones/2 = \"eu-west-1c\"",
                "BackupRetentionPeriod = 7",
                "DeletionProtection = true",
                "StorageType = \"aurora-iopt1\"",
                "StorageEncrypted = true",
                "DBSubnetGroupName = \"data\"",
                "VpcSecurityGroupIds/0 -> AWS::EC2::SecurityGroup \"sg-db\"",
                "Tags/0/Key = \"team\"", "Tags/0/Value = \"payments\"",
                "ServerlessV2ScalingConfiguration/MinCapacity = 0.5",
                "ServerlessV2ScalingConfiguration/MaxCapacity = 8.0");
    }

    @Test
    void deletingClustersAndDocumentDbClustersAreLeftOut() {
        assertThat(DbClusterMapper.map(SCOPE, DBCluster.builder().dbClusterIdentifier("old").engine("aurora-mysql")
                .status("deleting").build())).isEmpty();
        assertThat(DbClusterMapper.map(SCOPE, DBCluster.builder().dbClusterIdentifier("docs").engine("docdb")
                .build())).isEmpty();
        assertThat(DbClusterMapper.map(SCOPE, DBCluster.builder().dbClusterIdentifier("maz").engine("mysql")
                .build()).orElseThrow().arn()).isEqualTo(ARN + "cluster:maz");
    }
}
