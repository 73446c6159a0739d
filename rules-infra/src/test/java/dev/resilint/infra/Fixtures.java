package dev.resilint.infra;

import dev.resilint.core.Engine;
import dev.resilint.core.Finding;
import dev.resilint.core.Results;
import dev.resilint.core.config.Config;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateFile;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.cfn.TemplateLoader;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.rules.InfraRule;
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

    /** Runs one rule with default configuration; fails the test if the rule throws. */
    public static List<Finding> findings(InfraRule rule, String yaml) {
        Results results = new Results();
        new Engine(Config.defaults()).run(List.of(rule), graph(yaml), "t.yaml", results);
        if (!results.problems().isEmpty()) {
            throw new AssertionError("rule failed: " + results.problems());
        }
        return Engine.normalize(results.findings());
    }
}
