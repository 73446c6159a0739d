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
import java.util.Map;
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

    /** Who names which reference, and where its links may go. */
    private static final Map<String, String> REFERENCE_HOSTS = Map.of(
            "REL", "https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_",
            "AWS Config rule ", "https://docs.aws.amazon.com/config/latest/developerguide/",
            "Trusted Advisor check ", "https://docs.aws.amazon.com/awssupport/latest/user/fault-tolerance-checks.html",
            "cdk-nag ", "https://github.com/cdklabs/cdk-nag/",
            "cfn-lint ", "https://github.com/aws-cloudformation/cfn-lint/",
            "checkov ", "https://github.com/bridgecrewio/checkov/",
            "Conformity Monkey ", "https://github.com/Netflix/SimianArmy/",
            "ArchUnit rule ", "https://github.com/resilint/resilint/");

    /**
     * Every reference of every rule has a name and an https link where that kind of reference lives:
     * no bare placeholder of the rule catalog (TA, GAP, NAG, CFG, CM, CFL) and no Well-Architected
     * link to the pillar's welcome page. The same in {@code rules}, {@code explain} and SARIF.
     */
    @Test
    void everyReferenceIsNamedAndLinked() throws Exception {
        Pattern placeholder = Pattern.compile("(TA|GAP|NAG|CFG|CM|CFL|CKV)( .*)?");
        List<String> problems = new java.util.ArrayList<>();
        int count = 0;
        for (RuleMetadata r : Wiring.analyzers().catalog().rules()) {
            for (dev.resilint.core.Reference ref : r.references()) {
                count++;
                String where = r.id() + " " + ref.label() + " " + ref.url();
                if (placeholder.matcher(ref.label()).matches()) {
                    problems.add(where + ": a placeholder");
                }
                String prefix = REFERENCE_HOSTS.keySet().stream().filter(ref.label()::startsWith).findFirst().orElse(null);
                if (prefix == null) {
                    problems.add(where + ": not a known kind of reference");
                } else if (!ref.url().startsWith(REFERENCE_HOSTS.get(prefix)) || !java.net.URI.create(ref.url())
                        .getScheme().equals("https")) {
                    problems.add(where + ": link not below " + REFERENCE_HOSTS.get(prefix));
                }
                if (ref.kind() == dev.resilint.core.Reference.Kind.WELL_ARCHITECTED
                        && !ref.label().matches("REL[0-9]{2}-BP[0-9]{2} [A-Z].+")) {
                    problems.add(where + ": a best practice needs its id and title");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(count).isGreaterThan(40);

        Cli cli = new Cli(dir);
        String explain = cli.run("explain", "AZ01").out();
        assertThat(explain).contains("  REL10-BP01 Deploy the workload to multiple locations  https://docs.aws.amazon.com/"
                + "wellarchitected/latest/reliability-pillar/rel_fault_isolation_multiaz_region_system.html\n",
                "  AWS Config rule autoscaling-multiple-az  "
                        + "https://docs.aws.amazon.com/config/latest/developerguide/autoscaling-multiple-az.html\n");
        assertThat(explain).doesNotContain("welcome.html", "  TA\n");
        Files.writeString(dir.resolve("t.yaml"), "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        String sarif = cli.run("check", "--format", "sarif", "t.yaml").out();
        for (JsonNode rule : new ObjectMapper().readTree(sarif).at("/runs/0/tool/driver/rules")) {
            String help = rule.at("/help/text").asText();
            assertThat(help).as(rule.path("id").asText()).doesNotContainPattern("\n- (TA|GAP|NAG|CFG|CM|CFL)\\b")
                    .doesNotContain("welcome.html");
        }
    }

    /** explain tells how to suppress a finding where the rule runs: Java annotation, Metadata, live tag. */
    @Test
    void explainGivesTheSuppressionOfEachSourceTheRuleRunsOn() {
        Cli cli = new Cli(dir);
        String code = cli.run("explain", "CT01").out();
        assertThat(code).contains("\nSuppress with a reason on the class or method",
                "  @SuppressWarnings(\"resilint:CT01\") // why this is acceptable\n");
        assertThat(code).doesNotContain("Metadata", "resilint: {suppress", "resilint:suppress");

        String templateOnly = cli.run("explain", "DR04").out();
        assertThat(templateOnly).endsWith("\nSuppress with a reason in the resource's Metadata:\n"
                + "  resilint: {suppress: [{id: DR04, reason: \"why this is acceptable\", expires: 2027-03-31}]}\n");

        String live = cli.run("explain", "AZ04").out();
        assertThat(live).contains("\nSuppress with a reason:\n- in the resource's Metadata:\n"
                + "  resilint: {suppress: [{id: AZ04, reason: \"why this is acceptable\", expires: 2027-03-31}]}\n"
                + "- on a live resource, with the tag resilint:suppress",
                "  resilint:suppress = AZ04: why this is acceptable\n");
        assertThat(live).doesNotContain("@SuppressWarnings");
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
