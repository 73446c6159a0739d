package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.Source;
import java.util.Objects;

/**
 * One place a code rule objects to. It is the object behind each ArchUnit violation event, so
 * that resilint can turn ArchUnit's verdicts into findings without parsing messages.
 *
 * @param owner the class the problem is in
 * @param member the method ({@code <init>} for a constructor, {@code <clinit>} for static
 *     initialization), or the empty string for the class as a whole
 * @param line 1-based line from the class file's line table, or 0
 * @param atDeclaration true when the problem is the declaration itself (an annotation), so that a
 *     resolved source file may point at the declaration line instead
 * @param message what is wrong and how to fix it, without the location
 * @param key what exactly was found (the call, say), to keep fingerprints of several problems in
 *     one member apart
 */
public record Violation(JavaClass owner, String member, int line, boolean atDeclaration, String message,
        String key) {

    public Violation {
        Objects.requireNonNull(owner, "owner");
        member = member == null ? "" : member;
        Objects.requireNonNull(message, "message");
        key = key == null ? "" : key;
    }

    /** A problem at a call or other access: its line and the method it is in. */
    public static Violation at(JavaAccess<?> access, String message, String key) {
        return new Violation(access.getOriginOwner(), memberName(access.getOrigin()), access.getLineNumber(), false,
                message, key);
    }

    /** A problem with a method's declaration (its annotations). */
    public static Violation onDeclaration(JavaCodeUnit unit, String message, String key) {
        return new Violation(unit.getOwner(), memberName(unit), unit.getSourceCodeLocation().getLineNumber(), true,
                message, key);
    }

    /** A problem with a class's declaration. */
    public static Violation onDeclaration(JavaClass owner, String message, String key) {
        return new Violation(owner, "", 0, true, message, key);
    }

    /**
     * How findings name a code unit: its name, with a lambda's synthetic method named after the
     * method that declares the lambda.
     */
    public static String memberName(JavaCodeUnit unit) {
        return memberName(unit.getName());
    }

    /**
     * {@code lambda$retry$0} becomes {@code retry}; other names stay, and so does a lambda nested in
     * a lambda as javac 8 names it ({@code lambda$null$0}): its enclosing method is not in its name.
     */
    public static String memberName(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.lastIndexOf('$');
            if (end > "lambda$".length()) {
                String enclosing = name.substring("lambda$".length(), end);
                if (enclosing.equals("null")) {
                    return name;
                }
                return enclosing.equals("static") ? "<clinit>" : enclosing.equals("new") ? "<init>" : enclosing;
            }
        }
        return name;
    }

    /** The message with the place, as ArchUnit reports it: {@code ... in (Orders.java:42)}. */
    public String description() {
        String file = owner.getSource().flatMap(Source::getFileName).orElse(owner.getSimpleName() + ".java");
        String where = member.isEmpty() ? owner.getName() : owner.getName() + "." + member + "()";
        return where + ": " + message + " in (" + file + ":" + line + ")";
    }
}
