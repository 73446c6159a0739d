package dev.resilint.infra.cfn.fuzz;

import dev.resilint.core.Engine;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.Severity;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.MetadataSuppressions;
import dev.resilint.infra.cfn.TemplateFile;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.cfn.TemplateLoader;
import dev.resilint.infra.cfn.sam.SamTransform;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.rules.InfraRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code resilint check} does to one template after loading it, in memory: short-form tags
 * normalized, the SAM transform, Metadata suppressions, the graph, the evaluator on every property
 * path, and every infrastructure rule through the engine (with {@code requiredTags} set, so that
 * OB01 runs too). The only exception allowed is {@link TreeReadException} (an input error the
 * command line reports at its line); a rule that fails (the engine turns its exception into an
 * internal-error problem) fails the run with {@link InternalError}.
 */
public final class Pipeline {

    /** The configuration of every run: defaults, plus required tags so that every rule is active. */
    static final Config CONFIG = new Config(Optional.empty(), List.of(), List.of(), Map.of(), Map.of(),
            List.of("owner"), Optional.empty(), List.of(), TreeReader.DEFAULT_MAX_BYTES);

    private Pipeline() {
    }

    /** Thrown for an internal-error problem: a rule or the engine failed on the template. */
    public static final class InternalError extends AssertionError {
        InternalError(String message) {
            super(message);
        }
    }

    /**
     * Runs everything after loading on {@code root}, as it would run on a file named {@code name}.
     *
     * @return the results, or empty when the template is an input error (a {@link TreeReadException})
     * @throws InternalError when a rule or the engine failed
     */
    public static Optional<Results> judge(MapNode root, String name) {
        MapNode normalized;
        MapNode expanded;
        try {
            normalized = (MapNode) TemplateLoader.normalize(root, name);
            TemplateGraphs.isTemplate(normalized);
            expanded = SamTransform.expand(normalized, name);
        } catch (TreeReadException e) {
            return Optional.empty(); // reported as an input error at its line
        }
        TemplateFile template = new TemplateFile(name, expanded);
        Results results = new Results();
        MetadataSuppressions.Result suppressions = MetadataSuppressions.read(template, Severity.WARNING);
        suppressions.suppressions().forEach(results::addSuppression);
        suppressions.problems().forEach(results::addFinding);
        ResourceGraph graph = TemplateGraphs.build(template);
        for (Resource resource : graph.resources()) {
            resource.locate("");
            walk(graph, resource, "", resource.properties());
        }
        dev.resilint.infra.graph.GraphRules.run(new Engine(CONFIG), InfraRules.all(), graph, results);
        for (Problem p : results.problems()) {
            if (p.kind() == Problem.Kind.INTERNAL_ERROR) {
                throw new InternalError(p.display());
            }
        }
        return Optional.of(results);
    }

    /** Evaluates and locates every property path below {@code node} (map keys and list indexes). */
    private static void walk(ResourceGraph graph, Resource resource, String prefix, Node node) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                String path = prefix.isEmpty() ? e.key() : prefix + "/" + e.key();
                TemplateGraphs.evaluator(graph).property(resource, path);
                resource.locateProperty(path);
                walk(graph, resource, path, e.value());
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.size(); i++) {
                String path = prefix + "/" + i;
                TemplateGraphs.evaluator(graph).property(resource, path);
                resource.locateProperty(path);
                walk(graph, resource, path, list.get(i));
            }
        }
    }
}
