package dev.resilint.live.model;

import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource as a collector read it: its CloudFormation type, ARN and name, and its properties
 * shaped as in the CloudFormation resource schema. References to other resources are still plain
 * identifiers (marked with the types they may name, see {@link dev.resilint.live.map.Props#ref});
 * the graph builder resolves them.
 *
 * @param type the CloudFormation type, such as {@code AWS::EC2::Subnet}
 * @param arn the resource's ARN: its identity in findings, fingerprints and baselines
 * @param name how messages name it (the name or id its console shows)
 * @param scope the account and region it lives in
 * @param properties its properties, CloudFormation-shaped
 * @param identifiers the values by which other resources refer to it (an id, a name, a URL, its
 *     ARN), each with the CloudFormation attribute such a reference stands for ({@code ""} for what
 *     {@code Ref} returns, {@code Arn} for {@code Fn::GetAtt X.Arn})
 * @param unread when the API call for some of its details failed: the value every property the
 *     collector could not read has (an unknown value with the reason); empty when it was read in full
 */
public record LiveResource(String type, String arn, String name, Scope scope, MapNode properties,
        Map<String, String> identifiers, Optional<Value.Unknown> unread) {

    public LiveResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(properties, "properties");
        identifiers = Map.copyOf(new LinkedHashMap<>(identifiers));
        Objects.requireNonNull(unread, "unread");
    }

    /** A resource read in full, known by its ARN and the given identifiers. */
    public static LiveResource of(String type, String arn, String name, Scope scope, MapNode properties,
            Map<String, String> identifiers) {
        return new LiveResource(type, arn, name, scope, properties, identifiers, Optional.empty());
    }

    /** The same resource, with the details the collector could not read unknown for {@code why}. */
    public LiveResource withUnread(Value.Unknown why) {
        return new LiveResource(type, arn, name, scope, properties, identifiers, Optional.of(why));
    }

    /** The same resource with other properties (a detail call added to what the list call gave). */
    public LiveResource withProperties(MapNode more) {
        return new LiveResource(type, arn, name, scope, more, identifiers, unread);
    }
}
