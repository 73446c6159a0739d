package dev.resilint.code;

import dev.resilint.code.rules.ClientCreatedPerInvocation;
import dev.resilint.code.rules.HttpClientWithoutTimeouts;
import dev.resilint.code.rules.LocalCacheWithoutExpiry;
import dev.resilint.code.rules.RemoteCacheWriteWithoutTtl;
import dev.resilint.code.rules.RetryWithoutBackoffJitter;
import dev.resilint.code.rules.SdkClientWithoutTimeouts;
import dev.resilint.code.rules.SdkRetriesDisabled;
import dev.resilint.code.rules.UnboundedBlockingWait;
import dev.resilint.code.rules.UnboundedExecutor;
import dev.resilint.core.RuleMetadata;
import java.util.Comparator;
import java.util.List;

/**
 * Every code rule, sorted by id: its metadata and its {@link ResilienceRules} constant. Add a new
 * rule here, in both lists. The metadata is kept apart from the ArchUnit rules, so that a command
 * that only lists or names the rules ({@code resilint check} on templates, {@code resilint rules})
 * does not build ArchUnit's rule definitions.
 */
public final class CodeRules {

    private static final List<RuleMetadata> METADATA = List.of(SdkClientWithoutTimeouts.METADATA,
            HttpClientWithoutTimeouts.METADATA, UnboundedBlockingWait.METADATA, RetryWithoutBackoffJitter.METADATA,
            LocalCacheWithoutExpiry.METADATA, ClientCreatedPerInvocation.METADATA, SdkRetriesDisabled.METADATA,
            UnboundedExecutor.METADATA, RemoteCacheWriteWithoutTtl.METADATA)
            .stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();

    /** The rules themselves, built when first asked for. */
    private static final class Rules {
        static final List<CodeRule> ALL = List.of(
                new CodeRule(SdkClientWithoutTimeouts.METADATA, ResilienceRules.SDK_CLIENTS_SHOULD_SET_TIMEOUTS),
                new CodeRule(HttpClientWithoutTimeouts.METADATA, ResilienceRules.HTTP_CLIENTS_SHOULD_SET_TIMEOUTS),
                new CodeRule(UnboundedBlockingWait.METADATA, ResilienceRules.BLOCKING_WAITS_SHOULD_HAVE_TIMEOUTS),
                new CodeRule(RetryWithoutBackoffJitter.METADATA, ResilienceRules.RETRIES_SHOULD_BACK_OFF_WITH_JITTER),
                new CodeRule(LocalCacheWithoutExpiry.METADATA, ResilienceRules.LOCAL_CACHES_SHOULD_EXPIRE_ENTRIES),
                new CodeRule(ClientCreatedPerInvocation.METADATA, ResilienceRules.LAMBDA_HANDLERS_SHOULD_REUSE_CLIENTS),
                new CodeRule(SdkRetriesDisabled.METADATA, ResilienceRules.SDK_CLIENTS_SHOULD_RETRY),
                new CodeRule(UnboundedExecutor.METADATA, ResilienceRules.EXECUTORS_SHOULD_BE_BOUNDED),
                new CodeRule(RemoteCacheWriteWithoutTtl.METADATA, ResilienceRules.REMOTE_CACHE_WRITES_SHOULD_EXPIRE))
                .stream().sorted(Comparator.comparing(CodeRule::id)).toList();
    }

    private CodeRules() {
    }

    public static List<CodeRule> all() {
        return Rules.ALL;
    }

    /** The rules' metadata, in the order of {@link #all()}, without building the ArchUnit rules. */
    public static List<RuleMetadata> metadata() {
        return METADATA;
    }
}
