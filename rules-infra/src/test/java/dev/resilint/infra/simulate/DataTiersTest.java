package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RDS instances and clusters, ElastiCache replication groups, EFS. */
class DataTiersTest {

    private static final String DB_SUBNETS = """
            DbSubnets:
              Type: AWS::RDS::DBSubnetGroup
              Properties: {DBSubnetGroupDescription: d, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
            CacheSubnets:
              Type: AWS::ElastiCache::SubnetGroup
              Properties: {Description: d, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}
            """;

    @Test
    void rdsInstancesFailOverWhenMultiAzAndAreLostWithTheirZoneOtherwise() {
        StackSimulation stack = Simulate.stack(DB_SUBNETS + """
                MultiAz:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres, DBInstanceClass: db.m6g.large, MultiAZ: true, DBSubnetGroupName: !Ref DbSubnets}
                Pinned:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres, DBInstanceClass: db.m6g.large, AvailabilityZone: !Select [1, !GetAZs '']}
                Picked:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres, DBInstanceClass: db.m6g.large, DBSubnetGroupName: !Ref DbSubnets}
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "MultiAz"), "az[0]")).isEqualTo(Outcome.SURVIVES);
        assertThat(stack.outcome(Simulate.tier(stack, "Pinned"), "az[1]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.outcome(Simulate.tier(stack, "Pinned"), "az[0]")).isEqualTo(Outcome.SURVIVES);
        assertThat(Simulate.tier(stack, "Picked").placement().note())
                .isEqualTo("single-AZ primary: AWS picks one of az[0], az[1] (DbSubnets)");
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[1]: Pinned (single-AZ primary); "
                + "nor the loss of the zone it runs in: Picked (single-AZ primary)");
    }

    @Test
    void auroraClustersSurviveOnlyWhenTheirInstancesProvablyUseTwoZones() {
        StackSimulation stack = Simulate.stack("""
                Spread:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-postgresql}
                SpreadA:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-postgresql, DBClusterIdentifier: !Ref Spread, DBInstanceClass: db.r6g.large,
                               AvailabilityZone: !Select [0, !GetAZs '']}
                SpreadB:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-postgresql, DBClusterIdentifier: !Ref Spread, DBInstanceClass: db.r6g.large,
                               AvailabilityZone: !Select [1, !GetAZs '']}
                Picked:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-mysql}
                PickedA:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-mysql, DBClusterIdentifier: !Ref Picked, DBInstanceClass: db.r6g.large}
                PickedB:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-mysql, DBClusterIdentifier: !Ref Picked, DBInstanceClass: db.r6g.large}
                Lonely:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-mysql}
                LonelyWriter:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-mysql, DBClusterIdentifier: !Ref Lonely, DBInstanceClass: db.r6g.large}
                MultiAzCluster:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: postgres, DBClusterInstanceClass: db.m6gd.large, AllocatedStorage: 100}
                """);
        assertThat(stack.tiers()).extracting(Tier::name).containsExactly("Spread", "Picked", "Lonely", "MultiAzCluster");
        assertThat(stack.outcome(Simulate.tier(stack, "Spread"), "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(Simulate.tier(stack, "Picked").placement().kind()).isEqualTo(Placement.Kind.UNKNOWN);
        assertThat(Simulate.tier(stack, "Lonely").placement().kind()).isEqualTo(Placement.Kind.ONE_OF_ZONES);
        assertThat(stack.outcome(Simulate.tier(stack, "MultiAzCluster"), "az[0]")).isEqualTo(Outcome.SURVIVES);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of the zone it runs in: Lonely (writer "
                + "without a replica); unknown: Picked (2 instances, but RDS picks the zone of PickedA (set "
                + "AvailabilityZone on each to know))");
    }

    @Test
    void elastiCacheGroupsSurviveWithReplicasFailoverAndMultiAz() {
        StackSimulation stack = Simulate.stack(DB_SUBNETS + """
                MultiAz:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: d, NumCacheClusters: 2, AutomaticFailoverEnabled: true,
                               MultiAZEnabled: true, CacheSubnetGroupName: !Ref CacheSubnets}
                OneNode:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: d, CacheSubnetGroupName: !Ref CacheSubnets}
                NoFailover:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: d, NumCacheClusters: 2,
                               PreferredCacheClusterAZs: [!Select [1, !GetAZs ''], !Select [0, !GetAZs '']]}
                SameZoneMaybe:
                  Type: AWS::ElastiCache::ReplicationGroup
                  Properties: {ReplicationGroupDescription: d, NumCacheClusters: 2, AutomaticFailoverEnabled: true}
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "MultiAz"), "az[0]")).isEqualTo(Outcome.SURVIVES);
        assertThat(Simulate.tier(stack, "OneNode").placement().note())
                .isEqualTo("one node: AWS picks one of az[0], az[1] (CacheSubnets)");
        // the primary is the first preferred zone
        assertThat(stack.outcome(Simulate.tier(stack, "NoFailover"), "az[1]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.outcome(Simulate.tier(stack, "NoFailover"), "az[0]")).isEqualTo(Outcome.SURVIVES);
        assertThat(Simulate.tier(stack, "SameZoneMaybe").placement().kind()).isEqualTo(Placement.Kind.UNKNOWN);
        assertThat(stack.verdict().kind()).isEqualTo(Verdict.Kind.DOES_NOT_SURVIVE);
        assertThat(stack.verdict().text()).startsWith("does not survive the loss of az[1]: NoFailover (primary "
                + "without automatic failover); nor the loss of the zone it runs in: OneNode (single node)");
    }

    @Test
    void efsIsReachableWhereItsMountTargetsAreAndOneZoneStorageLivesInItsZone() {
        StackSimulation stack = Simulate.stack("""
                Shared:
                  Type: AWS::EFS::FileSystem
                Shared0:
                  Type: AWS::EFS::MountTarget
                  Properties: {FileSystemId: !Ref Shared, SubnetId: !Ref SubnetA, SecurityGroups: [sg-1]}
                Shared1:
                  Type: AWS::EFS::MountTarget
                  Properties: {FileSystemId: !Ref Shared, SubnetId: !Ref SubnetB, SecurityGroups: [sg-1]}
                OneZone:
                  Type: AWS::EFS::FileSystem
                  Properties: {AvailabilityZoneName: !Select [0, !GetAZs '']}
                Unmounted:
                  Type: AWS::EFS::FileSystem
                """);
        assertThat(stack.outcome(Simulate.tier(stack, "Shared"), "az[0]")).isEqualTo(Outcome.LOSES_CAPACITY);
        assertThat(stack.outcome(Simulate.tier(stack, "OneZone"), "az[0]")).isEqualTo(Outcome.LOSES_EVERYTHING);
        assertThat(stack.verdict().text()).isEqualTo("does not survive the loss of az[0]: OneZone (One Zone storage); "
                + "unknown: Unmounted (no mount target in t.yaml)");
    }
}
