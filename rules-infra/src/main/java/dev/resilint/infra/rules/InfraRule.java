package dev.resilint.infra.rules;

import dev.resilint.core.Rule;
import dev.resilint.infra.graph.ResourceGraph;

/**
 * A rule over a {@link ResourceGraph}: the same rule judges a template and a live account. It reads
 * values only through {@link ResourceGraph#evaluator()}, and stays quiet on unknown values. Messages
 * name resources with {@link dev.resilint.infra.graph.Resource#displayName()}, which adds the AWS CDK
 * construct path to the logical id of CDK-generated resources.
 */
public interface InfraRule extends Rule<ResourceGraph> {
}
