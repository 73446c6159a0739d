package dev.resilint.infra.cfn;

import dev.resilint.core.tree.MapNode;
import java.util.Objects;

/**
 * A loaded CloudFormation template: its root map with every short-form tag turned into its long
 * form, and the name reports use for it.
 *
 * @param file path relative to the working directory, slash-separated
 * @param root the template's top-level map
 */
public record TemplateFile(String file, MapNode root) {
    public TemplateFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(root, "root");
    }
}
