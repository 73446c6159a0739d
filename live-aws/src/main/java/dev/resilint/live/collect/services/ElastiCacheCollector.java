package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.map.Tags;
import dev.resilint.live.map.elasticache.CacheClusterMapper;
import dev.resilint.live.map.elasticache.ReplicationGroupMapper;
import dev.resilint.live.map.elasticache.ServerlessCacheMapper;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheClustersResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeServerlessCachesResponse;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.ServerlessCache;

/**
 * ElastiCache replication groups, the cache clusters that are not part of one, and serverless caches:
 * one paginated call each (pages of 100, serverless caches 50), and a {@code ListTagsForResource} per resource only when a rule reads tags
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
        return List.of(ReplicationGroupMapper.TYPE, CacheClusterMapper.TYPE, ServerlessCacheMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters",
                "elasticache:DescribeServerlessCaches", "elasticache:ListTagsForResource");
    }

    @Override
    public void collect(ScopeReader in) {
        ElastiCacheClient cache = in.client(ElastiCacheClient.class, ElastiCacheClient::builder);
        in.read(List.of(ReplicationGroupMapper.TYPE), () -> {
            List<ReplicationGroup> groups = in.pages("DescribeReplicationGroups",
                    cache.describeReplicationGroupsPaginator(r -> r.maxRecords(PAGE)),
                    DescribeReplicationGroupsResponse::replicationGroups, DescribeReplicationGroupsResponse::marker);
            in.each(groups.stream().filter(g -> !"deleting".equalsIgnoreCase(g.status())).toList(), g ->
                    ReplicationGroupMapper.map(in.scope(), g, tags(in, cache, ReplicationGroupMapper.arn(in.scope(), g))))
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
