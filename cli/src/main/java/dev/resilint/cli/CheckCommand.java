package dev.resilint.cli;

import dev.resilint.core.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code resilint check PATH...}: judge CloudFormation templates. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Judge CloudFormation templates (YAML or JSON, SAM, CDK synth output).",
            "Directories are searched for templates; other YAML and JSON files are skipped."})
final class CheckCommand extends ReportingCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Template files or directories (searched recursively for templates).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    IgnoreTemplatesOption ignoreTemplates;

    @Override
    Config adjust(Config config) {
        return ignoreTemplates.apply(config);
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
