package dev.resilint.core.run;

import static dev.resilint.core.testing.Fixtures.at;
import static dev.resilint.core.testing.Fixtures.meta;
import static dev.resilint.core.testing.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.Rule;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.Severity;
import dev.resilint.core.Suppression;
import dev.resilint.core.SuppressionScope;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import dev.resilint.core.config.ConfigLoader;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

    static final RuleMetadata AZ01 = meta("AZ01", "AzSpread");
    static final RuleMetadata AZ04 = meta("AZ04", "DbMultiAz", Severity.ERROR);
    static final RuleMetadata OB01 = meta("OB01", "TagsRequired", Severity.NOTE);

    @TempDir
    Path dir;

    /**
     * A stand-in for the CloudFormation analyzer: every input is a "template" whose file name is
     * the target; the rules run on it through the request's engine, and {@code extra} may add
     * suppressions and problems the way a real analyzer does.
     */
    static final class FakeAnalyzer implements Analyzer {
        private final List<Rule<String>> rules;
        private final List<String> files;
        private final Consumer<Results> extra;

        FakeAnalyzer(List<Rule<String>> rules, List<String> files, Consumer<Results> extra) {
            this.rules = rules;
            this.files = files;
            this.extra = extra;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SourceKind kind() {
            return SourceKind.TEMPLATE;
        }

        @Override
        public List<RuleMetadata> rules() {
            return rules.stream().map(Rule::metadata).toList();
        }

        @Override
        public Results analyze(AnalysisRequest request) {
            Results results = new Results();
            for (String file : files) {
                results.addFile(file);
                request.engine().run(rules, file, file, results);
            }
            extra.accept(results);
            return results;
        }
    }

    /** A rule that reports one finding on resource {@code resource} of every file. */
    static Rule<String> reportsOn(RuleMetadata meta, String resource) {
        return rule(meta, (String file, RuleContext ctx) ->
                ctx.report(at(file, 7, "Resources/" + resource), meta.id() + " on " + resource));
    }

    static Rule<String> silent(RuleMetadata meta) {
        return rule(meta, (String file, RuleContext ctx) -> { });
    }

    private static FakeAnalyzer analyzer(List<Rule<String>> rules, String... files) {
        return new FakeAnalyzer(rules, List.of(files), r -> { });
    }

    private Report run(Analyzer analyzer, Config config, Optional<Baseline> baseline, FailThreshold threshold) {
        RunOptions options = new RunOptions(List.of(dir), dir, config, baseline, threshold, TODAY, List.of());
        return new Runner(new Analyzers(List.of(analyzer)).catalog()).run(List.of(analyzer), options);
    }

    private Report run(Analyzer analyzer, Config config) {
        return run(analyzer, config, Optional.empty(), FailThreshold.WARNING);
    }

    /** The configuration {@code yaml} as read by the real loader with the analyzer's catalog. */
    private Config config(Analyzer analyzer, String yaml) throws Exception {
        Files.writeString(dir.resolve(".resilint.yaml"), yaml);
        return new ConfigLoader(new Analyzers(List.of(analyzer)).catalog(), dir).load(Optional.empty());
    }

    private static Suppression inline(String ruleId, String file, String resource, String reason) {
        return new Suppression(ruleId, reason, Optional.empty(), new SuppressionScope.Resource(file, resource),
                at(file, 3, "Resources/" + resource + "/Metadata/resilint/suppress/0"), Suppression.Format.RESILINT_METADATA);
    }

    @Test
    void aCleanRunExitsZero() {
        Report report = run(analyzer(List.of(silent(AZ01), silent(AZ04)), "b.yaml", "a.yaml", "b.yaml"),
                Config.defaults());
        assertThat(report.findings()).isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).containsExactly("a.yaml", "b.yaml");
        assertThat(report.rules()).extracting(RuleMetadata::id).containsExactly("AZ01", "AZ04", "RL01");
        assertThat(report.baselineUsed()).isFalse();
        assertThat(report.threshold()).isEqualTo(FailThreshold.WARNING);
        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK).isZero();
    }

    @Test
    void findingsAreNormalizedAcrossFiles() {
        Report report = run(analyzer(List.of(reportsOn(AZ04, "Db"), reportsOn(AZ01, "Web")), "b.yaml", "a.yaml"),
                Config.defaults());
        assertThat(report.findings()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("a.yaml AZ04", "a.yaml AZ01", "b.yaml AZ04", "b.yaml AZ01"); // Db before Web
        assertThat(report.findings()).extracting(Finding::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    void exitCodeOneWhenFindingsReachTheThreshold() {
        FakeAnalyzer warning = analyzer(List.of(reportsOn(AZ01, "Web")), "a.yaml");
        assertThat(run(warning, Config.defaults(), Optional.empty(), FailThreshold.WARNING).exitCode())
                .isEqualTo(ExitCodes.FINDINGS).isEqualTo(1);
        assertThat(run(warning, Config.defaults(), Optional.empty(), FailThreshold.NOTE).exitCode()).isEqualTo(1);
        assertThat(run(warning, Config.defaults(), Optional.empty(), FailThreshold.ERROR).exitCode()).isZero();
        assertThat(run(warning, Config.defaults(), Optional.empty(), FailThreshold.NONE).exitCode()).isZero();

        Report error = run(analyzer(List.of(reportsOn(AZ04, "Db")), "a.yaml"), Config.defaults(), Optional.empty(),
                FailThreshold.ERROR);
        assertThat(error.failingCount()).isEqualTo(1);
        assertThat(error.exitCode()).isEqualTo(1);
    }

    @Test
    void severityOverridesFromTheConfigurationDecideTheExitCode() throws Exception {
        FakeAnalyzer a = analyzer(List.of(reportsOn(OB01, "Web")), "a.yaml");
        assertThat(run(a, Config.defaults()).exitCode()).isZero();
        Report report = run(a, config(a, "severity: {OB01: warning}\n"));
        assertThat(report.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void exitCodeTwoForInputErrorsEvenWithFindings() {
        FakeAnalyzer a = new FakeAnalyzer(List.of(reportsOn(AZ04, "Db")), List.of("a.yaml"),
                r -> r.addProblem(Problem.input("broken.yaml", 3, 1, "invalid YAML: mapping values are not allowed")));
        Report report = run(a, Config.defaults());
        assertThat(report.findings()).hasSize(1);
        assertThat(report.hasInputErrors()).isTrue();
        assertThat(report.exitCode()).isEqualTo(ExitCodes.USAGE_ERROR).isEqualTo(2);
    }

    @Test
    void exitCodeThreeWhenARuleFailsEvenWithInputErrorsAndFindings() {
        Rule<String> failing = rule(AZ01, (String f, RuleContext c) -> {
            throw new IllegalStateException("boom");
        });
        FakeAnalyzer a = new FakeAnalyzer(List.of(failing, reportsOn(AZ04, "Db")), List.of("a.yaml"),
                r -> r.addProblem(Problem.input("broken.yaml", 3, 1, "invalid YAML")));
        Report report = run(a, Config.defaults());
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
        assertThat(report.problems()).extracting(Problem::kind, Problem::ruleId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Problem.Kind.INTERNAL_ERROR, "AZ01"),
                org.assertj.core.groups.Tuple.tuple(Problem.Kind.INPUT_ERROR, ""));
        assertThat(report.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR).isEqualTo(3);
    }

    private static NotEvaluated gap(String ruleId, String scope, String type) {
        return new NotEvaluated(ruleId, scope, type, NotEvaluated.Reason.ACCESS_DENIED,
                "ec2:DescribeSubnets AccessDenied", "");
    }

    @Test
    void evaluationGapsReachTheReportSortedAndExitFourWhenNothingFails() {
        FakeAnalyzer a = new FakeAnalyzer(List.of(silent(AZ01), silent(AZ04)), List.of("a.yaml"), r -> {
            r.addNotEvaluated(gap("AZ04", "123456789012/us-east-1", "AWS::RDS::DBInstance"));
            r.addNotEvaluated(gap("AZ01", "123456789012/eu-west-1", "AWS::EC2::Subnet"));
        });
        Report report = run(a, Config.defaults());
        assertThat(report.notEvaluated()).extracting(NotEvaluated::ruleId, NotEvaluated::scope).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AZ01", "123456789012/eu-west-1"),
                org.assertj.core.groups.Tuple.tuple("AZ04", "123456789012/us-east-1"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.exitCode()).isEqualTo(ExitCodes.NOT_EVALUATED).isEqualTo(4);
    }

    @Test
    void failingFindingsAndProblemsWinOverEvaluationGaps() {
        FakeAnalyzer findings = new FakeAnalyzer(List.of(reportsOn(AZ01, "Web")), List.of("a.yaml"),
                r -> r.addNotEvaluated(gap("AZ04", "123456789012/eu-west-1", "AWS::RDS::DBInstance")));
        assertThat(run(findings, Config.defaults(), Optional.empty(), FailThreshold.WARNING).exitCode())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(run(findings, Config.defaults(), Optional.empty(), FailThreshold.ERROR).exitCode())
                .as("a finding below the threshold does not hide the gap").isEqualTo(ExitCodes.NOT_EVALUATED);

        FakeAnalyzer broken = new FakeAnalyzer(List.of(silent(AZ01)), List.of("a.yaml"), r -> {
            r.addNotEvaluated(gap("AZ01", "123456789012/eu-west-1", "AWS::EC2::Subnet"));
            r.addProblem(Problem.input("broken.yaml", 3, 1, "invalid YAML"));
        });
        assertThat(run(broken, Config.defaults()).exitCode()).isEqualTo(ExitCodes.USAGE_ERROR);
    }

    @Test
    void anAnalyzerThatThrowsIsAnInternalErrorAndTheRunGoesOn() {
        Analyzer throwing = new FakeAnalyzer(List.of(silent(AZ01)), List.of(), r -> {
            throw new IllegalStateException("kaputt");
        });
        Report report = run(throwing, Config.defaults());
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INTERNAL_ERROR);
            assertThat(p.message()).isEqualTo("analyzer fake failed: java.lang.IllegalStateException: kaputt");
        });
        assertThat(report.exitCode()).isEqualTo(3);

        Analyzer missingClass = new FakeAnalyzer(List.of(silent(AZ01)), List.of(), r -> {
            throw new NoClassDefFoundError("org/objectweb/asm/ClassReader");
        });
        Report linkage = run(missingClass, Config.defaults());
        assertThat(linkage.problems()).singleElement().extracting(Problem::message).asString()
                .contains("NoClassDefFoundError: org/objectweb/asm/ClassReader");
        assertThat(linkage.exitCode()).isEqualTo(3);
    }

    @Test
    void inlineSuppressionsFromTheAnalyzerApply() {
        Suppression s = inline("AZ04", "a.yaml", "Db", "Single-AZ test database, rebuilt nightly");
        FakeAnalyzer a = new FakeAnalyzer(List.of(reportsOn(AZ04, "Db")), List.of("a.yaml", "b.yaml"),
                r -> r.addSuppression(s));
        Report report = run(a, Config.defaults());
        assertThat(report.suppressed()).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("a.yaml");
            assertThat(f.suppression()).contains(s);
        });
        assertThat(report.findings()).singleElement().extracting(f -> f.location().file()).isEqualTo("b.yaml");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void configSuppressionsApply() throws Exception {
        FakeAnalyzer a = analyzer(List.of(reportsOn(AZ04, "Db"), reportsOn(AZ01, "Web")), "legacy/old.yaml", "new.yaml");
        Config config = config(a, """
                suppressions:
                  - path: legacy/**
                    id: AZ04
                    reason: Legacy stack, retired in Q3
                  - path: "**/*.yaml"
                    id: AZ01
                    reason: Spread is handled by the platform team
                """);
        Report report = run(a, config);
        assertThat(report.suppressed()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("legacy/old.yaml AZ04", "legacy/old.yaml AZ01", "new.yaml AZ01");
        assertThat(report.findings()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("new.yaml AZ04");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void anExpiredConfigSuppressionNoLongerHidesTheFinding() throws Exception {
        FakeAnalyzer a = analyzer(List.of(reportsOn(AZ04, "Db")), "legacy/old.yaml");
        Config config = config(a, """
                suppressions:
                  - path: legacy/**
                    id: AZ04
                    reason: Legacy stack, retired in Q3
                    expires: 2026-05-09
                """);
        Report report = run(a, config);
        assertThat(report.suppressed()).isEmpty();
        assertThat(report.findings()).singleElement().extracting(Finding::message)
                .isEqualTo("AZ04 on Db (a suppression of AZ04 at .resilint.yaml:2:5 expired on 2026-05-09)");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void theBaselineIsAppliedAfterSuppressions() {
        FakeAnalyzer first = analyzer(List.of(reportsOn(AZ04, "Db"), reportsOn(AZ01, "Web")), "a.yaml");
        Report before = run(first, Config.defaults());
        Baseline baseline = Baseline.of(before.findings());
        assertThat(baseline.entries()).hasSize(2);

        // Later: AZ04 on Db got an inline suppression, and a new finding appeared in b.yaml.
        FakeAnalyzer later = new FakeAnalyzer(List.of(reportsOn(AZ04, "Db"), reportsOn(AZ01, "Web")),
                List.of("a.yaml", "b.yaml"), r -> r.addSuppression(inline("AZ04", "a.yaml", "Db", "Replica in DR region covers this")));
        Report report = run(later, Config.defaults(), Optional.of(baseline), FailThreshold.WARNING);

        assertThat(report.baselineUsed()).isTrue();
        assertThat(report.suppressed()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("a.yaml AZ04");
        assertThat(report.baselined()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("a.yaml AZ01");
        assertThat(report.findings()).extracting(f -> f.location().file() + " " + f.ruleId())
                .containsExactly("b.yaml AZ04", "b.yaml AZ01");
        // the suppressed finding still occurs: its baseline entry is not stale
        assertThat(report.staleBaselineEntries()).isEmpty();
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void baselinedFindingsDoNotFailTheRunAndFixedOnesAreStale() {
        FakeAnalyzer before = analyzer(List.of(reportsOn(AZ04, "Db"), reportsOn(AZ01, "Web")), "a.yaml");
        Baseline baseline = Baseline.of(run(before, Config.defaults()).findings());
        FakeAnalyzer after = analyzer(List.of(reportsOn(AZ04, "Db"), silent(AZ01)), "a.yaml");
        Report report = run(after, Config.defaults(), Optional.of(baseline), FailThreshold.WARNING);
        assertThat(report.findings()).isEmpty();
        assertThat(report.baselined()).extracting(Finding::ruleId).containsExactly("AZ04");
        assertThat(report.staleBaselineEntries()).extracting(Baseline.Entry::ruleId).containsExactly("AZ01");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void anInvalidInlineSuppressionIsReportedAsRl01AndSuppressesNothing() {
        FakeAnalyzer a = new FakeAnalyzer(List.of(reportsOn(OB01, "Web")), List.of("a.yaml"),
                r -> r.addSuppression(inline("OB01", "a.yaml", "Web", "todo")));
        Report report = run(a, Config.defaults());
        assertThat(report.suppressed()).isEmpty();
        assertThat(report.findings()).extracting(Finding::ruleId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RL01", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("OB01", Severity.NOTE));
        Finding rl01 = report.findings().get(0);
        assertThat(rl01.location()).isEqualTo(at("a.yaml", 3, "Resources/Web/Metadata/resilint/suppress/0"));
        assertThat(rl01.location().display()).isEqualTo("a.yaml:3:3");
        assertThat(report.exitCode()).as("RL01 is a warning").isEqualTo(1);
    }

    @Test
    void rl01CanBeIgnoredThroughTheConfiguration() throws Exception {
        FakeAnalyzer a = new FakeAnalyzer(List.of(reportsOn(OB01, "Web")), List.of("a.yaml"),
                r -> r.addSuppression(inline("OB01", "a.yaml", "Web", "todo")));
        Report report = run(a, config(a, "ignore: [RL]\n"));
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("OB01");
        assertThat(report.suppressed()).as("the invalid suppression still suppresses nothing").isEmpty();
        assertThat(report.rules()).extracting(RuleMetadata::id).containsExactly("OB01");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void rl01SeverityCanBeOverridden() throws Exception {
        FakeAnalyzer a = new FakeAnalyzer(List.of(silent(OB01)), List.of("a.yaml"),
                r -> r.addSuppression(inline("ZZ99", "a.yaml", "Web", "a reason long enough")));
        Report report = run(a, config(a, "severity: {RL01: note}\n"));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("RL01");
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.message()).isEqualTo("suppression names unknown rule id 'ZZ99'; it suppresses nothing");
        });
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void disabledRulesNeitherRunNorAppearInTheReport() throws Exception {
        List<String> ran = new ArrayList<>();
        Rule<String> tracking = rule(AZ01, (String f, RuleContext c) -> ran.add(f));
        FakeAnalyzer a = analyzer(List.of(tracking, reportsOn(AZ04, "Db")), "a.yaml");
        Report report = run(a, config(a, "include: [AZ]\nignore: [AZ01]\n"));
        assertThat(ran).isEmpty();
        assertThat(report.rules()).extracting(RuleMetadata::id).containsExactly("AZ04");
        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("AZ04");
    }

    @Test
    void problemsAreSortedByFileAndPosition() {
        FakeAnalyzer a = new FakeAnalyzer(List.of(silent(AZ01)), List.of(), r -> {
            r.addProblem(Problem.input("b.yaml", 1, 1, "x"));
            r.addProblem(Problem.input("a.yaml", 9, 1, "y"));
            r.addProblem(Problem.input("a.yaml", 2, 5, "z"));
        });
        assertThat(run(a, Config.defaults()).problems()).extracting(Problem::display)
                .containsExactly("a.yaml:2:5: z", "a.yaml:9:1: y", "b.yaml:1:1: x");
    }

    @Test
    void theReportKeepsLiveAndCodeFindingsToo() {
        Rule<String> live = rule(AZ04, (String f, RuleContext c) -> c.report(new Location.Live(
                "arn:aws:rds:eu-west-1:123456789012:db:orders", "123456789012", "eu-west-1", "AWS::RDS::DBInstance"),
                "orders is single-AZ"));
        Report report = run(analyzer(List.of(live), "account"), Config.defaults());
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.location().display()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:db:orders");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(report.rule("AZ04")).isEqualTo(AZ04);
    }
}
