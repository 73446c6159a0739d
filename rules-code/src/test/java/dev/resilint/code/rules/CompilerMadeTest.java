package dev.resilint.code.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.resilint.code.fixtures.compliant.ForwardingFuture;
import dev.resilint.code.fixtures.firing.BlockingWaits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiler-made methods are told apart from the programmer's: a bridge that forwards a generic
 * {@code get()} is one, and no rule sees the calls a bridge makes; a lambda's synthetic body is
 * not (ArchUnit attributes its calls to the method that declares the lambda, and the bytecode
 * readers judge it and name it after that method).
 */
class CompilerMadeTest {

    @Test
    void aBridgeIsCompilerMadeAndItsCallsAreNotJudged() {
        JavaClass future = new ClassFileImporter().importClass(ForwardingFuture.class);
        List<JavaMethod> gets = future.getMethods().stream().filter(m -> m.getName().equals("get")
                && m.getRawParameterTypes().isEmpty()).toList();
        assertThat(gets).hasSize(2); // String get() and the bridge Object get()
        JavaMethod bridge = gets.stream().filter(m -> m.getModifiers().contains(JavaModifier.BRIDGE)).findFirst()
                .orElseThrow();
        assertThat(CompilerMade.is(bridge)).isTrue();
        // the bridge calls the real get(), a Future.get() to a rule that did not know better
        assertThat(bridge.getMethodCallsFromSelf()).isNotEmpty();
        assertThat(Calls.of(List.of(future))).noneMatch(call -> call.getOrigin().equals(bridge));
        assertThat(gets.stream().filter(m -> !CompilerMade.is(m))).hasSize(1);
    }

    @Test
    void aLambdaBodyIsTheProgrammersCode() {
        JavaClass waits = new ClassFileImporter().importClass(BlockingWaits.class);
        // ArchUnit attributes the calls of a lambda's synthetic body to the method that declares it
        assertThat(waits.getMethods()).noneMatch(m -> m.getName().startsWith("lambda$"));
        assertThat(Calls.of(List.of(waits))).anyMatch(call -> call.getOrigin().getName().equals("inLambda")
                && Calls.name(call).equals("join"));
        // the bytecode readers see the synthetic body itself, and judge it
        assertThat(CompilerMade.is(org.objectweb.asm.Opcodes.ACC_SYNTHETIC, "access$000")).isTrue();
        assertThat(CompilerMade.is(org.objectweb.asm.Opcodes.ACC_SYNTHETIC, "lambda$inLambda$0")).isFalse();
        assertThat(CompilerMade.is(org.objectweb.asm.Opcodes.ACC_BRIDGE | org.objectweb.asm.Opcodes.ACC_SYNTHETIC,
                "get")).isTrue();
    }

    @Test
    void aLambdaIsNamedAfterItsMethodUnlessJavacEightNamedItNull() {
        assertThat(Violation.memberName("lambda$retry$0")).isEqualTo("retry");
        assertThat(Violation.memberName("lambda$static$1")).isEqualTo("<clinit>");
        // javac 8 names a lambda nested in a lambda lambda$null$N: the enclosing method is not known
        assertThat(Violation.memberName("lambda$null$0")).isEqualTo("lambda$null$0");
    }
}
