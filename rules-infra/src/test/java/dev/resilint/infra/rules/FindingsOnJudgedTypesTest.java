package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A rule's {@code judges(...)} lists the types it reports findings on: every finding of the
 * examples (and of the real corpus beside the repository, when it is there) is about a resource of
 * one of its rule's judged types.
 */
class FindingsOnJudgedTypesTest {

    private static final Map<String, RuleMetadata> RULES = InfraRules.metadata().stream()
            .collect(Collectors.toMap(RuleMetadata::id, Function.identity()));

    @Test
    void examplesFindingsAreOnJudgedTypes() {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        List<Finding> findings = analyze(examples);
        assertThat(findings).hasSizeGreaterThan(10);
        assertOnJudgedTypes(findings);
    }

    @Test
    void corpusFindingsAreOnJudgedTypes() {
        String configured = System.getProperty("resilint.corpus");
        Path corpus = (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus"))
                .toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        assertOnJudgedTypes(analyze(corpus));
    }

    private static List<Finding> analyze(Path dir) {
        Config defaults = Config.defaults();
        Config config = new Config(Optional.empty(), List.of(), List.of(), defaults.severity(),
                defaults.ruleParameters(), List.of("owner"), Optional.empty(), List.of(), defaults.maxFileSizeBytes());
        Results results = new CloudFormationAnalyzer(InfraRules.all())
                .analyze(new AnalysisRequest(List.of(dir), dir, config, List.of()));
        return results.findings();
    }

    private static void assertOnJudgedTypes(List<Finding> findings) {
        for (Finding f : findings) {
            RuleMetadata rule = RULES.get(f.ruleId());
            assertThat(rule).as(f.ruleId()).isNotNull();
            assertThat(f.location()).isInstanceOf(Location.Template.class);
            assertThat(((Location.Template) f.location()).resourceType()).as(f.ruleId() + " at " + f.location())
                    .isIn(rule.judgedTypes());
        }
    }
}
