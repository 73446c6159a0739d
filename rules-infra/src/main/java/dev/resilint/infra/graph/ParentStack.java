package dev.resilint.infra.graph;

import java.util.Objects;

/**
 * The stack resource that creates a nested stack: for templates, the
 * {@code AWS::CloudFormation::Stack} resource of the parent template.
 *
 * @param file the parent template, as reports name it
 * @param stackId logical id of the {@code AWS::CloudFormation::Stack} resource in the parent
 */
public record ParentStack(String file, String stackId) {
    public ParentStack {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stackId, "stackId");
    }

    @Override
    public String toString() {
        return stackId + " in " + file;
    }
}
