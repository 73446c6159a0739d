package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Walks the real templates in {@code ../shared/corpus} (beside the repository) when it is there:
 * nothing may crash, hang or throw, and every unreadable file gets a message naming it. Skipped
 * when the corpus is absent.
 */
public class CorpusTest {

    /** The corpus folder: {@code -Dresilint.corpus}, else {@code ../../shared/corpus} from the module. */
    public static Path corpus() {
        String configured = System.getProperty("resilint.corpus");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus");
        return path.toAbsolutePath().normalize();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyCorpusTemplateLoadsOrGetsAClearError() {
        Path corpus = corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(corpus), corpus,
                Config.defaults(), List.of()));

        assertThat(results.problems()).filteredOn(p -> p.kind() == Problem.Kind.INTERNAL_ERROR).isEmpty();
        assertThat(results.files()).hasSizeGreaterThan(400);
        for (Problem p : results.problems()) {
            assertThat(p.file()).isNotEmpty();
            assertThat(p.message()).isNotBlank().doesNotContain("Exception");
            assertThat(p.line()).as(p.display()).isPositive();
            // only genuinely broken files: cfn-lint's bad fixtures, and one good fixture whose nested
            // stack StackInvalidPath deliberately names a template file that does not exist
            assertThat(p.file().contains("/bad/") || (p.file().endsWith("good/resources/cloudformation/stacks.yaml")
                    && p.message().contains("StackInvalidPath"))).as(p.display()).isTrue();
        }
        System.out.println("corpus: " + results.files().size() + " templates, " + results.problems().size()
                + " unreadable, " + results.findings().size() + " findings");
        results.problems().forEach(p -> System.out.println("  " + p.display()));
    }
}
