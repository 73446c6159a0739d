package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsInstanceNotMultiAzTest {

    private static List<Finding> check(String properties) {
        return Expect.findings(new RdsInstanceNotMultiAz(), """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Multi: {Type: String}
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                """ + properties.indent(6));
    }

    @Test
    void firesWhenMultiAzIsMissingAndPointsAtTheResourceProperties() {
        List<Finding> findings = Expect.findings(new RdsInstanceNotMultiAz(), """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:  # expect AZ04
                      Engine: postgres
                      DBInstanceClass: db.m6g.large
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ04");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("Db").contains("MultiAZ is not set").contains("MultiAZ: true");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Db/Properties/MultiAZ");
            assertThat(loc.resourceId()).isEqualTo("Db");
            assertThat(loc.column()).isEqualTo(5); // the Properties key, nearest existing parent
        });
    }

    @Test
    void firesOnExplicitFalseAndPointsAtTheKey() {
        List<Finding> findings = check("Engine: mysql\nMultiAZ: 'false'  # expect AZ04\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("MultiAZ: false");
            assertThat(f.location().column()).isEqualTo(7);
        });
    }

    @Test
    void quietWhenMultiAz() {
        assertThat(check("Engine: postgres\nMultiAZ: true\n")).isEmpty();
        assertThat(check("Engine: postgres\nMultiAZ: 'true'\n")).isEmpty();
    }

    @Test
    void quietWhenMultiAzIsUnknown() {
        assertThat(check("Engine: postgres\nMultiAZ: !Ref Multi\n")).isEmpty();
        assertThat(check("Engine: postgres\nMultiAZ: !If [Prod, true, false]\n")).isEmpty();
    }

    @Test
    void actsOnConditionsOnlyWhenEveryBranchAgrees() {
        String conditional = """
                Parameters:
                  Env: {Type: String}
                Conditions:
                  Prod: !Equals [!Ref Env, prod]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties:
                      Engine: postgres
                      MultiAZ: %s
                """;
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), conditional.formatted("!If [Prod, true, false]")))
                .isEmpty();
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(),
                conditional.formatted("!If [Prod, false, !Ref AWS::NoValue]")))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("whichever way its condition goes"));
    }

    @Test
    void parameterDefaultsCount() {
        String template = """
                Parameters:
                  MultiAz: {Type: String, Default: '%s', AllowedValues: ['true', 'false']}
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres, MultiAZ: !Ref MultiAz}
                """;
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), template.formatted("true"))).isEmpty();
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), template.formatted("false"))).hasSize(1);
    }

    @Test
    void quietForInstancesWhoseConditionIsProvablyFalse() {
        String template = """
                Parameters:
                  Env: {Type: String, Default: %s}
                Conditions:
                  HasDb: !Equals [!Ref Env, prod]
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Condition: HasDb
                    Properties: {Engine: postgres}
                """;
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), template.formatted("dev"))).isEmpty();
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), template.formatted("prod"))).hasSize(1);
    }

    @Test
    void quietForAuroraClusterMembersAndReadReplicas() {
        assertThat(check("Engine: aurora-postgresql\n")).isEmpty();
        assertThat(check("Engine: postgres\nDBClusterIdentifier: !Ref Cluster\n")).isEmpty();
        assertThat(check("SourceDBInstanceIdentifier: !Ref Primary\n")).isEmpty();
    }

    @Test
    void quietWhenTheEngineIsUnknown() {
        assertThat(check("Engine: !Ref EngineParam\n")).isEmpty();
        assertThat(check("DBSnapshotIdentifier: snap-1\n")).isEmpty();
    }

    @Test
    void sameFingerprintWhenTheResourceMoves() {
        String moved = """
                Resources:
                  Queue: {Type: AWS::SQS::Queue}
                  Other: {Type: AWS::SQS::Queue}
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres}  # expect AZ04
                """;
        String original = """
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres}  # expect AZ04
                """;
        Finding a = Expect.findings(new RdsInstanceNotMultiAz(), original).get(0);
        Finding b = Expect.findings(new RdsInstanceNotMultiAz(), moved).get(0);
        assertThat(a.location().line()).isNotEqualTo(b.location().line());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void namesCdkResourcesByTheirConstructPath() {
        assertThat(Fixtures.findings(new RdsInstanceNotMultiAz(), """
                Resources:
                  DatabaseB269D8BB:
                    Type: AWS::RDS::DBInstance
                    Properties: {Engine: postgres, MultiAZ: false}
                    Metadata:
                      aws:cdk:path: ShopStack/Database/Resource
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("RDS DB instance DatabaseB269D8BB (ShopStack/Database) is not");
                    assertThat(((Location.Template) f.location()).resourceId()).isEqualTo("DatabaseB269D8BB");
                });
    }
}
