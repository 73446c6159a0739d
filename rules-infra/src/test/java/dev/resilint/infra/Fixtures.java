package dev.resilint.infra;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Results;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateFile;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.cfn.TemplateLoader;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.GraphRules;
import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.InfraRule;
import java.util.List;

/** Small helpers for tests that run rules over inline templates. */
public final class Fixtures {

    private Fixtures() {
    }

    public static TemplateFile template(String yaml) {
        try {
            return new TemplateFile("t.yaml", new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES).parse(yaml, "t.yaml"));
        } catch (TreeReadException e) {
            throw new AssertionError(e.display(), e);
        }
    }

    public static ResourceGraph graph(String yaml) {
        return TemplateGraphs.build(template(yaml));
    }

    /** What a rule that declares {@code types} would see of the graph. */
    public static GraphView view(ResourceGraph graph, String... types) {
        return new GraphView(graph, RuleMetadata.builder("XX99", "TestView").summary("A view for tests.")
                .rationale("Tests read the graph as a rule would.").remediation("None.")
                .sources(SourceKind.TEMPLATE, SourceKind.LIVE).reads(types).build());
    }

    /** Runs one rule with default configuration; fails the test if the rule throws. */
    public static List<Finding> findings(InfraRule rule, String yaml) {
        Results results = new Results();
        GraphRules.run(new Engine(Config.defaults()), List.of(rule), graph(yaml), results);
        if (!results.problems().isEmpty()) {
            throw new AssertionError("rule failed: " + results.problems());
        }
        return Engine.normalize(results.findings());
    }
}
