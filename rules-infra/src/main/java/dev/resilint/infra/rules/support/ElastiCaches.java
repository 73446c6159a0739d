package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import java.util.Locale;
import java.util.Optional;

/** What the ElastiCache rules share: a cache's engine, and whether a cache cluster stands alone. */
public final class ElastiCaches {

    public static final String REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
    public static final String CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";
    public static final String SERVERLESS_CACHE = "AWS::ElastiCache::ServerlessCache";
    public static final String PARAMETER_GROUP = "AWS::ElastiCache::ParameterGroup";

    private ElastiCaches() {
    }

    /** The engine in lower case, {@code dflt} when not set; empty when it cannot be known. */
    public static Optional<String> engine(GraphView graph, Resource r, String dflt) {
        Value engine = graph.property(r, "Engine");
        if (engine.isAbsent()) {
            return Optional.ofNullable(dflt);
        }
        return engine.asString().map(e -> e.trim().toLowerCase(Locale.ROOT));
    }

    /** True for the engines that keep data and snapshot it: Redis OSS and Valkey. */
    public static boolean redisLike(String engine) {
        return engine.equals("redis") || engine.equals("valkey");
    }

    /** "Redis" or "Valkey", for messages. */
    public static String engineName(String engine) {
        return engine.equals("valkey") ? "Valkey" : engine.equals("redis") ? "Redis" : engine;
    }

    /**
     * True when no replication group of the template provably or possibly uses the cache cluster
     * as its {@code PrimaryClusterId}.
     */
    public static boolean standalone(GraphView graph, Resource cluster) {
        for (Resource group : graph.ofType(REPLICATION_GROUP)) {
            if (graph.mayExist(group)
                    && !graph.property(group, "PrimaryClusterId").always(option -> !mayName(graph, cluster, option))) {
                return false;
            }
        }
        return true;
    }

    /** Whether one possibility of a {@code PrimaryClusterId} names, or may name, the cache cluster. */
    private static boolean mayName(GraphView graph, Resource cluster, Value option) {
        if (option instanceof Value.Absent) {
            return false;
        }
        if (!(option instanceof Value.Known)) {
            return true; // unknown: it might be this cluster
        }
        Optional<Symbols.ResourceRef> ref = option.asResourceRef();
        if (ref.isPresent()) {
            return ref.get().resourceId().equals(cluster.id());
        }
        Optional<String> literal = option.asString();
        if (literal.isEmpty()) {
            return true;
        }
        Value clusterName = graph.property(cluster, "ClusterName");
        if (clusterName.isAbsent()) {
            return false; // a generated name, which a literal cannot know
        }
        Optional<String> name = clusterName.asString();
        return name.isEmpty() || name.get().trim().equalsIgnoreCase(literal.get().trim());
    }
}
