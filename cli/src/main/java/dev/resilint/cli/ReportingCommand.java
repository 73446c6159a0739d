package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.baseline.BaselineException;
import dev.resilint.core.config.Config;
import dev.resilint.core.report.Report;
import dev.resilint.core.report.ReportFormat;
import dev.resilint.core.report.ReportOptions;
import dev.resilint.core.report.Version;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code check} and {@code code} share: they analyze inputs with one analyzer and report the
 * findings in the chosen formats, with baselines, failure threshold and exit codes alike.
 */
abstract class ReportingCommand implements Callable<Integer>, Main.EnvironmentAware {

    @Mixin
    AnalysisOptions analysis;

    /** One {@code --format} with its optional {@code --output-file}. */
    static final class Output {
        @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
                description = "text (default), json, sarif, junit or markdown. Repeat for several formats.")
        String format;

        @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
                description = "Write the preceding --format to FILE instead of standard output.")
        Path file;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nOutput:%n")
    List<Output> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding at or above LEVEL remains: error, warning, note or none. "
                    + "Default: failOn from the configuration, else warning.")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Hide findings recorded in this baseline (see 'resilint baseline create').")
    Path baseline;

    @Option(names = "--include-suppressed",
            description = "Also list suppressed findings (SARIF: as results with suppressions).")
    boolean includeSuppressed;

    @Option(names = "--no-color", description = "Never colour the text report (NO_COLOR=1 does the same).")
    boolean noColor;

    Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    /** The analyzer to run: {@code cloudformation} or {@code code}. */
    abstract String analyzer();

    abstract List<Path> inputs();

    List<Path> sourceRoots() {
        return List.of();
    }

    @Override
    public Integer call() throws IOException {
        List<Output> resolved = resolveOutputs();
        Config config = analysis.loadConfig(env, env.analyzers().catalog());
        FailThreshold threshold = threshold(config);
        Optional<Baseline> base = Optional.empty();
        if (baseline != null) {
            try {
                base = Optional.of(Baseline.read(env.workingDirectory().resolve(baseline), baseline.toString()));
            } catch (BaselineException e) {
                throw new UserException(e.getMessage());
            }
        }
        Report report = analysis.run(env, analyzer(), inputs(), sourceRoots(), config, base, threshold);
        for (Output output : resolved) {
            ReportFormat format = ReportFormat.parse(output.format).orElseThrow();
            boolean toTerminal = output.file == null;
            boolean color = toTerminal && env.terminal() && !noColor && env.getenv("NO_COLOR") == null
                    && format == ReportFormat.TEXT;
            ReportOptions options = new ReportOptions(color, analysis.verbose, includeSuppressed, Version.get());
            StringWriter buffer = new StringWriter();
            format.reporter(options).write(report, buffer);
            if (toTerminal) {
                env.out().print(buffer);
                env.out().flush();
            } else {
                write(env.workingDirectory().resolve(output.file), buffer.toString());
            }
        }
        boolean textOnStdout = resolved.stream()
                .anyMatch(o -> o.file == null && ReportFormat.parse(o.format).orElseThrow() == ReportFormat.TEXT);
        if (!textOnStdout) { // the text report lists problems itself; otherwise they must not hide in a file
            for (dev.resilint.core.Problem p : report.problems()) {
                env.err().println("error: " + p.display());
            }
        }
        if (resolved.stream().allMatch(o -> o.file != null)) {
            env.err().println(summaryLine(report));
        }
        env.err().flush();
        return report.exitCode();
    }

    private List<Output> resolveOutputs() {
        List<Output> result = new ArrayList<>(outputs);
        if (result.isEmpty()) {
            Output text = new Output();
            text.format = "text";
            result.add(text);
        }
        int toStdout = 0;
        for (Output o : result) {
            if (ReportFormat.parse(o.format).isEmpty()) {
                throw new UserException("unknown --format '" + o.format + "'; expected text, json, sarif, junit or markdown");
            }
            if (o.file == null) {
                toStdout++;
            }
        }
        if (toStdout > 1) {
            throw new UserException("only one --format can go to standard output; give --output-file for the others");
        }
        return result;
    }

    private FailThreshold threshold(Config config) {
        if (failOn != null) {
            return FailThreshold.parse(failOn).orElseThrow(() -> new UserException(
                    "--fail-on expects error, warning, note or none, not '" + failOn + "'"));
        }
        return config.failOn().orElse(FailThreshold.WARNING);
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(content);
            }
        } catch (IOException e) {
            throw new UserException("cannot write " + file + ": " + e.getMessage());
        }
    }

    static String summaryLine(Report report) {
        return "resilint: " + report.findings().size() + " finding(s), " + report.failingCount()
                + " at or above " + report.threshold().label() + ", " + report.suppressed().size() + " suppressed, "
                + report.baselined().size() + " baselined, " + report.problems().size() + " problem(s) in "
                + report.files().size() + " file(s)";
    }
}
