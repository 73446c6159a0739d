package dev.resilint.infra.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LB01-LB03, SC01, DP01 and DP02 report exactly the problems that examples/README.md lists, and nothing in the fixed twin. */
class LoadBalancingAndDeploymentExamplesTest {

    private static final Set<String> RULES = Set.of("LB01", "LB02", "LB03", "SC01", "DP01", "DP02");
    private static final Path EXAMPLES = Path.of("..", "examples");

    private static List<String> findings(String twin) {
        Path dir = EXAMPLES.resolve(twin);
        assumeTrue(Files.isDirectory(dir), "examples not found at " + dir.toAbsolutePath());
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(dir), EXAMPLES,
                Config.defaults(), List.of()));
        assertThat(results.problems()).isEmpty();
        return results.findings().stream().filter(f -> RULES.contains(f.ruleId()))
                .map(LoadBalancingAndDeploymentExamplesTest::describe).sorted().toList();
    }

    private static String describe(Finding f) {
        Location.Template loc = (Location.Template) f.location();
        return f.ruleId() + " " + Path.of(loc.file()).getFileName() + " " + loc.resourceId();
    }

    @Test
    void flawedTwinHasExactlyTheListedProblems() {
        assertThat(findings("flawed")).containsExactly(
                "DP01 async.yaml ShipmentTrackerService",
                "DP02 edge.yaml WebDeploymentGroup",
                "LB02 network-and-web.yaml WebAutoScalingGroup",
                "SC01 network-and-web.yaml WebAutoScalingGroup");
    }

    @Test
    void fixedTwinHasNone() {
        assertThat(findings("fixed")).isEmpty();
    }
}
