package dev.resilint.infra.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.core.Engine;
import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import dev.resilint.core.RuleContext;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.SourceKind;
import dev.resilint.core.config.Config;
import dev.resilint.infra.Fixtures;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A rule that reads a resource type its metadata does not declare fails: the view throws
 * {@link UndeclaredTypeException}, the engine turns it into an internal-error problem for the rule,
 * and a rule test over {@link Fixtures#findings} fails. Each way into the graph is covered.
 */
class UndeclaredReadTest {

    private static final String TEMPLATE = """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties: {MinSize: '1', MaxSize: '2', VPCZoneIdentifier: [!Ref Subnet]}
              Queue:
                Type: AWS::SQS::Queue
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Queue.Arn, FunctionName: f}
            """;

    /** A rule that judges Auto Scaling groups and queues, declares nothing else, and reads as {@code read} does. */
    private static ResourceRule rule(BiConsumer<Resource, GraphView> read) {
        RuleMetadata meta = RuleMetadata.builder("XX98", "UndeclaredRead")
                .summary("Reads more than it declares.").rationale("Shows what an undeclared read does.")
                .remediation("Declare what you read.").sources(SourceKind.TEMPLATE, SourceKind.LIVE)
                .judges("AWS::AutoScaling::AutoScalingGroup", "AWS::SQS::Queue").build();
        return new ResourceRule() {
            @Override
            public RuleMetadata metadata() {
                return meta;
            }

            @Override
            protected void check(Resource resource, GraphView graph, RuleContext context) {
                read.accept(resource, graph);
                context.report(resource.locate(""), "read " + resource.id());
            }
        };
    }

    @Test
    void declaredReadsWork() {
        ResourceRule fine = rule((r, graph) -> graph.ofType("AWS::SQS::Queue"));
        assertThat(Fixtures.findings(fine, TEMPLATE)).extracting(f -> f.message())
                .containsExactly("read Group", "read Queue");
    }

    @Test
    void readingAnUndeclaredTypeByNameFails() {
        assertUndeclared(rule((r, graph) -> graph.ofType("AWS::EC2::Subnet")), "AWS::EC2::Subnet");
    }

    @Test
    void fetchingAResourceOfAnUndeclaredTypeByIdFails() {
        assertUndeclared(rule((r, graph) -> graph.resource("Mapping")), "AWS::Lambda::EventSourceMapping");
    }

    @Test
    void askingForReferrersOfAnUndeclaredTypeFails() {
        assertUndeclared(rule((r, graph) -> graph.referrers(r, "AWS::Lambda::EventSourceMapping")),
                "AWS::Lambda::EventSourceMapping");
    }

    @Test
    void resolvingZonesWithoutDeclaringSubnetsFails() {
        assertUndeclared(rule((r, graph) -> graph.zonesOfSubnets(graph.property(r, "VPCZoneIdentifier"))),
                "AWS::EC2::Subnet");
    }

    @Test
    void undeclaredReferencesAreLeftOutRatherThanFollowed() {
        // Queue is referred to by Mapping, whose type the rule does not declare: the view hides the edge
        ResourceRule rule = rule((r, graph) -> assertThat(graph.edgesTo(r)).isEmpty());
        assertThat(Fixtures.findings(rule, TEMPLATE)).hasSize(2);
    }

    private static void assertUndeclared(ResourceRule rule, String type) {
        Results results = new Results();
        GraphRules.run(new Engine(Config.defaults()), List.of(rule), Fixtures.graph(TEMPLATE), results);
        assertThat(results.problems()).hasSize(1);
        Problem problem = results.problems().get(0);
        assertThat(problem.kind()).isEqualTo(Problem.Kind.INTERNAL_ERROR);
        assertThat(problem.ruleId()).isEqualTo("XX98");
        assertThat(problem.message()).contains(UndeclaredTypeException.class.getName(),
                "rule XX98 reads " + type + ", which its metadata does not declare");
        assertThatThrownBy(() -> Fixtures.findings(rule, TEMPLATE)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule failed").hasMessageContaining(type);
    }
}
