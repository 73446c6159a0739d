package dev.resilint.core;

import static dev.resilint.core.testing.Fixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleMetadataTest {

    private static RuleMetadata.Builder complete(String id, String name) {
        return RuleMetadata.builder(id, name).summary("s").rationale("r").remediation("m").sources(SourceKind.LIVE);
    }

    @Test
    void builderSetsEveryField() {
        RuleParameter days = RuleParameter.integer("minimumRetentionDays", 7, "Days kept.");
        RuleMetadata m = RuleMetadata.builder("DR01", "BackupRetention")
                .severity(Severity.ERROR)
                .summary("Backups are kept too briefly.")
                .rationale("Corruption is found late.")
                .remediation("Keep backups for 7 days.")
                .wellArchitected("REL09-BP01")
                .anchors(Reference.awsConfig("db-instance-backup-enabled"))
                .reference(Reference.doc("RDS", "https://example.com/rds"))
                .tags("backup", "rds")
                .sources(SourceKind.LIVE, SourceKind.TEMPLATE)
                .resourceTypes("AWS::RDS::DBInstance")
                .parameter(days)
                .build();
        assertThat(m.id()).isEqualTo("DR01");
        assertThat(m.name()).isEqualTo("BackupRetention");
        assertThat(m.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(m.summary()).isEqualTo("Backups are kept too briefly.");
        assertThat(m.references()).extracting(Reference::kind).containsExactly(Reference.Kind.WELL_ARCHITECTED,
                Reference.Kind.ANCHOR, Reference.Kind.DOCUMENTATION);
        assertThat(m.wellArchitected()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("REL09-BP01 Identify and back up all data that needs to be backed up,"
                    + " or reproduce the data from sources");
            assertThat(r.url()).isEqualTo("https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/"
                    + "rel_backing_up_data_identified_backups_data.html");
        });
        assertThat(m.tags()).containsExactly("backup", "rds");
        assertThat(m.sourcesInOrder()).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(m.resourceTypes()).containsExactly("AWS::RDS::DBInstance");
        assertThat(m.parameter("minimumRetentionDays")).isEqualTo(days);
        assertThat(m.helpUri()).isEqualTo(RuleMetadata.DOCS_BASE_URL + "#dr01-backupretention");
    }

    @Test
    void typesReadOnlyToStayQuietAreReadAndNeverJudged() {
        RuleMetadata m = complete("OB02", "AlarmWithoutAction").judges("AWS::CloudWatch::Alarm")
                .reads("AWS::CloudWatch::CompositeAlarm").readsToStayQuiet("AWS::Route53::HealthCheck").build();
        assertThat(m.resourceTypes()).containsExactly("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm",
                "AWS::Route53::HealthCheck");
        assertThat(m.quietingTypes()).containsExactly("AWS::Route53::HealthCheck");
        assertThat(complete("AZ01", "AzSpread").build().quietingTypes()).isEmpty();
        assertThatThrownBy(() -> complete("OB02", "AlarmWithoutAction").judges("AWS::CloudWatch::Alarm")
                .readsToStayQuiet("AWS::CloudWatch::Alarm").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read and not judged");
    }

    @Test
    void typesReadWhereSupportedAreReadAndNeverJudged() {
        RuleMetadata m = complete("MQ04", "AsyncLambdaWithoutFailureDestination").judges("AWS::Lambda::Function")
                .reads("AWS::Lambda::Permission").readsWhereSupported(List.of("AWS::SES::ReceiptRule",
                        "AWS::Lambda::Permission")).build();
        assertThat(m.resourceTypes()).containsExactly("AWS::Lambda::Function", "AWS::Lambda::Permission",
                "AWS::SES::ReceiptRule");
        assertThat(m.typesReadWhereSupported()).containsExactly("AWS::SES::ReceiptRule", "AWS::Lambda::Permission");
        assertThat(m.quietingTypes()).isEmpty();
        assertThat(complete("AZ01", "AzSpread").build().typesReadWhereSupported()).isEmpty();
        assertThatThrownBy(() -> complete("MQ04", "AsyncLambdaWithoutFailureDestination")
                .judges("AWS::Lambda::Function").readsWhereSupported(List.of("AWS::Lambda::Function")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read where supported");
    }

    @Test
    void defaultSeverityIsWarning() {
        assertThat(complete("AZ01", "AzSpread").build().defaultSeverity()).isEqualTo(Severity.WARNING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"az01", "AZ1", "AZ001", "A01", "AZ-1", "AZ01 ", ""})
    void invalidIdsAreRejected(String id) {
        assertThatThrownBy(() -> complete(id, "AzSpread").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule id must look like AZ01: " + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"azSpread", "Az_Spread", "Az Spread", "A", "Az-Spread", ""})
    void invalidNamesAreRejected(String name) {
        assertThatThrownBy(() -> complete("AZ01", name).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule name must be PascalCase: " + name);
    }

    @Test
    void nullIdOrNameIsRejected() {
        assertThatThrownBy(() -> complete(null, "AzSpread").build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> complete("AZ01", null).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentationTextIsRequired() {
        assertThatThrownBy(() -> RuleMetadata.builder("AZ01", "AzSpread").rationale("r").remediation("m")
                .sources(SourceKind.CODE).build()).hasMessage("AZ01: summary is required");
        assertThatThrownBy(() -> RuleMetadata.builder("AZ01", "AzSpread").summary("s").rationale(" ").remediation("m")
                .sources(SourceKind.CODE).build()).hasMessage("AZ01: rationale is required");
        assertThatThrownBy(() -> RuleMetadata.builder("AZ01", "AzSpread").summary("s").rationale("r")
                .sources(SourceKind.CODE).build()).hasMessage("AZ01: remediation is required");
    }

    @Test
    void aRuleAppliesToAtLeastOneSource() {
        assertThatThrownBy(() -> RuleMetadata.builder("AZ01", "AzSpread").summary("s").rationale("r").remediation("m")
                .build()).hasMessage("AZ01: a rule applies to at least one source");
    }

    @Test
    void askingForAnUndeclaredParameterFails() {
        assertThatThrownBy(() -> meta("AZ01", "AzSpread").parameter("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AZ01 has no parameter x");
    }

    @Test
    void listsAreImmutableCopies() {
        RuleMetadata m = complete("AZ01", "AzSpread").tags("a").build();
        assertThatThrownBy(() -> m.tags().add("b")).isInstanceOf(UnsupportedOperationException.class);
        RuleParameter p = RuleParameter.stringList("engines", new java.util.ArrayList<>(List.of("x")), "d");
        assertThatThrownBy(() -> ((List<?>) p.defaultValue()).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void coreRuleRl01IsValid() {
        assertThat(CoreRules.all()).containsExactly(CoreRules.INVALID_SUPPRESSION);
        assertThat(CoreRules.INVALID_SUPPRESSION.id()).isEqualTo("RL01");
        assertThat(CoreRules.INVALID_SUPPRESSION.defaultSeverity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void catalogSortsAndFindsRules() {
        RuleCatalog catalog = new RuleCatalog(List.of(meta("DR01", "BackupRetention"), meta("AZ04", "DbMultiAz"),
                meta("AZ01", "AzSpread")));
        assertThat(catalog.rules()).extracting(RuleMetadata::id).containsExactly("AZ01", "AZ04", "DR01");
        assertThat(catalog.contains("AZ04")).isTrue();
        assertThat(catalog.contains("az04")).isFalse();
        assertThat(catalog.find("DR01")).map(RuleMetadata::name).contains("BackupRetention");
        assertThat(catalog.find("DR02")).isEmpty();
        assertThat(catalog.lookup(" dbmultiaz ")).map(RuleMetadata::id).contains("AZ04");
        assertThat(catalog.lookup("dr01")).map(RuleMetadata::id).contains("DR01");
        assertThat(catalog.lookup("nothing")).isEmpty();
        assertThat(catalog.anyStartsWith("AZ")).isTrue();
        assertThat(catalog.anyStartsWith("AZ0")).isTrue();
        assertThat(catalog.anyStartsWith("OB")).isFalse();
    }

    @Test
    void catalogRejectsSharedIdsAndNames() {
        assertThatThrownBy(() -> new RuleCatalog(List.of(meta("AZ01", "AzSpread"), meta("AZ01", "Other"))))
                .hasMessage("two rules share the id AZ01");
        assertThatThrownBy(() -> new RuleCatalog(List.of(meta("AZ02", "AzSpread"), meta("AZ01", "AzSpread"))))
                .hasMessage("rules AZ01 and AZ02 share the name AzSpread");
    }
}
