package dev.resilint.infra.rules.ca;

import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceRule;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.rules.support.ElastiCaches;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CA05: an ElastiCache parameter group, used by a Redis or Valkey cache, that chooses a
 * {@code volatile-*} eviction policy: only keys with a TTL are evicted, so once memory holds keys
 * without one, writes fail. What it fires on and when it stays quiet, case by case, is in its
 * {@link #METADATA}.
 */
public final class EvictionPolicyNeedsTtl extends ResourceRule {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CA05", EvictionPolicyNeedsTtl.class)
            .severity(Severity.NOTE)
            .summary("A Redis or Valkey cache uses a volatile-* eviction policy, which evicts only keys that have a TTL.")
            .rationale("With `maxmemory-policy` `volatile-lru`, `volatile-lfu`, `volatile-random` or `volatile-ttl`, "
                    + "Redis and Valkey evict only keys that carry an expiry. When the cache fills with keys written "
                    + "without a TTL, nothing can be evicted and every write fails with an OOM error: the cache "
                    + "turns into an outage instead of degrading to misses. An `allkeys-*` policy keeps the cache "
                    + "writable whatever the application does. The rule judges the policy a template chooses "
                    + "explicitly: ElastiCache's default parameter groups also use `volatile-lru`, but flagging "
                    + "every cache left on the default would flag nearly every cache; code rule CC02 catches the "
                    + "writes without a TTL that make the policy dangerous.")
            .remediation("Set `maxmemory-policy` to `allkeys-lru` (or `allkeys-lfu`) in the parameter group's "
                    + "`Properties`, or make sure every key is written with an expiry.")
            .wellArchitected("REL11-BP05")
            .tags("caching", "cache")
            .sources(SourceKind.TEMPLATE, SourceKind.LIVE)
            .judges(ElastiCaches.PARAMETER_GROUP)
            .reads(ElastiCaches.REPLICATION_GROUP, ElastiCaches.CACHE_CLUSTER)
            .firesOn("An `AWS::ElastiCache::ParameterGroup` of a Redis or Valkey family (`CacheParameterGroupFamily` "
                    + "not `memcached*`) whose `Properties.maxmemory-policy` is `volatile-lru`, `volatile-lfu`, "
                    + "`volatile-random` or `volatile-ttl` in every possibility, and that a Redis or Valkey "
                    + "replication group or cache cluster uses through `CacheParameterGroupName` (a reference to "
                    + "the group, or, live, its name). The message names the caches.")
            .quietWhen("A cache without its own parameter group, running on ElastiCache's default group (whose "
                            + "`volatile-lru` is the service's choice, not the template's).",
                    "A parameter group that no cache of the template or account uses, or uses only under an "
                            + "unknown value.",
                    "The policy or the family cannot be known.",
                    "The resource's `Condition` is provably false.")
            .build();

    private static final String POLICY = "Properties/maxmemory-policy";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    protected void check(Resource group, GraphView graph, RuleContext context) {
        Value family = graph.property(group, "CacheParameterGroupFamily");
        Optional<String> familyName = family.asString().map(f -> f.trim().toLowerCase(Locale.ROOT));
        if (familyName.isEmpty() || familyName.get().startsWith("memcached")) {
            return;
        }
        Optional<String> policy = graph.property(group, POLICY).asString().map(p -> p.trim().toLowerCase(Locale.ROOT));
        if (policy.isEmpty() || !policy.get().startsWith("volatile-")) {
            return;
        }
        List<String> users = users(graph, group);
        if (users.isEmpty()) {
            return;
        }
        context.report(group.locate("Properties/" + POLICY), "ElastiCache parameter group " + group.displayName()
                + " sets maxmemory-policy: " + policy.get() + ", which evicts only keys that have a TTL: once "
                + String.join(", ", users) + " fill" + (users.size() == 1 ? "s" : "") + " with keys written "
                + "without an expiry, writes fail with OOM errors instead of evicting; set maxmemory-policy to "
                + "allkeys-lru (or allkeys-lfu) unless every key is written with a TTL");
    }

    /** The Redis or Valkey caches that may exist and use the group, by display name. */
    private static List<String> users(GraphView graph, Resource group) {
        List<String> users = new ArrayList<>();
        for (String type : List.of(ElastiCaches.REPLICATION_GROUP, ElastiCaches.CACHE_CLUSTER)) {
            for (Resource cache : graph.ofType(type)) {
                if (!graph.mayExist(cache)) {
                    continue;
                }
                Optional<String> engine = ElastiCaches.engine(graph, cache,
                        type.equals(ElastiCaches.REPLICATION_GROUP) ? "redis" : null);
                if (engine.isPresent() && ElastiCaches.redisLike(engine.get())
                        && uses(graph, cache, group)) {
                    users.add(cache.displayName());
                }
            }
        }
        return users;
    }

    private static boolean uses(GraphView graph, Resource cache, Resource group) {
        Value name = graph.property(cache, "CacheParameterGroupName");
        Optional<Symbols.ResourceRef> ref = name.asResourceRef();
        if (ref.isPresent()) {
            return ref.get().resourceId().equals(group.id());
        }
        Optional<String> literal = name.asString();
        return literal.isPresent() && graph.kind() == SourceKind.LIVE // live groups are named; a template's are generated
                && group.displayName().equalsIgnoreCase(literal.get().trim());
    }
}
