package dev.resilint.infra.cfn.sam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where the transform's output points, which the snapshots of {@link SamTransformTest} do not
 * show: renamed properties keep their key's line, generated resources and properties point at the
 * SAM key that caused them, values from {@code Globals} point into {@code Globals}. Each test reads
 * one snapshot case's {@code template.yaml}.
 */
class SamLocationsTest {

    /** A case's template text and its expansion. */
    private record Case(String yaml, MapNode root) {

        static Case of(String name) throws Exception {
            String yaml = Files.readString(SamTransformTest.cases().resolve(name).resolve("template.yaml"),
                    StandardCharsets.UTF_8);
            return new Case(yaml, SamTransform.expand(SamTransformTest.template(name), name));
        }

        MapNode resources() {
            return (MapNode) root.get("Resources").orElseThrow();
        }

        MapNode resource(String id) {
            return (MapNode) resources().get(id).orElseThrow(() -> new AssertionError("no resource " + id));
        }

        MapNode props(String id) {
            return (MapNode) resource(id).get("Properties").orElseThrow();
        }

        /** The line of the resource's logical id. */
        int idLine(String id) {
            return resources().entry(id).orElseThrow().keyMark().line();
        }

        /** The 1-based line of the first line of the template containing {@code fragment}. */
        int line(String fragment) {
            String[] lines = yaml.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(fragment)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line with " + fragment);
        }
    }

    /** Walks map keys and list indexes. */
    private static Node at(Node node, String... path) {
        Node current = node;
        for (String part : path) {
            if (current instanceof MapNode m) {
                current = m.get(part).orElseThrow(() -> new AssertionError("no " + part + " in " + m.keys()));
            } else {
                current = ((ListNode) current).get(Integer.parseInt(part));
            }
        }
        return current;
    }

    private static int keyLine(Node map, String... path) {
        String key = path[path.length - 1];
        MapNode parent = (MapNode) at(map, Arrays.copyOf(path, path.length - 1));
        return parent.entry(key).orElseThrow(() -> new AssertionError("no " + key + " in " + parent.keys()))
                .keyMark().line();
    }

    @Test
    void functionPropertiesKeepTheirSamLines() throws Exception {
        Case c = Case.of("function");
        assertThat(c.idLine("F")).isEqualTo(c.line("  F:"));
        assertThat(keyLine(c.resource("F"), "Type")).isEqualTo(c.line("Type: AWS::Serverless::Function"));
        MapNode p = c.props("F");
        assertThat(keyLine(p, "Timeout")).isEqualTo(c.line("Timeout: 30"));
        assertThat(keyLine(p, "Code")).isEqualTo(c.line("CodeUri:"));
        assertThat(keyLine(p, "DeadLetterConfig")).isEqualTo(c.line("DeadLetterQueue:"));
        assertThat(keyLine(p, "DeadLetterConfig", "TargetArn")).isEqualTo(c.line("TargetArn:"));
        assertThat(at(p, "Tags", "1").mark().line()).isEqualTo(c.line("team: payments"));
    }

    @Test
    void globalValuesPointIntoGlobals() throws Exception {
        Case c = Case.of("globals-function");
        MapNode uses = c.props("UsesGlobals");
        assertThat(keyLine(uses, "Timeout")).isEqualTo(c.line("Timeout: 20"));
        assertThat(at(uses, "Timeout").mark().line()).isEqualTo(c.line("Timeout: 20"));
        assertThat(keyLine(c.props("Overrides"), "Timeout")).isEqualTo(c.line("Timeout: 10"));
    }

    @Test
    void eventSourceMappingPointsAtItsEvent() throws Exception {
        Case c = Case.of("function-event-sqs");
        assertThat(c.idLine("ConsumerFromQueue")).isEqualTo(c.line("FromQueue:"));
        MapNode p = c.props("ConsumerFromQueue");
        assertThat(keyLine(p, "EventSourceArn")).isEqualTo(c.line("Queue: !GetAtt"));
        assertThat(at(p, "EventSourceArn").mark().line()).isEqualTo(c.line("Queue: !GetAtt"));
        assertThat(keyLine(p, "FunctionName")).isEqualTo(c.line("FromQueue:"));
    }

    @Test
    void apiMethodsAndTheImplicitRestApiPointAtTheFirstEvent() throws Exception {
        Case c = Case.of("function-event-api-implicit-rest-api");
        MapNode get = c.props("FGetMethod");
        assertThat(keyLine(get, "HttpMethod")).isEqualTo(c.line("Method: get"));
        assertThat(keyLine(get, "Integration", "TimeoutInMillis")).isEqualTo(c.line("TimeoutInMillis:"));
        assertThat(c.idLine("ServerlessRestApi")).isEqualTo(c.line("Get:"));
        assertThat(keyLine(c.props("ServerlessRestApiProdStage"), "CacheClusterEnabled"))
                .isEqualTo(c.line("CacheClusterEnabled:"));
    }

    @Test
    void apiStageSettingsKeepTheirLinesAndTheStagePointsAtTheApi() throws Exception {
        Case c = Case.of("api");
        MapNode stage = c.props("MyApiprodStage");
        assertThat(keyLine(stage, "CacheClusterEnabled")).isEqualTo(c.line("CacheClusterEnabled:"));
        assertThat(keyLine(stage, "MethodSettings")).isEqualTo(c.line("MethodSettings:"));
        assertThat(c.idLine("MyApiprodStage")).isEqualTo(c.line("MyApi:"));
    }

    @Test
    void httpApiIntegrationKeepsItsTimeoutLine() throws Exception {
        Case c = Case.of("http-api");
        assertThat(keyLine(c.props("FRootIntegration"), "TimeoutInMillis")).isEqualTo(c.line("TimeoutInMillis:"));
    }

    @Test
    void queuesAndDeadLettersPointAtTheirKeys() throws Exception {
        Case c = Case.of("function-events-sns-schedule-eventbridge");
        assertThat(c.idLine("FBufferedQueue")).isEqualTo(c.line("SqsSubscription:"));
        MapNode target = (MapNode) at(c.props("FOnEvent"), "Targets", "0");
        assertThat(keyLine(target, "DeadLetterConfig")).isEqualTo(c.line("Arn: !GetAtt RuleDlq.Arn") - 1);
        assertThat(keyLine(target, "DeadLetterConfig", "Arn")).isEqualTo(c.line("Arn: !GetAtt RuleDlq.Arn"));
    }

    @Test
    void deploymentConfigPointsAtTheDeploymentType() throws Exception {
        Case c = Case.of("function-deployment-preference");
        assertThat(keyLine(c.props("FDeploymentGroup"), "DeploymentConfigName")).isEqualTo(c.line("Type: AllAtOnce"));
    }

    @Test
    void stateMachineDefinitionKeepsItsTree() throws Exception {
        Case c = Case.of("state-machine");
        MapNode p = c.props("Flow");
        assertThat(keyLine(p, "Definition", "States", "Call", "Retry", "0", "MaxAttempts"))
                .isEqualTo(c.line("MaxAttempts: 3"));
        assertThat(keyLine(p, "Definition")).isEqualTo(c.line("Definition:"));
    }

    @Test
    void tableKeyAndGlobalsKeepTheirLines() throws Exception {
        Case c = Case.of("simple-table");
        assertThat(keyLine(c.props("Plain"), "SSESpecification")).isEqualTo(c.line("SSESpecification:"));
        assertThat(keyLine(c.props("Keyed"), "KeySchema")).isEqualTo(c.line("PrimaryKey:"));
    }
}
