package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.eks.EksClusterMapper;
import java.util.List;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;

/**
 * EKS clusters: {@code ListClusters} (names), and {@code DescribeCluster} for each cluster only when
 * tags are needed; otherwise a cluster is known by its name and ARN, its other properties unread
 * (see {@link EksClusterMapper}).
 */
public final class EksCollector implements Collector {

    @Override
    public String service() {
        return "eks";
    }

    @Override
    public List<String> types() {
        return List.of(EksClusterMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("eks:ListClusters", "eks:DescribeCluster");
    }

    @Override
    public void collect(ScopeReader in) {
        EksClient eks = in.client(EksClient.class, EksClient::builder);
        in.read(types(), () -> {
            List<String> names = in.pages("ListClusters", eks.listClustersPaginator(r -> r.maxResults(100)),
                    ListClustersResponse::clusters, ListClustersResponse::nextToken);
            if (!in.wantsTags()) {
                names.forEach(n -> in.add(EksClusterMapper.listed(in.scope(), n).withUnread(EksClusterMapper.NOT_DESCRIBED)));
                return;
            }
            in.each(names, name -> {
                try {
                    return EksClusterMapper.map(in.scope(),
                            in.call("DescribeCluster", () -> eks.describeCluster(r -> r.name(name)).cluster()));
                } catch (ReadFailure f) {
                    return EksClusterMapper.listed(in.scope(), name).withUnread(f.asUnknown());
                }
            }).forEach(in::add);
        });
    }
}
