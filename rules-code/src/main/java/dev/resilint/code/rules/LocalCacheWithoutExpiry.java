package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CC01: a Caffeine or Guava cache built without any expiry or refresh. What it fires on and when it
 * stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES} runs it as an
 * ArchUnit rule.
 */
public final class LocalCacheWithoutExpiry extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CC01", LocalCacheWithoutExpiry.class)
            .severity(Severity.WARNING)
            .summary("A Caffeine or Guava cache is built without any expiry or refresh.")
            .rationale("An in-process cache without expiry serves an entry until it is evicted for size, which for a "
                    + "hot key is never: a changed price, a revoked permission or a failed-over endpoint stays wrong "
                    + "in every instance until it restarts. Each instance also holds a different state, so behaviour "
                    + "depends on which one answers.")
            .remediation("Give the cache a time bound that matches how stale the data may be: `expireAfterWrite` "
                    + "(or `refreshAfterWrite` to reload in the background and keep serving during an outage of the "
                    + "source), `expireAfterAccess`, or a per-entry `expireAfter(Expiry)` with Caffeine. Keep a "
                    + "`maximumSize` as well.")
            .wellArchitected("REL05-BP03")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES", ResilienceRules.SOURCE_URL))
            .tags("cache", "ttl", "code")
            .sources(SourceKind.CODE)
            .reads("com.github.benmanes.caffeine.cache.Caffeine", "com.google.common.cache.CacheBuilder")
            .firesOn("A Caffeine (`Caffeine.newBuilder()...build()`, `buildAsync()`) or Guava "
                    + "(`CacheBuilder.newBuilder()...build()`) cache built in a class that never calls "
                    + "`expireAfterWrite`, `expireAfterAccess`, `refreshAfterWrite` or `expireAfter` on that "
                    + "library's builder. A size bound alone does not count: it evicts the least used entries, not "
                    + "the stale ones.")
            .quietWhen("Builders made from a specification (`Caffeine.from(spec)`, `CacheBuilder.from(spec)`), whose "
                            + "expiry resilint cannot see.",
                    "Caches with `weakKeys()`: they hold data derived from the key object itself (per class, per "
                            + "classloader, per request), which lives exactly as long as the key; there is no source "
                            + "that could change behind the cache's back.")
            .build();

    private static final Set<String> EXPIRY = Set.of("expireAfterWrite", "expireAfterAccess", "refreshAfterWrite",
            "expireAfter");
    /** Weak keys: an entry lives as long as its key (a class, a classloader, a request object) and no longer. */
    private static final String WEAK_KEYS = "weakKeys";

    /** The cache builders judged, built when the rule first runs, not when its metadata is read. */
    private static final class Builders {
        static final ClientFamily CAFFEINE = cacheFamily("com.github.benmanes.caffeine.cache.Caffeine",
                Set.of("build", "buildAsync"), "Caffeine");
        static final ClientFamily GUAVA = cacheFamily("com.google.common.cache.CacheBuilder", Set.of("build"),
                "Guava");
    }

    private static ClientFamily cacheFamily(String builder, Set<String> builds, String library) {
        return ClientFamily.anyOf(
                call -> !isConstructor(call) && owner(call).equals(builder) && builds.contains(name(call)),
                call -> !isConstructor(call) && owner(call).equals(builder)
                        && (EXPIRY.contains(name(call)) || name(call).equals(WEAK_KEYS)),
                call -> !isConstructor(call) && owner(call).equals(builder) && name(call).equals("from"),
                ClientFamily.NONE,
                (JavaCall<?> call) -> library + " cache is built (" + Calls.describe(call) + ") with no expiry: nothing in "
                        + "the class calls expireAfterWrite, expireAfterAccess, refreshAfterWrite or expireAfter, so "
                        + "entries stay, however stale, until evicted for size; add expireAfterWrite(...) or "
                        + "refreshAfterWrite(...)");
    }

    public LocalCacheWithoutExpiry() {
        super("give the local caches they build an expiry");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        List<JavaCall<?>> own = ownCalls(item);
        Builders.CAFFEINE.check(item, own, () -> callsOf(group), "cache", out);
        Builders.GUAVA.check(item, own, () -> callsOf(group), "cache", out);
    }
}
