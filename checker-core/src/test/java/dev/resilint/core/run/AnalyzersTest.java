package dev.resilint.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Results;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog of a set of analyzers: every rule once, and where each one runs. */
class AnalyzersTest {

    static RuleMetadata rule(String id, String name, SourceKind... sources) {
        return RuleMetadata.builder(id, name).summary("Test rule " + name + ".").rationale("Exists in tests.")
                .remediation("None.").sources(sources).build();
    }

    static Analyzer analyzer(String name, SourceKind kind, RuleMetadata... rules) {
        return new Analyzer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SourceKind kind() {
                return kind;
            }

            @Override
            public List<RuleMetadata> rules() {
                return List.of(rules);
            }

            @Override
            public Results analyze(AnalysisRequest request) {
                return new Results();
            }
        };
    }

    static final RuleMetadata AZ01 = rule("AZ01", "AzSpread", SourceKind.TEMPLATE, SourceKind.LIVE);
    static final RuleMetadata CT01 = rule("CT01", "Timeouts", SourceKind.CODE);

    @Test
    void aRuleRunsOnTheKindsOfTheAnalyzersThatListItAndTheRestIsPlanned() {
        RuleCatalog catalog = new Analyzers(List.of(analyzer("cloudformation", SourceKind.TEMPLATE, AZ01),
                analyzer("code", SourceKind.CODE, CT01))).catalog();
        assertThat(catalog.rules()).extracting(RuleMetadata::id).containsExactly("AZ01", "CT01", "RL01");
        assertThat(catalog.runsOn("AZ01")).containsExactly(SourceKind.TEMPLATE);
        assertThat(catalog.planned("AZ01")).containsExactly(SourceKind.LIVE);
        assertThat(catalog.runsOn("CT01")).containsExactly(SourceKind.CODE);
        assertThat(catalog.planned("CT01")).isEmpty();
        assertThat(catalog.runsOn("RL01")).containsExactly(SourceKind.TEMPLATE, SourceKind.CODE);
    }

    @Test
    void aLiveAnalyzerMakesThePlannedSourceReal() {
        RuleCatalog catalog = new Analyzers(List.of(analyzer("cloudformation", SourceKind.TEMPLATE, AZ01),
                analyzer("live", SourceKind.LIVE, AZ01))).catalog();
        assertThat(catalog.runsOn("AZ01")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(catalog.planned("AZ01")).isEmpty();
        // resilint's own rule judges suppressions in templates, live resources (tags) and code
        assertThat(catalog.runsOn("RL01")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(catalog.planned("RL01")).containsExactly(SourceKind.CODE);
    }

    @Test
    void aCatalogWithoutAnalyzersTakesEachRuleAtItsWord() {
        RuleCatalog catalog = new RuleCatalog(List.of(AZ01));
        assertThat(catalog.runsOn("AZ01")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(catalog.planned("AZ01")).isEmpty();
        assertThat(catalog.runsOn("ZZ99")).isEmpty();
    }
}
