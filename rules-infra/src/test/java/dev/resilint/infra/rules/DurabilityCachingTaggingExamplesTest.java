package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/}: DR01, DR02, DR04, CA01, CA02 and OB01 report exactly the problems that
 * {@code examples/README.md} lists for them in the flawed twin, and nothing in the fixed one.
 */
class DurabilityCachingTaggingExamplesTest {

    private static final String[] RULES = {"DR01", "DR02", "DR04", "CA01", "CA02", "OB01"};
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<Finding> run(String twin) {
        Path dir = EXAMPLES.resolve(twin);
        Assumptions.assumeTrue(Files.isDirectory(dir), "examples/ not found");
        return RuleRun.analyze(List.of(dir), EXAMPLES, Config.defaults(), RULES);
    }

    private static String describe(Finding f) {
        Location.Template loc = (Location.Template) f.location();
        return f.ruleId() + " " + loc.file() + " " + loc.resourceId();
    }

    @Test
    void flawedHasExactlyTheListedProblems() {
        assertThat(run("flawed")).extracting(DurabilityCachingTaggingExamplesTest::describe)
                .containsExactlyInAnyOrder(
                        "DR02 flawed/network-and-web.yaml LoadBalancer",
                        "DR01 flawed/data.yaml OrdersDatabase",
                        "DR02 flawed/data.yaml OrderStatusTable",
                        "DR04 flawed/data.yaml OrderStatusTable",
                        "CA01 flawed/edge.yaml WebDistribution",
                        "CA02 flawed/edge.yaml PartnerApiStage");
    }

    @Test
    void fixedHasNone() {
        assertThat(run("fixed")).isEmpty();
    }
}
