package dev.resilint.infra.rules;

import dev.resilint.core.Rule;
import dev.resilint.infra.graph.ResourceGraph;

/**
 * A rule over a {@link ResourceGraph}: the same rule judges a template and a live account. It reads
 * values only through {@link ResourceGraph#evaluator()}, and stays quiet on unknown values.
 */
public interface InfraRule extends Rule<ResourceGraph> {
}
