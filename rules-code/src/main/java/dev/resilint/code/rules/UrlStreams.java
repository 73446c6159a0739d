package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The HTTP URL reads of CT02 that no setter can fix where they stand: {@code URL.openStream()}
 * (which opens a connection with the JDK's default of no timeouts and offers no way to set one),
 * and a connection from {@code URL.openConnection()} handed to another method or constructor in a
 * class that sets no timeout on any connection. Only where the URL is an HTTP one: the method
 * names an {@code http://} or {@code https://} address, or casts to {@code HttpURLConnection};
 * {@code openStream} and {@code openConnection} also read class path resources and files, which
 * need no timeouts.
 */
final class UrlStreams {

    private static final String URL = "java.net.URL";
    private static final Set<String> TIMEOUT_SETTERS = Set.of("setConnectTimeout", "setReadTimeout");

    private UrlStreams() {
    }

    static void check(List<JavaCall<?>> ownCalls, List<JavaCall<?>> groupCalls, boolean connectionsJudged,
            Consumer<Violation> out) {
        boolean setsTimeouts = Calls.any(groupCalls, c -> !isConstructor(c) && TIMEOUT_SETTERS.contains(name(c))
                && Calls.ownerIsA(c, Set.of("java.net.URLConnection", "java.net.HttpURLConnection",
                        "javax.net.ssl.HttpsURLConnection")));
        for (JavaCall<?> call : ownCalls) {
            if (isConstructor(call) || !owner(call).equals(URL) || Calls.arity(call) != 0) {
                continue;
            }
            boolean stream = name(call).equals("openStream");
            boolean connection = name(call).equals("openConnection") && !connectionsJudged && !setsTimeouts;
            if (!stream && !connection) {
                continue;
            }
            Optional<MethodNode> method = methodOf(call.getOrigin());
            if (method.isEmpty() || !http(method.get())) {
                continue;
            }
            if (stream) {
                out.accept(Violation.at(call, "URL.openStream() reads an HTTP address with the JDK's default of no "
                        + "connect or read timeout, and cannot be given one; open the connection with "
                        + "openConnection(), call setConnectTimeout and setReadTimeout, then getInputStream()",
                        "http:URL.openStream()"));
            } else if (handedOn(method.get(), call)) {
                out.accept(Violation.at(call, "URL.openConnection() opens an HTTP connection that is handed to "
                        + "another method, and nothing in the class calls setConnectTimeout or setReadTimeout on "
                        + "any connection; the JDK's default is to wait forever, so set both before handing it on",
                        "http:URL.openConnection()"));
            }
        }
    }

    private static Optional<MethodNode> methodOf(JavaCodeUnit unit) {
        JavaClass owner = unit.getOwner();
        Optional<ClassNode> node = Receivers.classNode(owner);
        return node.flatMap(n -> Receivers.method(n, unit));
    }

    /** The method names an HTTP address or casts to an HTTP connection. */
    private static boolean http(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text
                    && (text.startsWith("http://") || text.startsWith("https://"))) {
                return true;
            }
            if (insn instanceof TypeInsnNode type && insn.getOpcode() == Opcodes.CHECKCAST
                    && (type.desc.equals("java/net/HttpURLConnection")
                            || type.desc.equals("javax/net/ssl/HttpsURLConnection"))) {
                return true;
            }
        }
        return false;
    }

    /** The connection that {@code open} returns is an argument of a later call or constructor. */
    private static boolean handedOn(MethodNode method, JavaCall<?> open) {
        ClassNode owner = Receivers.classNode(open.getOriginOwner()).orElse(null);
        if (owner == null) {
            return false;
        }
        Optional<Frame<SourceValue>[]> frames = new DelayTrace(owner, n -> Optional.empty()).frames(owner, method);
        if (frames.isEmpty()) {
            return false;
        }
        int line = 0;
        AbstractInsnNode opened = null;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call && call.owner.equals("java/net/URL")
                    && call.name.equals("openConnection") && line == open.getLineNumber()) {
                opened = insn;
                break;
            }
        }
        if (opened == null) {
            return false;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (!(insn instanceof MethodInsnNode call) || call.owner.startsWith("java/net/")
                    || call.owner.startsWith("javax/net/")) {
                continue; // a call on the connection itself is not handing it on
            }
            Frame<SourceValue> frame = frames.get()[method.instructions.indexOf(insn)];
            if (frame == null) {
                continue;
            }
            int args = Type.getArgumentTypes(call.desc).length;
            for (int i = 0; i < args; i++) {
                if (carries(frames.get(), method, frame.getStack(frame.getStackSize() - 1 - i), opened, 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean carries(Frame<SourceValue>[] frames, MethodNode method, SourceValue value,
            AbstractInsnNode opened, int depth) {
        if (depth > 8) {
            return false;
        }
        for (AbstractInsnNode insn : value.insns) {
            if (insn == opened) {
                return true;
            }
            int op = insn.getOpcode();
            Frame<SourceValue> frame = frames[method.instructions.indexOf(insn)];
            if (frame == null) {
                continue;
            }
            if (op == Opcodes.CHECKCAST || op == Opcodes.ASTORE || op == Opcodes.DUP) {
                if (carries(frames, method, frame.getStack(frame.getStackSize() - 1), opened, depth + 1)) {
                    return true;
                }
            } else if (op == Opcodes.ALOAD) {
                int var = ((org.objectweb.asm.tree.VarInsnNode) insn).var;
                if (carries(frames, method, frame.getLocal(var), opened, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
