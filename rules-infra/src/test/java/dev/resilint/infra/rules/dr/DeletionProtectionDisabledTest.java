package dev.resilint.infra.rules.dr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.infra.Expect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionProtectionDisabledTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Flag: {Type: String}
              Kind: {Type: String}
              Env: {Type: String}
            Conditions:
              Prod: !Equals [!Ref Env, prod]
              Never: !Equals [a, b]
            Resources:
            """;

    /** The marker for a finding on the Properties key (line 12) of {@link #table} or {@link #alb}. */
    private static final String ON_PROPERTIES = "  # expect DR02";

    /** The findings, which must be the ones that {@code # expect} markers in the resources name. */
    private static List<Finding> check(String resources) {
        return Expect.findings(new DeletionProtectionDisabled(), HEADER + resources.indent(2));
    }

    private static List<Finding> table(String properties) {
        return table("", properties);
    }

    /** A table Orders with {@code properties} from line 14; {@code marker} goes on its Properties line. */
    private static List<Finding> table(String marker, String properties) {
        return check("""
                Orders:
                  Type: AWS::DynamoDB::Table
                  Properties:%s
                    BillingMode: PAY_PER_REQUEST
                """.formatted(marker) + properties.indent(4));
    }

    private static List<Finding> alb(String properties) {
        return alb("", properties);
    }

    /** A load balancer Alb with {@code properties} from line 14; {@code marker} goes on its Properties line. */
    private static List<Finding> alb(String marker, String properties) {
        return check("""
                Alb:
                  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                  Properties:%s
                    Subnets: [subnet-1, subnet-2]
                """.formatted(marker) + properties.indent(4));
    }

    @Test
    void firesOnATableWithoutProtectionAndPointsAtProperties() {
        assertThat(table(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DR02");
            assertThat(f.message()).isEqualTo("DynamoDB table Orders has no deletion protection "
                    + "(DeletionProtectionEnabled is not set and defaults to false); set DeletionProtectionEnabled: "
                    + "true so that a stack delete or a stray API call cannot remove it");
            Location.Template loc = (Location.Template) f.location();
            assertThat(loc.logicalPath()).isEqualTo("Resources/Orders/Properties/DeletionProtectionEnabled");
            assertThat(loc.column()).isEqualTo(5);
        });
    }

    @Test
    void firesOnExplicitFalseAtTheKey() {
        assertThat(table("DeletionProtectionEnabled: false  # expect DR02\n")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("disabled (DeletionProtectionEnabled: false)");
            assertThat(f.location().column()).isEqualTo(7);
        });
    }

    @Test
    void quietOnProtectedTables() {
        assertThat(table("DeletionProtectionEnabled: true\n")).isEmpty();
        assertThat(table("DeletionProtectionEnabled: 'true'\n")).isEmpty();
    }

    @Test
    void quietWhenUnknown() {
        assertThat(table("DeletionProtectionEnabled: !Ref Flag\n")).isEmpty();
        assertThat(table("DeletionProtectionEnabled: !If [Prod, true, false]\n")).isEmpty();
        assertThat(table("DeletionProtectionEnabled: !If [Prod, false, !Ref AWS::NoValue]  # expect DR02\n"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("whichever way its condition goes"));
    }

    @Test
    void rdsClustersAndStandaloneInstancesIncludingReadReplicas() {
        List<Finding> findings = check("""
                Cluster:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-postgresql}  # expect DR02
                Member:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: aurora-postgresql, DBClusterIdentifier: !Ref Cluster}
                Standalone:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: mysql, DeletionProtection: false}  # expect DR02
                Replica:
                  Type: AWS::RDS::DBInstance
                  Properties: {SourceDBInstanceIdentifier: !Ref Standalone}  # expect DR02
                Protected:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: mysql, DeletionProtection: true}
                ProtectedCluster:
                  Type: AWS::RDS::DBCluster
                  Properties: {Engine: aurora-mysql, DeletionProtection: 'true'}
                Unknown:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: mysql, DeletionProtection: !Ref Flag}
                UnknownTopology:
                  Type: AWS::RDS::DBInstance
                  Properties: {Engine: !Ref Kind}
                """);
        assertThat(findings).extracting(f -> ((Location.Template) f.location()).resourceId())
                .containsExactly("Cluster", "Standalone", "Replica");
        assertThat(findings.get(0).message()).startsWith("RDS DB cluster Cluster has no deletion protection "
                + "(DeletionProtection is not set");
        assertThat(findings.get(1).message()).startsWith("RDS DB instance Standalone has deletion protection "
                + "disabled (DeletionProtection: false)");
    }

    @Test
    void globalTablesPerReplica() {
        List<Finding> findings = check("""
                Global:
                  Type: AWS::DynamoDB::GlobalTable
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    Replicas:
                      - Region: eu-west-1
                        DeletionProtectionEnabled: true
                      - Region: us-east-1  # expect DR02
                      - Region: eu-central-1
                        DeletionProtectionEnabled: false  # expect DR02
                      - Region: ap-south-1
                        DeletionProtectionEnabled: !Ref Flag
                """);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).message()).isEqualTo("DynamoDB global table Global has no deletion protection on "
                + "its replica in us-east-1 (DeletionProtectionEnabled is not set and defaults to false); set "
                + "DeletionProtectionEnabled: true on every replica");
        assertThat(findings.get(0).location().column()).isEqualTo(11); // the replica's first key
        assertThat(findings.get(1).message()).contains("in eu-central-1 (DeletionProtectionEnabled: false)");
        assertThat(findings.get(1).location().column()).isEqualTo(11);
        assertThat(((Location.Template) findings.get(1).location()).logicalPath())
                .isEqualTo("Resources/Global/Properties/Replicas");
        assertThat(findings.get(0).fingerprint()).isNotEqualTo(findings.get(1).fingerprint());
    }

    @Test
    void firesOnLoadBalancersWithoutTheAttribute() {
        assertThat(alb(ON_PROPERTIES, "")).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Application Load Balancer Alb has no deletion protection (no "
                    + "deletion_protection.enabled attribute, and it is off unless enabled); add the "
                    + "LoadBalancerAttributes entry {Key: deletion_protection.enabled, Value: 'true'} so that a stack "
                    + "delete or a stray API call cannot remove it");
        });
        assertThat(alb("""
                Type: network
                LoadBalancerAttributes:  # expect DR02
                  - {Key: load_balancing.cross_zone.enabled, Value: 'true'}
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("Network Load Balancer Alb has no deletion protection");
                    assertThat(f.location().column()).isEqualTo(7);
                });
    }

    @Test
    void firesOnAnExplicitlyDisabledAttributeAtItsValue() {
        assertThat(alb("""
                LoadBalancerAttributes:
                  - Key: deletion_protection.enabled
                    Value: 'false'  # expect DR02
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("has deletion protection disabled (deletion_protection.enabled: "
                            + "false); set its deletion_protection.enabled attribute to 'true'");
                    assertThat(f.location().column()).isEqualTo(11);
                });
    }

    @Test
    void quietOnProtectedGatewayClassicOrUnknownLoadBalancers() {
        assertThat(alb("LoadBalancerAttributes: [{Key: deletion_protection.enabled, Value: 'true'}]\n")).isEmpty();
        assertThat(alb("LoadBalancerAttributes: [{Key: deletion_protection.enabled, Value: true}]\n")).isEmpty();
        assertThat(alb("Type: gateway\n")).isEmpty();
        assertThat(alb("Type: !Ref Kind\n")).isEmpty();
        assertThat(alb("LoadBalancerAttributes: [{Key: deletion_protection.enabled, Value: !Ref Flag}]\n")).isEmpty();
        assertThat(alb("LoadBalancerAttributes: [{Key: !Ref Kind, Value: 'true'}]\n")).isEmpty();
        assertThat(alb("LoadBalancerAttributes: !Ref Flag\n")).isEmpty();
        assertThat(alb("LoadBalancerAttributes: !If [Prod, [{Key: deletion_protection.enabled, Value: 'true'}], []]\n"))
                .isEmpty();
        assertThat(check("""
                Classic:
                  Type: AWS::ElasticLoadBalancing::LoadBalancer
                  Properties: {Listeners: []}
                """)).isEmpty();
    }

    @Test
    void actsOnConditionalAttributesOnlyWhenNoBranchProtects() {
        assertThat(alb("LoadBalancerAttributes: !If [Prod, [{Key: idle_timeout.timeout_seconds, Value: '30'}], "
                + "!Ref AWS::NoValue]  # expect DR02\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("whichever way its condition goes"));
    }

    @Test
    void skipsResourcesThatAreNeverCreated() {
        assertThat(check("""
                Orders:
                  Type: AWS::DynamoDB::Table
                  Condition: Never
                  Properties: {BillingMode: PAY_PER_REQUEST}
                """)).isEmpty();
    }

    @Test
    void samSimpleTableIsADynamoDbTable() {
        List<Finding> findings = Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:  # expect DR02
                      PrimaryKey: {Name: id, Type: String}
                """, "DR02");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("DynamoDB table Sessions (AWS::Serverless::SimpleTable) has no "
                    + "deletion protection");
            assertThat(f.location().file()).isEqualTo("template.yaml"); // on the SAM resource's Properties key
        });
    }

    @Test
    void samSimpleTableAdviceIsWhatSimpleTableAccepts() {
        // AWS::Serverless::SimpleTable has no DeletionProtectionEnabled (SAM refuses unknown properties)
        List<Finding> findings = Expect.analyzed(dir, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sessions:
                    Type: AWS::Serverless::SimpleTable
                    Properties:  # expect DR02
                      PrimaryKey: {Name: id, Type: String}
                """, "DR02");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("DynamoDB table Sessions (AWS::Serverless::SimpleTable) has no "
                    + "deletion protection");
            assertThat(f.message()).doesNotContain("set DeletionProtectionEnabled")
                    .contains("SimpleTable cannot enable it")
                    .contains("AWS::DynamoDB::Table with DeletionProtectionEnabled: true")
                    .contains("DeletionPolicy: Retain");
        });
    }
}
