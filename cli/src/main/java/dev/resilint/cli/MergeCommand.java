package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.report.ExitCodes;
import dev.resilint.core.report.JsonReportReader;
import dev.resilint.core.report.Report;
import dev.resilint.core.report.ReportMerger;
import dev.resilint.core.report.ReportOptions;
import dev.resilint.core.report.ReportReadException;
import dev.resilint.core.report.ReportWriter;
import dev.resilint.core.report.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code resilint merge}: the JSON reports of one scan's shards ({@code resilint scan --shard K/N})
 * joined into the report of one scan over all their accounts, in any format, byte for byte what
 * that scan would have written, with its exit code. Reports that are not one scan's shards are
 * refused, naming the file ({@link ReportMerger}). It takes the {@link TriageOptions} of the scan
 * ({@code --compare}, {@code --fail-on-new}, {@code --group-by}, {@code --output-dir}), with the
 * same results as one scan given them: the shards' reports carry the scopes they judged and the
 * tags of their findings' resources.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the JSON reports of a scan's shards into the report of one scan of all accounts.",
            "The same findings, order, counts and exit code as that one scan, in any format.",
            "The shards come from 'resilint scan --shard K/N --format json'.",
            "It refuses other versions or configurations, missing or repeated shards, and repeated accounts.",
            "--compare, --fail-on-new, --group-by and --output-dir work as with scan."})
final class MergeCommand implements Callable<Integer>, Main.EnvironmentAware, Main.ExitCodeAware {

    @Parameters(paramLabel = "REPORT.json", arity = "1..*",
            description = "The JSON report of each shard, every shard 1/N to N/N once, in any order.")
    List<Path> reports = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nOutput:%n")
    List<ReportingCommand.Output> outputs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding at or above LEVEL remains: error, warning, note or none. "
                    + "Default: the shards' own (they must agree).")
    String failOn;

    @Option(names = "--include-suppressed",
            description = "Also list suppressed findings (SARIF: as results with suppressions).")
    boolean includeSuppressed;

    @Option(names = {"-v", "--verbose"}, description = "Also list the notes (what each account region held).")
    boolean verbose;

    @Option(names = "--no-color", description = "Never colour the text report (NO_COLOR=1 does the same).")
    boolean noColor;

    @Mixin
    TriageOptions triage;

    private Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    @Override
    public Set<ExitCodes.Code> exitCodes() {
        return EnumSet.allOf(ExitCodes.Code.class);
    }

    @Override
    public Integer call() {
        List<ReportWriter.Output> resolved = ReportingCommand.resolveOutputs(outputs, env);
        Optional<FailThreshold> threshold = Optional.empty();
        if (failOn != null) {
            threshold = Optional.of(FailThreshold.parse(failOn).orElseThrow(() -> new UserException(
                    "--fail-on expects error, warning, note or none, not '" + failOn + "'")));
        }
        TriageOptions.Plan plan = triage.plan(env);
        JsonReportReader reader = new JsonReportReader(env.analyzers().catalog()::find);
        List<ReportMerger.Input> inputs = new ArrayList<>();
        String version = Version.get();
        for (Path report : reports) {
            JsonReportReader.Read read;
            try {
                read = reader.read(env.workingDirectory().resolve(report), report.toString());
            } catch (ReportReadException e) {
                throw new UserException(e.getMessage());
            }
            if (!read.toolVersion().equals(version)) {
                throw new UserException(report + ": written by resilint " + read.toolVersion() + ", this is resilint "
                        + version + ": merge with the version that scanned");
            }
            inputs.add(new ReportMerger.Input(report.toString(), read));
        }
        Report merged;
        try {
            merged = ReportMerger.merge(inputs, threshold);
        } catch (ReportMerger.MergeException e) {
            throw new UserException(e.getMessage());
        }
        Report report = plan.compare(merged);
        boolean color = env.terminal() && !noColor && env.getenv("NO_COLOR") == null;
        return ReportingCommand.deliver(report, resolved,
                new ReportOptions(color, verbose, includeSuppressed, version, plan.groupBy())
                        // the hint of the single scan the merge stands for, so that their reports agree byte for byte
                        .withFullReportHint(Optional.of(ReportingCommand.fullReportHint(null, resolved, "scan"))),
                plan, env);
    }
}
