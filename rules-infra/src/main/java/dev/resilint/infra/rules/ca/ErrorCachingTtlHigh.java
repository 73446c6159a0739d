package dev.resilint.infra.rules.ca;

import dev.resilint.core.Location;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Optional;

/**
 * CA03: a CloudFront distribution that keeps server errors (5xx) cached at the edge for more than a
 * minute, so an outage of a few seconds is served to viewers for minutes after the origin has
 * recovered. What it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class ErrorCachingTtlHigh extends ResourceRule {

    /** Longest error caching accepted, in seconds. */
    static final long LIMIT_SECONDS = 60;

    /**
     * CloudFront's error caching when {@code ErrorCachingMinTTL} is not set (CloudFront Developer Guide,
     * "Control how long CloudFront caches errors").
     */
    static final long DEFAULT_SECONDS = 10;

    public static final RuleMetadata METADATA = RuleMetadata.builder("CA03", ErrorCachingTtlHigh.class)
            .severity(Severity.WARNING)
            .summary("A CloudFront distribution caches server errors (5xx) for more than 60 seconds.")
            .rationale("`ErrorCachingMinTTL` is how long CloudFront serves an error it got from the origin before "
                    + "asking again. For a 5xx that is the length of an outage as viewers see it: a 30-second "
                    + "origin hiccup with an error caching time of 300 seconds is a five-minute outage at every "
                    + "edge location that saw the error. Only server errors (500-599) are judged: they mean the "
                    + "origin is failing and will recover, while a 4xx (a 404 for a missing object, a 403 that a "
                    + "single-page app rewrites to `index.html`) is an answer that may well be cached for "
                    + "minutes. CloudFront caches errors for 10 seconds when no `ErrorCachingMinTTL` is set "
                    + "(CloudFront Developer Guide, \"Control how long CloudFront caches errors\"), so an unset "
                    + "value is fine.")
            .remediation("Set `ErrorCachingMinTTL` of each 5xx custom error response to 60 seconds or less (0 to 10 "
                    + "seconds is common); keep longer values for 4xx codes only.")
            .wellArchitected("REL11-BP05")
            .tags("caching", "cdn")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::CloudFront::Distribution")
            .firesOn("Each item of `DistributionConfig.CustomErrorResponses` of an `AWS::CloudFront::Distribution` "
                    + "whose `ErrorCode` is a server error (500 to 599) and whose `ErrorCachingMinTTL` is over 60 "
                    + "seconds in every possibility. One finding per error code, at its `ErrorCachingMinTTL`.")
            .quietWhen("Client errors (4xx), whatever their caching time.",
                    "A custom error response without `ErrorCachingMinTTL`: CloudFront then caches the error for "
                            + "10 seconds.",
                    "The list, an error code or a caching time cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    private static final String LIST = "DistributionConfig/CustomErrorResponses";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource d, GraphView graph, RuleContext context) {
        Optional<List<Value>> responses = ListItems.of(graph.property(d, LIST));
        if (responses.isEmpty()) {
            return;
        }
        for (Value response : responses.get()) {
            if (!(response instanceof Value.Known)) {
                continue;
            }
            Optional<Long> code = response.field("ErrorCode").asLong();
            if (code.isEmpty() || code.get() < 500 || code.get() > 599) {
                continue;
            }
            Value ttl = response.field("ErrorCachingMinTTL");
            Optional<List<Long>> seconds = ttl.readEach(o -> o instanceof Value.Absent
                    ? Optional.of(DEFAULT_SECONDS) : o.asLong());
            if (seconds.isEmpty() || !seconds.get().stream().allMatch(s -> s > LIMIT_SECONDS)) {
                continue;
            }
            long least = seconds.get().stream().mapToLong(Long::longValue).min().orElse(0);
            Location at = d.locateInItem("Properties/" + LIST, response, "ErrorCachingMinTTL");
            context.report(at, "CloudFront distribution " + d.displayName() + " caches " + code.get()
                    + " errors for " + (seconds.get().size() > 1 ? "at least " : "") + least + " seconds "
                    + "(ErrorCachingMinTTL), so a short origin failure is served from the edge for minutes after "
                    + "the origin recovers; set ErrorCachingMinTTL to " + LIMIT_SECONDS + " seconds or less for "
                    + code.get(), String.valueOf(code.get()));
        }
    }
}
