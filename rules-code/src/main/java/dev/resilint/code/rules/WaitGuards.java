package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Why an unbounded wait that CT03 found is nevertheless bounded or not the analysed code's to
 * bound, if it is: each reason is a pattern seen on real libraries, where reporting the wait was
 * a false positive.
 */
final class WaitGuards {

    /** Calls that tell a future's state, or complete it, so that a wait after them returns at once. */
    private static final Set<String> STATE_CHECKS = Set.of("isDone", "isCompletedNormally",
            "isCompletedExceptionally", "isCompletedAbnormally", "isCancelled", "isSuccess", "isReady");
    private static final Set<String> COMPLETIONS = Set.of("complete", "completeExceptionally", "completedFuture",
            "failedFuture", "obtrudeValue", "obtrudeException", "set", "setException", "immediateFuture",
            "immediateFailedFuture");
    private static final Set<String> TIMER_SCHEDULING = Set.of("schedule", "newTimeout");
    private static final Set<String> TIMEOUT_COMPLETIONS = Set.of("completeExceptionally", "setException",
            "cancel");
    /** A boolean field that says the awaited work is over. */
    private static final Pattern DONE_FLAG = Pattern.compile("(?i).*(done|complete|finish|terminated).*");
    private static final Set<String> FLAG_TYPES = Set.of("boolean", "java.util.concurrent.atomic.AtomicBoolean");
    /** A field holding the configured timeout: a wait after reading it depends on whether one was given. */
    private static final Pattern TIMEOUT_FIELD = Pattern.compile("(?i).*timeout.*");
    /**
     * Names of methods whose very purpose is to wait: {@code getUninterruptibly}, {@code joinQuietly},
     * {@code awaitTermination}, a lock's {@code obtainLock} (Quartz's {@code SimpleSemaphore}).
     */
    private static final Pattern WAITING_NAME = Pattern.compile(
            "(get|join|await|take|block|wait|acquire|obtain).*|.*(Uninterruptibly|Interruptibly)");
    /** What a watchdog does when its timeout fires: wakes or fails the waiter. */
    private static final Set<String> WATCHDOG_ACTIONS = Set.of("notifyAll", "notify", "signalAll", "signal",
            "interrupt", "cancel", "close", "closeLater", "completeExceptionally", "countDown");
    /**
     * A timed wait that, in a method taking a timeout, comes before the unbounded one: after it the
     * future is done, or the caller gave no timeout (Lettuce's {@code Futures.awaitOrCancel}:
     * {@code if (timeout > 0 && !cmd.await(timeout, unit)) ...; return cmd.get();}).
     */
    private static final Set<String> TIMED_WAITS = Set.of("await", "awaitUninterruptibly", "get", "join");
    /** A state check named for what it checks: {@code isSuccessfullyCompleted(future)}, {@code isDoneOrFailed}. */
    private static final Pattern STATE_CHECK_NAME = Pattern.compile("is[A-Za-z]*(Done|Complete|Completed|Success)[A-Za-z]*");
    private static final Set<String> TIMEOUT_PARAMETERS = Set.of("java.time.Duration",
            "java.util.concurrent.TimeUnit", "long");

    private WaitGuards() {
    }

    /**
     * The reason {@code wait} needs no finding, or empty.
     *
     * @param groupCalls every call of the class and its nested classes
     */
    static Optional<String> reason(JavaCall<?> wait, Waits.Wait kind, List<JavaCall<?>> groupCalls) {
        JavaCodeUnit origin = wait.getOrigin();
        int line = wait.getLineNumber();
        boolean future = kind.owners().contains(Waits.COMPLETABLE_FUTURE) || !Calls.ownerIsA(wait,
                Set.of("java.lang.Thread", "java.lang.Process"));
        for (JavaCall<?> call : origin.getCallsFromSelf()) {
            if (kind.isBoundedVariant(call, wait)) {
                return Optional.of("the bounded variant is used when a timeout is given");
            }
            if (call.getLineNumber() <= line && !isConstructor(call) && (STATE_CHECKS.contains(name(call))
                    || STATE_CHECK_NAME.matcher(name(call)).matches())) {
                return Optional.of("guarded by a state check");
            }
            if (future && call.getLineNumber() <= line && !isConstructor(call) && COMPLETIONS.contains(name(call))
                    && Waits.isWaitable(call.getTargetOwner())) {
                return Optional.of("the future is completed before the wait");
            }
            if (call.getLineNumber() <= line && !isConstructor(call) && timedWaitFirst(call, origin)) {
                return Optional.of("a wait bounded by a timeout comes first");
            }
            if (call.getLineNumber() <= line && !isConstructor(call) && origin.isMethod()
                    && name(call).startsWith(origin.getName()) && name(call).endsWith("Async")) {
                return Optional.of("the blocking twin of an asynchronous API (x() waits on xAsync()): its callers choose");
            }
            if (call.getLineNumber() <= line && !isConstructor(call) && name(call).equals("run") && noArguments(call)
                    && Calls.ownerIsA(call, Set.of("java.util.concurrent.FutureTask",
                            "java.util.concurrent.RunnableFuture"))) {
                return Optional.of("the task runs on this thread before the wait");
            }
        }
        for (JavaFieldAccess access : origin.getFieldAccesses()) {
            if (access.getAccessType() != JavaFieldAccess.AccessType.GET || access.getLineNumber() > line) {
                continue;
            }
            String field = access.getTarget().getName();
            if (FLAG_TYPES.contains(access.getTarget().getRawType().getName()) && DONE_FLAG.matcher(field).matches()) {
                return Optional.of("runs only after a done flag is read");
            }
            if (TIMEOUT_FIELD.matcher(field).matches()) {
                return Optional.of("runs only as decided by the configured timeout");
            }
        }
        if (future && inACallback(wait)) {
            return Optional.of("waits in a completion callback of the future the method returns");
        }
        if (future && origin.getModifiers().contains(JavaModifier.PRIVATE) && !origin.getCallsOfSelf().isEmpty()
                && origin.getCallsOfSelf().stream().allMatch(WaitGuards::inACallback)) {
            return Optional.of("a private helper called only from completion callbacks");
        }
        if (future && boundedElsewhere(groupCalls)) {
            return Optional.of("a timeout handler in the class bounds the future");
        }
        if (watchdog(groupCalls)) {
            return Optional.of("a timeout watchdog in the class wakes or fails the waiter");
        }
        if (definesTheWait(origin)) {
            return Optional.of("the method is itself an unbounded wait of a waitable type: its callers decide");
        }
        if (unboundedVariantOfItsOwnApi(origin)) {
            return Optional.of("the method is the unbounded variant of an API that also takes a timeout");
        }
        if (waitingHelper(wait, origin)) {
            return Optional.of("a static helper whose purpose is to wait on the object it is given");
        }
        if (sameLibrary(wait)) {
            return Optional.of("the library defining the wait calls it");
        }
        return Optional.empty();
    }

    /**
     * A timed wait before the unbounded one: on a waitable, in a method that takes a timeout (after
     * it the future is done, or the caller gave none), or a static helper given the future and a
     * timeout (Lettuce's {@code Futures.await(timeout, command)} before {@code command.get()}).
     */
    private static boolean timedWaitFirst(JavaCall<?> call, JavaCodeUnit origin) {
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        if (!TIMED_WAITS.contains(name(call)) || parameters.stream().noneMatch(t -> TIMEOUT_PARAMETERS.contains(t.getName()))) {
            return false;
        }
        boolean onTheFuture = takesATimeout(origin) && Waits.isWaitable(call.getTargetOwner());
        boolean helper = !Waits.isWaitable(call.getTargetOwner()) && parameters.stream().anyMatch(Waits::isWaitable);
        return onTheFuture || helper;
    }

    /**
     * Whether the wait is in the body of a lambda the method declares ({@code lambda$method$N}, and
     * the lambdas those declare, which javac 8 names {@code lambda$null$N}), read from the class
     * file: ArchUnit attributes a lambda's calls to the method that declares it.
     */
    private static boolean inACallback(JavaCall<?> call) {
        JavaCodeUnit origin = call.getOrigin();
        return origin.isMethod() && Waits.isWaitable(origin.getRawReturnType()) && inALambda(call);
    }

    private static boolean inALambda(JavaCall<?> wait) {
        Optional<MethodFlow> flow = MethodFlow.of(wait.getOriginOwner());
        if (flow.isEmpty()) {
            return false;
        }
        Map<String, MethodNode> lambdas = new HashMap<>();
        for (MethodNode method : flow.get().methods()) {
            if (method.name.startsWith("lambda$")) {
                lambdas.put(method.name + method.desc, method);
            }
        }
        String prefix = "lambda$" + wait.getOrigin().getName() + "$";
        Deque<MethodNode> todo = new ArrayDeque<>();
        lambdas.values().stream().filter(m -> m.name.startsWith(prefix)).forEach(todo::add);
        Set<MethodNode> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            MethodNode method = todo.pop();
            if (!seen.add(method)) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.name.equals(name(wait))
                        && MethodFlow.line(call) == wait.getLineNumber()) {
                    return true;
                }
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object arg : indy.bsmArgs) {
                        if (arg instanceof Handle handle && lambdas.containsKey(handle.getName() + handle.getDesc())) {
                            todo.add(lambdas.get(handle.getName() + handle.getDesc()));
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean noArguments(JavaCall<?> call) {
        return Calls.arity(call) == 0;
    }

    /** orTimeout or a Guava withTimeout somewhere in the class, or a timer that fails futures. */
    private static boolean boundedElsewhere(List<JavaCall<?>> groupCalls) {
        if (Calls.any(groupCalls, Waits.FUTURE_TIMEOUTS)) {
            return true;
        }
        for (JavaCall<?> timer : groupCalls) {
            if (isConstructor(timer) || !TIMER_SCHEDULING.contains(name(timer))) {
                continue;
            }
            String member = Violation.memberName(timer.getOrigin());
            for (JavaCall<?> fail : groupCalls) {
                if (!isConstructor(fail) && TIMEOUT_COMPLETIONS.contains(name(fail))
                        && Waits.isWaitable(fail.getTargetOwner())
                        && fail.getOriginOwner().getName().startsWith(timer.getOriginOwner().getName().split("\\$")[0])
                        && (Violation.memberName(fail.getOrigin()).equals(member)
                                || fail.getOriginOwner().isAnonymousClass()
                                || mentionsTimeout(fail))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A class of the group that is a timeout (its name or its superclass's ends with
     * {@code Timeout}, as okio's {@code AsyncTimeout} watchdogs do) and wakes or fails waiters
     * when it fires.
     */
    private static boolean watchdog(List<JavaCall<?>> groupCalls) {
        for (JavaCall<?> call : groupCalls) {
            JavaClass owner = call.getOriginOwner();
            boolean timeout = owner.getSimpleName().endsWith("Timeout") || owner.getRawSuperclass()
                    .map(s -> s.getSimpleName().endsWith("Timeout")).orElse(false);
            if (timeout && !isConstructor(call) && WATCHDOG_ACTIONS.contains(name(call))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsTimeout(JavaCall<?> fail) {
        return fail.getOrigin().getConstructorCallsFromSelf().stream()
                .anyMatch(c -> Calls.simpleName(Calls.owner(c)).contains("Timeout"));
    }

    /**
     * A {@code get()} of a future, {@code take()} of a queue and the like, implemented by waiting on
     * something else: the method is the unbounded API itself, and whoever calls it chooses it over
     * the bounded variant that such types also offer.
     */
    private static boolean definesTheWait(JavaCodeUnit origin) {
        if (!origin.isMethod() || !(Waits.isWaitable(origin.getOwner()) || futureResult(origin.getOwner()))) {
            return false;
        }
        return Waits.isUnboundedSignature(origin.getName(), origin.getRawParameterTypes().size())
                || (WAITING_NAME.matcher(origin.getName()).matches() && !takesATimeout(origin));
    }

    /**
     * A result type built on a future: a superclass named for one ({@code FutureResult}, which
     * Spring Data Redis's {@code LettuceResult} extends to hold a pipelined command's future).
     */
    private static boolean futureResult(JavaClass owner) {
        return owner.getAllRawSuperclasses().stream().anyMatch(s -> s.getSimpleName().contains("Future"));
    }

    /**
     * {@code acquirePermit()} next to {@code acquirePermit(Duration)} or
     * {@code tryAcquirePermit(Duration)}: the class offers both, and this is the one a caller picks
     * to wait without bound.
     */
    private static boolean unboundedVariantOfItsOwnApi(JavaCodeUnit origin) {
        if (!origin.isMethod() || takesATimeout(origin)) {
            return false;
        }
        String name = origin.getName();
        String tryName = "try" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return origin.getOwner().getMethods().stream().anyMatch(m -> (m.getName().equals(name)
                || m.getName().equals(tryName)) && m.getRawParameterTypes().size() > origin.getRawParameterTypes().size()
                && takesATimeout(m));
    }

    private static boolean takesATimeout(JavaCodeUnit unit) {
        return unit.getRawParameterTypes().stream().anyMatch(t -> TIMEOUT_PARAMETERS.contains(t.getName()));
    }

    /**
     * {@code Uninterruptibles.getUninterruptibly(future)}, {@code joinInterruptibly(future)}: a
     * static method named for waiting that waits on a parameter. It is a blocking API; the callers
     * that hand it a future chose to wait.
     */
    private static boolean waitingHelper(JavaCall<?> wait, JavaCodeUnit origin) {
        return origin.isMethod() && origin.getModifiers().contains(JavaModifier.STATIC)
                && WAITING_NAME.matcher(origin.getName()).matches() && !takesATimeout(origin)
                && Receivers.isParameter(wait);
    }

    /** Library code waiting on a type of its own package: it defines that type's behaviour. */
    private static boolean sameLibrary(JavaAccess<?> wait) {
        String owner = wait.getTargetOwner().getPackageName();
        return !owner.startsWith("java.") && !owner.isEmpty()
                && owner.equals(wait.getOriginOwner().getPackageName());
    }
}
