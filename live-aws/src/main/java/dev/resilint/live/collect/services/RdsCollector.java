package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.rds.DbClusterMapper;
import dev.resilint.live.map.rds.DbInstanceMapper;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * RDS DB instances and DB clusters (Aurora and Multi-AZ), tags included: one paginated call each
 * (pages of 100, the API's largest), no per-resource call.
 */
public final class RdsCollector implements Collector {

    /** The most records {@code DescribeDBInstances} and {@code DescribeDBClusters} return a page. */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "rds";
    }

    @Override
    public List<String> types() {
        return List.of(DbInstanceMapper.TYPE, DbClusterMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("rds:DescribeDBInstances", "rds:DescribeDBClusters");
    }

    @Override
    public void collect(ScopeReader in) {
        RdsClient rds = in.client(RdsClient.class, RdsClient::builder);
        in.read(List.of(DbInstanceMapper.TYPE), () -> in.pages("DescribeDBInstances",
                rds.describeDBInstancesPaginator(r -> r.maxRecords(PAGE)), DescribeDbInstancesResponse::dbInstances,
                DescribeDbInstancesResponse::marker)
                .forEach(db -> DbInstanceMapper.map(in.scope(), db).ifPresent(in::add)));
        in.read(List.of(DbClusterMapper.TYPE), () -> in.pages("DescribeDBClusters",
                rds.describeDBClustersPaginator(r -> r.maxRecords(PAGE)), DescribeDbClustersResponse::dbClusters,
                DescribeDbClustersResponse::marker)
                .forEach(c -> DbClusterMapper.map(in.scope(), c).ifPresent(in::add)));
    }
}
