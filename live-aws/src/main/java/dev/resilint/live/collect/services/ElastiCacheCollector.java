package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.elasticache.CacheClusterMapper;
import dev.resilint.live.map.elasticache.ReplicationGroupMapper;
import dev.resilint.live.map.elasticache.ServerlessCacheMapper;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.elasticache.ParameterGroupMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheParameterGroup;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheParameterGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheParametersResponse;
import software.amazon.awssdk.services.elasticache.model.Parameter;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheClustersResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeServerlessCachesResponse;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * ElastiCache replication groups, the cache clusters that are not part of one, serverless caches and
 * parameter groups: one paginated call each (pages of 100, serverless caches 50), the parameters
 * their owners set for each parameter group that is not one of ElastiCache's defaults, and, when
 * parameter groups are read, one more listing of all cache clusters for the parameter group of each
 * replication group's nodes; and a {@code ListTagsForResource} per resource only when a rule reads tags
 * (the API has no batch tag call). Cache clusters are asked for with their node information (the
 * nodes' zones) and without the members of replication groups, which are the groups' nodes, not
 * cache clusters of their own (see {@link CacheClusterMapper}); members the API lists anyway are
 * left out.
 */
public final class ElastiCacheCollector implements Collector {

    /** The most records the describe calls return a page. */
    static final int PAGE = 100;

    /** The most serverless caches {@code DescribeServerlessCaches} is asked for a page (its default is 50). */
    static final int SERVERLESS_PAGE = 50;

    @Override
    public String service() {
        return "elasticache";
    }

    @Override
    public List<String> types() {
        return List.of(ReplicationGroupMapper.TYPE, CacheClusterMapper.TYPE, ServerlessCacheMapper.TYPE,
                ParameterGroupMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters",
                "elasticache:DescribeServerlessCaches", "elasticache:DescribeCacheParameterGroups",
                "elasticache:DescribeCacheParameters", "elasticache:ListTagsForResource");
    }

    @Override
    public void collect(ScopeReader in) {
        ElastiCacheClient cache = in.client(ElastiCacheClient.class, ElastiCacheClient::builder);
        in.read(List.of(ReplicationGroupMapper.TYPE), () -> {
            List<ReplicationGroup> groups = in.pages("DescribeReplicationGroups",
                    cache.describeReplicationGroupsPaginator(r -> r.maxRecords(PAGE)),
                    DescribeReplicationGroupsResponse::replicationGroups, DescribeReplicationGroupsResponse::marker);
            Function<String, Node> parameterGroups = in.wants(ParameterGroupMapper.TYPE)
                    ? parameterGroupsOfGroups(in, cache) : group -> null;
            in.each(groups.stream().filter(g -> !"deleting".equalsIgnoreCase(g.status())).toList(), g ->
                    ReplicationGroupMapper.map(in.scope(), g, tags(in, cache, ReplicationGroupMapper.arn(in.scope(), g)),
                            parameterGroups.apply(g.replicationGroupId())))
                    .forEach(g -> g.ifPresent(in::add));
        });
        in.read(List.of(CacheClusterMapper.TYPE), () -> {
            List<CacheCluster> clusters = in.pages("DescribeCacheClusters",
                    cache.describeCacheClustersPaginator(r -> r.maxRecords(PAGE).showCacheNodeInfo(true)
                            .showCacheClustersNotInReplicationGroups(true)),
                    DescribeCacheClustersResponse::cacheClusters, DescribeCacheClustersResponse::marker);
            in.each(clusters.stream().filter(c -> !CacheClusterMapper.inReplicationGroup(c)
                    && !"deleting".equalsIgnoreCase(c.cacheClusterStatus())).toList(), c ->
                    CacheClusterMapper.map(in.scope(), c, tags(in, cache, CacheClusterMapper.arn(in.scope(), c))))
                    .forEach(c -> c.ifPresent(in::add));
        });
        in.read(List.of(ServerlessCacheMapper.TYPE), () -> {
            List<ServerlessCache> caches = in.pages("DescribeServerlessCaches",
                    cache.describeServerlessCachesPaginator(r -> r.maxResults(SERVERLESS_PAGE)),
                    DescribeServerlessCachesResponse::serverlessCaches, DescribeServerlessCachesResponse::nextToken);
            in.each(caches.stream().filter(c -> !"deleting".equalsIgnoreCase(c.status())).toList(), c ->
                    ServerlessCacheMapper.map(in.scope(), c, tags(in, cache, ServerlessCacheMapper.arn(in.scope(), c))))
                    .forEach(c -> c.ifPresent(in::add));
        });
        in.read(List.of(ParameterGroupMapper.TYPE), () -> {
            List<CacheParameterGroup> groups = in.pages("DescribeCacheParameterGroups",
                    cache.describeCacheParameterGroupsPaginator(r -> r.maxRecords(PAGE)),
                    DescribeCacheParameterGroupsResponse::cacheParameterGroups, DescribeCacheParameterGroupsResponse::marker);
            in.each(groups, g -> parameterGroup(in, cache, g)).forEach(in::add);
        });
    }

    /** A parameter group with the parameters its owner set; a failed read leaves the group unread. */
    private static LiveResource parameterGroup(ScopeReader in, ElastiCacheClient cache, CacheParameterGroup g) {
        if (ParameterGroupMapper.isDefault(g)) {
            return ParameterGroupMapper.map(in.scope(), g, List.of());
        }
        try {
            List<Parameter> set = in.pages("DescribeCacheParameters", cache.describeCacheParametersPaginator(r -> r
                    .cacheParameterGroupName(g.cacheParameterGroupName()).source("user").maxRecords(PAGE)),
                    DescribeCacheParametersResponse::parameters, DescribeCacheParametersResponse::marker);
            return ParameterGroupMapper.map(in.scope(), g, set);
        } catch (ReadFailure f) {
            return ParameterGroupMapper.map(in.scope(), g, List.of()).withUnread(f.asUnknown());
        }
    }

    /**
     * The parameter group of each replication group, by group id: the API names it only on the
     * group's nodes, so every cache cluster is listed once more, members included (pages of 100,
     * without node information). A group whose nodes disagree (during a change) gets none; when
     * the call fails, every group's parameter group is unknown with the cause.
     */
    private static Function<String, Node> parameterGroupsOfGroups(ScopeReader in, ElastiCacheClient cache) {
        List<CacheCluster> all;
        try {
            all = in.pages("DescribeCacheClusters", cache.describeCacheClustersPaginator(r -> r.maxRecords(PAGE)),
                    DescribeCacheClustersResponse::cacheClusters, DescribeCacheClustersResponse::marker);
        } catch (ReadFailure f) {
            Node unknown = Symbols.unknownPlaceholder(f.asUnknown(), Mark.UNKNOWN);
            return group -> unknown;
        }
        Map<String, Set<String>> names = new TreeMap<>();
        for (CacheCluster c : all) {
            if (CacheClusterMapper.inReplicationGroup(c) && c.cacheParameterGroup() != null
                    && c.cacheParameterGroup().cacheParameterGroupName() != null) {
                names.computeIfAbsent(c.replicationGroupId(), k -> new TreeSet<>())
                        .add(c.cacheParameterGroup().cacheParameterGroupName());
            }
        }
        return group -> {
            Set<String> used = names.get(group);
            return used == null || used.size() != 1 ? null : Props.str(used.iterator().next());
        };
    }

    /** The tags of one resource, when a rule reads them; a failed call leaves only its tags unknown. */
    private static TagLookup tags(ScopeReader in, ElastiCacheClient cache, String arn) {
        if (!in.wantsTags()) {
            return TagLookup.none();
        }
        try {
            var tags = in.call("ListTagsForResource", () -> cache.listTagsForResource(r -> r.resourceName(arn)).tagList());
            return TagLookup.of(Map.of(arn, Tags.of(tags, t -> t.key(), t -> t.value())));
        } catch (ReadFailure f) {
            return TagLookup.failed(f.asUnknown());
        }
    }
}
