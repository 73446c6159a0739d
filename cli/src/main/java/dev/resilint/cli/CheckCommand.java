package dev.resilint.cli;

import dev.resilint.code.HandlerClasses;
import dev.resilint.core.FailThreshold;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import dev.resilint.core.history.HistoryException;
import dev.resilint.core.history.NewSince;
import dev.resilint.core.report.MarkdownBlock;
import dev.resilint.core.report.Report;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.StandardInput;
import dev.resilint.infra.cfn.TemplateDiscovery;
import dev.resilint.infra.simulate.Scope;
import dev.resilint.infra.simulate.Simulation;
import dev.resilint.infra.simulate.SimulationMarkdown;
import dev.resilint.infra.simulate.ZoneFailureSimulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resilint check PATH...}: judge CloudFormation templates. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge CloudFormation templates (YAML or JSON, SAM, CDK synth output).",
            "Directories are searched for templates; other YAML and JSON files are skipped."})
final class CheckCommand extends ReportingCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Template files or directories (searched recursively for templates); - reads one "
                    + "template from standard input.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--new-since", paramLabel = "REF",
            description = "Report only findings that the same paths did not have at git revision REF (a branch, "
                    + "tag or commit, read with git; renamed files keep their findings).")
    String newSince;

    @Option(names = "--classes", paramLabel = "DIR|JAR",
            description = "Compiled classes of the Lambda handlers (a class directory such as target/classes, or a "
                    + "jar; repeatable): each Java function's Handler is looked up there and its AWS SDK timeouts "
                    + "are compared with the function's Timeout (TO03).")
    List<Path> classes = new ArrayList<>();

    @Mixin
    IgnoreTemplatesOption ignoreTemplates;

    /** The templates of the run on the working tree, for the Markdown report's AZ-failure verdicts. */
    private final List<Scope> scopes = new ArrayList<>();

    /** With {@code --new-since}: what the revision had, and which files changed since. */
    private Optional<NewSince> since = Optional.empty();

    /**
     * The AZ-failure verdict, table and diagram of every stack the run judged; with
     * {@code --new-since}, of the stacks one of whose files changed since the revision.
     */
    @Override
    List<MarkdownBlock> markdownBlocks() {
        if (scopes.isEmpty()) {
            return List.of();
        }
        Simulation simulation = ZoneFailureSimulation.run(scopes);
        if (since.isPresent()) {
            Set<String> changed = since.get().changed();
            return SimulationMarkdown.blocks(simulation, s -> s.files().stream().anyMatch(changed::contains),
                    "stacks changed since " + since.get().revision());
        }
        return SimulationMarkdown.blocks(simulation, s -> true, "stacks judged");
    }

    /**
     * The template analyzer with what the options ask for: TO03 against {@code --classes}, and,
     * with a Markdown report, the templates' graphs kept for the AZ-failure simulation.
     */
    @Override
    Analyzer analyzerToRun() {
        boolean markdown = writesMarkdown();
        if (classes.isEmpty() && !markdown) {
            return super.analyzerToRun();
        }
        List<Path> resolved = new ArrayList<>();
        for (Path c : classes) {
            Path path = env.workingDirectory().resolve(c).normalize();
            Optional<String> problem = HandlerClasses.problem(path);
            if (problem.isPresent()) {
                throw new UserException("--classes " + c + ": " + problem.get());
            }
            resolved.add(path);
        }
        scopes.clear();
        return Wiring.templates(resolved, markdown ? built -> scopes.add(SimulateCommand.scope(built)) : built -> { });
    }

    @Override
    Config adjust(Config config) {
        return ignoreTemplates.apply(config);
    }

    /** Reads standard input when a PATH is {@code -}: one template, named {@code <stdin>} in reports. */
    @Override
    Report run(Config config, Optional<Baseline> baseline, FailThreshold threshold) {
        Optional<StandardInput> stdin = Optional.empty();
        if (paths.stream().anyMatch(StandardInput::isStandardInput)) {
            stdin = Optional.of(readStandardInput(env.in(), config.maxFileSizeBytes()));
        }
        if (newSince == null) {
            return run(config, baseline, threshold, stdin);
        }
        if (stdin.isPresent()) {
            throw new UserException("--new-since judges paths in a git repository, not standard input");
        }
        NewSince before;
        try {
            before = NewSince.at(newSince, env.workingDirectory(), inputs(), TemplateDiscovery::mayMatter,
                    (dir, inputs) -> analysis.run(new Main.Environment(env.out(), env.err(), dir, env.env(), false,
                            env.analyzers()), analyzer(), inputs, sourceRoots(), config, Optional.empty(),
                            FailThreshold.NONE));
        } catch (HistoryException e) {
            throw new UserException(e.getMessage());
        }
        since = Optional.of(before);
        return run(config, Optional.of(before.with(baseline)), threshold, stdin).withNote(before.note());
    }

    /** The bytes of standard input; a usage error when it is empty or over the size limit. */
    static StandardInput readStandardInput(InputStream in, long maxBytes) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UserException("cannot read standard input: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new UserException("standard input is empty: 'check -' reads one template from it, as in "
                    + "'resilint check - < template.yaml'");
        }
        if (bytes.length > maxBytes) {
            throw new UserException("standard input is over the limit of " + maxBytes / (1024 * 1024)
                    + " MiB (maxFileSizeMiB in .resilint.yaml)");
        }
        return new StandardInput(bytes);
    }

    @Override
    String analyzer() {
        return "cloudformation";
    }

    @Override
    List<Path> inputs() {
        return paths;
    }
}
