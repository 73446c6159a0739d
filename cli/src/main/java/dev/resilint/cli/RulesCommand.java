package dev.resilint.cli;

import dev.resilint.core.RuleMetadata;
import dev.resilint.core.docs.RuleDocs;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code resilint rules}: the rule catalog. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, severity, sources, name and summary.")
final class RulesCommand implements Callable<Integer>, Main.EnvironmentAware {

    enum Format { text, markdown, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown (the generated docs/rules.md) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    private Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<RuleMetadata> rules = env.analyzers().catalog().rules();
        String text = switch (format) {
            case text -> RuleDocs.table(rules);
            case markdown -> RuleDocs.markdown(rules);
            case json -> RuleDocs.json(rules);
        };
        env.out().print(text);
        env.out().flush();
        return 0;
    }
}
