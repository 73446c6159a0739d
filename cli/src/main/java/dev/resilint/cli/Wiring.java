package dev.resilint.cli;

import dev.resilint.code.CodeAnalyzer;
import dev.resilint.code.HandlerClasses;
import dev.resilint.core.budget.HandlerReader;
import dev.resilint.core.budget.LambdaTimeout;
import dev.resilint.core.budget.TimeoutBudgetAnalyzer;
import dev.resilint.core.run.Analyzer;
import dev.resilint.core.run.Analyzers;
import dev.resilint.infra.cfn.BuiltTemplate;
import dev.resilint.infra.cfn.CloudFormationAnalyzer;
import dev.resilint.infra.cfn.LambdaHandlers;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.live.LiveAnalyzer;
import dev.resilint.live.LiveScan;
import dev.resilint.live.ScanSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The template analyzer of {@code check}: every infra rule, each template it builds handed to
     * {@code built} (the Markdown report's AZ-failure verdicts), and TO03 (the timeout budget of
     * Lambda handlers) judged against the compiled {@code classes}: the template side from each
     * built template, the code side from the handler classes. Without classes TO03 judges nothing.
     */
    static Analyzer templates(List<Path> classes, Consumer<BuiltTemplate> built) {
        if (classes.isEmpty()) {
            return new TimeoutBudgetAnalyzer(new CloudFormationAnalyzer(InfraRules.all(), built), List::of,
                    HandlerReader.NONE);
        }
        List<LambdaTimeout> functions = Collections.synchronizedList(new ArrayList<>());
        CloudFormationAnalyzer templates = new CloudFormationAnalyzer(InfraRules.all(), b -> {
            built.accept(b);
            functions.addAll(LambdaHandlers.of(b));
        });
        return new TimeoutBudgetAnalyzer(templates, () -> List.copyOf(functions), new HandlerClasses(classes));
    }

    static Analyzers analyzers() {
        return new Analyzers(List.of(templates(List.of(), built -> { }), TimeoutBudgetAnalyzer.catalogEntry(), new CodeAnalyzer(),
                new LiveAnalyzer(InfraRules.all())));
    }
}
