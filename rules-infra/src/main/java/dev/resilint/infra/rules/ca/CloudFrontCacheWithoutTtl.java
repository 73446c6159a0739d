package dev.resilint.infra.rules.ca;

import dev.resilint.core.Location;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ListItems;
import java.util.List;
import java.util.Optional;

/**
 * CA01: CloudFront caching whose lifetimes nobody chose, or chose inconsistently: cache behaviors
 * left on CloudFront's legacy defaults, and cache policies whose TTLs contradict each other. What
 * it fires on and when it stays quiet, case by case, is in its {@link #METADATA}.
 */
public final class CloudFrontCacheWithoutTtl extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CA01", CloudFrontCacheWithoutTtl.class)
            .severity(Severity.WARNING)
            .summary("A CloudFront cache behavior has no cache policy and no DefaultTTL, or a cache policy's "
                    + "TTLs contradict each other.")
            .rationale("A cache behavior with neither a cache policy nor `DefaultTTL` silently caches whatever the "
                    + "origin sends without `Cache-Control` for a day: a broken page or an error stays at the "
                    + "edge for hours, or, the other way round, nothing useful is cached and every request "
                    + "reaches the origin. A cache policy whose TTLs break `MinTTL <= DefaultTTL <= MaxTTL` does "
                    + "not do what its author meant.")
            .remediation("Give the behavior a `CachePolicyId` (a managed policy such as CachingOptimized or "
                    + "CachingDisabled, or your own `AWS::CloudFront::CachePolicy`), or at least an explicit "
                    + "`DefaultTTL`. In a cache policy, keep `MinTTL <= DefaultTTL <= MaxTTL`.")
            .tags("caching", "cdn")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::CloudFront::Distribution", "AWS::CloudFront::CachePolicy")
            .firesOn("Each cache behavior of an `AWS::CloudFront::Distribution` (`DistributionConfig."
                            + "DefaultCacheBehavior` and every item of `DistributionConfig.CacheBehaviors`) with neither "
                            + "`CachePolicyId` nor an explicit `DefaultTTL`: it runs on CloudFront's legacy defaults "
                            + "(objects without `Cache-Control` cached for a day, up to a year). One finding per "
                            + "behavior, told apart by its `PathPattern` (`default` for the default behavior).",
                    "An `AWS::CloudFront::CachePolicy` whose `CachePolicyConfig` breaks `MinTTL <= DefaultTTL <= "
                            + "MaxTTL`. Only TTLs that are set are compared: CloudFront derives a missing `DefaultTTL` "
                            + "or `MaxTTL` from the others (the API reference gives 86400 and 31536000, raised to "
                            + "`MinTTL` or `DefaultTTL` when those are higher), and CloudFormation requires all three "
                            + "anyway.")
            .quietWhen("A behavior list, a behavior or a TTL cannot be known; a property under an `Fn::If` counts "
                            + "as missing only when it is missing in every branch.",
                    "The resource's `Condition` is provably false.",
                    "Live: CloudFront returns `MinTTL`, `DefaultTTL` and `MaxTTL` on every legacy cache behavior, "
                            + "set or not, so a live behavior always has a `DefaultTTL`; there only the cache "
                            + "policy check can fire.")
            .build();

    private static final String CONFIG = "DistributionConfig";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals("AWS::CloudFront::Distribution")) {
            distribution(graph, r, context);
        } else {
            cachePolicy(graph, r, context);
        }
    }

    private static void distribution(GraphView graph, Resource d, RuleContext context) {
        String defaultPath = CONFIG + "/DefaultCacheBehavior";
        if (graph.property(d, defaultPath).always(Value::isKnown)
                && graph.property(d, defaultPath + "/CachePolicyId").isAbsent()
                && graph.property(d, defaultPath + "/DefaultTTL").isAbsent()) {
            context.report(d.locateProperty(defaultPath), "CloudFront distribution " + d.displayName()
                    + ": the default cache behavior has neither CachePolicyId nor DefaultTTL, so it caches on "
                    + "CloudFront's legacy defaults (a day for responses without Cache-Control); " + FIX, "default");
        }
        Optional<List<Value>> behaviors = ListItems.of(graph.property(d, CONFIG + "/CacheBehaviors"));
        if (behaviors.isEmpty()) {
            return;
        }
        for (int i = 0; i < behaviors.get().size(); i++) {
            Value behavior = behaviors.get().get(i);
            if (!(behavior instanceof Value.Known)
                    || !behavior.field("CachePolicyId").isAbsent()
                    || !behavior.field("DefaultTTL").isAbsent()) {
                continue;
            }
            Optional<String> pattern = ListItems.text(behavior, "PathPattern");
            String name = pattern.map(p -> "the " + p + " cache behavior").orElse("cache behavior " + (i + 1));
            Location at = d.locateInItem("Properties/" + CONFIG + "/CacheBehaviors", behavior, "PathPattern");
            context.report(at, "CloudFront distribution " + d.displayName() + ": " + name
                    + " has neither CachePolicyId nor DefaultTTL, so it caches on CloudFront's legacy defaults "
                    + "(a day for responses without Cache-Control); " + FIX, pattern.orElse("#" + i));
        }
    }

    private static final String FIX = "attach a cache policy (CachePolicyId) or set an explicit DefaultTTL";

    private static void cachePolicy(GraphView graph, Resource p, RuleContext context) {
        String base = "CachePolicyConfig/";
        Optional<Long> min = ttl(graph.property(p, base + "MinTTL"));
        Optional<Long> dflt = ttl(graph.property(p, base + "DefaultTTL"));
        Optional<Long> max = ttl(graph.property(p, base + "MaxTTL"));
        String broken = null;
        String key = null;
        if (min.isPresent() && dflt.isPresent() && min.get() > dflt.get()) {
            broken = "MinTTL " + min.get() + " is above DefaultTTL " + dflt.get();
            key = "DefaultTTL";
        } else if (dflt.isPresent() && max.isPresent() && dflt.get() > max.get()) {
            broken = "DefaultTTL " + dflt.get() + " is above MaxTTL " + max.get();
            key = "DefaultTTL";
        } else if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            broken = "MinTTL " + min.get() + " is above MaxTTL " + max.get();
            key = "MaxTTL";
        }
        if (broken != null) {
            context.report(p.locateProperty(base + key), "CloudFront cache policy " + p.displayName() + ": " + broken
                    + "; keep MinTTL <= DefaultTTL <= MaxTTL");
        }
    }

    /** A TTL that is set and known; empty when missing or unknown. */
    private static Optional<Long> ttl(Value value) {
        return value.isAbsent() ? Optional.empty() : value.asLong();
    }
}
