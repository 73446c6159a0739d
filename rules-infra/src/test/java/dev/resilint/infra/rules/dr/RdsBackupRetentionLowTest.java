package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.rules.RuleRun;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.config.Config;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdsBackupRetentionLowTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Days: {Type: Number}
              Env: {Type: String}
              EngineName: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> instance(String properties) {
        return instance("", properties);
    }

    /**
     * A postgres DB instance named Db: its Properties key, with {@code marker}, is on line 12, further
     * properties from line 14. The findings must be the ones that {@code # expect} markers name.
     */
    private static List<Finding> instance(String marker, String properties) {
        return Expect.findings(new RdsBackupRetentionLow(), HEADER + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:%s
                      Engine: postgres
                """.formatted(marker) + properties.indent(6));
    }

    private static List<Finding> resources(String resources) {
        return Expect.findings(new RdsBackupRetentionLow(), HEADER + resources.indent(2));
    }

    @Test
    void firesOnTheDefaultOfOneDayAndPointsAtProperties() {
        assertThat(instance("  # expect DR01", "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DR01");
            assertThat(f.message()).isEqualTo("RDS DB instance Db keeps automated backups for 1 day "
                    + "(BackupRetentionPeriod is not set and CloudFormation's default is 1); set "
                    + "BackupRetentionPeriod to at least 7 so that damage noticed days later can still be undone");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Db/Properties/BackupRetentionPeriod");
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesOnAShortRetentionAndPointsAtTheKey() {
        assertThat(instance("BackupRetentionPeriod: 3  # expect DR01\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("only 3 days (BackupRetentionPeriod: 3)").contains("at least 7");
            assertThat(f.location().column()).isEqualTo(7);
        });
        assertThat(instance("BackupRetentionPeriod: '6'  # expect DR01\n")).hasSize(1);
    }

    @Test
    void saysWhenBackupsAreSwitchedOff() {
        assertThat(instance("BackupRetentionPeriod: 0  # expect DR01\n")).singleElement().satisfies(f ->
                assertThat(f.message()).contains("has automated backups switched off (BackupRetentionPeriod: 0)"));
    }

    @Test
    void quietAtOrAboveTheMinimum() {
        assertThat(instance("BackupRetentionPeriod: 7\n")).isEmpty();
        assertThat(instance("BackupRetentionPeriod: '35'\n")).isEmpty();
    }

    @Test
    void judgesClustersAndLeavesTheirMembersToThem() {
        List<Finding> findings = resources("""
                Cluster:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-postgresql}  # expect DR01
                Member:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-postgresql, DBClusterIdentifier: !Ref Cluster}
                AuroraWithoutClusterId:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-mysql}
                MultiAzClusterMember:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: postgres, DBClusterIdentifier: !Ref Cluster}
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("RDS DB cluster Cluster keeps automated backups for 1 day");
            assertThat(((Location.Template) f.location()).resourceId()).isEqualTo("Cluster");
        });
        assertThat(resources("""
                Cluster:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-postgresql, BackupRetentionPeriod: 14}
                """)).isEmpty();
    }

    @Test
    void quietForReadReplicas() {
        assertThat(instance("SourceDBInstanceIdentifier: !Ref Primary\n")).isEmpty();
        assertThat(instance("SourceDBClusterIdentifier: my-cluster\n")).isEmpty();
    }

    @Test
    void quietWhenTheRetentionOrTheTopologyIsUnknown() {
        assertThat(instance("BackupRetentionPeriod: !Ref Days\n")).isEmpty();
        assertThat(instance("BackupRetentionPeriod: !If [Prod, 14, 1]\n")).isEmpty();
        assertThat(instance("BackupRetentionPeriod: !If [Prod, 14, !Ref AWS::NoValue]\n")).isEmpty();
        assertThat(instance("DBClusterIdentifier: !If [Prod, my-cluster, !Ref AWS::NoValue]\n")).isEmpty();
        assertThat(instance("SourceDBInstanceIdentifier: !If [Prod, !Ref AWS::NoValue, primary]\n")).isEmpty();
        assertThat(resources("""
                Db:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: !Ref EngineName}
                """)).isEmpty();
    }

    @Test
    void firesWhenEveryBranchIsBelowTheMinimum() {
        assertThat(instance("BackupRetentionPeriod: !If [Prod, 3, !Ref AWS::NoValue]  # expect DR01\n"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("at most 3 days whichever way its condition goes"));
    }

    @Test
    void skipsResourcesThatAreNeverCreated() {
        assertThat(resources("""
                Db:
                  Type: AWS::RDS::DBInstance
                  Condition: Never
                  Properties: {Engine: postgres}
                """)).isEmpty();
    }

    @Test
    void theMinimumIsConfigurable() {
        Config strict = RuleRun.config(dir, "rules:\n  DR01: {minimumRetentionDays: 14}\n");
        Config lax = RuleRun.config(dir, "rules:\n  DR01: {minimumRetentionDays: 1}\n");
        String seven = HEADER + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres, BackupRetentionPeriod: 7}
                """;
        String unset = HEADER + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres}
                """;
        assertThat(RuleRun.findings(new RdsBackupRetentionLow(), strict, seven)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("at least 14"));
        assertThat(RuleRun.findings(new RdsBackupRetentionLow(), lax, unset)).isEmpty();
        assertThat(RdsBackupRetentionLow.METADATA.parameter("minimumRetentionDays").defaultValue()).isEqualTo(7);
    }

    @Test
    void restoredInstancesWithoutAnEngineAreStandalone() {
        assertThat(resources("""
                Db:
                  Type: AWS::RDS::DBInstance
                  Properties: {DBSnapshotIdentifier: snap-1}  # expect DR01
                """)).hasSize(1);
    }
}
