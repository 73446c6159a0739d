package dev.resilint.cli;

import dev.resilint.core.RuleCatalog;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.docs.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code resilint explain ID}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain one rule: what it flags, why it matters, how to fix it.")
final class ExplainCommand implements Callable<Integer>, Main.EnvironmentAware {

    @Parameters(paramLabel = "ID", description = "Rule id or name, for example AZ04 or RdsInstanceNotMultiAz.")
    String id;

    private Main.Environment env;

    @Override
    public void setEnvironment(Main.Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        RuleCatalog catalog = env.analyzers().catalog();
        RuleMetadata rule = catalog.lookup(id).orElseThrow(() -> new UserException("unknown rule '" + id
                + "'; 'resilint rules' lists them"));
        env.out().print(RuleDocs.explain(catalog, rule));
        env.out().flush();
        return 0;
    }
}
