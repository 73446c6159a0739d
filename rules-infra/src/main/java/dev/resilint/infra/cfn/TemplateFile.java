package dev.resilint.infra.cfn;

import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.graph.ParentStack;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded CloudFormation template: its root map with every short-form tag turned into its long
 * form, and the name reports use for it.
 *
 * @param file path relative to the working directory, slash-separated
 * @param root the template's top-level map
 * @param parent for a nested stack's template, the {@code AWS::CloudFormation::Stack} resource of
 *     the parent template that creates it; empty for a template analyzed on its own
 * @param parameterValues for a nested stack's template, the {@code Parameters} property of that
 *     stack resource as written in the parent (values for this template's parameters; it may be an
 *     intrinsic function such as {@code Fn::If}); an empty map when the stack resource passes no
 *     parameters. Empty when the template is not nested, or when the parent's {@code Parameters}
 *     is not a map. Expressions in it refer to the parent template.
 * @param declaredTypes for a template that a transform expanded, the type each generated resource
 *     was declared with, by logical id, where it differs from its type in {@link #root()}
 *     ({@code Sessions -> AWS::Serverless::SimpleTable}); empty for a template read as written
 */
public record TemplateFile(String file, MapNode root, Optional<ParentStack> parent,
        Optional<MapNode> parameterValues, Map<String, String> declaredTypes) {
    public TemplateFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(parameterValues, "parameterValues");
        declaredTypes = Map.copyOf(declaredTypes);
    }

    /** A template read as written (no transform changed its resource types). */
    public TemplateFile(String file, MapNode root, Optional<ParentStack> parent, Optional<MapNode> parameterValues) {
        this(file, root, parent, parameterValues, Map.of());
    }

    /** A template analyzed on its own, not as a nested stack. */
    public TemplateFile(String file, MapNode root) {
        this(file, root, Optional.empty(), Optional.empty());
    }
}
