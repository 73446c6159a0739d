package dev.resilint.infra.cfn.eval;

import static dev.resilint.infra.cfn.eval.Evaluations.reason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.TemplateGraphs;
import dev.resilint.infra.graph.ResourceGraph;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.Value.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** JSON written as a string ({@link Evaluator#embeddedJson}). */
class EmbeddedJsonTest {

    @Nested
    class AsText {
        @Test
        void definitionStringBuiltWithSubIsParsedWithPlaceholders() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      Fn: {Type: AWS::Lambda::Function}
                      Sm:
                        Type: AWS::StepFunctions::StateMachine
                        Properties:
                          DefinitionString: !Sub |
                            {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "${Fn.Arn}",
                             "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}], "End": true}}}
                    """);
            Value v = TemplateGraphs.evaluator(graph).embeddedJson(graph.resource("Sm").orElseThrow(), "DefinitionString");
            MapNode definition = v.asMap().orElseThrow();
            MapNode work = (MapNode) ((MapNode) definition.get("States").orElseThrow()).get("Work").orElseThrow();
            assertThat(((ScalarNode) work.get("Resource").orElseThrow()).text()).isEqualTo("${Fn.Arn}");
            assertThat(work.has("Retry")).isTrue();
        }

        @Test
        void redrivePolicyAsStringOrMap() {
            ResourceGraph graph = Fixtures.graph("""
                    Resources:
                      Dlq: {Type: AWS::SQS::Queue}
                      Q1:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: !Join ['', ['{"deadLetterTargetArn": "', !GetAtt Dlq.Arn, '", "maxReceiveCount": 5}']]
                      Q2:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                      Q3:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: '{"broken": '
                    """);
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(e.embeddedJson(graph.resource("Q1").orElseThrow(), "RedrivePolicy").asMap().orElseThrow()
                    .keys()).containsExactly("deadLetterTargetArn", "maxReceiveCount");
            MapNode q2 = e.embeddedJson(graph.resource("Q2").orElseThrow(), "RedrivePolicy").asMap().orElseThrow();
            assertThat(Symbols.resourceRef(q2.get("deadLetterTargetArn").orElseThrow()))
                    .contains(new Symbols.ResourceRef("Dlq", "Arn"));
            assertThat(reason(e.embeddedJson(graph.resource("Q3").orElseThrow(), "RedrivePolicy")))
                    .isEqualTo(Reason.INVALID);
        }
    }

    @Nested
    class ThroughFunctions {
        private Value redrive(String defaultValue) {
            ResourceGraph graph = Fixtures.graph("""
                    Parameters: {UseDlq: {Type: String, Default: '%s'}, Free: {Type: String}}
                    Conditions: {Dlq: !Equals [!Ref UseDlq, 'true']}
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties:
                          RedrivePolicy: !If [Dlq, {deadLetterTargetArn: x, maxReceiveCount: 5}, !Ref AWS::NoValue]
                          Text: !Ref Free
                          Plain: just text
                    """.formatted(defaultValue));
            return TemplateGraphs.evaluator(graph).embeddedJson(graph.resource("Q").orElseThrow(), "RedrivePolicy");
        }

        @Test
        void conditionsAroundTheJsonAreEvaluatedFirst() {
            assertThat(redrive("false").isAbsent()).isTrue();
            assertThat(redrive("true").asMap().orElseThrow().keys()).containsExactly("deadLetterTargetArn", "maxReceiveCount");
        }

        @Test
        void parametersAndPlainTextAreNotJson() {
            ResourceGraph graph = Fixtures.graph("""
                    Parameters: {Free: {Type: String}}
                    Resources:
                      Q: {Type: AWS::SQS::Queue, Properties: {Text: !Ref Free, Plain: just text}}
                    """);
            Evaluator e = TemplateGraphs.evaluator(graph);
            assertThat(reason(e.embeddedJson(graph.resource("Q").orElseThrow(), "Text")))
                    .isEqualTo(Reason.PARAMETER_WITHOUT_DEFAULT);
            assertThat(reason(e.embeddedJson(graph.resource("Q").orElseThrow(), "Plain"))).isEqualTo(Reason.INVALID);
        }
    }
}
