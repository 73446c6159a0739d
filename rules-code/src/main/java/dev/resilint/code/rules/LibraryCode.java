package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaAccess;
import java.util.List;

/**
 * Library code that defines the API a rule judges: Apache HttpClient's own {@code HttpClients}
 * building a client with its defaults, resilience4j's registries starting from
 * {@code RetryConfig.ofDefaults()}, the AWS SDK building its own default clients. Such code is the
 * default that the rules warn users about, not a use of it; a team judging its own code never
 * sees it, and findings in it would only repeat the rule's own description. So a call into a
 * library from a class of the same library (the same package root) is not judged.
 */
final class LibraryCode {

    /** The package roots of the libraries whose APIs the code rules judge. */
    private static final List<String> ROOTS = List.of("org.apache.http.", "org.apache.hc.",
            "software.amazon.awssdk.", "io.github.resilience4j.", "org.springframework.",
            "com.github.benmanes.caffeine.", "com.google.common.", "java.", "javax.");

    private LibraryCode() {
    }

    /** True when the access is from a class of the very library whose API it calls. */
    static boolean definesTheApi(JavaAccess<?> access) {
        String target = access.getTargetOwner().getName();
        String origin = access.getOriginOwner().getName();
        for (String root : ROOTS) {
            if (target.startsWith(root) && origin.startsWith(root)) {
                return true;
            }
        }
        return false;
    }
}
