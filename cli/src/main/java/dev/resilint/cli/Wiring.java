package dev.resilint.cli;

import dev.resilint.code.CodeAnalyzer;
import dev.resilint.core.run.Analyzers;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import java.util.List;

/** The sources the command line reads and the rules it runs on them: the one place they meet. */
final class Wiring {

    private Wiring() {
    }

    static Analyzers analyzers() {
        return new Analyzers(List.of(new CloudFormationAnalyzer(InfraRules.all()), new CodeAnalyzer(),
                new LiveAnalyzer(InfraRules.all())));
    }
}
