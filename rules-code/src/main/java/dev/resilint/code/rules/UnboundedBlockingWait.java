package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.arity;
import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CT03: a wait without a bound on a future, latch, barrier, queue, thread, executor or process.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS} runs it as an
 * ArchUnit rule.
 */
public final class UnboundedBlockingWait extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CT03", UnboundedBlockingWait.class)
            .severity(Severity.WARNING)
            .summary("A thread waits on a future, latch, queue or thread without a timeout.")
            .rationale("A wait without a bound turns a lost message, a dead worker or a hung dependency into a hung "
                    + "caller. The thread is gone for good, and with enough of them the pool, the request handlers "
                    + "and finally the service stop.")
            .remediation("Use the bounded variant and decide what happens on timeout: `get(timeout, unit)`, "
                    + "`orTimeout(...)` before `join()`, `await(timeout, unit)`, `poll(timeout, unit)`, "
                    + "`join(millis)`, `invokeAll(tasks, timeout, unit)`, `waitFor(timeout, unit)`.")
            .wellArchitected("REL05-BP05")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS", ResilienceRules.SOURCE_URL))
            .tags("timeout", "concurrency", "code")
            .sources(SourceKind.CODE)
            .reads("java.util.concurrent.Future", "java.util.concurrent.CountDownLatch",
                    "java.util.concurrent.BlockingQueue", "java.lang.Thread")
            .firesOn("A call of `Future.get()`, `CompletableFuture.join()` or `get()` (and the other futures of "
                    + "`java.util.concurrent` and Guava), `CountDownLatch.await()`, `CyclicBarrier.await()`, "
                    + "`BlockingQueue.take()` (`takeFirst`, `takeLast` of a deque), `Thread.join()`, "
                    + "`ExecutorService.invokeAll` or `invokeAny` without a timeout, or `Process.waitFor()`.")
            .quietWhen("A `CompletableFuture` joined in a method that also calls `orTimeout` or `completeOnTimeout`: "
                            + "it is bounded.",
                    "Method references (`CompletableFuture::join`), which are not calls.",
                    "The bounded variants: `get(timeout, unit)`, `await(timeout, unit)`, `poll(timeout, unit)`, "
                            + "`join(millis)`, `invokeAll(tasks, timeout, unit)`, `waitFor(timeout, unit)`.")
            .build();

    private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";

    private static final Set<String> FUTURES = Set.of(
            "java.util.concurrent.Future", COMPLETABLE_FUTURE, "java.util.concurrent.FutureTask",
            "java.util.concurrent.RunnableFuture", "java.util.concurrent.ScheduledFuture",
            "java.util.concurrent.RunnableScheduledFuture", "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.RecursiveTask", "java.util.concurrent.RecursiveAction",
            "java.util.concurrent.CountedCompleter",
            "com.google.common.util.concurrent.ListenableFuture", "com.google.common.util.concurrent.AbstractFuture",
            "com.google.common.util.concurrent.SettableFuture", "com.google.common.util.concurrent.FluentFuture",
            "com.google.common.util.concurrent.ListenableFutureTask",
            "com.google.common.util.concurrent.ListenableScheduledFuture");

    private static final Set<String> BLOCKING_QUEUES = Set.of(
            "java.util.concurrent.BlockingQueue", "java.util.concurrent.BlockingDeque",
            "java.util.concurrent.TransferQueue", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.DelayQueue", "java.util.concurrent.SynchronousQueue",
            "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.LinkedTransferQueue");

    private static final Set<String> EXECUTORS = Set.of(
            "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
            "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool");

    /** A wait, and how to bound it. */
    private record Wait(Set<String> owners, Set<String> methods, int parameters, String instead) {
        boolean matches(JavaCall<?> call) {
            return !isConstructor(call) && arity(call) == parameters && methods.contains(name(call))
                    && Calls.ownerIsA(call, owners);
        }
    }

    private static final List<Wait> WAITS = List.of(
            new Wait(FUTURES, Set.of("get"), 0, "get(timeout, unit)"),
            new Wait(Set.of(COMPLETABLE_FUTURE), Set.of("join"), 0, "orTimeout(timeout, unit) before join()"),
            new Wait(Set.of("java.util.concurrent.CountDownLatch", "java.util.concurrent.CyclicBarrier"),
                    Set.of("await"), 0, "await(timeout, unit)"),
            new Wait(BLOCKING_QUEUES, Set.of("take", "takeFirst", "takeLast"), 0, "poll(timeout, unit)"),
            new Wait(Set.of("java.lang.Thread"), Set.of("join"), 0, "join(millis)"),
            new Wait(EXECUTORS, Set.of("invokeAll", "invokeAny"), 1, "the variant with timeout and unit"),
            new Wait(Set.of("java.lang.Process"), Set.of("waitFor"), 0, "waitFor(timeout, unit)"));

    public UnboundedBlockingWait() {
        super("bound every blocking wait with a timeout");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        for (JavaCall<?> call : ownCalls(item)) {
            for (Wait wait : WAITS) {
                if (wait.matches(call) && !boundedByTimeout(call)) {
                    out.accept(Violation.at(call, "waits without a timeout in " + Calls.describe(call)
                            + ": if the result never comes the thread waits forever; use " + wait.instead(),
                            "wait:" + Calls.describe(call)));
                    break;
                }
            }
        }
    }

    /** A CompletableFuture in a method that bounds futures with orTimeout or completeOnTimeout. */
    private static boolean boundedByTimeout(JavaCall<?> call) {
        if (!Calls.ownerIsA(call, Set.of(COMPLETABLE_FUTURE))) {
            return false;
        }
        JavaCodeUnit origin = call.getOrigin();
        return origin.getCallsFromSelf().stream().anyMatch(c -> Calls.owner(c).equals(COMPLETABLE_FUTURE)
                && Set.of("orTimeout", "completeOnTimeout").contains(name(c)));
    }
}
