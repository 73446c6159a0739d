package dev.resilint.code.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Finds hand-rolled retries in bytecode, which ArchUnit cannot see. A retry is a repeat driven by
 * a failure with a delay before the next attempt: a try-catch block guards a call (and catches
 * more than {@code InterruptedException}), the method sleeps ({@code Thread.sleep},
 * {@code TimeUnit.sleep}, or a method of the same class that sleeps) on the way from the catch
 * handler to the next attempt, and when the guarded code completes normally it neither sleeps nor
 * starts another round (a success ends the retry). The next attempt is a backward jump that spans the try-catch block
 * and the sleep (a loop), or a call of the method itself (a recursive retry).
 *
 * <p>So a maintenance loop that sleeps between sweeps and catches what a sweep throws, a worker
 * that polls for work and sleeps when there is none, or an event loop that pauses after an error
 * and otherwise runs its next round at once, is not a retry: after a success it sleeps too, or
 * goes round again. The delay is reported when {@link DelayTrace} proves it has no random part; so is any
 * method that mentions {@code Random}, {@code ThreadLocalRandom}, {@code SecureRandom},
 * {@code RandomGenerator} or {@code Math.random}. Compiler-made methods are skipped.
 */
final class RetryLoops {

    /** A retry with a fixed delay: the method, the line of the sleep, and what sleeps. */
    record Loop(String method, int line, String sleep) {
    }

    /** A place a method waits: a sleep, or a call of a method of the same class that sleeps. */
    private record SleepPoint(MethodInsnNode insn, String description) {
    }

    private final ClassNode node;
    private final DelayTrace delays;
    /** The methods of this class that sleep a fixed delay whenever they are called, by name and descriptor. */
    private final Map<String, String> sleepyHelpers = new HashMap<>();

    private RetryLoops(ClassNode node, Function<String, Optional<ClassNode>> classes) {
        this.node = node;
        this.delays = new DelayTrace(node, classes);
    }

    /** The retries of one class file; {@code classes} gives other classes of the analysed path. */
    static List<Loop> find(byte[] classFile, Function<String, Optional<ClassNode>> classes) {
        return new RetryLoops(read(classFile), classes).find();
    }

    /** The retries of one class file, with no other class in view. */
    static List<Loop> find(byte[] classFile) {
        return find(classFile, name -> Optional.empty());
    }

    static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        return node;
    }

    private List<Loop> find() {
        findSleepyHelpers();
        List<Loop> loops = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0 || CompilerMade.is(method.access, method.name)
                    || DelayTrace.mentionsRandomness(method)) {
                continue;
            }
            for (SleepPoint sleep : sleepPoints(method)) {
                Loop loop = new Loop(method.name, line(sleep.insn()), sleep.description());
                // javac copies catch and finally code, and with it a sleep: one finding per line
                if (!loops.contains(loop) && retriedAfterFailure(method, sleep.insn())
                        && fixedDelay(method, sleep.insn())) {
                    loops.add(loop);
                }
            }
        }
        return loops;
    }

    /** Methods that sleep a fixed delay on every call, found to a fixed point (a helper of a helper). */
    private void findSleepyHelpers() {
        for (int round = 0; round < 3; round++) {
            boolean grew = false;
            for (MethodNode method : node.methods) {
                String key = method.name + method.desc;
                if (sleepyHelpers.containsKey(key) || method.instructions.size() == 0
                        || DelayTrace.mentionsRandomness(method)) {
                    continue;
                }
                for (SleepPoint sleep : sleepPoints(method)) {
                    if (fixedDelay(method, sleep.insn())) {
                        sleepyHelpers.put(key, sleep.description());
                        grew = true;
                        break;
                    }
                }
            }
            if (!grew) {
                return;
            }
        }
    }

    static boolean isSleep(AbstractInsnNode insn) {
        if (!(insn instanceof MethodInsnNode call) || !call.name.equals("sleep")) {
            return false;
        }
        return (call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals("java/lang/Thread"))
                || (call.getOpcode() == Opcodes.INVOKEVIRTUAL && call.owner.equals("java/util/concurrent/TimeUnit"));
    }

    private List<SleepPoint> sleepPoints(MethodNode method) {
        List<SleepPoint> points = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (isSleep(insn)) {
                MethodInsnNode call = (MethodInsnNode) insn;
                points.add(new SleepPoint(call, call.owner.substring(call.owner.lastIndexOf('/') + 1) + ".sleep"));
            } else if (insn instanceof MethodInsnNode call && call.owner.equals(node.name)
                    && !(call.name + call.desc).equals(method.name + method.desc)
                    && sleepyHelpers.containsKey(call.name + call.desc)) {
                points.add(new SleepPoint(call, sleepyHelpers.get(call.name + call.desc) + " in " + call.name + "()"));
            }
        }
        return points;
    }

    /** A sleep's delay, or a sleeping helper's arguments, with no random part. */
    private boolean fixedDelay(MethodNode method, MethodInsnNode sleep) {
        return isSleep(sleep) ? delays.argumentFixed(method, sleep, 0) : delays.argumentsFixed(method, sleep);
    }

    /**
     * True when a try-catch block guards a call and catches a failure, the sleep follows its
     * handler before a next attempt, and a normal completion of the guarded code does not reach
     * the sleep.
     */
    private boolean retriedAfterFailure(MethodNode method, MethodInsnNode sleep) {
        InsnList insns = method.instructions;
        Flow flow = new Flow(insns);
        int at = insns.indexOf(sleep);
        for (AbstractInsnNode insn : insns) {
            if (insn instanceof JumpInsnNode jump) {
                int from = insns.indexOf(jump);
                int to = insns.indexOf(jump.label);
                if (to <= at && at <= from && failureDriven(method, flow, at, to, loopEnd(insns, to), true)) {
                    return true;
                }
            }
        }
        // a recursive retry: after the sleep, the method calls itself again
        if (failureDriven(method, flow, at, 0, insns.size() - 1, false)) {
            BitSet after = flow.reachable(at, 0, insns.size() - 1);
            for (int i = after.nextSetBit(0); i >= 0; i = after.nextSetBit(i + 1)) {
                if (insns.get(i) instanceof MethodInsnNode call && call.owner.equals(node.name)
                        && call.name.equals(method.name) && call.desc.equals(method.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean failureDriven(MethodNode method, Flow flow, int sleep, int low, int high, boolean loop) {
        InsnList insns = method.instructions;
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (block.type != null && block.type.equals("java/lang/InterruptedException")) {
                continue;
            }
            int start = insns.indexOf(block.start);
            int end = insns.indexOf(block.end);
            int handler = insns.indexOf(block.handler);
            if (start < low || end > high + 1 || handler < low || handler > high || !guardsACall(insns, start, end)) {
                continue;
            }
            BitSet success = flow.reachable(start, low, high);
            // a failure leads to the sleep; a success neither sleeps nor starts another round (in a
            // retry it returns or leaves the loop; an event loop or worker jumps back to the loop's
            // head for its next round)
            if (flow.reachable(handler, low, high).get(sleep) && !success.get(sleep)
                    && !(loop && jumpsBackTo(insns, success, low))
                    && (!loop || jumpsBackTo(insns, flow.reachable(sleep, low, high), low))) {
                return true; // and after the sleep, the loop goes on to the next attempt
            }
        }
        return false;
    }

    /** The last backward jump to {@code head}: the loop's body ends there, whichever jump got to the sleep. */
    private static int loopEnd(InsnList insns, int head) {
        int end = head;
        for (int i = head; i < insns.size(); i++) {
            if (insns.get(i) instanceof JumpInsnNode jump && insns.indexOf(jump.label) == head) {
                end = i;
            }
        }
        return end;
    }

    /** Whether any of the {@code reached} instructions is a jump to {@code head}. */
    private static boolean jumpsBackTo(InsnList insns, BitSet reached, int head) {
        for (int i = reached.nextSetBit(0); i >= 0; i = reached.nextSetBit(i + 1)) {
            if (insns.get(i) instanceof JumpInsnNode jump && insns.indexOf(jump.label) == head) {
                return true;
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

    private static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }
}
