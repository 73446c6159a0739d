package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.core.report.MarkdownBlock;
import dev.resilint.infra.graph.Completeness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulation's blocks of the Markdown report, their Mermaid diagrams, and the tiers of unread types. */
class PullRequestBlocksTest {

    @Test
    void aSingleZoneTierHasAThickArrowToItsZoneAndIsRed() {
        StackSimulation stack = Simulate.stack("""
                Web:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetA2]}
                Api:
                  Type: AWS::AutoScaling::AutoScalingGroup
                  Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref SubnetA, !Ref SubnetB]}
                """);
        String diagram = SimulationMermaid.diagram(stack);
        assertThat(diagram).isEqualTo("""
                ```mermaid
                flowchart LR
                  z0(["az[0]"])
                  z1(["az[1]"])
                  t0["Web<br/>loses all instances"]:::lost
                  t1["Api<br/>keeps capacity"]:::survives
                  t0 ==>|alone| z0
                  t1 --> z0
                  t1 --> z1
                  classDef lost fill:#ffe0e0,stroke:#c00000,color:#000
                  classDef unknown fill:#eeeeee,stroke:#777777,stroke-dasharray:4 3,color:#000
                  classDef survives fill:#e3f5e1,stroke:#2e7d32,color:#000
                ```

                """);
    }

    @Test
    void labelsCannotBreakTheDiagram() {
        assertThat(SimulationMermaid.label("a\"b<c>#d\ne`")).isEqualTo("a#quot;b#lt;c#gt;#35;d e'");
    }

    @Test
    void blocksPutStacksThatDoNotSurviveFirstAndSkipStacksWithoutTiers() {
        Simulation simulation = Simulate.files(Path.of("..", "examples").toAbsolutePath().normalize(), "flawed");
        List<MarkdownBlock> blocks = SimulationMarkdown.blocks(simulation, s -> true, "stacks judged");
        assertThat(blocks).allMatch(b -> b.section().equals("AZ-failure simulation"));
        assertThat(blocks.get(0).full()).startsWith("The loss of one Availability Zone, simulated for the stacks "
                + "judged: 4 stacks: 2 do not survive the loss of a zone, 2 survive. 1 of them has no zonal tiers");
        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(1).brief()).startsWith("- `flawed/data.yaml`: **Does not survive**: ");
        assertThat(blocks.get(3).brief()).startsWith("- `flawed/async.yaml`: **Survives**: ");
        assertThat(blocks.get(1).full()).startsWith("#### `flawed/data.yaml`\n\n").contains("```mermaid\n");
        assertThat(SimulationMarkdown.blocks(simulation, s -> false, "changed stacks")).isEmpty();
    }

    @Test
    void typesThatCouldNotBeReadAreUnknownTiers() {
        Completeness completeness = Completeness.of(Map.of(
                "AWS::AutoScaling::AutoScalingGroup", Optional.empty(),
                "AWS::EC2::Subnet", Optional.empty(),
                "AWS::RDS::DBInstance", Optional.of(new Completeness.Gap(NotEvaluated.Reason.ACCESS_DENIED, "denied")),
                "AWS::RDS::DBCluster", Optional.of(new Completeness.Gap(NotEvaluated.Reason.ACCESS_DENIED, "denied"))),
                new Completeness.Gap(NotEvaluated.Reason.UNSUPPORTED, "not read"));
        List<Tier> tiers = new UnreadTiers().read(new SimulationGraph(
                new dev.resilint.infra.graph.GraphView(dev.resilint.infra.Fixtures.graph(
                        "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"), SimulationGraph.METADATA),
                "", new Exports(), Optional.empty(), completeness));
        assertThat(tiers).extracting(Tier::name).containsExactly("2 resource types (not read)",
                "types the live scan does not read");
        assertThat(tiers.get(0).placement().note()).isEqualTo("access-denied: denied (AWS::RDS::DBInstance, "
                + "AWS::RDS::DBCluster)");
        assertThat(tiers.get(1).placement().note()).contains("AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::EFS::FileSystem")
                .doesNotContain("AWS::AutoScaling").doesNotContain("AWS::EC2::Subnet");
        assertThat(tiers).allMatch(t -> t.placement().kind() == Placement.Kind.UNKNOWN);
        assertThat(new UnreadTiers().read(new SimulationGraph(new dev.resilint.infra.graph.GraphView(
                dev.resilint.infra.Fixtures.graph("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"),
                SimulationGraph.METADATA), "", new Exports(), Optional.empty(), Completeness.COMPLETE))).isEmpty();
    }
}
