package dev.resilint.cli;

import dev.resilint.core.FailThreshold;
import dev.resilint.core.baseline.Baseline;
import dev.resilint.core.config.Config;
import dev.resilint.core.history.HistoryException;
import dev.resilint.core.history.NewSince;
import dev.resilint.core.report.Report;
import dev.resilint.infra.cfn.TemplateDiscovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code resilint check PATH...}: judge CloudFormation templates. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge CloudFormation templates (YAML or JSON, SAM, CDK synth output).",
            "Directories are searched for templates; other YAML and JSON files are skipped."})
final class CheckCommand extends ReportingCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Template files or directories (searched recursively for templates).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--new-since", paramLabel = "REF",
            description = "Report only findings that the same paths did not have at git revision REF (a branch, "
                    + "tag or commit, read with git; renamed files keep their findings).")
    String newSince;

    @Override
    Report run(Config config, Optional<Baseline> baseline, FailThreshold threshold) {
        if (newSince == null) {
            return super.run(config, baseline, threshold);
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
        return super.run(config, Optional.of(before.with(baseline)), threshold).withNote(before.note());
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
