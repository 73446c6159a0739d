package dev.resilint.infra.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.infra.Fixtures;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The references {@link TemplateReferences} finds between a template's resources. */
class TemplateReferencesTest {

    @Test
    void referencesInBothDirections() {
        ResourceGraph graph = Fixtures.graph("""
                Resources:
                  Dlq: {Type: AWS::SQS::Queue}
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 5}
                  Fn: {Type: AWS::Lambda::Function}
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties: {EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref Fn}
                  Sm:
                    Type: AWS::StepFunctions::StateMachine
                    DependsOn: Q
                    Properties:
                      DefinitionString: !Sub '{"Resource": "${Fn.Arn}", "Q": "${Q}", "X": "${!Fn}"}'
                """);
        References refs = graph.references();
        assertThat(refs.to("Q")).extracting(References.Edge::from, References.Edge::path, References.Edge::kind)
                .containsExactly(
                        Tuple.tuple("Mapping", "Properties/EventSourceArn", References.Kind.GET_ATT),
                        Tuple.tuple("Sm", "DependsOn", References.Kind.DEPENDS_ON),
                        Tuple.tuple("Sm", "Properties/DefinitionString", References.Kind.SUB));
        assertThat(refs.from("Sm")).extracting(References.Edge::to).containsExactly("Q", "Fn", "Q");
        assertThat(refs.referrers(graph, "Q", "AWS::Lambda::EventSourceMapping")).extracting(Resource::id)
                .containsExactly("Mapping");
        assertThat(refs.to("Dlq")).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo("Q");
            assertThat(e.attribute()).isEqualTo("Arn");
        });
    }
}
