package dev.resilint.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Location;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * TO03's join on its own: a function's timeout against what its handler's SDK clients allow, each
 * side given as the readers of the templates and the classes hand it over. The end-to-end run over a
 * real template and compiled handlers is {@code CheckClassesFlowTest} in the command line's module.
 */
class TimeoutBudgetExceededTest {

    private static LambdaTimeout function(String id, String handler, int seconds, boolean defaulted) {
        return new LambdaTimeout(id, handler, Duration.ofSeconds(seconds), defaulted,
                new Location.Template("app.yaml", 7, 7, "Resources/" + id + "/Properties/Timeout", id,
                        "AWS::Lambda::Function"));
    }

    private static HandlerTimeouts code(String className, Optional<Duration> longest, String setting) {
        return new HandlerTimeouts(className, "<clinit>", "Orders.java", 21, longest, setting);
    }

    private static List<Finding> judge(List<LambdaTimeout> functions, Map<String, HandlerTimeouts> handlers) {
        Results results = new Results();
        new Engine(Config.defaults()).run(List.of(new TimeoutBudgetExceeded()), new TimeoutBudgetExceeded.Target(
                functions, name -> Optional.ofNullable(handlers.get(name))), "app.yaml", results);
        assertThat(results.problems()).isEmpty();
        return results.findings();
    }

    @Test
    void aCallTimeoutLongerThanTheFunctionsIsReportedAtTheTimeoutLine() {
        List<Finding> findings = judge(List.of(function("Orders", "com.acme.Orders", 10, false)),
                Map.of("com.acme.Orders", code("com.acme.Orders", Optional.of(Duration.ofSeconds(30)),
                        "apiCallTimeout 30 s")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("TO03");
            assertThat(f.location().line()).isEqualTo(7);
            assertThat(f.message()).isEqualTo("Lambda function Orders (Timeout 10 s) runs handler com.acme.Orders, "
                    + "whose AWS SDK calls may take up to 30 s (apiCallTimeout 30 s at com.acme.Orders.<clinit> "
                    + "(Orders.java:21)): Lambda ends the invocation before the SDK gives up, so the handler never "
                    + "handles the failure; set apiCallTimeout below 10 s or raise the function's Timeout");
        });
    }

    @Test
    void withinTheBudgetOrEqualToItIsQuiet() {
        Map<String, HandlerTimeouts> handlers = Map.of(
                "com.acme.Fast", code("com.acme.Fast", Optional.of(Duration.ofSeconds(2)), "apiCallTimeout 2 s"),
                "com.acme.Even", code("com.acme.Even", Optional.of(Duration.ofSeconds(10)), "apiCallTimeout 10 s"));
        assertThat(judge(List.of(function("Fast", "com.acme.Fast", 10, false), function("Even", "com.acme.Even", 10,
                false)), handlers)).isEmpty();
    }

    @Test
    void noSdkTimeoutAtAllIsUnboundedAndOutlastsEveryFunctionTimeout() {
        List<Finding> findings = judge(List.of(function("Long", "com.acme.Orders", 900, false),
                function("Default", "com.acme.Orders", 3, true)), Map.of("com.acme.Orders", code("com.acme.Orders",
                        Optional.empty(), "DynamoDbClient.create()")));
        assertThat(findings).hasSize(2);
        assertThat(findings).extracting(Finding::message).allSatisfy(m -> assertThat(m)
                .contains("no apiCallTimeout nor apiCallAttemptTimeout (DynamoDbClient.create() at "
                        + "com.acme.Orders.<clinit> (Orders.java:21))", "no time limit by default"));
        assertThat(findings.get(1).message()).startsWith("Lambda function Default (Timeout 3 s, the default: Timeout "
                + "is not set)");
    }

    @Test
    void anUnknownHandlerSideDecidesNothing() {
        assertThat(judge(List.of(function("Orders", "com.acme.Orders", 1, false)), Map.of())).isEmpty();
        Results results = new Results();
        new Engine(Config.defaults()).run(List.of(new TimeoutBudgetExceeded()), new TimeoutBudgetExceeded.Target(
                List.of(function("Orders", "com.acme.Orders", 1, false)), HandlerReader.NONE), "app.yaml", results);
        assertThat(results.findings()).isEmpty();
    }

    @Test
    void handlersNameTheirClassWithOrWithoutTheMethod() {
        assertThat(LambdaTimeout.handlerClass("com.acme.Orders::handleRequest")).contains("com.acme.Orders");
        assertThat(LambdaTimeout.handlerClass(" com.acme.Orders ")).contains("com.acme.Orders");
        assertThat(LambdaTimeout.handlerClass("Orders$Inner::handle")).contains("Orders$Inner");
        assertThat(LambdaTimeout.handlerClass("index.handler.js")).contains("index.handler.js"); // runtime decides
        assertThat(LambdaTimeout.handlerClass("not a class")).isEmpty();
        assertThat(LambdaTimeout.handlerClass("")).isEmpty();
    }

    @Test
    void theAnalyzerListsTo03OnlyWhenItHasClassesToJudgeIt() {
        dev.resilint.core.run.Analyzer templates = new dev.resilint.core.run.Analyzer() {
            @Override
            public String name() {
                return "cloudformation";
            }

            @Override
            public dev.resilint.core.SourceKind kind() {
                return dev.resilint.core.SourceKind.TEMPLATE;
            }

            @Override
            public List<dev.resilint.core.RuleMetadata> rules() {
                return List.of();
            }

            @Override
            public Results analyze(dev.resilint.core.run.AnalysisRequest request) {
                return new Results();
            }
        };
        assertThat(new TimeoutBudgetAnalyzer(templates, List::of, HandlerReader.NONE).rules()).isEmpty();
        assertThat(new TimeoutBudgetAnalyzer(templates, List::of, name -> Optional.empty()).rules())
                .containsExactly(TimeoutBudgetExceeded.METADATA);
        assertThat(new TimeoutBudgetAnalyzer(templates, List::of, HandlerReader.NONE).name()).isEqualTo("cloudformation");
        assertThat(TimeoutBudgetAnalyzer.catalogEntry().rules()).containsExactly(TimeoutBudgetExceeded.METADATA);
    }

    @Test
    void secondsAreWrittenWithoutTrailingZeros() {
        assertThat(TimeoutBudgetExceeded.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(TimeoutBudgetExceeded.seconds(Duration.ofSeconds(3))).isEqualTo("3 s");
    }
}
