package dev.resilint.infra.rules;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.config.Config;
import dev.resilint.core.config.ConfigException;
import dev.resilint.core.config.ConfigLoader;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.InfraRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Running rules with a configuration, and through the whole analyzer (which expands SAM), for the
 * tests of DR01, DR02, DR04, CA01, CA02 and OB01.
 */
public final class RuleRun {

    private RuleRun() {
    }

    /** Runs one rule over an inline template (SAM not expanded) with {@code config}. */
    public static List<Finding> findings(InfraRule rule, Config config, String yaml) {
        Results results = new Results();
        GraphRules.run(new Engine(config), List.of(rule), Fixtures.graph(yaml), results);
        if (!results.problems().isEmpty()) {
            throw new AssertionError("rule failed: " + results.problems());
        }
        return Engine.normalize(results.findings());
    }

    /** A configuration read the way users write it: {@code .resilint.yaml} text in {@code dir}. */
    public static Config config(Path dir, String yaml) {
        try {
            Path file = dir.resolve(".resilint.yaml");
            Files.writeString(file, yaml);
            return new ConfigLoader(new RuleCatalog(InfraRules.metadata()), dir).load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Writes {@code yaml} as {@code template.yaml} in {@code dir} and runs the whole analyzer over it,
     * SAM expansion included; returns the findings of the rules named.
     */
    public static List<Finding> analyze(Path dir, Config config, String yaml, String... ruleIds) {
        try {
            Files.writeString(dir.resolve("template.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return analyze(List.of(dir.resolve("template.yaml")), dir, config, ruleIds);
    }

    /** Runs the whole analyzer over {@code inputs}; returns the findings of the rules named. */
    public static List<Finding> analyze(List<Path> inputs, Path workingDirectory, Config config, String... ruleIds) {
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(inputs, workingDirectory,
                config, List.of()));
        List<Problem> problems = results.problems();
        if (!problems.isEmpty()) {
            throw new AssertionError("analysis failed: " + problems);
        }
        Set<String> ids = Set.of(ruleIds);
        return Engine.normalize(results.findings()).stream().filter(f -> ids.contains(f.ruleId())).toList();
    }
}
