package dev.resilint.infra.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.infra.Fixtures;
import dev.resilint.infra.cfn.TemplateFile;
import dev.resilint.infra.cfn.TemplateGraphs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceTest {

    private static final MapNode EMPTY = new MapNode(List.of(), Mark.UNKNOWN, "");

    private static Resource resource(Optional<String> sourcePath) {
        return new Resource("Db", "AWS::RDS::DBInstance", EMPTY, EMPTY, p -> null, sourcePath, Optional.empty());
    }

    @Test
    void displayNameIsTheLogicalIdWithoutACdkPath() {
        Resource plain = new Resource("Db", "AWS::RDS::DBInstance", EMPTY, EMPTY, p -> null);
        assertThat(plain.sourcePath()).isEmpty();
        assertThat(plain.parentStack()).isEmpty();
        assertThat(plain.displayName()).isEqualTo("Db");
    }

    @Test
    void displayNameAddsTheCdkPathWithoutTheTrailingResource() {
        assertThat(resource(Optional.of("MyStack/Web/Group/Resource")).displayName())
                .isEqualTo("Db (MyStack/Web/Group)");
        assertThat(resource(Optional.of("MyStack/Db/Default")).displayName()).isEqualTo("Db (MyStack/Db/Default)");
        assertThat(resource(Optional.of("MyStack/Resources/Db")).displayName()).isEqualTo("Db (MyStack/Resources/Db)");
    }

    @Test
    void templateGraphsReadTheCdkPathMetadata() {
        ResourceGraph graph = Fixtures.graph("""
                Resources:
                  OrdersTable6D3A5C4E:
                    Type: AWS::DynamoDB::Table
                    Metadata:
                      aws:cdk:path: MyStack/Orders/Resource
                  Hand:
                    Type: AWS::SQS::Queue
                    Metadata: {owner: team-a}
                  Blank:
                    Type: AWS::SQS::Queue
                    Metadata: {aws:cdk:path: ''}
                """);
        assertThat(graph.resource("OrdersTable6D3A5C4E").orElseThrow().sourcePath())
                .contains("MyStack/Orders/Resource");
        assertThat(graph.resource("OrdersTable6D3A5C4E").orElseThrow().displayName())
                .isEqualTo("OrdersTable6D3A5C4E (MyStack/Orders)");
        assertThat(graph.resource("Hand").orElseThrow().sourcePath()).isEmpty();
        assertThat(graph.resource("Blank").orElseThrow().displayName()).isEqualTo("Blank");
    }

    @Test
    void resourcesOfANestedTemplateKnowTheirParentStack() {
        TemplateFile plain = Fixtures.template("Resources:\n  Q: {Type: AWS::SQS::Queue}\n");
        TemplateFile nested = new TemplateFile("stacks/q.yaml", plain.root(),
                Optional.of(new ParentStack("main.yaml", "QueueStack")), Optional.of(EMPTY));
        assertThat(TemplateGraphs.build(plain).resources()).singleElement()
                .satisfies(r -> assertThat(r.parentStack()).isEmpty());
        assertThat(TemplateGraphs.build(nested).resources()).singleElement()
                .satisfies(r -> assertThat(r.parentStack()).contains(new ParentStack("main.yaml", "QueueStack")));
    }
}
