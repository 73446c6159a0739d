package dev.resilint.code;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules used exactly as a team would use them in its own build, with {@code archunit-junit5}:
 * the compliant fixtures must pass every rule. (ArchUnit's JUnit 5 engine runs this class.)
 */
@AnalyzeClasses(packages = "dev.resilint.code.fixtures.compliant")
class CompliantArchTest {

    @ArchTest
    static final ArchRule sdkTimeouts = ResilienceRules.SDK_CLIENTS_SHOULD_SET_TIMEOUTS;

    @ArchTest
    static final ArchRule timeouts = ResilienceRules.HTTP_CLIENTS_SHOULD_SET_TIMEOUTS;

    @ArchTest
    static final ArchRule boundedWaits = ResilienceRules.BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS;

    @ArchTest
    static final ArchRule jitter = ResilienceRules.RETRIES_SHOULD_BACK_OFF_WITH_JITTER;

    @ArchTest
    static final ArchRule cacheExpiry = ResilienceRules.LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES;

    @ArchTest
    static final ArchRule clientReuse = ResilienceRules.LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS;
}
