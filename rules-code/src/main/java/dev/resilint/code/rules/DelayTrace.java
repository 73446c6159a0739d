package dev.resilint.code.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import org.objectweb.asm.tree.analysis.SourceInterpreter;

/**
 * Whether a value in a method's bytecode is provably the same on every run, with no random part:
 * traced through the data flow, it comes only from constants, parameters, fields, arithmetic,
 * deterministic library calls ({@code Math}, {@code Duration}, {@code TimeUnit}, boxing) and
 * methods on the analysed path whose results are such values themselves (a backoff helper of the
 * same class, a concrete strategy object that returns a fixed default interval). A call through an
 * interface, or to code that is not on the analysed path, might be random: the value is variable.
 */
final class DelayTrace {

    private static final Set<String> RANDOM_OWNERS = Set.of("java/util/Random",
            "java/util/concurrent/ThreadLocalRandom", "java/security/SecureRandom", "java/util/SplittableRandom",
            "java/util/random/RandomGenerator", "org/apache/commons/lang3/RandomUtils");

    private static final Set<String> DETERMINISTIC_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
            "java/time/Duration", "java/util/concurrent/TimeUnit", "java/lang/Long", "java/lang/Integer",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Number");

    /** How deep calls are followed into helpers and strategy objects. */
    private static final int MAX_DEPTH = 3;

    private final ClassNode self;
    private final Function<String, Optional<ClassNode>> classes;
    private final Map<MethodNode, Optional<Frame<SourceValue>[]>> frames = new HashMap<>();

    /**
     * @param self the class being judged
     * @param classes other classes of the analysed path, by internal name ({@code a/b/C})
     */
    DelayTrace(ClassNode self, Function<String, Optional<ClassNode>> classes) {
        this.self = self;
        this.classes = classes;
    }

    /** True when the method calls a random number generator ({@code Random}, {@code Math.random}, ...). */
    static boolean mentionsRandomness(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && (RANDOM_OWNERS.contains(call.owner)
                    || (call.name.equals("random") && (call.owner.equals("java/lang/Math")
                            || call.owner.equals("java/lang/StrictMath"))))) {
                return true;
            }
        }
        return false;
    }

    /** The method's frames (stack and locals before each instruction), or empty for unusual bytecode. */
    Optional<Frame<SourceValue>[]> frames(ClassNode owner, MethodNode method) {
        return frames.computeIfAbsent(method, m -> {
            try {
                return Optional.of(new Analyzer<>(new SourceInterpreter()).analyze(owner.name, m));
            } catch (AnalyzerException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether the {@code argument}-th argument (0-based, receiver not counted) of the call
     * {@code call} in {@code method} of the judged class is fixed.
     */
    boolean argumentFixed(MethodNode method, MethodInsnNode call, int argument) {
        return argumentFixed(self, method, call, argument, 0);
    }

    /** Whether every argument of {@code call} is fixed. */
    boolean argumentsFixed(MethodNode method, MethodInsnNode call) {
        int count = Type.getArgumentTypes(call.desc).length;
        for (int i = 0; i < count; i++) {
            if (!argumentFixed(method, call, i)) {
                return false;
            }
        }
        return true;
    }

    private boolean argumentFixed(ClassNode owner, MethodNode method, MethodInsnNode call, int argument, int depth) {
        Optional<Frame<SourceValue>[]> all = frames(owner, method);
        if (all.isEmpty()) {
            return false;
        }
        Frame<SourceValue> frame = all.get()[method.instructions.indexOf(call)];
        if (frame == null) {
            return false; // unreachable: nothing to prove
        }
        int count = Type.getArgumentTypes(call.desc).length;
        SourceValue value = frame.getStack(frame.getStackSize() - count + argument);
        return trace(owner, method, all.get(), value, new HashSet<>(), depth);
    }

    private boolean trace(ClassNode owner, MethodNode method, Frame<SourceValue>[] all, SourceValue value,
            Set<AbstractInsnNode> seen, int depth) {
        for (AbstractInsnNode insn : value.insns) {
            if (seen.add(insn) && !traceInsn(owner, method, all, insn, seen, depth)) {
                return false;
            }
        }
        return true;
    }

    private boolean traceInsn(ClassNode owner, MethodNode method, Frame<SourceValue>[] all, AbstractInsnNode insn,
            Set<AbstractInsnNode> seen, int depth) {
        Frame<SourceValue> frame = all[method.instructions.indexOf(insn)];
        if (frame == null) {
            return true; // unreachable code contributes nothing
        }
        int op = insn.getOpcode();
        if ((op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC) || op == Opcodes.GETSTATIC || op == Opcodes.GETFIELD) {
            return true; // constants and configured values
        }
        if (insn instanceof VarInsnNode load && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            // a parameter (no store in this method) is the same on every attempt
            return trace(owner, method, all, frame.getLocal(load.var), seen, depth);
        }
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return trace(owner, method, all, frame.getStack(frame.getStackSize() - 1), seen, depth);
        }
        if (insn instanceof IincInsnNode iinc) {
            return trace(owner, method, all, frame.getLocal(iinc.var), seen, depth);
        }
        if (insn instanceof MethodInsnNode call) {
            int consumed = Type.getArgumentTypes(call.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
            if (!DETERMINISTIC_OWNERS.contains(call.owner) && !returnsFixed(call, depth)) {
                return false; // a helper or policy that is, or may be, random
            }
            return operands(owner, method, all, frame, consumed, seen, depth);
        }
        int consumed = operandCount(op);
        return consumed >= 0 && operands(owner, method, all, frame, consumed, seen, depth);
    }

    /**
     * A call to a concrete method on the analysed path (not through an interface) that returns
     * only fixed values and draws no random numbers.
     */
    private boolean returnsFixed(MethodInsnNode call, int depth) {
        if (depth >= MAX_DEPTH || call.getOpcode() == Opcodes.INVOKEINTERFACE
                || call.getOpcode() == Opcodes.INVOKEDYNAMIC) {
            return false;
        }
        Optional<ClassNode> owner = call.owner.equals(self.name) ? Optional.of(self) : classes.apply(call.owner);
        if (owner.isEmpty()) {
            return false;
        }
        for (MethodNode callee : owner.get().methods) {
            if (callee.name.equals(call.name) && callee.desc.equals(call.desc)) {
                if ((callee.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || mentionsRandomness(callee)) {
                    return false;
                }
                return returnsOnlyFixed(owner.get(), callee, depth + 1);
            }
        }
        return false; // inherited from a class not in view
    }

    private boolean returnsOnlyFixed(ClassNode owner, MethodNode callee, int depth) {
        Optional<Frame<SourceValue>[]> all = frames(owner, callee);
        if (all.isEmpty()) {
            return false;
        }
        boolean any = false;
        for (AbstractInsnNode insn : callee.instructions) {
            int op = insn.getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.ARETURN) {
                Frame<SourceValue> frame = all.get()[callee.instructions.indexOf(insn)];
                if (frame == null) {
                    continue;
                }
                any = true;
                if (!trace(owner, callee, all.get(), frame.getStack(frame.getStackSize() - 1), new HashSet<>(),
                        depth)) {
                    return false;
                }
            }
        }
        return any;
    }

    private boolean operands(ClassNode owner, MethodNode method, Frame<SourceValue>[] all, Frame<SourceValue> frame,
            int count, Set<AbstractInsnNode> seen, int depth) {
        for (int i = 0; i < count; i++) {
            if (!trace(owner, method, all, frame.getStack(frame.getStackSize() - 1 - i), seen, depth)) {
                return false;
            }
        }
        return true;
    }

    /** Stack values an arithmetic, conversion or copy instruction reads; -1 for anything else. */
    private static int operandCount(int op) {
        if (op >= Opcodes.IADD && op <= Opcodes.DREM) {
            return 2;
        }
        if (op >= Opcodes.INEG && op <= Opcodes.DNEG) {
            return 1;
        }
        if (op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            return 2;
        }
        if (op >= Opcodes.I2L && op <= Opcodes.I2S) {
            return 1;
        }
        if (op >= Opcodes.DUP && op <= Opcodes.DUP2_X2) {
            return 1; // the copied value is on top
        }
        if (op == Opcodes.CHECKCAST) {
            return 1;
        }
        return -1;
    }
}
