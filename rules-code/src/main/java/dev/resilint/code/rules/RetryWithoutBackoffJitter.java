package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.arity;
import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.objectweb.asm.tree.ClassNode;

/**
 * CR01: retries whose delay has no random part, so that clients that failed together retry
 * together: hand-rolled retry loops, resilience4j and Spring Retry. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA} (hand-rolled loops are found in the
 * bytecode by {@link RetryLoops}, since ArchUnit cannot see loops);
 * {@link dev.resilint.code.ResilienceRules#RETRIES_SHOULD_BACK_OFF_WITH_JITTER} runs it as an
 * ArchUnit rule.
 */
public final class RetryWithoutBackoffJitter extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CR01", RetryWithoutBackoffJitter.class)
            .severity(Severity.WARNING)
            .summary("A retry waits a fixed or purely exponential delay, with no random jitter.")
            .rationale("When a dependency fails, all its clients fail at once; retries with the same delay then "
                    + "arrive together, wave after wave, and keep an overloaded or recovering service down (a "
                    + "thundering herd). Exponential backoff spreads the waves out in time; only jitter spreads the "
                    + "clients within a wave.")
            .remediation("Back off exponentially with jitter and cap the attempts. resilience4j: "
                    + "`RetryConfig.custom().intervalFunction(IntervalFunction.ofExponentialRandomBackoff(...))`. "
                    + "Spring Retry: `@Backoff(delay = 200, multiplier = 2, random = true)`. By hand: sleep "
                    + "`ThreadLocalRandom.current().nextLong(cap)` with `cap` doubling per attempt (full jitter). "
                    + "Or let the AWS SDK retry: its standard retry strategy already backs off with jitter.")
            .wellArchitected("REL05-BP03")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.RETRIES_SHOULD_BACK_OFF_WITH_JITTER", ResilienceRules.SOURCE_URL))
            .tags("retry", "jitter", "code")
            .sources(SourceKind.CODE)
            .reads("java.lang.Thread", "io.github.resilience4j.retry.RetryConfig",
                    "org.springframework.retry.annotation.Retryable")
            .firesOn("A hand-rolled retry, a repeat driven by a failure: a try-catch block guards a call and "
                            + "catches more than `InterruptedException`, the method sleeps (`Thread.sleep`, "
                            + "`TimeUnit.sleep`, or a helper method of the class that sleeps) on the way from the catch "
                            + "handler to the next attempt (a backward jump, or the method calling itself), and a "
                            + "success neither sleeps nor goes round again. The delay provably has no random part: "
                            + "traced through the data flow, it comes only from constants, parameters, fields, "
                            + "arithmetic, deterministic library calls (`Math`, `Duration`, `TimeUnit`, boxing) and "
                            + "methods on the analysed path that compute such values (a backoff helper, a concrete "
                            + "strategy class with a fixed default interval), so fixed and purely exponential delays "
                            + "both count.",
                    "resilience4j: a `RetryConfig` built (`custom()...build()`, `ofDefaults()`, `Retry.ofDefaults`, "
                            + "`RetryRegistry.ofDefaults()`) in a class that uses no randomized `IntervalFunction` "
                            + "(`ofRandomized`, `ofExponentialRandomBackoff`).",
                    "Spring Retry: `@Retryable` on a method or class whose `@Backoff` (default: a fixed second) does "
                            + "not say `random = true`.")
            .quietWhen("A loop that is not a retry: a maintenance loop that sleeps between sweeps, a worker "
                            + "polling for work, an event loop that pauses after an error and runs its next round at "
                            + "once after a success.",
                    "A delay from a call through an interface or to code not on the analysed path, which might be "
                            + "random, or a method that mentions `Random`, `ThreadLocalRandom`, `SecureRandom`, "
                            + "`RandomGenerator` or `Math.random`; a class file that cannot be read; compiler-made "
                            + "methods.",
                    "Library code: resilience4j's own classes building its defaults, and annotation types "
                            + "meta-annotated with `@Retryable` (such as Spring Retry's `@CircuitBreaker`).",
                    "resilience4j: the interval function or the base configuration comes from elsewhere.",
                    "Spring Retry: `@Backoff` with `randomExpression`, or `@Retryable` with an `interceptor`.")
            .build();

    private static final String R4J = "io.github.resilience4j.";
    private static final String RETRY_CONFIG = R4J + "retry.RetryConfig";
    private static final Set<String> INTERVAL_FUNCTIONS = Set.of(R4J + "core.IntervalFunction",
            R4J + "core.IntervalBiFunction");
    private static final String RETRYABLE = "org.springframework.retry.annotation.Retryable";

    /** resilience4j's retry configuration, built when the rule first runs, not when its metadata is read. */
    private static final class Resilience4j {
        static final Predicate<JavaCall<?>> CREATION = call -> !isConstructor(call)
                && ((owner(call).equals(RETRY_CONFIG + "$Builder") && name(call).equals("build") && arity(call) == 0)
                        || (name(call).equals("ofDefaults") && Set.of(RETRY_CONFIG, R4J + "retry.Retry",
                                R4J + "retry.RetryRegistry").contains(owner(call))));

        static final ClientFamily FAMILY = ClientFamily.anyOf(
                CREATION,
                call -> !isConstructor(call) && INTERVAL_FUNCTIONS.contains(owner(call))
                        && name(call).contains("Random"),
                call -> !isConstructor(call) && ((owner(call).equals(RETRY_CONFIG + "$Builder")
                        && Set.of("intervalFunction", "intervalBiFunction").contains(name(call)))
                        || (owner(call).equals(RETRY_CONFIG) && name(call).equals("from"))),
                call -> !isConstructor(call) && INTERVAL_FUNCTIONS.contains(owner(call)) && name(call).startsWith("of"),
                call -> "resilience4j retry is configured (" + Calls.describe(call) + ") with a fixed or purely "
                        + "exponential wait: nothing in the class uses a randomized IntervalFunction, so clients that "
                        + "failed together retry together; use intervalFunction(IntervalFunction"
                        + ".ofExponentialRandomBackoff(...))");
    }

    public RetryWithoutBackoffJitter() {
        super("retry with randomized (jittered) backoff");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        retryLoops(item, out);
        if (item.isAnnotation()) {
            return; // an annotation type meta-annotated with @Retryable (like @CircuitBreaker) retries nothing itself
        }
        Resilience4j.FAMILY.check(item, ownCalls(item), () -> callsOf(group), "resilience4j", out);
        item.tryGetAnnotationOfType(RETRYABLE).ifPresent(retryable -> {
            if (fixedBackoff(retryable)) {
                out.accept(Violation.onDeclaration(item, springMessage("class"), "retryable"));
            }
        });
        for (JavaMethod method : item.getMethods()) {
            if (CompilerMade.is(method)) {
                continue; // javac copies annotations onto bridge methods
            }
            method.tryGetAnnotationOfType(RETRYABLE).ifPresent(retryable -> {
                if (fixedBackoff(retryable)) {
                    out.accept(Violation.onDeclaration(method, springMessage("method"), "retryable"));
                }
            });
        }
    }

    private static String springMessage(String what) {
        return "Spring @Retryable " + what + " whose @Backoff has no random = true: its retries wait a fixed "
                + "(or purely exponential) delay, so clients that failed together retry together; use "
                + "@Backoff(delay = ..., multiplier = 2, random = true)";
    }

    /** True unless the backoff is randomized, or decided by an expression or interceptor resilint cannot read. */
    private static boolean fixedBackoff(JavaAnnotation<?> retryable) {
        if (!text(retryable, "interceptor").isEmpty()) {
            return false;
        }
        Optional<Object> backoff = retryable.get("backoff");
        if (backoff.isEmpty() || !(backoff.get() instanceof JavaAnnotation<?> b)) {
            return true; // the default @Backoff: one second, fixed
        }
        if (!text(b, "randomExpression").isEmpty()) {
            return false;
        }
        return !Boolean.TRUE.equals(b.get("random").orElse(Boolean.FALSE));
    }

    private static String text(JavaAnnotation<?> annotation, String property) {
        return annotation.get(property).map(String::valueOf).orElse("");
    }

    /** Hand-rolled retry loops, found in the class file of a class that sleeps. */
    private void retryLoops(JavaClass item, Consumer<Violation> out) {
        boolean sleeps = item.getMethodCallsFromSelf().stream().anyMatch(call -> name(call).equals("sleep")
                && (owner(call).equals("java.lang.Thread") || owner(call).equals("java.util.concurrent.TimeUnit")));
        if (!sleeps) {
            return;
        }
        Optional<byte[]> bytes = ClassBytes.of(item);
        if (bytes.isEmpty()) {
            return; // cannot read it: cannot prove anything
        }
        Map<String, Optional<ClassNode>> others = new HashMap<>();
        Function<String, Optional<ClassNode>> classes = internalName -> others.computeIfAbsent(internalName,
                n -> classNamed(n.replace('/', '.')).flatMap(ClassBytes::of)
                        .map(RetryLoops::read));
        for (RetryLoops.Loop loop : RetryLoops.find(bytes.get(), classes)) {
            out.accept(new Violation(item, Violation.memberName(loop.method()), loop.line(), false,
                    "retries in a loop that sleeps (" + loop.sleep() + ") a delay with no random part, so clients "
                            + "that failed together retry together; add jitter (a random part of the delay, e.g. "
                            + "ThreadLocalRandom.current().nextLong(cap)), back off exponentially, or use a retry "
                            + "library configured that way",
                    "retry-loop:" + loop.method()));
        }
    }
}
