package dev.resilint.infra.rules.az;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.infra.Expect;
import dev.resilint.infra.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuroraClusterSingleInstanceTest {

    private static final String HEAD = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Env: {Type: String}
              ClusterName: {Type: String}
              EngineParam: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
              Cluster:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: %s
                  MasterUsername: admin
                  ManageMasterUserPassword: true
            """;

    private static String instance(String id, String properties) {
        return ("""
                %s:
                  Type: AWS::RDS::DBInstance
                  Properties:
                    DBInstanceClass: db.r6g.large
                    Engine: aurora-postgresql
                """.formatted(id) + properties.indent(4)).indent(2);
    }

    private static String member(String id) {
        return instance(id, "DBClusterIdentifier: !Ref Cluster\n");
    }

    private static List<Finding> withEngine(String engine, String... instances) {
        return Fixtures.findings(new AuroraClusterSingleInstance(),
                HEAD.formatted(engine) + String.join("", instances));
    }

    private static List<Finding> check(String... instances) {
        return withEngine("aurora-postgresql", instances);
    }

    @Test
    void firesOnASingleInstanceAndPointsAtTheCluster() {
        String template = HEAD.formatted("aurora-postgresql").replace("  Cluster:\n", "  Cluster:  # expect AZ05\n")
                + member("Writer");
        assertThat(Expect.findings(new AuroraClusterSingleInstance(), template)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("AZ05");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Aurora DB cluster Cluster has a single DB instance (Writer), so a zone "
                    + "failure or an instance failure leaves it without a writer until a new instance is created; "
                    + "add a reader instance (DBClusterIdentifier: !Ref Cluster) in another Availability Zone");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Cluster");
            assertThat(loc.column()).isEqualTo(3);
        });
    }

    @Test
    void firesOnAClusterWithoutInstances() {
        assertThat(check()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("has no DB instance in this template"));
        assertThat(withEngine("aurora", instance("Standalone", "MultiAZ: true\n"))).hasSize(1);
    }

    @Test
    void quietWithTwoInstances() {
        assertThat(check(member("Writer"), member("Reader"))).isEmpty();
        assertThat(check(member("Writer").replace("db.r6g.large", "db.serverless"),
                member("Reader").replace("db.r6g.large", "db.serverless"))).isEmpty(); // Aurora Serverless v2
        assertThat(check(instance("Writer", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: us-east-1a\n"),
                instance("Reader", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: us-east-1b\n"))).isEmpty();
        assertThat(check(instance("Writer", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: us-east-1a\n"),
                member("Reader"))).isEmpty();
    }

    @Test
    void firesWhenAllInstancesAreInOneZone() {
        assertThat(check(
                instance("Writer", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: !Select [0, !GetAZs '']\n"),
                instance("Reader", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: !Select [0, !GetAZs '']\n")))
                .singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Aurora DB cluster Cluster has all "
                        + "its DB instances (Writer, Reader) in az[0], so a failure of that zone stops the database; "
                        + "put at least one instance in another Availability Zone (or leave AvailabilityZone unset)"));
    }

    @Test
    void judgesOnlyProvisionedAurora() {
        assertThat(withEngine("aurora-mysql", member("Writer"))).hasSize(1);
        assertThat(withEngine("aurora-postgresql\n      EngineMode: provisioned", member("Writer"))).hasSize(1);
        assertThat(withEngine("aurora\n      EngineMode: serverless")).isEmpty();
        assertThat(withEngine("aurora\n      EngineMode: !If [Prod, serverless, provisioned]")).isEmpty();
        assertThat(withEngine("mysql\n      DBClusterInstanceClass: db.m6gd.large")).isEmpty();
        assertThat(withEngine("!Ref EngineParam", member("Writer"))).isEmpty();
    }

    @Test
    void quietWhenAnInstanceMightBelongToTheCluster() {
        assertThat(check(member("Writer"), instance("Other", "DBClusterIdentifier: !Ref ClusterName\n"))).isEmpty();
        assertThat(check(member("Writer"), instance("Maybe",
                "DBClusterIdentifier: !If [Prod, !Ref Cluster, !Ref AWS::NoValue]\n"))).isEmpty();
        assertThat(check(member("Writer"), instance("Maybe", "DBClusterIdentifier: !ImportValue cluster\n")))
                .isEmpty();
    }

    @Test
    void quietWhenAMemberZoneIsUnknown() {
        assertThat(check(instance("Writer", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: !Ref Env\n"),
                instance("Reader", "DBClusterIdentifier: !Ref Cluster\nAvailabilityZone: us-east-1a\n"))).isEmpty();
    }

    @Test
    void conditionsOfMembers() {
        String conditional = member("Reader").replace("Type: AWS::RDS::DBInstance",
                "Type: AWS::RDS::DBInstance\n    Condition: %s");
        assertThat(check(member("Writer"), conditional.formatted("Prod"))).isEmpty(); // unknown: quiet
        assertThat(check(member("Writer"), conditional.formatted("Never"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("single DB instance (Writer)"));
        // created together with the cluster
        String template = HEAD.formatted("aurora-postgresql").replace("Type: AWS::RDS::DBCluster",
                "Type: AWS::RDS::DBCluster\n    Condition: Prod") + member("Writer") + conditional.formatted("Prod");
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(), template)).isEmpty();
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(), template.replace("Condition: Prod\n    Prop",
                "Condition: Never\n    Prop"))).isEmpty();
    }

    @Test
    void literalClusterIdentifiersMatchByName() {
        String named = HEAD.formatted("aurora-mysql\n      DBClusterIdentifier: Orders-DB");
        String byName = instance("Reader", "DBClusterIdentifier: orders-db\n");
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(), named + member("Writer") + byName)).isEmpty();
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(),
                named + member("Writer") + instance("Other", "DBClusterIdentifier: other-db\n"))).hasSize(1);
        String unnamed = HEAD.formatted("aurora-mysql\n      DBClusterIdentifier: !Ref ClusterName");
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(), unnamed + member("Writer") + byName))
                .isEmpty();
    }

    @Test
    void quietWhenANestedStackMayAddInstances() {
        String nested = """
                  Readers:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: https://example.com/readers.yaml
                      Parameters: {ClusterId: !Ref Cluster}
                """;
        assertThat(check(member("Writer"), nested)).isEmpty();
    }

    @Test
    void quietWhenTheClusterIsNeverCreated() {
        String template = HEAD.formatted("aurora-postgresql").replace("Type: AWS::RDS::DBCluster",
                "Type: AWS::RDS::DBCluster\n    Condition: Never") + member("Writer");
        assertThat(Fixtures.findings(new AuroraClusterSingleInstance(), template)).isEmpty();
    }
}
