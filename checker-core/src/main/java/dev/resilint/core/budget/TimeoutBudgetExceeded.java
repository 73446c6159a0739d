package dev.resilint.core.budget;

import dev.resilint.core.Rule;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * TO03: a Lambda function whose Java handler's AWS SDK calls may outlast the function's
 * {@code Timeout}. It joins a template (the function's {@code Handler} and {@code Timeout},
 * {@link LambdaTimeout}) with compiled classes (the SDK timeouts the handler class sets,
 * {@link HandlerTimeouts}) and reports only where both sides are known.
 */
public final class TimeoutBudgetExceeded implements Rule<TimeoutBudgetExceeded.Target> {

    public static final RuleMetadata METADATA = RuleMetadata.builder("TO03", TimeoutBudgetExceeded.class)
            .severity(Severity.WARNING)
            .summary("A Lambda function's Java handler makes AWS SDK calls that may take longer than the function's "
                    + "Timeout.")
            .rationale("When an SDK call can wait longer than the function may run, Lambda ends the invocation "
                    + "first: the handler never sees the timeout, cannot answer with a fallback or an error of its "
                    + "own, and the caller gets a bare `Task timed out` after the full function timeout, billed. "
                    + "Retries of the invocation then meet the same slow dependency. A timeout budget gives the SDK "
                    + "less time than the function, with room left to respond.")
            .remediation("Set `apiCallTimeout` on the handler's SDK clients (retries included) below the function's "
                    + "`Timeout`, leaving time to handle the failure: for a 10 s function, "
                    + "`overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(6)).apiCallAttemptTimeout("
                    + "Duration.ofSeconds(2)))`; or raise the function's `Timeout` above what the SDK may spend.")
            .wellArchitected("REL05-BP05")
            .tags("timeout", "lambda", "aws-sdk", "cross-layer")
            .sources(SourceKind.TEMPLATE)
            .judges("AWS::Lambda::Function")
            .firesOn("`resilint check TEMPLATE... --classes DIR|JAR` (or the Maven plugin, with the project's "
                            + "classes): a Lambda function with a Java runtime whose `Handler` (`com.acme.Orders` or "
                            + "`com.acme.Orders::handleRequest`) names a class among the classes, where that class "
                            + "(with the classes nested in it) builds AWS SDK clients, and the longest SDK call it "
                            + "allows is longer than the function's `Timeout` (3 s when unset): its `apiCallTimeout`, "
                            + "or, without one, its `apiCallAttemptTimeout` times the attempts (`maxAttempts`, "
                            + "`numRetries` + 1, or at least 3, the fewest any SDK retry mode makes). The finding "
                            + "points at the `Timeout` line and names the class, method and line in the code.",
                    "The same, when the class sets no `apiCallTimeout` nor `apiCallAttemptTimeout` at all: the SDK's "
                            + "default is no time limit for a call (the HTTP client's 30 s socket timeout bounds each "
                            + "read, not the call, and retries repeat it), which any function timeout is shorter "
                            + "than.")
            .quietWhen("Either side unknown: no `--classes`; a `Timeout`, `Runtime` or `Handler` that depends on a "
                            + "parameter or condition; a non-Java runtime; a handler class that is not among the "
                            + "classes or builds no SDK client itself (clients built in other classes are not "
                            + "followed).",
                    "A timeout or attempt count that is not a constant in the code, a client given an override "
                            + "configuration built elsewhere, or one whose only timeouts are the HTTP client's.")
            .build();

    /**
     * What TO03 judges: the functions of the templates, and the handler classes to look them up in.
     *
     * @param functions the Lambda functions with a Java handler and a known timeout
     * @param handlers reads a handler class's SDK timeouts
     */
    public record Target(List<LambdaTimeout> functions, HandlerReader handlers) {
        public Target {
            functions = List.copyOf(functions);
        }
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(Target target, RuleContext context) {
        for (LambdaTimeout fn : target.functions()) {
            Optional<HandlerTimeouts> handler = target.handlers().read(fn.handlerClass());
            if (handler.isEmpty()) {
                continue; // the code side is unknown
            }
            HandlerTimeouts code = handler.get();
            String function = "Lambda function " + fn.function() + " (Timeout " + seconds(fn.timeout())
                    + (fn.defaulted() ? ", the default: Timeout is not set" : "") + ")";
            if (code.longestCall().isEmpty()) {
                context.report(fn.location(), function + " runs handler " + fn.handlerClass() + ", whose AWS SDK "
                        + "clients have no apiCallTimeout nor apiCallAttemptTimeout (" + code.setting() + " at "
                        + code.place() + "): an SDK call has no time limit by default, so a slow dependency holds the "
                        + "invocation until Lambda ends it and the handler never handles the failure; set "
                        + "apiCallTimeout below " + seconds(fn.timeout()), "");
                continue;
            }
            Duration longest = code.longestCall().get();
            if (longest.compareTo(fn.timeout()) > 0) {
                context.report(fn.location(), function + " runs handler " + fn.handlerClass() + ", whose AWS SDK "
                        + "calls may take up to " + seconds(longest) + " (" + code.setting() + " at " + code.place()
                        + "): Lambda ends the invocation before the SDK gives up, so the handler never handles the "
                        + "failure; set apiCallTimeout below " + seconds(fn.timeout()) + " or raise the function's "
                        + "Timeout", "");
            }
        }
    }

    /** {@code 3 s}, {@code 2.5 s}. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : java.math.BigDecimal.valueOf(millis, 3)
                .stripTrailingZeros().toPlainString() + " s";
    }
}
