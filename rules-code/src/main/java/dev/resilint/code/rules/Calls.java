package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Matching calls by owner and name. resilint imports only the classes it is given, so the owner
 * of a call into a library is usually a stub that knows its name but not its supertypes; owners
 * are matched by name first, and by supertype where the hierarchy is known (as in a team's own
 * ArchUnit tests, which resolve classes from the class path).
 */
final class Calls {

    private Calls() {
    }

    /** Every call (method and constructor) made by the classes of a group, outside compiler-made methods. */
    static List<JavaCall<?>> of(List<JavaClass> group) {
        List<JavaCall<?>> calls = new ArrayList<>();
        for (JavaClass c : group) {
            for (JavaCall<?> call : c.getCodeUnitCallsFromSelf()) {
                if (!CompilerMade.is(call.getOrigin())) {
                    calls.add(call);
                }
            }
        }
        return calls;
    }

    static String owner(JavaCall<?> call) {
        return call.getTargetOwner().getName();
    }

    static String name(JavaCall<?> call) {
        return call.getTarget().getName();
    }

    static int arity(JavaCall<?> call) {
        return call.getTarget().getRawParameterTypes().size();
    }

    static boolean isConstructor(JavaCall<?> call) {
        return call instanceof JavaConstructorCall;
    }

    /** The type of the {@code index}-th parameter of the called method. */
    static String parameter(JavaCall<?> call, int index) {
        List<JavaClass> params = call.getTarget().getRawParameterTypes();
        return index < params.size() ? params.get(index).getName() : "";
    }

    /** True when {@code type} is one of {@code names} or, where its hierarchy is known, a subtype of one. */
    static boolean isA(JavaClass type, Set<String> names) {
        if (names.contains(type.getName())) {
            return true;
        }
        for (JavaClass supertype : type.getAllRawSuperclasses()) {
            if (names.contains(supertype.getName())) {
                return true;
            }
        }
        for (JavaClass supertype : type.getAllRawInterfaces()) {
            if (names.contains(supertype.getName())) {
                return true;
            }
        }
        return false;
    }

    static boolean ownerIsA(JavaCall<?> call, Set<String> names) {
        return isA(call.getTargetOwner(), names);
    }

    static boolean ownerIn(JavaCall<?> call, String packagePrefix) {
        return owner(call).startsWith(packagePrefix);
    }

    /** Calls of {@code method} with {@code arity} parameters on an owner that is one of {@code owners}. */
    static Predicate<JavaCall<?>> method(Set<String> owners, String method, int arity) {
        return call -> !isConstructor(call) && name(call).equals(method) && arity(call) == arity
                && ownerIsA(call, owners);
    }

    /** Calls of any of {@code methods} on an owner in a package (or class name) starting with {@code prefix}. */
    static Predicate<JavaCall<?>> anyOf(String prefix, Set<String> methods) {
        return call -> !isConstructor(call) && ownerIn(call, prefix) && methods.contains(name(call));
    }

    static boolean any(List<JavaCall<?>> calls, Predicate<JavaCall<?>> predicate) {
        for (JavaCall<?> call : calls) {
            if (predicate.test(call)) {
                return true;
            }
        }
        return false;
    }

    /** The simple name of a binary class name: {@code HttpClient$Builder} for {@code java.net.http.HttpClient$Builder}. */
    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** How a message names a call: {@code HttpClient.Builder.build()}. */
    static String describe(JavaCall<?> call) {
        String owner = simpleName(owner(call)).replace('$', '.');
        return isConstructor(call) ? "new " + owner + "()" : owner + "." + name(call) + "()";
    }
}
