package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The data flow of one class file's methods, for what ArchUnit cannot see: the arguments of a
 * call. A rule asks where an argument comes from ({@link #origin}) and whether it is a provable
 * constant ({@link #constant}): a literal, a boxed literal, or a {@code Duration} of literals. A
 * value with more than one source (a branch), or one computed by any other call, is not a constant:
 * rules stay quiet on it.
 */
final class MethodFlow {

    /** Where a value comes from, as far as one method can tell. */
    enum Kind {
        /** a literal, a boxed literal or a {@code Duration} of literals */
        CONSTANT,
        /** a parameter of the method, or a field: configured by someone else */
        GIVEN,
        /** a new object: {@link Origin#owner()} is its class */
        NEW,
        /** the result of a call: {@link Origin#owner()} and {@link Origin#name()} name it */
        CALL,
        /** anything else, or more than one source */
        UNKNOWN
    }

    /**
     * One value's origin.
     *
     * @param kind what the value is
     * @param owner the class of a new object or called method (internal name), else empty
     * @param name the called method, else empty
     * @param insn the instruction that makes the value, or null
     */
    record Origin(Kind kind, String owner, String name, AbstractInsnNode insn) {
        static final Origin UNKNOWN = new Origin(Kind.UNKNOWN, "", "", null);
    }

    private final ClassNode node;
    private final Map<MethodNode, Frame<SourceValue>[]> frames = new IdentityHashMap<>();

    private MethodFlow(ClassNode node) {
        this.node = node;
    }

    /** A parsed class file and the data flow of its methods. */
    record Parsed(ClassNode node, MethodFlow flow) {
    }

    /** The class file of {@code type}, parsed; empty when it cannot be read (then nothing is proven). */
    static Optional<MethodFlow> of(JavaClass type) {
        return classFile(type).flatMap(MethodFlow::parse).map(Parsed::flow);
    }

    /** A class file's bytes, parsed; empty when they are not a readable class file. */
    static Optional<Parsed> parse(byte[] bytes) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            return Optional.of(new Parsed(node, new MethodFlow(node)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bytes of the class file {@code type} was imported from. */
    static Optional<byte[]> classFile(JavaClass type) {
        Optional<Source> source = type.getSource();
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            URLConnection connection = source.get().getUri().toURL().openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The methods with code, compiler-made bridges left out. */
    List<MethodNode> methods() {
        List<MethodNode> methods = new ArrayList<>();
        for (MethodNode m : node.methods) {
            if (m.instructions.size() > 0 && (m.access & Opcodes.ACC_BRIDGE) == 0) {
                methods.add(m);
            }
        }
        return methods;
    }

    /** The calls of a method, in order. */
    static List<MethodInsnNode> calls(MethodNode method) {
        List<MethodInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call) {
                calls.add(call);
            }
        }
        return calls;
    }

    /**
     * The origin of the {@code index}-th argument of {@code call} (0 is the first declared
     * parameter; the receiver is not counted), or of the receiver for {@code index == -1}.
     */
    Origin argument(MethodNode method, MethodInsnNode call, int index) {
        Frame<SourceValue> frame = frame(method, call);
        if (frame == null) {
            return Origin.UNKNOWN;
        }
        int count = Type.getArgumentTypes(call.desc).length;
        int slot = frame.getStackSize() - count + index;
        if (slot < 0 || slot >= frame.getStackSize()) {
            return Origin.UNKNOWN;
        }
        return origin(method, frame.getStack(slot), new HashSet<>());
    }

    /**
     * The origin of the value {@code fromTop} places below the top of the stack just before
     * {@code insn} (0 is the top): the operands of a comparison, for instance.
     */
    Origin operand(MethodNode method, AbstractInsnNode insn, int fromTop) {
        Frame<SourceValue> frame = frame(method, insn);
        if (frame == null || frame.getStackSize() <= fromTop) {
            return Origin.UNKNOWN;
        }
        return origin(method, frame.getStack(frame.getStackSize() - 1 - fromTop), new HashSet<>());
    }

    /** The constant value of an origin: an {@code Integer}, {@code Long}, {@code String} or {@code Duration}. */
    Optional<Object> constant(MethodNode method, Origin origin) {
        if (origin.kind() != Kind.CONSTANT) {
            return Optional.empty();
        }
        return Optional.ofNullable(value(method, origin.insn(), 0));
    }

    private Object value(MethodNode method, AbstractInsnNode insn, int depth) {
        if (depth > 8) {
            return null;
        }
        if (insn instanceof LdcInsnNode ldc) {
            return ldc.cst instanceof Type ? null : ldc.cst;
        }
        if (insn instanceof IntInsnNode push && (insn.getOpcode() == Opcodes.BIPUSH || insn.getOpcode() == Opcodes.SIPUSH)) {
            return push.operand;
        }
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return (long) (op - Opcodes.LCONST_0);
        }
        if (op == Opcodes.I2L) {
            Object v = stackValue(method, insn, 0, depth);
            return v instanceof Integer i ? Long.valueOf(i) : null;
        }
        if (insn instanceof MethodInsnNode call) {
            Type[] args = Type.getArgumentTypes(call.desc);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                Object v = stackValue(method, insn, args.length - 1 - i, depth);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            if (BOXES.contains(call.owner) && call.name.equals("valueOf")) {
                return values.get(0);
            }
            if (call.owner.equals("java/time/Duration") && values.size() == 1 && values.get(0) instanceof Number n) {
                long amount = n.longValue();
                return switch (call.name) {
                    case "ofMillis" -> Duration.ofMillis(amount);
                    case "ofSeconds" -> Duration.ofSeconds(amount);
                    case "ofMinutes" -> Duration.ofMinutes(amount);
                    case "ofHours" -> Duration.ofHours(amount);
                    case "ofNanos" -> Duration.ofNanos(amount);
                    default -> null;
                };
            }
        }
        return null;
    }

    /** The value {@code fromTop} places below the top of the stack just before {@code insn}. */
    private Object stackValue(MethodNode method, AbstractInsnNode insn, int fromTop, int depth) {
        Frame<SourceValue> frame = frame(method, insn);
        if (frame == null || frame.getStackSize() <= fromTop) {
            return null;
        }
        SourceValue v = frame.getStack(frame.getStackSize() - 1 - fromTop);
        if (v.insns.size() != 1) {
            return null;
        }
        AbstractInsnNode source = v.insns.iterator().next();
        if (source instanceof VarInsnNode || source.getOpcode() == Opcodes.DUP) {
            Origin o = origin(method, v, new HashSet<>());
            return o.kind() == Kind.CONSTANT ? value(method, o.insn(), depth + 1) : null;
        }
        return value(method, source, depth + 1);
    }

    private static final Set<String> BOXES = Set.of("java/lang/Integer", "java/lang/Long", "java/lang/Short",
            "java/lang/Byte");

    private Origin origin(MethodNode method, SourceValue value, Set<AbstractInsnNode> seen) {
        if (value.insns.size() != 1) {
            return Origin.UNKNOWN;
        }
        AbstractInsnNode insn = value.insns.iterator().next();
        if (!seen.add(insn)) {
            return Origin.UNKNOWN;
        }
        int op = insn.getOpcode();
        if (insn instanceof LdcInsnNode || insn instanceof IntInsnNode && op != Opcodes.NEWARRAY
                || (insn instanceof InsnNode && op >= Opcodes.ICONST_M1 && op <= Opcodes.DCONST_1)) {
            return new Origin(Kind.CONSTANT, "", "", insn);
        }
        if (insn instanceof FieldInsnNode field && (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC)) {
            return new Origin(Kind.GIVEN, field.owner, field.name, insn);
        }
        if (insn instanceof TypeInsnNode type && op == Opcodes.NEW) {
            return new Origin(Kind.NEW, type.desc, "", insn);
        }
        Frame<SourceValue> frame = frame(method, insn);
        if (frame == null) {
            return Origin.UNKNOWN;
        }
        if (insn instanceof VarInsnNode load && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            SourceValue local = frame.getLocal(load.var);
            if (local.insns.isEmpty()) {
                return new Origin(Kind.GIVEN, "", "", insn); // a parameter: nothing stored to it here
            }
            return origin(method, local, seen);
        }
        if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE || op == Opcodes.DUP || op == Opcodes.CHECKCAST) {
            return origin(method, frame.getStack(frame.getStackSize() - 1), seen);
        }
        if (insn instanceof MethodInsnNode call) {
            Object constant = value(method, call, 0);
            if (constant != null) {
                return new Origin(Kind.CONSTANT, call.owner, call.name, insn);
            }
            return new Origin(Kind.CALL, call.owner, call.name, insn);
        }
        return Origin.UNKNOWN;
    }

    /**
     * The receiver chain of a builder call: {@code b.ex(10).nx()} gives the calls {@code nx},
     * {@code ex} and then the origin of {@code b}; the last origin is where the chain starts.
     */
    List<Origin> chain(MethodNode method, Origin start) {
        List<Origin> chain = new ArrayList<>();
        Origin current = start;
        for (int i = 0; i < 32; i++) {
            chain.add(current);
            if (current.kind() != Kind.CALL || !(current.insn() instanceof MethodInsnNode call)
                    || call.getOpcode() == Opcodes.INVOKESTATIC) {
                break;
            }
            current = argument(method, call, -1);
        }
        return chain;
    }

    private Frame<SourceValue> frame(MethodNode method, AbstractInsnNode insn) {
        Frame<SourceValue>[] all = frames.computeIfAbsent(method, m -> {
            try {
                return new Analyzer<>(new SourceInterpreter()).analyze(node.name, m);
            } catch (AnalyzerException | RuntimeException e) {
                @SuppressWarnings("unchecked")
                Frame<SourceValue>[] none = new Frame[0];
                return none; // unusual bytecode: nothing is proven
            }
        });
        int index = method.instructions.indexOf(insn);
        return index < all.length ? all[index] : null;
    }

    /** The source line of an instruction, from the nearest line number before it, or 0. */
    static int line(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn; p != null; p = p.getPrevious()) {
            if (p instanceof LineNumberNode line) {
                return line.line;
            }
        }
        return 0;
    }

    /** {@code a/b/C$D} as {@code a.b.C$D}. */
    static String className(String internalName) {
        return internalName.replace('/', '.');
    }
}
