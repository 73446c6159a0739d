package dev.resilint.infra.rules;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.InfraRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the whole CloudFormation analyzer (SAM expansion included) with only some rules switched
 * on, for the tests of the MQ and TO rules.
 */
public final class MqToAnalysis {

    private MqToAnalysis() {
    }

    /** Findings of {@code ruleId} for one template written to {@code dir}/template.yaml. */
    public static List<Finding> analyze(Path dir, String ruleId, String yaml) {
        try {
            Files.writeString(dir.resolve("template.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = analyze(dir, List.of(ruleId), dir);
        if (!results.problems().isEmpty()) {
            throw new AssertionError("analysis failed: " + results.problems());
        }
        return results.findings();
    }

    /** All results for {@code inputs}, only the given rules enabled. */
    public static Results analyze(Path workingDir, List<String> ruleIds, Path... inputs) {
        return new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(List.of(inputs), workingDir,
                Config.defaults().withSelection(ruleIds, List.of()), List.of()));
    }
}
