package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.arity;
import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The blocking waits CT03 knows: each unbounded wait, the calls that are its bounded variant, and
 * how a message tells to bound it.
 */
final class Waits {

    static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";

    static final Set<String> FUTURES = Set.of(
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

    private static final Set<String> CONDITIONS = Set.of("java.util.concurrent.locks.Condition",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
            "java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject");

    /** Simple names that make a type whose hierarchy resilint cannot see a waitable one. */
    private static final List<String> WAITABLE_NAMES = List.of("Future", "Promise", "Latch", "Barrier", "Queue",
            "Deque", "Semaphore", "Condition", "Phaser", "Lock", "Monitor");

    /**
     * One unbounded wait.
     *
     * @param owners the types it is called on (or their subtypes)
     * @param methods its names
     * @param parameters its parameter count
     * @param boundedNames the names of its bounded variant, which takes more parameters
     * @param boundedArity the fewest parameters of the bounded variant
     * @param instead how a message tells to bound it
     */
    record Wait(Set<String> owners, Set<String> methods, int parameters, Set<String> boundedNames, int boundedArity,
            String instead) {

        boolean matches(JavaCall<?> call) {
            return !isConstructor(call) && arity(call) == parameters && methods.contains(name(call))
                    && (owners.isEmpty() || Calls.ownerIsA(call, owners));
        }

        /** The bounded variant of this wait, on the same owner. */
        boolean isBoundedVariant(JavaCall<?> call, JavaCall<?> wait) {
            return !isConstructor(call) && arity(call) >= boundedArity && boundedNames.contains(name(call))
                    && (Calls.owner(call).equals(Calls.owner(wait)) || owners.isEmpty()
                            || Calls.ownerIsA(call, owners));
        }
    }

    private static final Wait FUTURE_GET = new Wait(FUTURES, Set.of("get"), 0, Set.of("get"), 2,
            "get(timeout, unit)");
    private static final Wait COMPLETABLE_JOIN = new Wait(Set.of(COMPLETABLE_FUTURE), Set.of("join"), 0,
            Set.of("get", "orTimeout", "completeOnTimeout"), 2, "orTimeout(timeout, unit) before join()");

    static final List<Wait> ALL = List.of(
            FUTURE_GET,
            COMPLETABLE_JOIN,
            new Wait(Set.of("java.util.concurrent.CountDownLatch", "java.util.concurrent.CyclicBarrier"),
                    Set.of("await"), 0, Set.of("await"), 2, "await(timeout, unit)"),
            new Wait(CONDITIONS, Set.of("await", "awaitUninterruptibly"), 0, Set.of("await", "awaitNanos",
                    "awaitUntil"), 1, "await(timeout, unit) or awaitNanos(nanos)"),
            new Wait(Set.of(), Set.of("wait"), 0, Set.of("wait"), 1, "wait(millis) in a loop with a deadline"),
            new Wait(Set.of("java.util.concurrent.Semaphore"), Set.of("acquire", "acquireUninterruptibly"), 0,
                    Set.of("tryAcquire"), 2, "tryAcquire(timeout, unit)"),
            new Wait(Set.of("java.util.concurrent.Semaphore"), Set.of("acquire", "acquireUninterruptibly"), 1,
                    Set.of("tryAcquire"), 3, "tryAcquire(permits, timeout, unit)"),
            new Wait(Set.of("java.util.concurrent.Phaser"), Set.of("awaitAdvance", "awaitAdvanceInterruptibly"), 1,
                    Set.of("awaitAdvanceInterruptibly"), 3, "awaitAdvanceInterruptibly(phase, timeout, unit)"),
            new Wait(Set.of("java.util.concurrent.Phaser"), Set.of("arriveAndAwaitAdvance"), 0,
                    Set.of("awaitAdvanceInterruptibly"), 3, "arrive() and awaitAdvanceInterruptibly(phase, timeout, "
                            + "unit)"),
            new Wait(BLOCKING_QUEUES, Set.of("take", "takeFirst", "takeLast"), 0, Set.of("poll", "pollFirst",
                    "pollLast"), 2, "poll(timeout, unit)"),
            new Wait(Set.of("java.lang.Thread"), Set.of("join"), 0, Set.of("join"), 1, "join(millis)"),
            new Wait(EXECUTORS, Set.of("invokeAll", "invokeAny"), 1, Set.of("invokeAll", "invokeAny"), 3,
                    "the variant with timeout and unit"),
            new Wait(Set.of("java.lang.Process"), Set.of("waitFor"), 0, Set.of("waitFor"), 2,
                    "waitFor(timeout, unit)"));

    private Waits() {
    }

    /** The wait {@code call} makes, if it is one. */
    static Optional<Wait> of(JavaCall<?> call) {
        for (Wait wait : ALL) {
            if (wait.matches(call)) {
                return Optional.of(wait);
            }
        }
        if (isFutureByName(call)) {
            return Optional.of(name(call).equals("join") ? COMPLETABLE_JOIN : FUTURE_GET);
        }
        return Optional.empty();
    }

    /**
     * {@code get()} or {@code join()} returning {@code Object} on a type named {@code ...Future} whose
     * supertypes resilint cannot see (a library not on the analysed path): the erased return type
     * says it is generic, as a future's result is.
     */
    private static boolean isFutureByName(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        return !isConstructor(call) && arity(call) == 0 && Set.of("get", "join").contains(name(call))
                && !owner.isFullyImported() && Calls.simpleName(owner.getName()).endsWith("Future")
                && call.getTarget().getRawReturnType().getName().equals("java.lang.Object");
    }

    /**
     * True when {@code type} is itself something one waits on: a future, queue, latch and so on, by
     * its known supertypes or by its name.
     */
    static boolean isWaitable(JavaClass type) {
        for (Wait wait : ALL) {
            if (!wait.owners().isEmpty() && Calls.isA(type, wait.owners())) {
                return true;
            }
        }
        String simple = Calls.simpleName(type.getName());
        return WAITABLE_NAMES.stream().anyMatch(simple::endsWith);
    }

    /** Whether a method of this name and parameter count is an unbounded wait of some kind. */
    static boolean isUnboundedSignature(String method, int parameters) {
        return ALL.stream().anyMatch(w -> w.parameters() == parameters && w.methods().contains(method));
    }

    static final Predicate<JavaCall<?>> FUTURE_TIMEOUTS = call -> !isConstructor(call)
            && ((Calls.owner(call).equals(COMPLETABLE_FUTURE)
                    && Set.of("orTimeout", "completeOnTimeout").contains(name(call)))
                    || (Calls.owner(call).equals("com.google.common.util.concurrent.Futures")
                            && name(call).equals("withTimeout"))
                    || (Calls.owner(call).equals("com.google.common.util.concurrent.FluentFuture")
                            && name(call).equals("withTimeout")));
}
