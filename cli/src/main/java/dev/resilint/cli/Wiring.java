package dev.resilint.cli;

import dev.resilint.code.CodeAnalyzer;
import dev.resilint.core.run.Analyzers;
import dev.resilint.infra.cfn.BuiltTemplate;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import java.util.List;
import java.util.function.Consumer;

/** The sources the command line reads and the rules it runs on them: the one place they meet. */
final class Wiring {

    private Wiring() {
    }

    /** The live analyzer of one scan. */
    static LiveAnalyzer liveAnalyzer(ScanSettings settings, LiveScan.Progress progress) {
        return new LiveAnalyzer(InfraRules.all(), settings, progress);
    }

    /** The template source on its own, without rules: each template it builds goes to {@code built}. */
    static CloudFormationAnalyzer templateGraphs(Consumer<BuiltTemplate> built) {
        return new CloudFormationAnalyzer(List.of(), built);
    }

    /** The template source with every infra rule, handing each template it builds to {@code built}. */
    static CloudFormationAnalyzer templates(Consumer<BuiltTemplate> built) {
        return new CloudFormationAnalyzer(InfraRules.all(), built);
    }

    static Analyzers analyzers() {
        return new Analyzers(List.of(new CloudFormationAnalyzer(InfraRules.all()), new CodeAnalyzer(),
                new LiveAnalyzer(InfraRules.all())));
    }
}
