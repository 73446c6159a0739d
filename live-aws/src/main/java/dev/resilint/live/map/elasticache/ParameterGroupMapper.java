package dev.resilint.live.map.elasticache;

import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticache.model.CacheParameterGroup;
import software.amazon.awssdk.services.elasticache.model.Parameter;

/**
 * {@code DescribeCacheParameterGroups} items as {@code AWS::ElastiCache::ParameterGroup}: family and
 * description, and under {@code Properties} the parameters the owner set ({@code DescribeCacheParameters}
 * with {@code Source: user}), as a template's {@code Properties} map holds what its author chose. The
 * parameters a group inherits from its family's defaults are left out, as a template leaves them out.
 * ElastiCache's own groups ({@code default.*}) hold only defaults and are read without their
 * parameters. Live groups are named; caches refer to them by that name ({@code CacheParameterGroupName}).
 */
public final class ParameterGroupMapper {

    public static final String TYPE = "AWS::ElastiCache::ParameterGroup";

    private ParameterGroupMapper() {
    }

    /** Whether the group is one of ElastiCache's defaults ({@code default.redis7}, ...). */
    public static boolean isDefault(CacheParameterGroup g) {
        return g.cacheParameterGroupName() != null && g.cacheParameterGroupName().startsWith("default.");
    }

    /** The ARN of a group, from the API or built from its name. */
    public static String arn(Scope scope, CacheParameterGroup g) {
        return g.arn() != null ? g.arn() : Arns.of(scope, "elasticache", "parametergroup:" + g.cacheParameterGroupName());
    }

    /** @param parameters the parameters the owner set (empty for a default group) */
    public static LiveResource map(Scope scope, CacheParameterGroup g, List<Parameter> parameters) {
        Map<String, String> set = new TreeMap<>();
        parameters.stream().filter(p -> p.parameterName() != null && p.parameterValue() != null)
                .forEach(p -> set.put(p.parameterName(), p.parameterValue()));
        Props values = Props.map();
        set.forEach(values::put);
        Props p = Props.map()
                .put("CacheParameterGroupFamily", g.cacheParameterGroupFamily())
                .put("Description", g.description())
                .putIfNotEmpty("Properties", values);
        return LiveResource.of(TYPE, arn(scope, g), g.cacheParameterGroupName(), scope, p.build(),
                Ids.of(g.cacheParameterGroupName(), ""));
    }
}
