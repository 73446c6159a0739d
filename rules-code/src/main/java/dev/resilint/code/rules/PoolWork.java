package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Why the work a class hands to its own thread pools is bounded in that class, so that a pool's
 * missing bound (CL02) is no missing bulkhead. Each reason is a pattern seen on real libraries,
 * read from the bytecode of the class and its nested classes:
 * <ul>
 * <li>an admission limit: a method hands work to a pool (calls {@code execute}, {@code submit},
 * {@code invokeAll} or {@code invokeAny} on an executor, or takes an executor from the class's own
 * fields or methods) after a {@code Semaphore} acquire or a comparison of a count (a call's result
 * or a field) with an {@code int} field holding the limit. OkHttp's {@code Dispatcher} runs a
 * hand-made cached pool but promotes a queued call only while {@code runningAsyncCalls.size() <
 * maxRequests}; the AWS SDK's {@code NonBlocking} refresher submits only after
 * {@code Semaphore.tryAcquire()} on a fixed number of leases. A loop counter compared with a field
 * is no admission check: its value has more than one source.</li>
 * <li>a pool per batch: the class shuts a pool down through a local variable or a parameter, not a
 * field, so its pools live for one batch of the class's own work (Jedis's multi-node pipeline
 * makes a fixed pool per {@code sync()}, gives it one task per node and shuts it down).</li>
 * <li>JDBC network timeouts: the class hands its executor to {@code Connection.setNetworkTimeout},
 * whose driver runs at most one abort per connection, so the connection pool's size bounds the
 * work (HikariCP's network timeout executor).</li>
 * </ul>
 */
final class PoolWork {

    private static final Set<String> EXECUTORS = Set.of("java/util/concurrent/Executor",
            "java/util/concurrent/ExecutorService", "java/util/concurrent/AbstractExecutorService",
            "java/util/concurrent/ThreadPoolExecutor");
    private static final Set<String> HAND_OVERS = Set.of("execute", "submit", "invokeAll", "invokeAny");
    private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
    private static final Set<String> ACQUIRES = Set.of("tryAcquire", "acquire", "acquireUninterruptibly");

    private static final Set<String> SHUTDOWNS = Set.of("shutdown", "shutdownNow", "close");
    private static final String JDBC_CONNECTION = "java/sql/Connection";

    private PoolWork() {
    }

    /** Whether {@code group} bounds the work it hands to its pools, by one of the reasons above. */
    static boolean bounded(List<JavaClass> group) {
        Set<String> own = group.stream().map(c -> c.getName().replace('.', '/')).collect(Collectors.toSet());
        for (JavaClass c : group) {
            MethodFlow flow = MethodFlow.of(c).orElse(null);
            if (flow == null) {
                continue;
            }
            for (MethodNode method : flow.methods()) {
                if (admitsUnderLimit(flow, method, own) || shutsDownPerBatch(flow, method)
                        || servesNetworkTimeouts(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code executor.shutdown()} on a local variable or a parameter: a pool that lives for one batch. */
    private static boolean shutsDownPerBatch(MethodFlow flow, MethodNode method) {
        for (MethodInsnNode call : MethodFlow.calls(method)) {
            if (EXECUTORS.contains(call.owner) && SHUTDOWNS.contains(call.name) && call.desc.startsWith("()")) {
                MethodFlow.Origin pool = flow.argument(method, call, -1);
                boolean field = pool.insn() instanceof FieldInsnNode;
                if (!field && pool.kind() != MethodFlow.Kind.UNKNOWN) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean servesNetworkTimeouts(MethodNode method) {
        for (MethodInsnNode call : MethodFlow.calls(method)) {
            if (call.owner.equals(JDBC_CONNECTION) && call.name.equals("setNetworkTimeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean admitsUnderLimit(MethodFlow flow, MethodNode method, Set<String> own) {
        boolean checked = false;
        for (AbstractInsnNode insn : method.instructions) {
            if (checked && handsOver(insn, own)) {
                return true;
            }
            checked |= acquires(insn) || insn instanceof JumpInsnNode jump && comparesWithLimit(flow, method, jump);
        }
        return false;
    }

    private static boolean acquires(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call && call.owner.equals(SEMAPHORE) && ACQUIRES.contains(call.name);
    }

    /** {@code count >= limit} (any integer comparison) where the limit is an {@code int} field. */
    private static boolean comparesWithLimit(MethodFlow flow, MethodNode method, JumpInsnNode jump) {
        int op = jump.getOpcode();
        if (op < Opcodes.IF_ICMPEQ || op > Opcodes.IF_ICMPLE || op == Opcodes.IF_ICMPNE) {
            return false;
        }
        MethodFlow.Origin right = flow.operand(method, jump, 0);
        MethodFlow.Origin left = flow.operand(method, jump, 1);
        return limit(right) && count(left) || limit(left) && count(right);
    }

    private static boolean limit(MethodFlow.Origin origin) {
        return origin.kind() == MethodFlow.Kind.GIVEN && origin.insn() instanceof FieldInsnNode field
                && field.desc.equals("I");
    }

    private static boolean count(MethodFlow.Origin origin) {
        return origin.kind() == MethodFlow.Kind.CALL
                || origin.kind() == MethodFlow.Kind.GIVEN && origin.insn() instanceof FieldInsnNode;
    }

    private static boolean handsOver(AbstractInsnNode insn, Set<String> own) {
        if (insn instanceof MethodInsnNode call) {
            if (EXECUTORS.contains(call.owner) && HAND_OVERS.contains(call.name)) {
                return true;
            }
            return own.contains(call.owner) && EXECUTORS.contains(Type.getReturnType(call.desc).getInternalName());
        }
        return insn instanceof FieldInsnNode field && (field.getOpcode() == Opcodes.GETFIELD
                || field.getOpcode() == Opcodes.GETSTATIC) && own.contains(field.owner)
                && field.desc.startsWith("L") && EXECUTORS.contains(Type.getType(field.desc).getInternalName());
    }
}
