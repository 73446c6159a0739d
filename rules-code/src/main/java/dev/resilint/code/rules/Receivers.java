package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Where the object a call is made on comes from, read from the bytecode (ArchUnit does not model
 * data flow): a builder, configuration or client that the method received as a parameter was
 * configured by its caller, so building it is not where a missing timeout is decided.
 */
final class Receivers {

    private Receivers() {
    }

    /**
     * True when the receiver of {@code call} is a parameter of the calling method, directly or
     * through a chain of calls on it ({@code builder.setX(...).build()}).
     */
    static boolean isParameter(JavaCall<?> call) {
        if (Calls.isConstructor(call)) {
            return false;
        }
        JavaCodeUnit origin = call.getOrigin();
        if (origin.getRawParameterTypes().isEmpty()) {
            return false;
        }
        Optional<ClassNode> read = classNode(call.getOriginOwner());
        if (read.isEmpty()) {
            return false;
        }
        ClassNode node = read.get();
        Optional<MethodNode> method = method(node, origin);
        if (method.isEmpty()) {
            return false;
        }
        DelayTrace frames = new DelayTrace(node, name -> Optional.empty());
        Optional<Frame<SourceValue>[]> all = frames.frames(node, method.get());
        if (all.isEmpty()) {
            return false;
        }
        String owner = call.getTargetOwner().getName().replace('.', '/');
        int line = 0;
        for (AbstractInsnNode insn : method.get().instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode invoke && invoke.owner.equals(owner)
                    && invoke.name.equals(Calls.name(call)) && line == call.getLineNumber()
                    && receiverIsParameter(method.get(), all.get(), invoke, new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean receiverIsParameter(MethodNode method, Frame<SourceValue>[] all, MethodInsnNode invoke,
            Set<AbstractInsnNode> seen) {
        if (invoke.getOpcode() == Opcodes.INVOKESTATIC || !seen.add(invoke)) {
            return false;
        }
        Frame<SourceValue> frame = all[method.instructions.indexOf(invoke)];
        if (frame == null) {
            return false;
        }
        int args = Type.getArgumentTypes(invoke.desc).length;
        SourceValue receiver = frame.getStack(frame.getStackSize() - args - 1);
        return !receiver.insns.isEmpty() && receiver.insns.stream().allMatch(insn -> fromParameter(method, all, insn,
                seen));
    }

    private static boolean fromParameter(MethodNode method, Frame<SourceValue>[] all, AbstractInsnNode insn,
            Set<AbstractInsnNode> seen) {
        if (insn.getOpcode() == Opcodes.CHECKCAST) {
            Frame<SourceValue> frame = all[method.instructions.indexOf(insn)];
            return frame != null && frame.getStack(frame.getStackSize() - 1).insns.stream()
                    .allMatch(i -> fromParameter(method, all, i, seen));
        }
        if (insn instanceof VarInsnNode load && insn.getOpcode() == Opcodes.ALOAD) {
            boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
            if (!isStatic && load.var == 0) {
                return false; // this
            }
            Frame<SourceValue> frame = all[method.instructions.indexOf(insn)];
            // a local that no instruction of the method stored: the value the method was called with
            return frame != null && frame.getLocal(load.var).insns.isEmpty()
                    && load.var < parameterSlots(method, isStatic);
        }
        // a fluent chain on the parameter: builder.setX(...).build()
        return insn instanceof MethodInsnNode chained && receiverIsParameter(method, all, chained, seen);
    }

    private static int parameterSlots(MethodNode method, boolean isStatic) {
        return (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - (isStatic ? 1 : 0);
    }

    /** The class file of an imported class, read with ASM. */
    static Optional<ClassNode> classNode(JavaClass owner) {
        try {
            return ClassBytes.of(owner).map(RetryLoops::read);
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable: cannot tell
        }
    }

    /** The ASM method of an ArchUnit code unit, matched by name and parameter types. */
    static Optional<MethodNode> method(ClassNode node, JavaCodeUnit unit) {
        String name = unit.isConstructor() ? "<init>" : unit.getName();
        List<JavaClass> params = unit.getRawParameterTypes();
        for (MethodNode m : node.methods) {
            if (!m.name.equals(name)) {
                continue;
            }
            Type[] types = Type.getArgumentTypes(m.desc);
            if (types.length != params.size()) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < types.length && same; i++) {
                String expected = types[i].getSort() == Type.ARRAY ? types[i].getDescriptor().replace('/', '.')
                        : types[i].getClassName();
                same = expected.equals(params.get(i).getName());
            }
            if (same) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
