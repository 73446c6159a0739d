package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * CL02: a thread pool with no bound on its threads or on its work queue, which is no bulkhead.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#EXECUTORS_SHOULD_BE_BOUNDED} runs it as an ArchUnit rule.
 * The arguments of a {@code ThreadPoolExecutor} constructor are read from the bytecode by
 * {@link MethodFlow}; whether the class bounds the work it submits in its own code (an admission
 * limit, a pool per batch, JDBC network timeouts) by {@link PoolWork}.
 */
public final class UnboundedExecutor extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CL02", UnboundedExecutor.class)
            .severity(Severity.WARNING)
            .summary("A thread pool has no bound on its threads or on its work queue: no bulkhead.")
            .rationale("A pool that grows a thread per waiting task, or queues every task it cannot run yet, "
                    + "does not push back when a dependency slows down: threads or queued tasks pile up until "
                    + "memory runs out, and every queued request waits longer than its caller will. A bulkhead "
                    + "bounds both, so that overload is rejected early and one slow dependency cannot take the whole "
                    + "process with it.")
            .remediation("Build the pool with both bounds and a rejection policy: `new ThreadPoolExecutor(8, 8, 0L, "
                    + "TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100), new ThreadPoolExecutor.CallerRunsPolicy())` "
                    + "(or `AbortPolicy`, failing fast). Size the queue for the latency a caller accepts; resilience4j's "
                    + "`ThreadPoolBulkhead` does the same.")
            .wellArchitected("REL05-BP04", "REL10-BP03")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.EXECUTORS_SHOULD_BE_BOUNDED", ResilienceRules.SOURCE_URL))
            .tags("bulkhead", "concurrency", "code")
            .sources(SourceKind.CODE)
            .reads("java.util.concurrent.Executors", "java.util.concurrent.ThreadPoolExecutor")
            .firesOn("`Executors.newCachedThreadPool()` (also with a `ThreadFactory`): a thread per waiting task, "
                            + "without limit.",
                    "`Executors.newFixedThreadPool(n)` (also with a `ThreadFactory`): the threads are bounded, but "
                            + "their work queue is an unbounded `LinkedBlockingQueue`, so a slow dependency fills memory "
                            + "with waiting tasks instead of rejecting them. This is counted whatever `n` above 1 is: "
                            + "the queue is unbounded either way.",
                    "`new ThreadPoolExecutor(...)` with a maximum pool size other than the constant 1 whose work "
                            + "queue is made right there without a capacity (`new LinkedBlockingQueue<>()`, "
                            + "`new LinkedBlockingDeque<>()`, `new LinkedTransferQueue<>()`, "
                            + "`new PriorityBlockingQueue<>()`), or is a `new SynchronousQueue<>()` with a maximum pool "
                            + "size of the constant `Integer.MAX_VALUE` (a hand-made cached pool).")
            .quietWhen("Single-thread executors: `Executors.newSingleThreadExecutor()` (also with a `ThreadFactory`), "
                            + "`newSingleThreadScheduledExecutor()`, and a `ThreadPoolExecutor` whose maximum pool size "
                            + "is the constant 1. One thread is a bound on the threads; such an executor serialises "
                            + "work (an event loop, a reaper, a notifier, a read-ahead) rather than serving a caller's "
                            + "requests in parallel, and whether its queue can grow depends on the rate of that work, "
                            + "which bytecode does not show. On real libraries every one seen was fed by bounded work.",
                    "The class bounds the work it hands to its pools in its own code: the method that submits a "
                            + "task (or takes the pool from the class's fields or methods) first acquires a "
                            + "`Semaphore` or compares a count with an `int` field holding the limit (OkHttp's "
                            + "`Dispatcher` with `maxRequests`, the AWS SDK's `NonBlocking` refresh leases). That "
                            + "check is the bulkhead; the pool needs none of its own. Also when the class shuts a pool "
                            + "down through a local variable or a parameter (a pool per batch of its own work: Jedis's "
                            + "multi-node pipeline), or hands its executor to JDBC's `Connection.setNetworkTimeout` (at "
                            + "most one abort per connection: HikariCP). The reason is per class and its nested classes: "
                            + "another pool of the same class is quiet too.",
                    "A method named like the factory it calls (`static ExecutorService newFixedThreadPool(int n, "
                            + "String name)` around `Executors.newFixedThreadPool`): a library re-exporting the API, "
                            + "whose callers choose the pool.",
                    "A `ThreadPoolExecutor` whose queue or maximum pool size is a parameter, a field or the "
                            + "result of another call: the caller decides the bound.",
                    "Scheduled executors (`newScheduledThreadPool`, `ScheduledThreadPoolExecutor`), fork-join "
                            + "pools (`newWorkStealingPool`, `ForkJoinPool`) and virtual threads "
                            + "(`newVirtualThreadPerTaskExecutor`): periodic work, CPU-bound work and one thread per "
                            + "task by design; their concurrency limit belongs on the resource (a `Semaphore`, a "
                            + "connection pool), which this rule cannot see.")
            .build();

    private static final String EXECUTORS = "java.util.concurrent.Executors";
    private static final String POOL = "java/util/concurrent/ThreadPoolExecutor";

    /** The factory methods and what is unbounded about each. */
    private static final Map<String, String> FACTORIES = Map.of(
            "newCachedThreadPool", "starts a new thread for every task that finds no idle one, without limit",
            "newFixedThreadPool", "queues every task it cannot run yet in an unbounded LinkedBlockingQueue");

    private static final Set<String> UNBOUNDED_QUEUES = Set.of("java/util/concurrent/LinkedBlockingQueue",
            "java/util/concurrent/LinkedBlockingDeque", "java/util/concurrent/LinkedTransferQueue",
            "java/util/concurrent/PriorityBlockingQueue");

    public UnboundedExecutor() {
        super("bound the threads and the work queue of the thread pools they build");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        List<Violation> found = new ArrayList<>();
        boolean builds = false;
        for (JavaCall<?> call : ownCalls(item)) {
            if (!isConstructor(call) && owner(call).equals(EXECUTORS) && FACTORIES.containsKey(name(call))
                    && !call.getOrigin().getName().equals(name(call))) { // a factory of the same name re-exports the API
                found.add(Violation.at(call, "Executors." + name(call) + "() " + FACTORIES.get(name(call))
                        + ": no bulkhead, so a slow dependency piles up " + (name(call).equals("newCachedThreadPool")
                                ? "threads" : "waiting tasks") + " until memory runs out; build a ThreadPoolExecutor "
                        + "with a bounded queue (new ArrayBlockingQueue<>(capacity)) and a rejection policy",
                        "executor:" + name(call)));
            }
            builds |= isConstructor(call) && owner(call).equals(MethodFlow.className(POOL));
        }
        if (builds) {
            MethodFlow.of(item).ifPresent(flow -> constructors(item, flow, found::add));
        }
        if (!found.isEmpty() && !PoolWork.bounded(group)) {
            found.forEach(out);
        }
    }

    /** {@code new ThreadPoolExecutor(...)} with an unbounded queue made in place, or unbounded threads. */
    private static void constructors(JavaClass item, MethodFlow flow, Consumer<Violation> out) {
        for (MethodNode method : flow.methods()) {
            for (MethodInsnNode call : MethodFlow.calls(method)) {
                if (!call.owner.equals(POOL) || !call.name.equals("<init>")) {
                    continue;
                }
                Type[] args = Type.getArgumentTypes(call.desc);
                if (args.length < 5) {
                    continue;
                }
                unbounded(flow, method, call).ifPresent(what -> out.accept(new Violation(item,
                        Violation.memberName(method.name), MethodFlow.line(call), false,
                        "new ThreadPoolExecutor(...) " + what + ": no bulkhead, so a slow dependency piles up "
                                + (what.contains("threads") ? "threads" : "waiting tasks") + " until memory runs out; "
                                + "give it a bounded queue (new ArrayBlockingQueue<>(capacity)), a finite maximum "
                                + "pool size and a rejection policy",
                        "executor:ThreadPoolExecutor")));
            }
        }
    }

    private static Optional<String> unbounded(MethodFlow flow, MethodNode method, MethodInsnNode call) {
        Optional<Object> max = flow.constant(method, flow.argument(method, call, 1));
        if (max.isPresent() && max.get().equals(1)) {
            return Optional.empty(); // a single thread: serialised work, like newSingleThreadExecutor
        }
        MethodFlow.Origin queue = flow.argument(method, call, 5 - 1);
        if (queue.kind() != MethodFlow.Kind.NEW) {
            return Optional.empty(); // given, or made elsewhere: the caller decides
        }
        if (UNBOUNDED_QUEUES.contains(queue.owner()) && capacityless(method, queue)) {
            return Optional.of("queues tasks in a new " + Calls.simpleName(MethodFlow.className(queue.owner()))
                    + " without a capacity");
        }
        if (queue.owner().equals("java/util/concurrent/SynchronousQueue")) {
            if (max.isPresent() && max.get().equals(Integer.MAX_VALUE)) {
                return Optional.of("hands tasks over a SynchronousQueue to up to Integer.MAX_VALUE threads");
            }
        }
        return Optional.empty();
    }

    /** Whether the queue made by {@code queue}'s NEW is initialized with the no-argument constructor. */
    private static boolean capacityless(MethodNode method, MethodFlow.Origin queue) {
        for (MethodInsnNode init : MethodFlow.calls(method)) {
            if (init.name.equals("<init>") && init.owner.equals(queue.owner())
                    && method.instructions.indexOf(init) > method.instructions.indexOf(queue.insn())) {
                // the first constructor of that class after the NEW initializes it (no nested NEW of the same class)
                return init.desc.equals("()V");
            }
        }
        return false;
    }
}
