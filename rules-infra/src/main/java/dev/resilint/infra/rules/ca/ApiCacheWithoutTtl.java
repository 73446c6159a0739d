package dev.resilint.infra.rules.ca;

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
 * CA02: an API Gateway REST API stage whose cache is on without saying what to cache, or that
 * caches with a TTL of zero. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class ApiCacheWithoutTtl extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CA02", ApiCacheWithoutTtl.class)
            .severity(Severity.WARNING)
            .summary("An API Gateway stage runs a cache cluster that no method uses, or caches with a TTL of 0.")
            .rationale("`CacheClusterEnabled: true` only provisions the cache; methods cache responses only when a "
                    + "method setting turns `CachingEnabled` on, with a TTL. Without one, the stage pays for a cache "
                    + "by the hour while every request still reaches the backend, which is then not protected from "
                    + "load the cache was meant to absorb. A TTL of 0 has the same effect for that method.")
            .remediation("Add a `MethodSettings` entry with `CachingEnabled: true` and `CacheTtlInSeconds` above 0 "
                    + "(`ResourcePath: '/*'`, `HttpMethod: '*'` for the whole stage, or per method, with the cache "
                    + "key parameters set on the method), or switch `CacheClusterEnabled` off.")
            .tags("caching", "api-gateway")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges("AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment")
            .firesOn("An `AWS::ApiGateway::Stage` (which is also what a SAM `AWS::Serverless::Api` becomes), or the "
                            + "stage an `AWS::ApiGateway::Deployment` creates through its `StageDescription`, with "
                            + "`CacheClusterEnabled: true` but no `MethodSettings` entry with `CachingEnabled: true` "
                            + "(nor, in a `StageDescription`, a stage-wide `CachingEnabled: true`): the cache cluster "
                            + "runs, and is billed, while no method caches anything.",
                    "Each method setting of such a stage (or, in a `StageDescription`, the stage-wide setting) with "
                            + "`CachingEnabled: true` and `CacheTtlInSeconds: 0`: responses expire as soon as they are "
                            + "cached. One finding per setting, told apart by its `ResourcePath` and `HttpMethod`. A "
                            + "missing `CacheTtlInSeconds` means API Gateway's default of 300 s and is fine.")
            .quietWhen("`CacheClusterEnabled`, the method settings or any of their `CachingEnabled` values cannot be "
                            + "known; a method settings list under an unknown condition counts only if no branch "
                            + "caches.",
                    "A deployment without `StageDescription`, which creates no stage settings of its own.",
                    "The resource's `Condition` is provably false.")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource r, GraphView graph, RuleContext context) {
        if (r.type().equals("AWS::ApiGateway::Stage")) {
            check(graph, r, "", "API Gateway stage " + r.displayName(), context);
        } else if (!graph.property(r, "StageDescription").isAbsent()) {
            String name = graph.property(r, "StageName").asString().map(n -> " (stage " + n + ")").orElse("");
            check(graph, r, "StageDescription/", "API Gateway deployment " + r.displayName() + name, context);
        }
    }

    /** {@code base} is "" for a stage, "StageDescription/" for a deployment's stage. */
    private static void check(GraphView graph, Resource r, String base, String subject, RuleContext context) {
        Value settings = graph.property(r, base + "MethodSettings");
        boolean stageWide = !base.isEmpty();
        if (graph.property(r, base + "CacheClusterEnabled").asBoolean().equals(Optional.of(Boolean.TRUE))
                && noMethodCaches(settings)
                && (!stageWide || graph.property(r, base + "CachingEnabled").isFalseOrAbsent())) {
            context.report(r.locateProperty(base + "CacheClusterEnabled"), subject
                    + " has a cache cluster (CacheClusterEnabled: true) but no method setting with CachingEnabled: "
                    + "true, so nothing is cached while the cluster is billed; add a MethodSettings entry with "
                    + "CachingEnabled: true and CacheTtlInSeconds above 0, or switch the cache cluster off");
        }
        if (stageWide && graph.property(r, base + "CachingEnabled").asBoolean().equals(Optional.of(Boolean.TRUE))
                && graph.property(r, base + "CacheTtlInSeconds").asLong().equals(Optional.of(0L))) {
            context.report(r.locateProperty(base + "CacheTtlInSeconds"), subject
                    + " caches every method with CacheTtlInSeconds: 0, so responses expire as soon as they are "
                    + "cached; set CacheTtlInSeconds above 0 (API Gateway's default is 300)");
        }
        Optional<List<Value>> items = ListItems.of(settings);
        if (items.isEmpty()) {
            return;
        }
        for (int i = 0; i < items.get().size(); i++) {
            Value item = items.get().get(i);
            if (item.field("CachingEnabled").asBoolean().equals(Optional.of(Boolean.TRUE))
                    && item.field("CacheTtlInSeconds").asLong().equals(Optional.of(0L))) {
                Optional<String> path = ListItems.text(item, "ResourcePath");
                Optional<String> method = ListItems.text(item, "HttpMethod");
                String which = path.isPresent() && method.isPresent() ? method.get() + " " + path.get()
                        : "method setting " + (i + 1);
                context.report(r.locateInItem("Properties/" + base + "MethodSettings", item, "CacheTtlInSeconds"),
                        subject + " caches " + which + " with CacheTtlInSeconds: 0, so responses expire as soon as "
                                + "they are cached; set CacheTtlInSeconds above 0 (API Gateway's default is 300) or "
                                + "switch caching off for it",
                        path.isPresent() && method.isPresent() ? method.get() + " " + path.get() : "#" + i);
            }
        }
    }

    /** True when no possibility of the method settings has an entry that may cache. */
    private static boolean noMethodCaches(Value settings) {
        return settings.always(option -> ListItems.of(option).map(items -> items.stream().allMatch(item ->
                item instanceof Value.Known && item.field("CachingEnabled").isFalseOrAbsent())).orElse(false));
    }
}
