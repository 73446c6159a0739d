package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.Finding;
import dev.resilint.core.Problem;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Report;
import dev.resilint.core.report.ReportWriteException;
import dev.resilint.core.report.ReportWriter;
import dev.resilint.core.run.RunSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resilint baseline create|update}. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Record today's findings so that only new ones fail the build.",
            "Fingerprints ignore line numbers: moving a resource within its file keeps it baselined.",
            "Template paths are relative to the baseline file: it matches from any working directory."},
        subcommands = {BaselineCommand.Create.class, BaselineCommand.Update.class})
final class BaselineCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing a subcommand: create or update");
    }

    /**
     * What a baseline is made from: templates, with {@code --code} compiled classes, or with
     * {@code --from-report} the JSON report of any run (a live scan's, say).
     */
    static final class Inputs {
        @Parameters(paramLabel = "PATH", arity = "0..*",
                description = "Template files or directories; with --code, class directories and jars.")
        List<Path> paths = new ArrayList<>();

        @Option(names = "--from-report", paramLabel = "REPORT",
                description = "Take the findings of a JSON report (resilint check|code|scan --format json) instead "
                        + "of analyzing PATHs: how a nightly 'resilint scan' records its baseline.")
        Path fromReport;

        @Option(names = "--code",
                description = "Record the findings of the code rules on compiled classes (as 'resilint code').")
        boolean code;

        @Mixin
        SourceRootOption sourceRoots;

        @Mixin
        IgnoreTemplatesOption ignoreTemplates;

        /**
         * The findings of now, as a baseline for the file {@code target} (its template paths
         * relative to the file's directory); stops when inputs could not be read.
         */
        Baseline current(AnalysisOptions analysis, Main.Environment env, Path target) {
            Path directory = Baseline.directoryOf(env.workingDirectory().resolve(target));
            if (fromReport != null) {
                return fromReport(env, directory);
            }
            return Baseline.of(findings(analysis, env), env.workingDirectory(), directory);
        }

        /** The findings of a report, as a baseline whose template paths are relative to {@code directory}. */
        Baseline fromReport(Main.Environment env, Path directory) {
            if (!paths.isEmpty() || code) {
                throw new UserException("--from-report takes the findings of a report: give no PATH and no --code");
            }
            try {
                return Baseline.fromReport(env.workingDirectory().resolve(fromReport), fromReport.toString(),
                        env.workingDirectory(), directory);
            } catch (BaselineException e) {
                throw new UserException(e.getMessage());
            }
        }

        /** The findings of now; stops when inputs could not be read. */
        List<Finding> findings(AnalysisOptions analysis, Main.Environment env) {
            if (paths.isEmpty()) {
                throw new UserException("give the PATHs to analyze, or --from-report REPORT");
            }
            if (code && !ignoreTemplates.isEmpty()) {
                throw new UserException("--ignore-templates applies to templates, not to --code");
            }
            Config config = ignoreTemplates.apply(analysis.loadConfig(env, env.analyzers().catalog()));
            Report report = run(analysis, env, config);
            requireCleanRun(report, env);
            return report.findings();
        }

        Report run(AnalysisOptions analysis, Main.Environment env, Config config) {
            if (!code && !sourceRoots.roots.isEmpty()) {
                throw new UserException("--source-root applies to compiled classes; add --code");
            }
            return analysis.run(env, code ? "code" : "cloudformation", paths, sourceRoots.roots, config,
                    Optional.empty(), FailThreshold.NONE);
        }
    }

    /** Stops when inputs could not be read: a baseline of a partial run would hide nothing and lose entries. */
    static void requireCleanRun(Report report, Main.Environment env) {
        if (report.hasInputErrors() || report.hasInternalErrors()) {
            for (Problem p : report.problems()) {
                env.err().println("error: " + p.display());
            }
            throw new UserException("baseline not written: fix the errors above first",
                    report.hasInternalErrors() ? ExitCodes.INTERNAL_ERROR : ExitCodes.USAGE_ERROR);
        }
    }

    /** The exit codes of {@code create} and {@code update}: a baseline is written, or it is not and why. */
    interface BaselineExitCodes extends Main.ExitCodeAware {
        @Override
        default Set<ExitCodes.Code> exitCodes() {
            return EnumSet.of(ExitCodes.Code.OK, ExitCodes.Code.USAGE_ERROR, ExitCodes.Code.INTERNAL_ERROR);
        }

        @Override
        default String describe(ExitCodes.Code code) {
            return code == ExitCodes.Code.OK ? "the baseline was written" : code.description();
        }
    }

    /** Writes the baseline file {@code file} (relative to the working directory), creating its directories. */
    static void write(Main.Environment env, Baseline baseline, Path file) {
        try {
            ReportWriter.writeFile(env.workingDirectory().resolve(file), file.toString(), baseline.toJson());
        } catch (ReportWriteException e) {
            throw new UserException(e.getMessage());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Write the fingerprints of all current findings to a baseline file.")
    static final class Create implements Callable<Integer>, Main.EnvironmentAware, BaselineExitCodes {
        @Mixin
        AnalysisOptions analysis;

        @Mixin
        Inputs inputs;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Baseline file to write.")
        Path output;

        private Main.Environment env;

        @Override
        public void setEnvironment(Main.Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Baseline baseline = inputs.current(analysis, env, output);
            write(env, baseline, output);
            env.err().println("resilint: baseline " + output + " written with " + baseline.entries().size()
                    + " finding(s)");
            env.err().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Remove fixed findings from a baseline.",
                "New findings are never added: they must be fixed, suppressed with a reason, or baselined"
                    + " deliberately with 'create'."})
    static final class Update implements Callable<Integer>, Main.EnvironmentAware, BaselineExitCodes {
        @Mixin
        AnalysisOptions analysis;

        @Mixin
        Inputs inputs;

        @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "Baseline file to update.")
        Path baselineFile;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Write the updated baseline here instead of over --baseline.")
        Path output;

        private Main.Environment env;

        @Override
        public void setEnvironment(Main.Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Baseline baseline;
            try {
                baseline = RunSettings.baseline(env.workingDirectory(), baselineFile).orElseThrow();
            } catch (BaselineException e) {
                throw new UserException(e.getMessage());
            }
            Path target = output != null ? output : baselineFile;
            Baseline updated;
            if (inputs.fromReport != null) {
                Path directory = Baseline.directoryOf(env.workingDirectory().resolve(target));
                // the report's fingerprints must be those of the baseline's frame as well as the target's
                inputs.fromReport(env, baseline.directory().orElse(env.workingDirectory()));
                updated = baseline.withoutFixed(inputs.fromReport(env, directory)).relativeTo(directory);
            } else {
                updated = baseline.withoutFixed(inputs.findings(analysis, env), env.workingDirectory(),
                        env.workingDirectory().resolve(target));
            }
            write(env, updated, target);
            int removed = baseline.entries().size() - updated.entries().size();
            env.err().println("resilint: baseline " + target + ": " + removed + " fixed finding(s) removed, "
                    + updated.entries().size() + " remain");
            env.err().flush();
            return ExitCodes.OK;
        }
    }
}
