package dev.resilint.infra.cfn;

import dev.resilint.core.budget.LambdaTimeout;
import dev.resilint.infra.graph.GraphSource;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The template side of the timeout budget (TO03): the Lambda functions of a built template (SAM
 * functions included, as the transform made them) that run a Java handler, with the handler's class
 * and the function's timeout. A function is left out unless all of it is known: a {@code java}
 * {@code Runtime}, a {@code Handler} naming a class, a {@code Timeout} that is a number or unset
 * (Lambda's default, 3 seconds), and a condition that lets it exist.
 */
public final class LambdaHandlers {

    private static final String FUNCTION = "AWS::Lambda::Function";

    private LambdaHandlers() {
    }

    /** The functions of {@code built} with a Java handler and a known timeout, in the template's order. */
    public static List<LambdaTimeout> of(BuiltTemplate built) {
        GraphSource source = built.graph().source();
        List<LambdaTimeout> functions = new ArrayList<>();
        for (Resource fn : built.graph().ofType(FUNCTION)) {
            if (source.exists(fn).equals(Optional.of(Boolean.FALSE))) {
                continue;
            }
            Optional<String> runtime = source.property(fn, "Runtime").asString();
            Optional<String> handler = source.property(fn, "Handler").asString().flatMap(LambdaTimeout::handlerClass);
            if (runtime.isEmpty() || !runtime.get().toLowerCase(Locale.ROOT).startsWith("java") || handler.isEmpty()) {
                continue;
            }
            Value timeout = source.property(fn, "Timeout");
            if (timeout.isAbsent()) {
                functions.add(new LambdaTimeout(fn.id(), handler.get(), LambdaTimeout.DEFAULT_TIMEOUT, true,
                        fn.locate("")));
                continue;
            }
            Optional<Long> seconds = timeout.asLong();
            if (seconds.isPresent() && seconds.get() > 0) {
                functions.add(new LambdaTimeout(fn.id(), handler.get(), Duration.ofSeconds(seconds.get()), false,
                        fn.locateProperty("Timeout")));
            }
        }
        return functions;
    }
}
