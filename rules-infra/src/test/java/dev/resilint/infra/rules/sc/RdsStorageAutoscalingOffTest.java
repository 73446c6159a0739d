package dev.resilint.infra.rules.sc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsStorageAutoscalingOffTest {

    private static final String HEADER = """
            Parameters:
              Engine: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    private static List<Finding> db(String properties) {
        return db("", properties);
    }

    /** A DB instance Db with {@code properties}; {@code marker} goes on its Properties line (10). */
    private static List<Finding> db(String marker, String properties) {
        return Expect.findings(new RdsStorageAutoscalingOff(), HEADER + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:%s
                      DBInstanceClass: db.t4g.medium
                """.formatted(marker) + properties.indent(6));
    }

    @Test
    void firesWithoutMaxAllocatedStorage() {
        assertThat(db("  # expect SC05", "Engine: postgres\nAllocatedStorage: '100'\n")).singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("SC05");
                    assertThat(f.message()).isEqualTo("RDS DB instance Db cannot grow its storage (MaxAllocatedStorage "
                            + "is not set, so storage auto scaling is off), so when its disk fills up it stops "
                            + "accepting writes; set MaxAllocatedStorage above AllocatedStorage");
                    Location.Template loc = (Location.Template) f.location();
                    assertThat(loc.logicalPath()).isEqualTo("Resources/Db/Properties/MaxAllocatedStorage");
                    assertThat(loc.line()).isEqualTo(10);
                    assertThat(loc.column()).isEqualTo(5);
                });
    }

    @Test
    void firesOnReadReplicasAndInstancesWithoutEngine() {
        assertThat(db("  # expect SC05", "SourceDBInstanceIdentifier: !Ref Env\n")).hasSize(1);
        assertThat(db("  # expect SC05", "DBSnapshotIdentifier: snap-1\n")).hasSize(1);
    }

    @Test
    void quietWithStorageAutoScaling() {
        assertThat(db("Engine: mysql\nAllocatedStorage: 100\nMaxAllocatedStorage: 200\n")).isEmpty();
        assertThat(db("Engine: mysql\nMaxAllocatedStorage: !If [Prod, 500, !Ref AWS::NoValue]\n")).isEmpty();
        assertThat(db("Engine: mysql\nMaxAllocatedStorage: !Ref Env\n")).isEmpty();
    }

    @Test
    void quietOnClusterMembersAuroraAndRdsCustom() {
        assertThat(db("Engine: aurora-postgresql\n")).isEmpty();
        assertThat(db("Engine: postgres\nDBClusterIdentifier: !Ref Env\n")).isEmpty();
        assertThat(db("Engine: custom-oracle-ee\n")).isEmpty();
        assertThat(db("Engine: !Ref Engine\n")).isEmpty();
    }

    @Test
    void instancesNeverCreatedAreNotJudged() {
        assertThat(Expect.findings(new RdsStorageAutoscalingOff(), HEADER + """
                  Db:
                    Type: AWS::RDS::DBInstance
                    Condition: Never
                    Properties: {Engine: mysql, DBInstanceClass: db.t4g.small}
                """)).isEmpty();
    }
}
