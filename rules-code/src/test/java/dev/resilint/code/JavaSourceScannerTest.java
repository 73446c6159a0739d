package dev.resilint.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.code.JavaSourceScanner.Declaration;
import dev.resilint.code.JavaSourceScanner.Suppress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declarations and {@code @SuppressWarnings("resilint:...")} read from Java source text. */
class JavaSourceScannerTest {

    private static List<String> describe(String source) {
        return JavaSourceScanner.scan(source).stream().map(JavaSourceScannerTest::describe).toList();
    }

    private static String describe(Declaration d) {
        StringBuilder sb = new StringBuilder(d.className());
        if (!d.member().isEmpty()) {
            sb.append('#').append(d.member());
        }
        sb.append(':').append(d.line());
        for (Suppress s : d.suppressions()) {
            sb.append(" ").append(s.ruleId()).append('@').append(s.line());
            if (!s.comment().isEmpty()) {
                sb.append(" (").append(s.comment()).append(')');
            }
        }
        return sb.toString();
    }

    @Test
    void classesNestedClassesMethodsAndConstructors() {
        assertThat(describe("""
                package com.acme;

                import java.util.List;

                @SuppressWarnings("resilint:CT01") // shared client, timeouts from the proxy
                public class Orders {
                    private final int size = compute(1);

                    public Orders() {
                    }

                    @SuppressWarnings({"unchecked", "resilint:ct03"})
                    <T> List<T> all(@Deprecated(since = "1") int limit) throws Exception {
                        return null;
                    }

                    static final class Worker implements Runnable {
                        @SuppressWarnings(value = "resilint:CR01")
                        public void run() { }
                    }

                    interface Port {
                        @SuppressWarnings("resilint:CT02") String call();
                    }

                    enum Mode { FAST, SLOW; void flip() { } }

                    record Pair(int a, int b) {
                        int sum() { return a + b; }
                    }
                }
                """)).containsExactly(
                "com.acme.Orders:6 CT01@5 (shared client, timeouts from the proxy)",
                "com.acme.Orders#<init>:9",
                "com.acme.Orders#all:13 CT03@12",
                "com.acme.Orders$Worker:17",
                "com.acme.Orders$Worker#run:19 CR01@18",
                "com.acme.Orders$Port:22",
                "com.acme.Orders$Port#call:23 CT02@23",
                "com.acme.Orders$Mode:26",
                "com.acme.Orders$Mode#flip:26",
                "com.acme.Orders$Pair:28",
                "com.acme.Orders$Pair#sum:29");
    }

    @Test
    void bracesAndAnnotationsInCommentsStringsAndTextBlocksDoNotCount() {
        assertThat(describe("""
                package p;
                /* @SuppressWarnings("resilint:CT01") class Fake { */
                class A {
                    // @SuppressWarnings("resilint:CT01") void fake() {
                    String s = "} class B { @SuppressWarnings(\\"resilint:CT01\\")";
                    char c = '}';
                    String block = \"""
                        } } {
                        \""";
                    void m() {
                        Runnable r = new Runnable() {
                            @SuppressWarnings("resilint:CT01") public void run() { }
                        };
                        if (true) { class Local { void x() { } } }
                    }
                    Runnable field = () -> { System.out.println("{"); };
                    @SuppressWarnings("resilint:CC01")
                    void after() { }
                }
                """)).containsExactly("p.A:3", "p.A#m:10", "p.A#after:18 CC01@17");
    }

    @Test
    void aClassWithoutPackageAndAnAnnotationType() {
        assertThat(describe("""
                @SuppressWarnings("resilint:CL01")
                public @interface Marker {
                    String value() default "";
                }
                class Second extends Object { }
                """)).containsExactly("Marker:2 CL01@1", "Marker#value:3", "Second:5");
    }

    @Test
    void otherAnnotationsAndOtherWarningsAreIgnored() {
        assertThat(describe("""
                package p;
                @Deprecated
                @SuppressWarnings("unchecked")
                class A {
                    @Override @SuppressWarnings("resilint:") public String toString() { return ""; }
                }
                """)).containsExactly("p.A:4", "p.A#toString:5 @5");
    }
}
