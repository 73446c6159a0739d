package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.infra.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetadataSuppressionsTest {

    private static MetadataSuppressions.Result read(String yaml) {
        return MetadataSuppressions.read(Fixtures.template(yaml), Severity.WARNING);
    }

    @Test
    void readsResourceAndTemplateLevelResilintSuppressions() {
        MetadataSuppressions.Result r = read("""
                Metadata:
                  resilint:
                    suppress:
                      - id: DR03
                        reason: Whole stack is a throw-away demo
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint:
                        suppress:
                          - {id: AZ04, reason: Reporting replica rebuilt nightly, expires: 2027-03-31}
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.suppressions()).hasSize(2);
        Suppression file = r.suppressions().get(0);
        assertThat(file.ruleId()).isEqualTo("DR03");
        assertThat(file.scope()).isEqualTo(new SuppressionScope.File("t.yaml"));
        assertThat(file.expires()).isEmpty();
        Suppression db = r.suppressions().get(1);
        assertThat(db.ruleId()).isEqualTo("AZ04");
        assertThat(db.scope()).isEqualTo(new SuppressionScope.Resource("t.yaml", "Db"));
        assertThat(db.expires()).contains(LocalDate.of(2027, 3, 31));
        assertThat(db.reason()).isEqualTo("Reporting replica rebuilt nightly");
        assertThat(db.format()).isEqualTo(Suppression.Format.RESILINT_METADATA);
        assertThat(db.origin().line()).isEqualTo(12);
    }

    @Test
    void acceptsOtherToolsSyntaxOnlyForResilintIds() {
        MetadataSuppressions.Result r = read("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      cfn-lint:
                        config:
                          ignore_checks: [E3012, AZ04]
                      cfn_nag:
                        rules_to_suppress:
                          - {id: W35, reason: not ours}
                          - {id: DR02, reason: Protected by SCP instead}
                      checkov:
                        skip:
                          - {id: CKV_AWS_16, comment: not ours}
                          - {id: DR01, comment: Backups handled by AWS Backup plan}
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.suppressions()).extracting(Suppression::ruleId).containsExactly("AZ04", "DR02", "DR01");
        assertThat(r.suppressions()).extracting(Suppression::format).containsExactly(
                Suppression.Format.CFN_LINT, Suppression.Format.CFN_NAG, Suppression.Format.CHECKOV);
        assertThat(r.suppressions().get(1).reason()).isEqualTo("Protected by SCP instead");
        assertThat(r.suppressions().get(2).reason()).isEqualTo("Backups handled by AWS Backup plan");
    }

    @Test
    void reportsMalformedResilintBlocksAsRl01AtTheirLine() {
        MetadataSuppressions.Result r = read("""
                Resources:
                  Db:
                    Type: AWS::RDS::DBInstance
                    Metadata:
                      resilint:
                        suppress:
                          - id: AZ04
                            reason: A perfectly good reason
                            expires: next tuesday
                          - reason: no id here at all
                          - just-a-string
                        surpress: []
                """);
        assertThat(r.suppressions()).isEmpty();
        assertThat(r.problems()).extracting(Finding::ruleId).containsOnly("RL01");
        assertThat(r.problems()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("expires"))
                .anySatisfy(m -> assertThat(m).contains("needs an 'id'"))
                .anySatisfy(m -> assertThat(m).contains("must be a map"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'surpress'"));
        Location expires = r.problems().stream().filter(f -> f.message().contains("expires")).findFirst()
                .orElseThrow().location();
        assertThat(expires.line()).isEqualTo(9);
        assertThat(expires.subject()).isEqualTo("Db");
    }

    @Test
    void ignoresMetadataWithoutSuppressions() {
        MetadataSuppressions.Result r = read("""
                Metadata:
                  AWS::CloudFormation::Interface: {ParameterGroups: []}
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Metadata: {cdk_path: a/b}
                """);
        assertThat(r.suppressions()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }
}
