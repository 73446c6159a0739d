package dev.resilint.code.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds hand-rolled retries in bytecode, which ArchUnit cannot see: a method that sleeps
 * ({@code Thread.sleep}, {@code TimeUnit.sleep}) inside a loop that also catches exceptions from
 * a call (a backward jump spanning both the sleep and a try-catch block that guards some call and
 * catches more than {@code InterruptedException}), where the delay has no random part.
 *
 * <p>The delay is traced through the method's data flow: constants, parameters, fields, arithmetic
 * and deterministic library calls ({@code Math}, {@code Duration}, {@code TimeUnit}, boxing) make
 * it fixed. A delay that comes from any other call (a backoff helper, a policy object) might be
 * random, so the method is left alone; so is any method that mentions {@code Random},
 * {@code ThreadLocalRandom}, {@code SecureRandom}, {@code RandomGenerator} or {@code Math.random}.
 */
final class RetryLoops {

    /** A retry loop with a fixed delay: the method, and the sleep that waits. */
    record Loop(String method, int line, String sleep) {
    }

    private static final Set<String> RANDOM_OWNERS = Set.of("java/util/Random",
            "java/util/concurrent/ThreadLocalRandom", "java/security/SecureRandom", "java/util/SplittableRandom",
            "java/util/random/RandomGenerator", "org/apache/commons/lang3/RandomUtils");

    private static final Set<String> DETERMINISTIC_OWNERS = Set.of("java/lang/Math", "java/lang/StrictMath",
            "java/time/Duration", "java/util/concurrent/TimeUnit", "java/lang/Long", "java/lang/Integer",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Number");

    private enum Delay { FIXED, VARIABLE }

    private RetryLoops() {
    }

    /** The retry loops of one class file. */
    static List<Loop> find(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        List<Loop> loops = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            List<MethodInsnNode> sleeps = sleeps(method);
            if (sleeps.isEmpty() || mentionsRandomness(method)) {
                continue;
            }
            Frame<SourceValue>[] frames = null;
            for (MethodInsnNode sleep : sleeps) {
                if (!insideRetryLoop(method, sleep)) {
                    continue;
                }
                if (frames == null) {
                    try {
                        frames = new Analyzer<>(new SourceInterpreter()).analyze(node.name, method);
                    } catch (AnalyzerException | RuntimeException e) {
                        break; // unusual bytecode: cannot tell, stay quiet
                    }
                }
                if (delayOf(method, frames, sleep) == Delay.FIXED) {
                    String call = sleep.owner.substring(sleep.owner.lastIndexOf('/') + 1) + ".sleep";
                    loops.add(new Loop(method.name, line(sleep), call));
                }
            }
        }
        return loops;
    }

    static boolean isSleep(AbstractInsnNode insn) {
        if (!(insn instanceof MethodInsnNode call) || !call.name.equals("sleep")) {
            return false;
        }
        return (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/lang/Thread"))
                || (call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals("java/util/concurrent/TimeUnit"));
    }

    private static List<MethodInsnNode> sleeps(MethodNode method) {
        List<MethodInsnNode> sleeps = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (isSleep(insn)) {
                sleeps.add((MethodInsnNode) insn);
            }
        }
        return sleeps;
    }

    private static boolean mentionsRandomness(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && (RANDOM_OWNERS.contains(call.owner)
                    || (call.name.equals("random") && (call.owner.equals("java/lang/Math")
                            || call.owner.equals("java/lang/StrictMath"))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a backward jump spans the sleep, and within that loop a try-catch block guards a
     * call other than the sleep and hands exceptions other than {@code InterruptedException} to a
     * handler inside the loop.
     */
    private static boolean insideRetryLoop(MethodNode method, MethodInsnNode sleep) {
        InsnList insns = method.instructions;
        int at = insns.indexOf(sleep);
        for (AbstractInsnNode insn : insns) {
            if (!(insn instanceof JumpInsnNode jump)) {
                continue;
            }
            int from = insns.indexOf(jump);
            int to = insns.indexOf(jump.label);
            if (to > from || at < to || at > from) {
                continue;
            }
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (block.type == null || block.type.equals("java/lang/InterruptedException")) {
                    continue;
                }
                int start = insns.indexOf(block.start);
                int end = insns.indexOf(block.end);
                int handler = insns.indexOf(block.handler);
                if (start >= to && end <= from + 1 && handler >= to && handler <= from
                        && guardsACall(insns, start, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean guardsACall(InsnList insns, int start, int end) {
        for (int i = start; i < end; i++) {
            AbstractInsnNode insn = insns.get(i);
            if ((insn instanceof MethodInsnNode || insn.getOpcode() == Opcodes.INVOKEDYNAMIC) && !isSleep(insn)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the sleep's delay argument is provably the same on every attempt (no random part). */
    private static Delay delayOf(MethodNode method, Frame<SourceValue>[] frames, MethodInsnNode sleep) {
        int at = method.instructions.indexOf(sleep);
        Frame<SourceValue> frame = frames[at];
        if (frame == null) {
            return Delay.VARIABLE; // unreachable
        }
        Type[] args = Type.getArgumentTypes(sleep.desc);
        // the delay is the first argument: below the others on the stack
        SourceValue delay = frame.getStack(frame.getStackSize() - args.length);
        return trace(method, frames, delay, new HashSet<>());
    }

    private static Delay trace(MethodNode method, Frame<SourceValue>[] frames, SourceValue value,
            Set<AbstractInsnNode> seen) {
        for (AbstractInsnNode insn : value.insns) {
            if (seen.add(insn) && traceInsn(method, frames, insn, seen) == Delay.VARIABLE) {
                return Delay.VARIABLE;
            }
        }
        return Delay.FIXED;
    }

    private static Delay traceInsn(MethodNode method, Frame<SourceValue>[] frames, AbstractInsnNode insn,
            Set<AbstractInsnNode> seen) {
        int index = method.instructions.indexOf(insn);
        Frame<SourceValue> frame = frames[index];
        if (frame == null) {
            return Delay.FIXED; // unreachable code contributes nothing
        }
        int op = insn.getOpcode();
        if ((op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC) || op == Opcodes.GETSTATIC || op == Opcodes.GETFIELD) {
            return Delay.FIXED; // constants and configured values
        }
        if (insn instanceof VarInsnNode load && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            // a parameter (no store in this method) is the same on every attempt
            return trace(method, frames, frame.getLocal(load.var), seen);
        }
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return trace(method, frames, frame.getStack(frame.getStackSize() - 1), seen);
        }
        if (insn instanceof IincInsnNode iinc) {
            return trace(method, frames, frame.getLocal(iinc.var), seen);
        }
        if (insn instanceof MethodInsnNode call) {
            if (!DETERMINISTIC_OWNERS.contains(call.owner)) {
                return Delay.VARIABLE; // a helper or policy: may well be random
            }
            int consumed = Type.getArgumentTypes(call.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
            return operands(method, frames, frame, consumed, seen);
        }
        int consumed = operandCount(op);
        return consumed < 0 ? Delay.VARIABLE : operands(method, frames, frame, consumed, seen);
    }

    private static Delay operands(MethodNode method, Frame<SourceValue>[] frames, Frame<SourceValue> frame,
            int count, Set<AbstractInsnNode> seen) {
        for (int i = 0; i < count; i++) {
            if (trace(method, frames, frame.getStack(frame.getStackSize() - 1 - i), seen) == Delay.VARIABLE) {
                return Delay.VARIABLE;
            }
        }
        return Delay.FIXED;
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

    private static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
