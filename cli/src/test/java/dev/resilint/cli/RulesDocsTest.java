package dev.resilint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.docs.RuleDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/rules.md is generated from rule metadata; this test fails when someone forgot to regenerate it.
 * The catalog that {@code resilint rules} and {@code explain} show says where each rule runs today.
 */
class RulesDocsTest {

    static final Path DOCS = Path.of("..", "docs", "rules.md");

    private static final Pattern LINK = Pattern.compile("\\]\\((\\.\\./[^)]+)\\)");

    @TempDir
    Path dir;

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

    @Test
    void everyRuleLinksToItsSourceAndTestFilesAndTheyExist() {
        RuleCatalog catalog = Wiring.analyzers().catalog();
        String docs = RuleDocs.markdown(catalog);
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(docs);
        while (m.find()) {
            links.add(m.group(1));
        }
        for (RuleMetadata r : catalog.rules()) {
            if (r.implementation().isEmpty()) {
                continue; // resilint's own rules have no class of their own
            }
            String source = RuleDocs.sourceFile(r).orElseThrow(() -> new AssertionError(r.id() + " has no source"));
            String test = RuleDocs.testFile(r).orElseThrow(() -> new AssertionError(r.id() + " has no test"));
            assertThat(source).as(r.id()).endsWith("/" + r.name() + ".java");
            assertThat(links).as(r.id()).contains("../" + source, "../" + test);
        }
        assertThat(links).hasSizeGreaterThanOrEqualTo(2 * 29);
        for (String link : links) {
            assertThat(DOCS.getParent().resolve(link)).as("link " + link + " in docs/rules.md").isRegularFile();
        }
    }

    @Test
    void theCatalogSaysWhereEachRuleRunsAndWhatIsOnlyPlanned() throws Exception {
        RuleCatalog catalog = Wiring.analyzers().catalog();
        assertThat(catalog.runsOn("AZ04")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(catalog.planned("AZ04")).isEmpty();
        // OB01 judges each taggable type on its own: live on the types the scan reads
        assertThat(catalog.runsOn("OB01")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE);
        assertThat(catalog.planned("OB01")).isEmpty();
        assertThat(catalog.runsOn("DR04")).containsExactly(SourceKind.TEMPLATE);
        assertThat(catalog.planned("DR04")).isEmpty();
        assertThat(catalog.runsOn("CT01")).containsExactly(SourceKind.CODE);
        assertThat(catalog.runsOn("RL01")).containsExactly(SourceKind.TEMPLATE, SourceKind.LIVE, SourceKind.CODE);

        Cli cli = new Cli(dir);
        String table = cli.run("rules").out();
        assertThat(line(table, "AZ04 ")).contains("template,live ").doesNotContain("planned");
        assertThat(line(table, "OB01 ")).contains("template,live ").doesNotContain("planned");
        assertThat(line(table, "DR04 ")).contains("template ").doesNotContain("live");
        assertThat(line(table, "CT01 ")).contains("code").doesNotContain("planned");

        JsonNode json = new ObjectMapper().readTree(cli.run("rules", "--format", "json").out());
        JsonNode az04 = rule(json, "AZ04");
        assertThat(az04.path("sources").toString()).isEqualTo("[\"template\",\"live\"]");
        assertThat(az04.path("runsOn").toString()).isEqualTo("[\"template\",\"live\"]");
        assertThat(az04.path("plannedSources").toString()).isEqualTo("[]");
        assertThat(rule(json, "OB01").path("plannedSources").toString()).isEqualTo("[]");
        assertThat(az04.path("judgedTypes").toString()).isEqualTo("[\"AWS::RDS::DBInstance\"]");
        assertThat(az04.path("firesOn").size()).isPositive();
        assertThat(az04.path("quietWhen").size()).isPositive();
        assertThat(az04.path("implementation").asText()).isEqualTo("dev.resilint.infra.rules.az.RdsInstanceNotMultiAz");

        String explain = cli.run("explain", "AZ03").out();
        assertThat(explain).contains("sources: template,live\n", "judges: AWS::AutoScaling::AutoScalingGroup",
                "also reads: AWS::ElasticLoadBalancingV2::LoadBalancer", "\nFires on\n  - ", "\nQuiet when\n  - ");
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + text));
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
