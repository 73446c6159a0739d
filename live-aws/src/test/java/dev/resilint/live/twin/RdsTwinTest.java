package dev.resilint.live.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RDS DB instances (standalone, read replica, Aurora and Multi-AZ cluster members) and DB clusters
 * (Aurora in two zones, in one zone, with one instance, Serverless v1, a Multi-AZ DB cluster): written
 * as a template and served by the fake account, they get the same findings from AZ04, AZ05, DR01 and
 * DR02.
 */
class RdsTwinTest {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String ARN = "arn:aws:rds:eu-west-1:111122223333:";

    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start();

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: orders, Engine: postgres, DBInstanceClass: db.m6g.large,
                  AllocatedStorage: '100', MultiAZ: false, BackupRetentionPeriod: 7, DeletionProtection: false,
                  AvailabilityZone: eu-west-1a}
              OrdersReplica:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: orders-ro, SourceDBInstanceIdentifier: !Ref Orders,
                  DBInstanceClass: db.m6g.large, BackupRetentionPeriod: 0}
              Billing:
                Type: AWS::RDS::DBInstance
                Properties: {DBInstanceIdentifier: billing, Engine: mysql, DBInstanceClass: db.m6g.large,
                  AllocatedStorage: '50', MultiAZ: true, BackupRetentionPeriod: 1, DeletionProtection: true}
              Aurora:
                Type: AWS::RDS::DBCluster
                Properties: {DBClusterIdentifier: aurora, Engine: aurora-postgresql, BackupRetentionPeriod: 7,
                  DeletionProtection: true}
              Aurora1:
                Type: AWS::RDS::DBInstance
                Properties: {DBClusterIdentifier: !Ref Aurora, Engine: aurora-postgresql, DBInstanceClass: db.r6g.large,
                  AvailabilityZone: eu-west-1a}
              Aurora2:
                Type: AWS::RDS::DBInstance
                Properties: {DBClusterIdentifier: !Ref Aurora, Engine: aurora-postgresql, DBInstanceClass: db.serverless,
                  AvailabilityZone: eu-west-1b}
              Stacked:
                Type: AWS::RDS::DBCluster
                Properties: {DBClusterIdentifier: stacked, Engine: aurora-mysql, BackupRetentionPeriod: 1}
              Stacked1:
                Type: AWS::RDS::DBInstance
                Properties: {DBClusterIdentifier: stacked, Engine: aurora-mysql, DBInstanceClass: db.r6g.large,
                  AvailabilityZone: eu-west-1a}
              Stacked2:
                Type: AWS::RDS::DBInstance
                Properties: {DBClusterIdentifier: stacked, Engine: aurora-mysql, DBInstanceClass: db.r6g.large,
                  AvailabilityZone: eu-west-1a}
              Lonely:
                Type: AWS::RDS::DBCluster
                Properties: {DBClusterIdentifier: lonely, Engine: aurora-postgresql, BackupRetentionPeriod: 14,
                  DeletionProtection: true}
              Lonely1:
                Type: AWS::RDS::DBInstance
                Properties: {DBClusterIdentifier: !Ref Lonely, Engine: aurora-postgresql, DBInstanceClass: db.r6g.large}
              Serverless:
                Type: AWS::RDS::DBCluster
                Properties: {DBClusterIdentifier: serverless, Engine: aurora-mysql, EngineMode: serverless,
                  BackupRetentionPeriod: 7, DeletionProtection: true}
              MultiAzCluster:
                Type: AWS::RDS::DBCluster
                Properties: {DBClusterIdentifier: maz, Engine: postgres, DBClusterInstanceClass: db.m6gd.large,
                  StorageType: io1, Iops: 1000, AllocatedStorage: 100, BackupRetentionPeriod: 7, DeletionProtection: true}
            """;

    private static Map<String, Object> instance(String id, Object... more) {
        Map<String, Object> db = Trees.map("DBInstanceIdentifier", id, "DBInstanceArn", ARN + "db:" + id,
                "DBInstanceStatus", "available", "DBInstanceClass", "db.r6g.large", "MultiAZ", false,
                "BackupRetentionPeriod", 7, "DeletionProtection", false);
        db.putAll(Trees.map(more));
        return db;
    }

    private static Map<String, Object> cluster(String id, String engine, Object... more) {
        Map<String, Object> c = Trees.map("DBClusterIdentifier", id, "DBClusterArn", ARN + "cluster:" + id,
                "Status", "available", "Engine", engine, "EngineMode", "provisioned", "BackupRetentionPeriod", 7,
                "DeletionProtection", true, "AvailabilityZones", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));
        c.putAll(Trees.map(more));
        return c;
    }

    /** The same databases as the account serves them; the Multi-AZ DB cluster's three instances come with it. */
    static void serve(FakeRegion eu) {
        eu.items("rds", "DescribeDBInstances", List.of(
                instance("orders", "Engine", "postgres", "AvailabilityZone", "eu-west-1a", "AllocatedStorage", 100),
                instance("orders-ro", "Engine", "postgres", "AvailabilityZone", "eu-west-1b",
                        "ReadReplicaSourceDBInstanceIdentifier", "orders", "BackupRetentionPeriod", 0),
                instance("billing", "Engine", "mysql", "MultiAZ", true, "BackupRetentionPeriod", 1,
                        "DeletionProtection", true, "AvailabilityZone", "eu-west-1c", "SecondaryAvailabilityZone",
                        "eu-west-1a"),
                instance("aurora-1", "Engine", "aurora-postgresql", "DBClusterIdentifier", "aurora",
                        "AvailabilityZone", "eu-west-1a"),
                instance("aurora-2", "Engine", "aurora-postgresql", "DBClusterIdentifier", "aurora",
                        "AvailabilityZone", "eu-west-1b", "DBInstanceClass", "db.serverless"),
                instance("stacked-1", "Engine", "aurora-mysql", "DBClusterIdentifier", "stacked",
                        "AvailabilityZone", "eu-west-1a", "BackupRetentionPeriod", 1),
                instance("stacked-2", "Engine", "aurora-mysql", "DBClusterIdentifier", "stacked",
                        "AvailabilityZone", "eu-west-1a", "BackupRetentionPeriod", 1),
                instance("lonely-1", "Engine", "aurora-postgresql", "DBClusterIdentifier", "lonely",
                        "AvailabilityZone", "eu-west-1c", "BackupRetentionPeriod", 14),
                instance("maz-instance-1", "Engine", "postgres", "DBClusterIdentifier", "maz", "AvailabilityZone", "eu-west-1a"),
                instance("maz-instance-2", "Engine", "postgres", "DBClusterIdentifier", "maz", "AvailabilityZone", "eu-west-1b"),
                instance("maz-instance-3", "Engine", "postgres", "DBClusterIdentifier", "maz", "AvailabilityZone", "eu-west-1c")));
        eu.items("rds", "DescribeDBClusters", List.of(
                cluster("aurora", "aurora-postgresql", "DBClusterMembers", List.of(
                        Map.of("DBInstanceIdentifier", "aurora-1", "IsClusterWriter", true),
                        Map.of("DBInstanceIdentifier", "aurora-2", "IsClusterWriter", false))),
                cluster("stacked", "aurora-mysql", "BackupRetentionPeriod", 1, "DeletionProtection", false),
                cluster("lonely", "aurora-postgresql", "BackupRetentionPeriod", 14),
                cluster("serverless", "aurora-mysql", "EngineMode", "serverless"),
                cluster("maz", "postgres", "MultiAZ", true, "DBClusterInstanceClass", "db.m6gd.large",
                        "StorageType", "io1", "Iops", 1000, "AllocatedStorage", 100)));
    }

    @Test
    void theTemplateAndTheAccountGetTheSameFindings() {
        serve(FAKE.account(ACCOUNT).region(REGION));
        var findings = Twin.of(TEMPLATE)
                .is("Orders", ARN + "db:orders").is("OrdersReplica", ARN + "db:orders-ro").is("Billing", ARN + "db:billing")
                .is("Aurora", ARN + "cluster:aurora").is("Aurora1", ARN + "db:aurora-1").is("Aurora2", ARN + "db:aurora-2")
                .is("Stacked", ARN + "cluster:stacked").is("Stacked1", ARN + "db:stacked-1")
                .is("Stacked2", ARN + "db:stacked-2").is("Lonely", ARN + "cluster:lonely")
                .is("Lonely1", ARN + "db:lonely-1").is("Serverless", ARN + "cluster:serverless")
                .is("MultiAzCluster", ARN + "cluster:maz")
                .assertSame(dir, FAKE, ACCOUNT, REGION);
        assertThat(findings).containsExactly("AZ04 Orders", "AZ05 Lonely", "AZ05 Stacked", "DR01 Billing",
                "DR01 Stacked", "DR02 Orders", "DR02 OrdersReplica", "DR02 Stacked", "SC05 Billing", "SC05 Orders",
                "SC05 OrdersReplica");
    }
}
