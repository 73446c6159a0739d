package dev.resilint.infra.cfn.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;

/** Helpers for the evaluator's tests: one property evaluated in a small template. */
final class Evaluations {

    private Evaluations() {
    }

    /** Evaluates property {@code P} of resource {@code R} in a template with the given sections. */
    static Value eval(String sections, String property) {
        return eval(sections, property, "");
    }

    /** As {@link #eval(String, String)}, with more resources (YAML lines below {@code Resources}). */
    static Value eval(String sections, String property, String extraResources) {
        ResourceGraph graph = Fixtures.graph(sections + "\nResources:\n  R:\n    Type: AWS::X::Y\n    Properties:\n      P: "
                + property + "\n" + extraResources);
        return TemplateGraphs.evaluator(graph).property(graph.resource("R").orElseThrow(), "P");
    }

    static Reason reason(Value v) {
        assertThat(v).isInstanceOf(Value.Unknown.class);
        return ((Value.Unknown) v).reason();
    }

    static String text(Value v) {
        return v.asString().orElseThrow(() -> new AssertionError("not a known string: " + v));
    }
}
