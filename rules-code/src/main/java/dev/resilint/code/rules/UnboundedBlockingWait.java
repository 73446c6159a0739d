package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Optional;
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
                    + "`java.util.concurrent` and Guava, and `get()` or `join()` returning `Object` on a type named "
                    + "`...Future` whose supertypes are not on the analysed path), `CountDownLatch.await()`, "
                    + "`CyclicBarrier.await()`, `Condition.await()`, `Object.wait()`, `Semaphore.acquire()`, "
                    + "`Phaser.awaitAdvance()` and `arriveAndAwaitAdvance()`, `BlockingQueue.take()` (`takeFirst`, "
                    + "`takeLast` of a deque), `Thread.join()`, `ExecutorService.invokeAll` or `invokeAny` without "
                    + "a timeout, or `Process.waitFor()`. Compiler-made methods (bridges, accessors) are not judged; "
                    + "a wait in a lambda is reported at the method that declares it.")
            .quietWhen("The same method also calls the bounded variant (`timeout == null ? f.get() : "
                            + "f.get(timeout, unit)`): the unbounded call is the caller's choice of no timeout.",
                    "The wait is guarded: the method asks `isDone()` (or `isCompletedNormally`, `isCancelled`, "
                            + "`isSuccess`, a readiness helper `isReady`, ...) or reads a boolean (or `AtomicBoolean`) "
                            + "field named like `done`, `completed` or `finished` before it, or completes the future "
                            + "(`complete`, `completedFuture`, `set`, `FutureTask.run()`) before it; or a state check "
                            + "named for completion (`isSuccessfullyCompleted(future)`) comes first.",
                    "A timed wait comes first: on the future, in a method that takes a timeout (Lettuce's "
                            + "`if (timeout > 0 && !cmd.await(timeout, unit)) ...; return cmd.get();`), or through a "
                            + "static helper given the future and a timeout (`Futures.await(timeout, cmd)`).",
                    "A wait in a completion callback (a lambda) of a method that returns a future, or in a private "
                            + "helper called only from such callbacks: it runs once the futures it waits on are "
                            + "complete (`KafkaFuture.allOf(fs).thenApply(v -> f.get())` in Kafka's admin results, "
                            + "Lettuce's pipelined futures).",
                    "The blocking twin of an asynchronous API: `close()` that waits on `closeAsync()` (or "
                            + "`closeConnectionAsync()`), `getConnection(...)` on `getConnectionAsync(...)`. The "
                            + "library offers both; its callers choose the blocking one, as with a bounded variant.",
                    "A future in a class that bounds futures elsewhere: `orTimeout`, `completeOnTimeout`, Guava "
                            + "`withTimeout`, or a timer (`schedule`, `newTimeout`) whose task fails the future "
                            + "(`completeExceptionally`, `setException`, `cancel`); any wait in a class with a timeout "
                            + "watchdog (a class named, or extending one named, `...Timeout`, such as okio's "
                            + "`AsyncTimeout`) that wakes or fails the waiter; a wait after reading a field that holds "
                            + "the configured timeout.",
                    "Library code defining the unbounded API itself: a method of a future, queue, latch, lock, "
                            + "monitor or similar type (or of a result type whose superclass is named for a future, "
                            + "such as Spring Data Redis's `FutureResult`) that is itself a wait (`get()`, `join()`, `take()`, "
                            + "`acquire()`, `await...()`, `obtain...()`); a static helper named for waiting (`get...`, `join...`, "
                            + "`await...`, `wait...`, `...Uninterruptibly`) that waits on one of its parameters; the "
                            + "unbounded variant of an API the class also offers with a timeout (`acquirePermit()` "
                            + "next to `tryAcquirePermit(Duration)`); a wait on a type of the caller's own package "
                            + "outside `java.*`. Their callers choose the unbounded variant and are judged where they "
                            + "call it.",
                    "Method references (`CompletableFuture::join`), which are not calls.",
                    "The bounded variants: `get(timeout, unit)`, `await(timeout, unit)`, `poll(timeout, unit)`, "
                            + "`join(millis)`, `tryAcquire(timeout, unit)`, `invokeAll(tasks, timeout, unit)`, "
                            + "`waitFor(timeout, unit)`.")
            .build();

    public UnboundedBlockingWait() {
        super("bound every blocking wait with a timeout");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        for (JavaCall<?> call : ownCalls(item)) {
            Optional<Waits.Wait> wait = Waits.of(call);
            if (wait.isPresent() && WaitGuards.reason(call, wait.get(), callsOf(group)).isEmpty()) {
                out.accept(Violation.at(call, "waits without a timeout in " + Calls.describe(call)
                        + ": if the result never comes the thread waits forever; use " + wait.get().instead(),
                        "wait:" + Calls.describe(call)));
            }
        }
    }
}
