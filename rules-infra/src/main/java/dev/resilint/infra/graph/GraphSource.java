package dev.resilint.infra.graph;

import dev.resilint.core.SourceKind;
import dev.resilint.core.tree.Node;
import java.util.Optional;

/**
 * What a source (CloudFormation templates, a live account) implements so that rules can read its
 * resources without knowing where they came from. A template source interprets intrinsic functions,
 * conditions and parameters; a live source serves what the APIs answered. Both give
 * CloudFormation-shaped values in which a reference to another resource of the graph is a
 * symbolic scalar ({@link Symbols#REF}, {@link Symbols#GET_ATT}), and both say why a value is
 * unknown ({@link Value.Reason}).
 */
public interface GraphSource {

    /** The kind of input: rules run only on the sources their metadata names. */
    SourceKind kind();

    /**
     * The value of a property path below {@code Properties}, parts separated by {@code /}; list
     * items are addressed by index ({@code SubnetMappings/0/SubnetId}).
     */
    Value property(Resource resource, String path);

    /**
     * A resource attribute outside {@code Properties}, such as {@code DeletionPolicy} or
     * {@code UpdatePolicy}; absent when the source has no such thing (a live resource).
     */
    Value attribute(Resource resource, String name);

    /**
     * Whether the source writes the property at all, even when it evaluates to nothing (a template
     * whose condition leaves it unset); for messages that say why a property is missing.
     */
    boolean written(Resource resource, String path);

    /**
     * JSON carried as a string (a Step Functions definition, an SQS redrive policy), parsed; a
     * property that is already a map is returned as it is.
     */
    Value embeddedJson(Resource resource, String path);

    /**
     * A script carried as a string (EC2 {@code UserData}), for searching it: a template's text with
     * {@code Fn::Base64} undone and parts only deployment knows kept as their {@code ${...}} text; a
     * live resource's value as the API gives it (base64 for user data). By default the property.
     */
    default Value scriptText(Resource resource, String path) {
        return property(resource, path);
    }

    /**
     * The property as the source writes it, intrinsic functions unevaluated ({@code Fn::Select} stays
     * a map with that key): for a template, the node below {@code Properties} (the whole
     * {@code Properties} map for the empty path). Empty for a source without a written form (a live
     * account) and for a path that is not written. For rules about how a template is written (a
     * literal where a function or parameter belongs), never for judging values.
     */
    default Optional<Node> asWritten(Resource resource, String path) {
        return Optional.empty();
    }

    /** Whether the resource exists: true, false, or empty when it depends on something unknown. */
    Optional<Boolean> exists(Resource resource);

    /**
     * Whether {@code other} exists whenever {@code resource} does (it always exists, or only under
     * the same condition as {@code resource}).
     */
    boolean existsWhenever(Resource resource, Resource other);

    /**
     * Why some of the resource's details could not be read (a live detail call that failed); empty
     * when it was read in full, as a template resource always is.
     */
    default Optional<Value.Unknown> unread(Resource resource) {
        return Optional.empty();
    }
}
