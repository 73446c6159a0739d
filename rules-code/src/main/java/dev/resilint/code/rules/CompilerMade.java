package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.objectweb.asm.Opcodes;

/**
 * Methods the compiler made rather than the programmer: bridge methods (a {@code get()} returning
 * {@code Object} that forwards to the real {@code get()}), accessors and other synthetic methods.
 * No code rule reports inside them: the problem, if any, is in the method they forward to, which
 * is judged itself. A lambda's body is synthetic too, but it is the programmer's code; it is judged,
 * and its findings are attributed to the method that declares the lambda
 * ({@link Violation#memberName(String)}).
 */
final class CompilerMade {

    private CompilerMade() {
    }

    static boolean is(JavaCodeUnit unit) {
        return unit.getModifiers().contains(JavaModifier.BRIDGE)
                || (unit.getModifiers().contains(JavaModifier.SYNTHETIC) && !isLambdaBody(unit.getName()));
    }

    /** The same for a method read with ASM, by its access flags and name. */
    static boolean is(int access, String name) {
        return (access & Opcodes.ACC_BRIDGE) != 0
                || ((access & Opcodes.ACC_SYNTHETIC) != 0 && !isLambdaBody(name));
    }

    /** {@code lambda$retry$0}: the body of a lambda, compiled into a synthetic method. */
    static boolean isLambdaBody(String name) {
        return name.startsWith("lambda$");
    }
}
