package dev.resilint.infra.snapshot;

import dev.resilint.core.CoreRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.Suppressor;
import dev.resilint.core.config.Config;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a snapshot records of one run of the whole analyzer with every rule and the default
 * configuration: the findings after the templates' own suppressions (as {@code resilint check}
 * applies them), split into active and suppressed, and the input problems.
 *
 * @param active the findings that count, normalized (sorted, fingerprints unique)
 * @param suppressed the findings that a template's suppression accepts
 * @param problems the input and internal problems
 * @param files the templates analyzed, as the analyzer displays them
 */
record SnapshotRun(List<Finding> active, List<Finding> suppressed, List<Problem> problems, List<String> files) {

    /**
     * The day suppressions are judged on. Fixed, so that a suppression's expiry date passing does
     * not change a snapshot; the examples' suppressions expire in 2027.
     */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    /** Runs the analyzer over {@code inputs}, paths displayed relative to {@code workingDirectory}. */
    static SnapshotRun of(List<Path> inputs, Path workingDirectory) {
        Config config = Config.defaults();
        Engine engine = new Engine(config);
        Results results = new CloudFormationAnalyzer(InfraRules.all()).analyze(new AnalysisRequest(inputs,
                workingDirectory, config, List.of()));
        List<Finding> all = new Suppressor(new RuleCatalog(InfraRules.metadata()), TODAY,
                engine.severityOf(CoreRules.INVALID_SUPPRESSION)).apply(results.findings(), results.suppressions());
        List<Finding> active = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : Engine.normalize(all)) {
            (f.isSuppressed() ? suppressed : active).add(f);
        }
        return new SnapshotRun(List.copyOf(active), List.copyOf(suppressed), results.problems(), results.files());
    }
}
