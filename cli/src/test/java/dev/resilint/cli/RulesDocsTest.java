package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.RuleMetadata;
import dev.resilint.core.docs.RuleDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from rule metadata; this test fails when someone forgot to regenerate it. */
class RulesDocsTest {

    static final Path DOCS = Path.of("..", "docs", "rules.md");

    @Test
    void docsRulesMdIsUpToDate() throws Exception {
        String expected = RuleDocs.markdown(Wiring.analyzers().catalog());
        assertThat(DOCS).as("docs/rules.md is missing; generate it with "
                + "'./resilint rules --format markdown > docs/rules.md'").exists();
        String actual = Files.readString(DOCS, StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/rules.md is stale; regenerate it with './resilint rules --format markdown > docs/rules.md'")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleIsDocumentedWithItsOwnSection() {
        List<RuleMetadata> rules = Wiring.analyzers().catalog().rules();
        String docs = RuleDocs.markdown(Wiring.analyzers().catalog());
        assertThat(rules).extracting(RuleMetadata::id).contains("AZ04", "DR03", "RL01");
        for (RuleMetadata r : rules) {
            assertThat(docs).contains("\n## " + r.id() + " " + r.name() + "\n");
            assertThat(docs).contains("](#" + RuleDocs.anchor(r) + ")");
            assertThat(r.helpUri()).endsWith("#" + RuleDocs.anchor(r));
        }
    }
}
