package dev.resilint.core.budget;

import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.run.AnalysisRequest;
import dev.resilint.core.run.Analyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A template analyzer that also judges TO03, the timeout budget between templates and code: it
 * runs the template analyzer it wraps, takes the Lambda functions that analysis saw
 * ({@code functions}, filled while it ran) and looks their handlers up with {@code handlers}. The
 * command line and the Maven plugin build it, since they alone know both sides; it keeps the
 * wrapped analyzer's name, so {@code check} runs it as its own. Without classes it lists and runs
 * only the wrapped analyzer's rules: TO03 did not judge anything, so reports do not count it as
 * passed. The rule catalog learns of TO03 from {@link #catalogEntry()}.
 */
public final class TimeoutBudgetAnalyzer implements Analyzer {

    private static final TimeoutBudgetExceeded RULE = new TimeoutBudgetExceeded();

    private final Analyzer templates;
    private final Supplier<List<LambdaTimeout>> functions;
    private final HandlerReader handlers;

    /**
     * @param templates the template analyzer, whose listener fills {@code functions}
     * @param functions the functions of the templates that {@code templates} analyzed
     * @param handlers the handler classes ({@link HandlerReader#NONE} without classes)
     */
    public TimeoutBudgetAnalyzer(Analyzer templates, Supplier<List<LambdaTimeout>> functions, HandlerReader handlers) {
        this.templates = templates;
        this.functions = functions;
        this.handlers = handlers;
    }

    @Override
    public String name() {
        return templates.name();
    }

    @Override
    public SourceKind kind() {
        return templates.kind();
    }

    @Override
    public List<RuleMetadata> rules() {
        List<RuleMetadata> rules = new ArrayList<>(templates.rules());
        if (handlers != HandlerReader.NONE) {
            rules.add(TimeoutBudgetExceeded.METADATA);
        }
        return rules;
    }

    /**
     * An analyzer that only lists TO03, for the rule catalog of the command line and the Maven
     * plugin (so that {@code resilint rules}, {@code explain} and the configuration know it). It
     * reads nothing: TO03 runs inside the template analyzer built with classes.
     */
    public static Analyzer catalogEntry() {
        return new Analyzer() {
            @Override
            public String name() {
                return "timeout-budget";
            }

            @Override
            public SourceKind kind() {
                return SourceKind.TEMPLATE;
            }

            @Override
            public List<RuleMetadata> rules() {
                return List.of(TimeoutBudgetExceeded.METADATA);
            }

            @Override
            public Results analyze(AnalysisRequest request) {
                return new Results();
            }
        };
    }

    @Override
    public Results analyze(AnalysisRequest request) {
        Results results = templates.analyze(request);
        if (handlers != HandlerReader.NONE) {
            request.engine().run(List.of(RULE), new TimeoutBudgetExceeded.Target(functions.get(), handlers),
                    "timeout budget", results);
        }
        return results;
    }
}
