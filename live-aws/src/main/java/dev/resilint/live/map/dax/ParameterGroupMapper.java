package dev.resilint.live.map.dax;

import dev.resilint.core.tree.Mark;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dax.model.Parameter;
import software.amazon.awssdk.services.dax.model.ParameterGroup;

/**
 * {@code DescribeParameterGroups} items as {@code AWS::DAX::ParameterGroup}: name and description, and
 * under {@code ParameterNameValues} (a map of parameter name to value, as CloudFormation has it) the
 * values {@code DescribeParameters} gives the group ({@code record-ttl-millis}, {@code query-ttl-millis}).
 * The API answers each parameter's value in effect, whether the owner set it or it is the default; a
 * value set per node type ({@code NodeTypeSpecificValues} instead of {@code ParameterValue}) is unknown,
 * never taken as unset. DAX's own group ({@code default.dax1.0}), which a cluster created without one
 * uses, is read like any other: its values are the service defaults (5 minutes each), and reading them
 * takes nothing on trust about whether it can be changed. Clusters refer to a group by its name ({@code ParameterGroupName}); the API gives groups no ARN, so the
 * one here ({@code arn:aws:dax:<region>:<account>:parametergroup/<name>}) only names the group in reports.
 */
public final class ParameterGroupMapper {

    public static final String TYPE = "AWS::DAX::ParameterGroup";

    /** What a parameter set per node type is. */
    static final Value.Unknown PER_NODE_TYPE = Value.unknown(Value.Reason.NOT_COLLECTED,
            "the parameter's value is set per node type (NodeTypeSpecificValues); resilint does not judge it");

    private ParameterGroupMapper() {
    }

    /** The name that identifies a group in reports: DAX gives groups no ARN. */
    public static String arn(Scope scope, String name) {
        return Arns.of(scope, "dax", "parametergroup/" + name);
    }

    /** @param parameters the group's parameters as {@code DescribeParameters} gives them */
    public static LiveResource map(Scope scope, ParameterGroup g, List<Parameter> parameters) {
        Map<String, Parameter> byName = new TreeMap<>();
        parameters.stream().filter(p -> p.parameterName() != null).forEach(p -> byName.put(p.parameterName(), p));
        Props values = Props.map();
        byName.forEach((name, p) -> {
            if (p.parameterValue() != null) {
                values.put(name, p.parameterValue());
            } else if (p.hasNodeTypeSpecificValues() && !p.nodeTypeSpecificValues().isEmpty()) {
                values.put(name, Symbols.unknownPlaceholder(PER_NODE_TYPE, Mark.UNKNOWN));
            }
        });
        Props p = Props.map()
                .put("ParameterGroupName", g.parameterGroupName())
                .put("Description", g.description())
                .putIfNotEmpty("ParameterNameValues", values);
        return LiveResource.of(TYPE, arn(scope, g.parameterGroupName()), g.parameterGroupName(), scope, p.build(),
                Ids.of(g.parameterGroupName(), ""));
    }
}
