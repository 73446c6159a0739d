package dev.resilint.infra.graph;

import dev.resilint.core.Rule;

/**
 * A rule over a resource graph: the same rule judges a template and a live account. It sees the
 * graph through a {@link GraphView} limited to the resource types its metadata declares, reads
 * values only through it, and stays quiet on unknown values. Messages name resources with
 * {@link Resource#displayName()}, which adds the AWS CDK construct path to the logical id of
 * CDK-generated resources.
 */
public interface InfraRule extends Rule<GraphView> {
}
