package dev.resilint.maven;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.FileReasons;
import dev.resilint.core.Globs;
import dev.resilint.core.Problem;
import dev.resilint.core.RuleCatalog;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.config.ConfigException;
import dev.resilint.core.config.ConfigLoader;
import dev.resilint.core.history.HistoryException;
import dev.resilint.core.history.NewSince;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.Report;
import dev.resilint.core.report.ReportFormat;
import dev.resilint.core.report.ReportOptions;
import dev.resilint.core.report.ReportWriteException;
import dev.resilint.core.report.ReportWriter;
import dev.resilint.core.report.Version;
import dev.resilint.core.run.Analyzers;
import dev.resilint.core.run.RunOptions;
import dev.resilint.core.run.RunSettings;
import dev.resilint.core.run.Runner;
import dev.resilint.core.run.SettingException;
import dev.resilint.code.CodeAnalyzer;
import dev.resilint.code.HandlerClasses;
import dev.resilint.core.budget.HandlerReader;
import dev.resilint.core.budget.LambdaTimeout;
import dev.resilint.core.budget.TimeoutBudgetAnalyzer;
import dev.resilint.infra.cfn.LambdaHandlers;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.cfn.TemplateDiscovery;
import dev.resilint.infra.rules.InfraRules;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Judges the module's CloudFormation templates with resilint's rules and fails the build on
 * findings at or above {@code failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class CheckMojo extends AbstractMojo {

    /** Default template locations, as globs relative to the module directory. */
    static final List<String> DEFAULT_INCLUDES = List.of(
            "src/main/cloudformation/**",
            "src/main/resources/**/*.template.{yaml,yml,json}",
            "cdk.out/*.template.json",
            "template.{yaml,yml,json}");

    /** The module directory. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** Skip resilint entirely. */
    @Parameter(property = "resilint.skip", defaultValue = "false")
    boolean skip;

    /** Fail the build when findings reach {@code failOnSeverity}. */
    @Parameter(property = "resilint.failOnViolation", defaultValue = "true")
    boolean failOnViolation;

    /**
     * The lowest severity that fails the build: ERROR, WARNING or NOTE (NONE never fails). Default:
     * {@code failOn} from the configuration, else WARNING.
     */
    @Parameter(property = "resilint.failOnSeverity")
    String failOnSeverity;

    /** The {@code .resilint.yaml} to use; by default the nearest one from the module directory upwards. */
    @Parameter(property = "resilint.configLocation")
    File configLocation;

    /** A baseline file of known findings to hide. */
    @Parameter(property = "resilint.baseline")
    File baseline;

    /**
     * A git revision (say {@code origin/main}): report only template findings that the module's
     * templates did not have there (read with git; renamed files keep their findings). Code findings
     * are judged as usual, since the revision's bytecode is not at hand: keep a baseline for those.
     */
    @Parameter(property = "resilint.newSince")
    String newSince;

    /** Report formats written to {@code outputDirectory}: text, json, sarif, junit, markdown, gitlab. */
    @Parameter(property = "resilint.formats", defaultValue = "text")
    List<String> formats;

    /** Where report files go. */
    @Parameter(property = "resilint.outputDirectory", defaultValue = "${project.build.directory}/resilint")
    File outputDirectory;

    /** Print the findings to the build log. */
    @Parameter(property = "resilint.consoleOutput", defaultValue = "true")
    boolean consoleOutput;

    /** Run only rules whose id starts with one of these prefixes. */
    @Parameter(property = "resilint.includeRules")
    List<String> includeRules;

    /** Do not run rules whose id starts with one of these prefixes. */
    @Parameter(property = "resilint.excludeRules")
    List<String> excludeRules;

    /**
     * The module's compiled classes, judged by the code rules; with templates, TO03 also looks up
     * each Java Lambda function's handler class here and compares its SDK timeouts with the
     * function's {@code Timeout}.
     */
    @Parameter(property = "resilint.classesDirectory", defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** Source directories, so that code findings name the source file and line. */
    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true)
    List<String> sourceRoots;

    /** Do not run the code rules on the compiled classes. */
    @Parameter(property = "resilint.skipCode", defaultValue = "false")
    boolean skipCode;

    /** Globs (relative to the module directory) of template files to judge. */
    @Parameter
    List<String> includes;

    /** Globs of files not to judge. */
    @Parameter
    List<String> excludes;

    /**
     * The template analyzer, with TO03 judged against the module's classes when they exist: the
     * functions of each template the analyzer builds, and their handler classes.
     */
    private static TimeoutBudgetAnalyzer templatesAnalyzer(Path classes) {
        if (classes == null || !Files.isDirectory(classes)) {
            return new TimeoutBudgetAnalyzer(new CloudFormationAnalyzer(InfraRules.all()), List::of, HandlerReader.NONE);
        }
        List<LambdaTimeout> functions = java.util.Collections.synchronizedList(new ArrayList<>());
        CloudFormationAnalyzer templates = new CloudFormationAnalyzer(InfraRules.all(),
                built -> functions.addAll(LambdaHandlers.of(built)));
        return new TimeoutBudgetAnalyzer(templates, () -> List.copyOf(functions), new HandlerClasses(List.of(classes)));
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("resilint: skipped");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Analyzers analyzers = new Analyzers(List.of(new CloudFormationAnalyzer(InfraRules.all()),
                TimeoutBudgetAnalyzer.catalogEntry(), new CodeAnalyzer()));
        RuleCatalog catalog = analyzers.catalog();
        List<ReportWriter.Output> outputs = new ArrayList<>();
        Config config;
        FailThreshold threshold;
        Optional<Baseline> known;
        try {
            for (String name : formats == null ? List.<String>of() : formats) {
                ReportFormat format = RunSettings.format(name, "format");
                Path file = ReportWriter.fileIn(outputDirectory.toPath(), format);
                outputs.add(ReportWriter.Output.toFile(format, file, file.toString()));
            }
            config = RunSettings.selectRules(loadConfig(catalog, base), catalog, includeRules, excludeRules);
            threshold = failOnViolation ? RunSettings.threshold(failOnSeverity, "failOnSeverity", config)
                    : FailThreshold.NONE;
            known = RunSettings.baseline(base, baseline == null ? null : baseline.toPath());
        } catch (SettingException | BaselineException e) {
            throw new MojoExecutionException("resilint: " + e.getMessage());
        }
        List<Runner.Analysis> analyses = new ArrayList<>();
        List<Path> templates = templates(base);
        Path classes = classesDirectory == null ? null : classesDirectory.toPath();
        if (!templates.isEmpty()) {
            analyses.add(new Runner.Analysis(templatesAnalyzer(classes), templates, List.of(), false));
        }
        if (!skipCode && classes != null && Files.isDirectory(classes)) {
            List<Path> roots = sourceRoots == null ? List.of()
                    : sourceRoots.stream().map(Path::of).filter(Files::isDirectory).toList();
            analyses.add(new Runner.Analysis(analyzers.find("code").orElseThrow(
                    () -> new MojoExecutionException("resilint: code analyzer missing")), List.of(classes), roots));
        }
        if (analyses.isEmpty()) {
            getLog().info("resilint: no CloudFormation templates and no compiled classes to judge");
            return;
        }
        Optional<NewSince> before = Optional.empty();
        if (newSince != null && !newSince.isBlank() && !templates.isEmpty()) {
            Runner.Analysis cfn = analyses.get(0);
            Config judged = config;
            try {
                before = Optional.of(NewSince.at(newSince.strip(), base, templates, TemplateDiscovery::mayMatter,
                        (dir, inputs) -> new Runner(catalog).runAll(
                                List.of(new Runner.Analysis(cfn.analyzer(), inputs, List.of(), false)),
                                new RunOptions(List.of(), dir, judged, Optional.empty(), FailThreshold.NONE,
                                        LocalDate.now(), List.of()))));
            } catch (HistoryException e) {
                throw new MojoExecutionException("resilint: " + e.getMessage());
            }
            known = Optional.of(before.get().with(known));
            getLog().info("resilint: " + before.get().note());
        }
        Report report = new Runner(catalog).runAll(analyses,
                new RunOptions(List.of(), base, config, known, threshold, LocalDate.now(), List.of()));
        ReportWriter writer = new ReportWriter(new ReportOptions(false, false, false, Version.get()));
        try {
            writer.write(report, outputs, null);
        } catch (ReportWriteException e) {
            throw new MojoExecutionException("resilint: " + e.getMessage());
        }
        report.notes().forEach(note -> getLog().debug("resilint: " + note));
        if (consoleOutput) {
            writer.render(report, ReportFormat.TEXT).lines().forEach(line -> getLog().info(line));
        }
        for (Problem p : report.problems()) {
            getLog().error("resilint: " + p.display());
        }
        String reports = outputs.isEmpty() ? "the build log" : outputs.get(0).displayName();
        switch (ExitCodes.of(report.exitCode())) {
            case INTERNAL_ERROR -> throw new MojoExecutionException("resilint: internal error; see the messages above");
            case USAGE_ERROR -> throw new MojoFailureException("resilint: " + report.problems().size()
                    + " input(s) could not be read; see the messages above");
            case FINDINGS -> throw new MojoFailureException("resilint found " + report.failingCount()
                    + " problem(s) at or above " + threshold.label() + "; see " + reports);
            case NOT_EVALUATED -> getLog().warn("resilint: rules could not judge part of the input ("
                    + report.notEvaluated().size() + " not-evaluated result(s)); see " + reports);
            case OK -> { }
        }
    }

    private Config loadConfig(RuleCatalog catalog, Path base) throws MojoExecutionException {
        try {
            return new ConfigLoader(catalog, base).load(Optional.ofNullable(configLocation).map(File::toPath));
        } catch (ConfigException e) {
            throw new MojoExecutionException("resilint: " + e.display());
        }
    }

    /**
     * Candidate template files: files with a template extension below the module directory (found
     * as {@code resilint check DIR} finds them) that match an include glob and no exclude glob. The
     * analyzer decides by content which of them are templates, reading each once.
     */
    List<Path> templates(Path base) throws MojoExecutionException {
        List<String> inc = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes;
        List<String> exc = excludes == null ? List.of() : excludes;
        List<Path> found = new ArrayList<>();
        try {
            for (Path file : TemplateDiscovery.walk(base, new ArrayList<>())) {
                String rel = base.relativize(file).toString().replace(File.separatorChar, '/');
                if (inc.stream().anyMatch(g -> Globs.matches(g, rel)) && exc.stream().noneMatch(g -> Globs.matches(g, rel))) {
                    found.add(file);
                }
            }
        } catch (FileSystemException e) {
            throw new MojoExecutionException("resilint: cannot list the templates of " + base + ": " + e.getFile()
                    + ": " + FileReasons.of(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("resilint: cannot list the templates of " + base + ": " + e.getMessage(), e);
        }
        return found;
    }
}
