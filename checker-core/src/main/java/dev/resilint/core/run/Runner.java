package dev.resilint.core.run;

import dev.resilint.core.CoreRules;
import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Suppression;
import dev.resilint.core.Suppressor;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The whole pipeline for one run: analyze, apply suppressions (inline and from the configuration),
 * apply the baseline, and assemble the {@link Report}, with the evaluation gaps the analysis
 * recorded. The command line and the Maven plugin both call this, so they behave alike.
 */
public final class Runner {

    private final RuleCatalog catalog;

    public Runner(RuleCatalog catalog) {
        this.catalog = catalog;
    }

    /** Runs the analysis and everything after it; never throws for bad input. */
    public Report run(List<Analyzer> analyzers, RunOptions options) {
        List<Analysis> analyses = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            analyses.add(new Analysis(analyzer, options.inputs(), options.sourceRoots()));
        }
        return runAll(analyses, options);
    }

    /**
     * One analyzer with its own inputs, for runs that judge several kinds of input at once (the
     * Maven plugin judges a module's templates and its classes into one report).
     */
    public record Analysis(Analyzer analyzer, List<java.nio.file.Path> inputs, List<java.nio.file.Path> sourceRoots,
            boolean namedFilesMustBeTemplates) {
        public Analysis {
            inputs = List.copyOf(inputs);
            sourceRoots = List.copyOf(sourceRoots);
        }

        /** An analysis whose named files must be of the analyzer's kind. */
        public Analysis(Analyzer analyzer, List<java.nio.file.Path> inputs, List<java.nio.file.Path> sourceRoots) {
            this(analyzer, inputs, sourceRoots, true);
        }
    }

    /** Runs each analysis on its own inputs, then everything after into one report. */
    public Report runAll(List<Analysis> analyses, RunOptions options) {
        Engine engine = new Engine(options.config());
        Results results = new Results();
        List<RuleMetadata> ran = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (Analysis analysis : analyses) {
            Analyzer analyzer = analysis.analyzer();
            AnalysisRequest request = new AnalysisRequest(analysis.inputs(), options.workingDirectory(), options.config(),
                    analysis.sourceRoots(), analysis.namedFilesMustBeTemplates(), options.standardInput(),
                    options.progress());
            try {
                results.addAll(analyzer.analyze(request));
            } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                results.addProblem(Problem.internal("", "", "analyzer " + analyzer.name() + " failed: " + e));
            }
            analyzer.configuration().forEach(line -> settings.add(analyzer.name() + ": " + line));
            for (RuleMetadata rule : analyzer.rules()) {
                if (options.config().isEnabled(rule.id())) {
                    ran.add(rule);
                }
            }
        }
        return finish(results, ran, engine, options, settings);
    }

    /** Applies suppressions and the baseline to analysis results and builds the report. */
    public Report finish(Results results, List<RuleMetadata> ran, Engine engine, RunOptions options) {
        return finish(results, ran, engine, options, List.of());
    }

    /**
     * Applies suppressions and the baseline to analysis results and builds the report.
     *
     * @param analyzerSettings what the analyzers add to the {@link ConfigurationDigest}
     */
    public Report finish(Results results, List<RuleMetadata> ran, Engine engine, RunOptions options,
            List<String> analyzerSettings) {
        List<Suppression> suppressions = new ArrayList<>(options.config().suppressions());
        suppressions.addAll(results.suppressions());
        Suppressor suppressor = new Suppressor(catalog, options.today(), engine.severityOf(CoreRules.INVALID_SUPPRESSION));
        List<Finding> all = suppressor.apply(results.findings(), suppressions);
        if (!options.config().isEnabled(CoreRules.INVALID_SUPPRESSION.id())) {
            all = all.stream().filter(f -> !f.ruleId().equals(CoreRules.INVALID_SUPPRESSION.id())).toList();
        }
        all = Engine.normalize(all);

        List<Finding> active = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : all) {
            (f.isSuppressed() ? suppressed : active).add(f);
        }
        List<Finding> baselined = List.of();
        List<Baseline.Entry> stale = List.of();
        if (options.baseline().isPresent()) {
            // all findings, so that an entry whose finding is now suppressed does not count as fixed
            Baseline.Outcome outcome = options.baseline().get().apply(all, options.workingDirectory());
            active = outcome.remaining().stream().filter(f -> !f.isSuppressed()).toList();
            baselined = outcome.baselined();
            stale = outcome.stale();
        }
        List<RuleMetadata> rules = new ArrayList<>(ran);
        if (options.config().isEnabled(CoreRules.INVALID_SUPPRESSION.id())) {
            rules.add(CoreRules.INVALID_SUPPRESSION);
        }
        rules.sort(Comparator.comparing(RuleMetadata::id));
        List<Problem> problems = new ArrayList<>(results.problems());
        problems.sort(Report.PROBLEM_ORDER);
        List<String> files = results.files().stream().distinct().sorted().toList();
        List<RuleMetadata> distinct = rules.stream().distinct().toList();
        String digest = ConfigurationDigest.of(distinct, options.config(), options.baseline(),
                analyzerSettings);
        return new Report(distinct, active, suppressed, baselined, stale, options.baseline().isPresent(), problems,
                results.notEvaluated(), files, results.notes(), options.threshold(), digest,
                Optional.of(options.today()), results.scopes(), results.resourceTags(), Optional.empty());
    }
}
