package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Evaluations.eval;
import static dev.resilint.infra.cfn.eval.Evaluations.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import org.junit.jupiter.api.Test;

/** The evaluation budget: values too complex to evaluate are {@link Reason#TOO_COMPLEX}, never a hang. */
class BudgetTest {
    @Test
    void deepConditionChainsAreTooComplexNotAHang() {
        StringBuilder t = new StringBuilder("Conditions:\n");
        for (int i = 0; i < 500; i++) {
            t.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
        }
        t.append("  C500: !Equals [a, a]\nResources:\n  R: {Type: AWS::X::Y}\n");
        ResourceGraph graph = Fixtures.graph(t.toString());
        assertThat(TemplateGraphs.evaluator(graph).condition("C0")).isEmpty();
        assertThat(TemplateGraphs.evaluator(graph).condition("C480")).contains(true);
    }

    @Test
    void selfReferencesAreTooComplex() {
        ResourceGraph graph = Fixtures.graph("""
                Resources:
                  A: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !GetAtt A.AvailabilityZone}}
                """);
        Value v = TemplateGraphs.evaluator(graph).property(graph.resource("A").orElseThrow(), "AvailabilityZone");
        assertThat(reason(v)).isEqualTo(Reason.TOO_COMPLEX);
    }

    @Test
    void exponentialIfTreesAreBounded() {
        StringBuilder value = new StringBuilder("x");
        for (int i = 0; i < 30; i++) {
            value = new StringBuilder("{'Fn::If': [U, ").append(value).append(", ").append(value).append("]}");
            if (value.length() > 200_000) {
                break;
            }
        }
        Value v = eval("Parameters:\n  F: {Type: String}\nConditions:\n  U: !Equals [!Ref F, x]",
                value.toString());
        assertThat(v.asString()).contains("x"); // every branch agrees, so the possibilities merge into one
        assertThat(v).isInstanceOf(Value.Known.class);
    }

    @Test
    void referenceChainsThatDoubleAtEveryStepAreTooComplex() {
        // each subnet's zone is one of two references to the next: 2^40 paths from linear text
        StringBuilder t = new StringBuilder("Parameters:\n  F: {Type: String}\nConditions:\n  U: !Equals [!Ref F, x]\n"
                + "Resources:\n");
        for (int i = 0; i < 40; i++) {
            t.append("  S").append(i).append(": {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: !If [U, !GetAtt S")
                    .append(i + 1).append(".AvailabilityZone, !GetAtt S").append(i + 1).append(".AvailabilityZone]}}\n");
        }
        t.append("  S40: {Type: AWS::EC2::Subnet, Properties: {AvailabilityZone: us-east-1a}}\n");
        ResourceGraph graph = Fixtures.graph(t.toString());
        Value v = TemplateGraphs.evaluator(graph).property(graph.resource("S0").orElseThrow(), "AvailabilityZone");
        assertThat(reason(v)).isEqualTo(Reason.TOO_COMPLEX);
        // the evaluator is usable again afterwards, with a fresh budget
        assertThat(TemplateGraphs.evaluator(graph).property(graph.resource("S40").orElseThrow(), "AvailabilityZone").asString())
                .contains("us-east-1a");
    }
}
