package dev.resilint.cli;

import dev.resilint.core.SuppressionScope;
import dev.resilint.core.config.Config;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --ignore-templates GLOB} (cfn-lint's name; checkov's {@code --skip-path} works too):
 * templates not to read, added to {@code ignoreTemplates} of the configuration.
 */
final class IgnoreTemplatesOption {

    @Option(names = {"--ignore-templates", "--skip-path"}, paramLabel = "GLOB",
            description = "Do not read templates whose path, or a directory of it, matches GLOB (relative to the "
                    + "working directory, e.g. legacy/** or **/*.test.yaml); repeatable. Adds to ignoreTemplates "
                    + "of the configuration.")
    List<String> globs = new ArrayList<>();

    /** {@code config} that also ignores the templates the globs match; a usage error for an invalid glob. */
    Config apply(Config config) {
        List<SuppressionScope.PathGlob> parsed = new ArrayList<>();
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new UserException("--ignore-templates: an empty glob; name templates or directories, like legacy/**");
            }
            try {
                parsed.add(new SuppressionScope.PathGlob(glob));
            } catch (IllegalArgumentException e) {
                throw new UserException("--ignore-templates: " + e.getMessage());
            }
        }
        return config.withIgnoredTemplates(parsed);
    }

    boolean isEmpty() {
        return globs.isEmpty();
    }
}
