package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Problem;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.Change;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.MarkdownBlock;
import dev.resilint.core.report.Report;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.report.ReportFormat;
import dev.resilint.core.report.ReportOptions;
import dev.resilint.core.report.ReportWriteException;
import dev.resilint.core.report.ReportWriter;
import dev.resilint.core.report.Version;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.RunSettings;
import dev.resilint.core.run.SettingException;
import dev.resilint.core.run.StandardInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code check}, {@code code} and {@code scan} share: they analyze inputs with one analyzer and
 * report the findings in the chosen formats, with baselines, failure threshold, comparison with a
 * previous report, grouping ({@link TriageOptions}) and exit codes alike.
 */
abstract class ReportingCommand implements Callable<Integer>, Main.EnvironmentAware, Main.ExitCodeAware {

    @Mixin
    AnalysisOptions analysis;

    /** One {@code --format} with its optional {@code --output-file}. */
    static final class Output {
        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
                description = "text (default), json, sarif, junit, markdown, gitlab (GitLab Code Quality) or "
                        + "parseable (file:line:column: ID severity message). Repeat for several formats.")
        String format;

        @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
                description = "Write the preceding --format (text when none) to FILE instead of standard output.")
        Path file;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nOutput:%n")
    List<Output> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding at or above LEVEL remains: error, warning, note or none. "
                    + "Default: failOn from the configuration, else warning.")
    String failOn;

    @Mixin
    FailOnAliases failOnAliases;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Hide findings recorded in this baseline (see 'resilint baseline create').")
    Path baseline;

    @Option(names = "--include-suppressed",
            description = "Also list suppressed findings (SARIF: as results with suppressions).")
    boolean includeSuppressed;

    @Option(names = "--no-color", description = "Never colour the text report (NO_COLOR=1 does the same).")
    boolean noColor;

    @Mixin
    TriageOptions triage;

    @Option(names = "--markdown-full-report-hint", paramLabel = "TEXT",
            description = "Where the full report is, for the line the Markdown report ends with when it leaves "
                    + "findings out to stay under GitHub's comment limit (60,000 characters), e.g. 'the SARIF results "
                    + "in code scanning'. Default: the first JSON, SARIF, JUnit, text or GitLab report written to a "
                    + "file, else the command with --format json.")
    String fullReportHint;

    Main.Environment env;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    /** Templates and code are read in full, so there are no evaluation gaps (exit code 4) to report. */
    @Override
    public Set<ExitCodes.Code> exitCodes() {
        return EnumSet.of(ExitCodes.Code.OK, ExitCodes.Code.FINDINGS, ExitCodes.Code.USAGE_ERROR,
                ExitCodes.Code.INTERNAL_ERROR);
    }

    /** The analyzer to run: {@code cloudformation} or {@code code}. */
    abstract String analyzer();

    abstract List<Path> inputs();

    /**
     * The analyzer this run uses: the one named {@link #analyzer()}, unless the command's options
     * make one of their own ({@code check --classes}, or {@code check} with a Markdown report, which
     * keeps the templates' graphs for the AZ-failure verdicts).
     */
    Analyzer analyzerToRun() {
        return env.analyzers().find(analyzer())
                .orElseThrow(() -> new UserException("the " + analyzer() + " analyzer is missing from the class path", 3));
    }

    List<Path> sourceRoots() {
        return List.of();
    }

    /** The configuration with the command's own options applied ({@code check}: --ignore-templates). */
    Config adjust(Config config) {
        return config;
    }

    /** Runs the analysis; a command whose analyzer needs its options (the live scan) overrides this. */
    Report run(Config config, Optional<Baseline> baseline, FailThreshold threshold) {
        return run(config, baseline, threshold, Optional.empty());
    }

    /** What the command adds to the Markdown report ({@link ReportOptions#markdownBlocks()}), after its run. */
    List<MarkdownBlock> markdownBlocks() {
        return List.of();
    }

    /** Whether a Markdown report is among the outputs (known once {@link #call()} has begun). */
    boolean writesMarkdown() {
        return writesMarkdown;
    }

    private boolean writesMarkdown;

    /** Runs the analysis with what the input {@code -} stands for, drawing the progress line on a terminal. */
    final Report run(Config config, Optional<Baseline> baseline, FailThreshold threshold,
            Optional<StandardInput> stdin) {
        FileProgress line = progress.files(env, spec.name());
        try {
            return analysis.run(env, analyzerToRun(), inputs(), sourceRoots(), config, baseline, threshold, stdin, line);
        } finally {
            line.finish();
        }
    }

    @Override
    public Integer call() {
        List<ReportWriter.Output> resolved = resolveOutputs();
        writesMarkdown = resolved.stream().anyMatch(o -> o.format() == ReportFormat.MARKDOWN);
        TriageOptions.Plan plan = triage.plan(env);
        Config config = adjust(analysis.loadConfig(env, env.analyzers().catalog()));
        FailThreshold threshold;
        Optional<Baseline> base;
        try {
            threshold = failOnAliases.threshold(failOn, config);
            base = RunSettings.baseline(env.workingDirectory(), baseline);
        } catch (BaselineException e) {
            throw new UserException(e.getMessage());
        }
        Report report = plan.compare(run(config, base, threshold));
        boolean color = env.terminal() && !noColor && env.getenv("NO_COLOR") == null;
        ReportOptions options = new ReportOptions(color, analysis.verbose, includeSuppressed, Version.get(),
                plan.groupBy()).withFullReportHint(Optional.of(fullReportHint(fullReportHint, resolved, spec.name())))
                .withMarkdownBlocks(writesMarkdown ? markdownBlocks() : List.of());
        return deliver(report, resolved, options, plan, env);
    }

    /**
     * Writes the report in every output and the group pages ({@code --output-dir}), lists its
     * problems on standard error when no text report on standard output does, and the summary line
     * when no report goes there; returns the exit code.
     */
    static int deliver(Report report, List<ReportWriter.Output> resolved, ReportOptions options,
            TriageOptions.Plan plan, Main.Environment env) {
        try {
            new ReportWriter(options).write(report, resolved, env.out());
        } catch (ReportWriteException e) {
            throw new UserException(e.getMessage());
        }
        plan.writePages(report, options);
        boolean textOnStdout = resolved.stream().anyMatch(o -> o.toStream() && o.format() == ReportFormat.TEXT);
        if (!textOnStdout) { // the text report lists problems itself; otherwise they must not hide in a file
            for (Problem p : report.problems()) {
                env.err().println("error: " + p.display());
            }
        }
        if (resolved.stream().noneMatch(ReportWriter.Output::toStream)) {
            env.err().println(summaryLine(report));
        }
        env.err().flush();
        return report.exitCode();
    }

    /**
     * Where the full report is, for the Markdown report's last line when it had to leave findings
     * out: {@code explicit} when given, else the first report of another format written to a file
     * (JSON first, then SARIF, JUnit, text, GitLab, parseable), else the command with
     * {@code --format json}.
     */
    static String fullReportHint(String explicit, List<ReportWriter.Output> outputs, String command) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        for (ReportFormat format : List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.JUNIT, ReportFormat.TEXT,
                ReportFormat.GITLAB, ReportFormat.PARSEABLE)) {
            for (ReportWriter.Output o : outputs) {
                if (o.format() == format && o.file().isPresent()) {
                    String name = switch (format) {
                        case JSON -> "JSON";
                        case SARIF -> "SARIF";
                        case JUNIT -> "JUnit";
                        case GITLAB -> "GitLab Code Quality";
                        default -> format.label();
                    };
                    return "the " + name + " report `" + o.displayName().replace("`", "'") + "`";
                }
            }
        }
        return "`resilint " + command + " --format json` (or `--format sarif`) with the same options";
    }

    private List<ReportWriter.Output> resolveOutputs() {
        return resolveOutputs(outputs, env);
    }

    /** The outputs in the order given; text to standard output when none is. */
    static List<ReportWriter.Output> resolveOutputs(List<Output> outputs, Main.Environment env) {
        List<ReportWriter.Output> result = new ArrayList<>();
        for (Output o : outputs) {
            ReportFormat format;
            try {
                format = o.format == null ? ReportFormat.TEXT : RunSettings.format(o.format, "--format");
            } catch (SettingException e) {
                throw new UserException(e.getMessage());
            }
            result.add(o.file == null ? ReportWriter.Output.toStream(format)
                    : ReportWriter.Output.toFile(format, env.workingDirectory().resolve(o.file), o.file.toString()));
        }
        if (result.isEmpty()) {
            result.add(ReportWriter.Output.toStream(ReportFormat.TEXT));
        }
        if (result.stream().filter(ReportWriter.Output::toStream).count() > 1) {
            throw new UserException("only one --format can go to standard output; give --output-file for the others");
        }
        return result;
    }

    static String summaryLine(Report report) {
        String changes = report.comparison().map(c -> " (" + c.count(report.findings(), Change.NEW) + " new, "
                + c.fixed().size() + " fixed " + c.since() + ")").orElse("");
        return "resilint: " + report.findings().size() + " finding(s)" + changes + ", " + report.failingCount()
                + " at or above " + report.threshold().label() + ", " + report.suppressed().size() + " suppressed, "
                + report.baselined().size() + " baselined, " + report.problems().size() + " problem(s) in "
                + report.files().size() + " file(s)";
    }
}
