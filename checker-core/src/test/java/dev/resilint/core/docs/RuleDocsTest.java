package dev.resilint.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated documentation shows a rule's contract, its types, where it runs and its files. */
class RuleDocsTest {

    /** A rule implemented by this test class, standing in for one of the infrastructure rules. */
    static final RuleMetadata RULE = RuleMetadata.builder("AZ09", RuleDocsTest.class)
            .summary("Something is in one zone.").rationale("One zone fails. Then it is down.")
            .remediation("Use two zones.").sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::AutoScaling::AutoScalingGroup").reads("AWS::EC2::Subnet")
            .firesOn("A group in one zone.").quietWhen("The zone cannot be known.", "Its condition is false.")
            .build();

    static final RuleCatalog CATALOG = new RuleCatalog(List.of(RULE), Map.of("AZ09", Set.of(SourceKind.TEMPLATE)));

    @Test
    void markdownShowsTypesContractWhereItRunsAndFiles() {
        String md = RuleDocs.markdown(CATALOG);
        assertThat(md).contains("| [AZ09](#az09-ruledocstest) | RuleDocsTest | warning | template,live (planned) |");
        assertThat(md).contains("**Sources:** template,live (planned)");
        assertThat(md).contains("**Judges:** `AWS::AutoScaling::AutoScalingGroup` · **Also reads:** `AWS::EC2::Subnet`");
        assertThat(md).contains("**Fires on:**\n\n- A group in one zone.\n\n");
        assertThat(md).contains("**Quiet when:**\n\n- The zone cannot be known.\n- Its condition is false.\n\n");
        assertThat(md).doesNotContain("**Source:**"); // dev.resilint.core is no rule module: no links
    }

    @Test
    void filesOfARuleFollowTheModuleOfItsPackage() {
        RuleMetadata infra = RuleMetadata.builder("AZ08", "RdsInstanceNotMultiAz").summary("s.").rationale("r.")
                .remediation("f.").sources(SourceKind.TEMPLATE).build();
        assertThat(RuleDocs.sourceFile(infra)).isEmpty();
        RuleMetadata withClass = new RuleMetadata(infra.id(), infra.name(), infra.defaultSeverity(), infra.summary(),
                infra.rationale(), infra.remediation(), List.of(), List.of(), infra.sources(), List.of(), List.of(),
                List.of(), List.of(), List.of(), "dev.resilint.infra.rules.az.RdsInstanceNotMultiAz", false);
        assertThat(RuleDocs.sourceFile(withClass))
                .contains("rules-infra/src/main/java/dev/resilint/infra/rules/az/RdsInstanceNotMultiAz.java");
        assertThat(RuleDocs.testFile(withClass))
                .contains("rules-infra/src/test/java/dev/resilint/infra/rules/az/RdsInstanceNotMultiAzTest.java");
        RuleMetadata code = new RuleMetadata("CT09", "SdkClientWithoutTimeouts", infra.defaultSeverity(), "s.", "r.",
                "f.", List.of(), List.of(), Set.of(SourceKind.CODE), List.of(), List.of(), List.of(), List.of(),
                List.of(), "dev.resilint.code.rules.SdkClientWithoutTimeouts", false);
        assertThat(RuleDocs.sourceFile(code))
                .contains("rules-code/src/main/java/dev/resilint/code/rules/SdkClientWithoutTimeouts.java");
        assertThat(RuleDocs.testFile(code)).contains("rules-code/src/test/java/dev/resilint/code/CodeRulesTest.java");
    }

    @Test
    void textAndExplainSayWhatIsPlanned() {
        assertThat(RuleDocs.table(CATALOG)).startsWith("AZ09  warning  template,live (planned) RuleDocsTest  ");
        String explain = RuleDocs.explain(CATALOG, RULE);
        assertThat(explain).contains("  severity: warning   sources: template,live (planned)\n",
                "  judges: AWS::AutoScaling::AutoScalingGroup\n", "  also reads: AWS::EC2::Subnet\n",
                "Fires on\n  - A group in one zone.\n", "Quiet when\n  - The zone cannot be known.\n");
    }

    @Test
    void jsonKeepsItsFieldsAndAddsWhereTheRuleRuns() throws Exception {
        JsonNode rule = new ObjectMapper().readTree(RuleDocs.json(CATALOG)).get(0);
        assertThat(rule.path("sources").toString()).isEqualTo("[\"template\",\"live\"]");
        assertThat(rule.path("runsOn").toString()).isEqualTo("[\"template\"]");
        assertThat(rule.path("plannedSources").toString()).isEqualTo("[\"live\"]");
        assertThat(rule.path("resourceTypes").toString())
                .isEqualTo("[\"AWS::AutoScaling::AutoScalingGroup\",\"AWS::EC2::Subnet\"]");
        assertThat(rule.path("judgedTypes").toString()).isEqualTo("[\"AWS::AutoScaling::AutoScalingGroup\"]");
        assertThat(rule.path("firesOn").size()).isEqualTo(1);
        assertThat(rule.path("quietWhen").size()).isEqualTo(2);
        assertThat(rule.path("implementation").asText()).isEqualTo(RuleDocsTest.class.getName());
        assertThat(rule.path("helpUri").asText()).endsWith("#az09-ruledocstest");
    }
}
