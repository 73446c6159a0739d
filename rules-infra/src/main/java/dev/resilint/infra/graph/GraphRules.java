package dev.resilint.infra.graph;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.NotEvaluated;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs infrastructure rules over one graph: each enabled rule that applies to the graph's source,
 * on a view limited to its declared types. Where a declared type could not be read in full, the
 * rule is not run and is reported as not evaluated there, with the cause: never as a pass. A rule
 * that judges its types independently (a tag rule) still judges the types that were read; a type a
 * rule reads only where the source supports it is no gap where the source does not
 * ({@link RuleMetadata#typesReadWhereSupported()}). The
 * graph is recorded as a judged scope, and the tags of the resources findings are about are recorded
 * with them (for reports grouped by a tag).
 */
public final class GraphRules {

    private GraphRules() {
    }

    /** Runs {@code rules} over {@code graph} through {@code engine}; findings and gaps go to {@code out}. */
    public static void run(Engine engine, List<? extends InfraRule> rules, ResourceGraph graph, Results out) {
        out.addScope(graph.name());
        List<Finding> found = new ArrayList<>();
        for (InfraRule rule : rules) {
            RuleMetadata meta = rule.metadata();
            if (!engine.settings().isEnabled(meta.id()) || !rule.isActive(engine.settings())
                    || !meta.sources().contains(graph.kind())) {
                continue;
            }
            List<NotEvaluated> all = gaps(meta, graph);
            List<NotEvaluated> quieting = all.stream().filter(g -> meta.quietingTypes().contains(g.resourceType()))
                    .toList();
            List<NotEvaluated> gaps = all.stream().filter(g -> !quieting.contains(g)).toList();
            gaps.forEach(out::addNotEvaluated);
            List<String> readable = meta.resourceTypes().stream()
                    .filter(t -> gaps.stream().noneMatch(g -> g.resourceType().equals(t))).toList();
            if (!gaps.isEmpty() && (!meta.independentTypes() || readable.isEmpty())) {
                continue;
            }
            GraphView view = new GraphView(graph, meta, readable);
            Results own = new Results();
            engine.runOne(rule, view, graph.name(), own);
            if (!quieting.isEmpty()) {
                own = unjudgedFindings(own, quieting);
            }
            out.addAll(own);
            found.addAll(own.findings());
            for (GraphView.ReadGap gap : view.readGaps()) {
                boolean judged = own.findings().stream()
                        .anyMatch(f -> f.location().subject().equals(gap.resource().locate("").subject()));
                if (!judged) {
                    out.addNotEvaluated(new NotEvaluated(meta.id(), graph.name(), gap.resource().type(),
                            gap.reason(), gap.detail(), gap.resource().locate("").subject()));
                }
            }
        }
        FindingTags.record(graph, found, out);
    }

    /**
     * {@code own} with each finding replaced by a not-evaluated result for its resource: a type the
     * rule reads only to stay quiet could not be read ({@code quieting}), and one of its resources
     * might have silenced the finding.
     */
    private static Results unjudgedFindings(Results own, List<NotEvaluated> quieting) {
        Results kept = new Results();
        own.suppressions().forEach(kept::addSuppression);
        own.problems().forEach(kept::addProblem);
        own.notes().forEach(kept::addNote);
        own.notEvaluated().forEach(kept::addNotEvaluated);
        NotEvaluated first = quieting.get(0);
        String types = String.join(", ", quieting.stream().map(NotEvaluated::resourceType).toList());
        for (Finding f : own.findings()) {
            kept.addNotEvaluated(new NotEvaluated(first.ruleId(), first.scope(), first.resourceType(), first.reason(),
                    "would be reported, but " + types + " could not be read (" + first.detail() + "), and one of "
                            + "them may act on it, which makes it compliant", f.location().subject()));
        }
        return kept;
    }

    /**
     * The declared types of the rule that the graph could not read in full, but for those the rule reads
     * only where supported that the source does not support.
     */
    static List<NotEvaluated> gaps(RuleMetadata rule, ResourceGraph graph) {
        List<NotEvaluated> gaps = new ArrayList<>();
        for (String type : rule.resourceTypes()) {
            Optional<Completeness.Gap> gap = graph.completeness().gap(type).filter(g -> !(g.reason()
                    == NotEvaluated.Reason.UNSUPPORTED && rule.typesReadWhereSupported().contains(type)));
            gap.ifPresent(g -> gaps.add(new NotEvaluated(rule.id(), graph.name(), type, g.reason(), g.detail(), "")));
        }
        return gaps;
    }
}
