package dev.resilint.live.map.lambda;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * An alias of a function ({@code ListAliases}) as {@code AWS::Lambda::Alias}. It names its function
 * by {@code FunctionName}, a reference to it, as a template's {@code !Ref Fn} does: a reference to
 * the alias (an event source mapping's qualified {@code FunctionArn}, a state machine task's
 * qualified ARN) then stands for the function. {@code Ref} returns the alias's ARN.
 */
public final class AliasMapper {

    public static final String TYPE = FunctionMapper.ALIAS;

    private AliasMapper() {
    }

    /** @param function the function whose aliases were listed */
    public static LiveResource map(Scope scope, FunctionConfiguration function, AliasConfiguration a) {
        Props p = Props.map()
                .ref("FunctionName", function.functionArn(), FunctionMapper.TYPE)
                .put("FunctionVersion", a.functionVersion())
                .put("Name", a.name())
                .put("Description", a.description() == null || a.description().isEmpty() ? null : a.description());
        if (a.routingConfig() != null && !a.routingConfig().additionalVersionWeights().isEmpty()) {
            p.put("RoutingConfig", Props.map().list("AdditionalVersionWeights",
                    weights(a.routingConfig().additionalVersionWeights())));
        }
        return LiveResource.of(TYPE, a.aliasArn(), function.functionName() + ":" + a.name(), scope, p.build(),
                Ids.of(a.aliasArn(), ""));
    }

    private static List<Node> weights(Map<String, Double> weights) {
        return new TreeMap<>(weights).entrySet().stream()
                .map(e -> (Node) Props.map().put("FunctionVersion", e.getKey()).put("FunctionWeight", e.getValue()).build())
                .toList();
    }
}
