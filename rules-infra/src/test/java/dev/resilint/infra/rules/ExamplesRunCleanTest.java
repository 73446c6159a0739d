package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every infrastructure rule over every template in {@code examples/}, required tags switched on so
 * that OB01 reads too: no rule fails. A rule that reads a resource type its metadata does not
 * declare throws on the first template that has one, and would show here as an internal error.
 */
class ExamplesRunCleanTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(8);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyRuleRunsWithoutInternalError(Path template) {
        Config defaults = Config.defaults();
        Config config = new Config(Optional.empty(), List.of(), List.of(), defaults.severity(),
                defaults.ruleParameters(), List.of("owner", "service"), Optional.empty(), List.of(),
                defaults.maxFileSizeBytes());
        Results results = new CloudFormationAnalyzer(InfraRules.all())
                .analyze(new AnalysisRequest(List.of(template), EXAMPLES, config, List.of()));
        assertThat(results.problems()).as("problems in " + template)
                .noneMatch(p -> p.kind() == Problem.Kind.INTERNAL_ERROR).isEmpty();
        assertThat(results.files()).hasSize(1);
    }
}
