package dev.resilint.cli;

import dev.resilint.core.RuleCatalog;
import dev.resilint.core.docs.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code resilint rules}: the rule catalog. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, severity, the sources it runs on (and those planned), name and summary.")
final class RulesCommand implements Callable<Integer>, Main.EnvironmentAware {

    enum Format { text, markdown, json }

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown (the generated docs/rules.md) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    private Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        RuleCatalog catalog = env.analyzers().catalog();
        String text = switch (format) {
            case text -> RuleDocs.table(catalog);
            case markdown -> RuleDocs.markdown(catalog);
            case json -> RuleDocs.json(catalog);
        };
        env.out().print(text);
        env.out().flush();
        return 0;
    }
}
