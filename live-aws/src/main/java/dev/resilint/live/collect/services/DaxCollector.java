package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.dax.ClusterMapper;
import dev.resilint.live.map.dax.ParameterGroupMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import software.amazon.awssdk.services.dax.DaxClient;
import software.amazon.awssdk.services.dax.model.Cluster;
import software.amazon.awssdk.services.dax.model.DescribeClustersResponse;
import software.amazon.awssdk.services.dax.model.DescribeParameterGroupsResponse;
import software.amazon.awssdk.services.dax.model.DescribeParametersResponse;
import software.amazon.awssdk.services.dax.model.Parameter;
import software.amazon.awssdk.services.dax.model.ParameterGroup;

/**
 * DynamoDB Accelerator (DAX): clusters ({@code DescribeClusters}) with the parameter group each uses,
 * and parameter groups ({@code DescribeParameterGroups}) with their cache TTLs ({@code DescribeParameters},
 * one paged call per group, DAX's own {@code default.dax1.0} included, see {@link ParameterGroupMapper}). Every
 * call pages by {@code NextToken}, 100 a page (the API's largest); the SDK has no paginators for DAX, so
 * the collector follows the token itself. A group whose parameters cannot be read is kept with its
 * properties unread; clusters being deleted are left out.
 */
public final class DaxCollector implements Collector {

    /** The most items the describe calls return a page (the API takes 20 to 100). */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "dax";
    }

    @Override
    public List<String> types() {
        return List.of(ClusterMapper.TYPE, ParameterGroupMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("dax:DescribeClusters", "dax:DescribeParameterGroups", "dax:DescribeParameters");
    }

    @Override
    public void collect(ScopeReader in) {
        DaxClient dax = in.client(DaxClient.class, DaxClient::builder);
        in.read(List.of(ClusterMapper.TYPE), () -> {
            List<Cluster> clusters = in.pagesByToken("DescribeClusters",
                    token -> dax.describeClusters(r -> r.maxResults(PAGE).nextToken(token)),
                    DescribeClustersResponse::clusters, DescribeClustersResponse::nextToken);
            clusters.stream().filter(c -> !"deleting".equalsIgnoreCase(c.status()))
                    .forEach(c -> in.add(ClusterMapper.map(in.scope(), c)));
        });
        in.read(List.of(ParameterGroupMapper.TYPE), () -> {
            List<ParameterGroup> groups = in.pagesByToken("DescribeParameterGroups",
                    token -> dax.describeParameterGroups(r -> r.maxResults(PAGE).nextToken(token)),
                    DescribeParameterGroupsResponse::parameterGroups, DescribeParameterGroupsResponse::nextToken);
            in.each(groups, g -> parameterGroup(in, dax, g)).forEach(in::add);
        });
    }

    /** A parameter group with its parameters; a failed read leaves the group unread. */
    private static LiveResource parameterGroup(ScopeReader in, DaxClient dax, ParameterGroup g) {
        try {
            List<Parameter> parameters = in.pagesByToken("DescribeParameters",
                    token -> dax.describeParameters(r -> r.parameterGroupName(g.parameterGroupName()).maxResults(PAGE)
                            .nextToken(token)),
                    DescribeParametersResponse::parameters, DescribeParametersResponse::nextToken);
            return ParameterGroupMapper.map(in.scope(), g, parameters);
        } catch (ReadFailure f) {
            return ParameterGroupMapper.map(in.scope(), g, List.of()).withUnread(f.asUnknown());
        }
    }
}
