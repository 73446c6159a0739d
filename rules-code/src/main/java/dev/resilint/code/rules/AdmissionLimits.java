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
 * Whether a class bounds the work it hands to its own thread pools in its own code, so that the
 * pool's missing bound (CL02) is no missing bulkhead: the class admits a task only after a check
 * against a limit. Seen on real libraries: OkHttp's {@code Dispatcher} runs a hand-made cached
 * pool but promotes a queued call only while {@code runningAsyncCalls.size() < maxRequests}; the
 * AWS SDK's {@code NonBlocking} cache refresher submits only after
 * {@code Semaphore.tryAcquire()} on a fixed number of leases.
 *
 * <p>Read from the bytecode of the class and its nested classes: a method that hands work to a pool
 * (calls {@code execute}, {@code submit}, {@code invokeAll} or {@code invokeAny} on an executor, or
 * takes an executor from the class's own fields or methods) after an admission check in the same
 * method: a {@code Semaphore} acquire, or a comparison of a count (a call's result or a field)
 * against an {@code int} field (the limit). A loop counter against a field is no admission check:
 * its value has more than one source.
 */
final class AdmissionLimits {

    private static final Set<String> EXECUTORS = Set.of("java/util/concurrent/Executor",
            "java/util/concurrent/ExecutorService", "java/util/concurrent/AbstractExecutorService",
            "java/util/concurrent/ThreadPoolExecutor");
    private static final Set<String> HAND_OVERS = Set.of("execute", "submit", "invokeAll", "invokeAny");
    private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
    private static final Set<String> ACQUIRES = Set.of("tryAcquire", "acquire", "acquireUninterruptibly");

    private AdmissionLimits() {
    }

    /** Whether some method of {@code group} admits work to a pool only after a check against a limit. */
    static boolean bound(List<JavaClass> group) {
        Set<String> own = group.stream().map(c -> c.getName().replace('.', '/')).collect(Collectors.toSet());
        for (JavaClass c : group) {
            MethodFlow flow = MethodFlow.of(c).orElse(null);
            if (flow == null) {
                continue;
            }
            for (MethodNode method : flow.methods()) {
                if (admitsUnderLimit(flow, method, own)) {
                    return true;
                }
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
