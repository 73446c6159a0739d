package dev.resilint.infra.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimulationRenderTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @Test
    void textHasTheVerdictLineAndOneColumnPerZone() {
        String text = SimulationText.render(Simulate.files(EXAMPLES, "flawed/network-and-web.yaml"));
        assertThat(text).startsWith("flawed/network-and-web.yaml: does not survive the loss of az[0]: "
                + "WebAutoScalingGroup (all instances)\n"
                + "  tier                 az[0]             az[1]           placement\n"
                + "  WebAutoScalingGroup  loses everything  survives        VPCZoneIdentifier: az[0]\n");
        assertThat(text).endsWith("\n1 stack: 1 does not survive the loss of a zone\n");
    }

    @Test
    void jsonCarriesVerdictsZonesAndOutcomes() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SimulationJson.render(Simulate.files(EXAMPLES, "flawed")));
        assertThat(root.path("verdict").asText()).isEqualTo("does_not_survive");
        JsonNode web = root.path("stacks").get(3);
        assertThat(web.path("stack").asText()).isEqualTo("flawed/network-and-web.yaml");
        assertThat(web.path("verdict").asText()).isEqualTo("does_not_survive");
        assertThat(web.path("zones").toString()).isEqualTo("[\"az[0]\",\"az[1]\"]");
        JsonNode asg = web.path("tiers").get(0);
        assertThat(asg.path("name").asText()).isEqualTo("WebAutoScalingGroup");
        assertThat(asg.path("type").asText()).isEqualTo("AWS::AutoScaling::AutoScalingGroup");
        assertThat(asg.path("outcomes").toString()).isEqualTo("{\"az[0]\":\"loses_everything\",\"az[1]\":\"survives\"}");
        assertThat(root.path("stacks").get(0).path("verdict").asText()).isEqualTo("survives");
    }

    @Test
    void markdownHasATablePerStackWithEscapedCells() {
        String md = SimulationMarkdown.render(Simulate.files(EXAMPLES, "flawed/network-and-web.yaml"));
        assertThat(md).startsWith("## AZ-failure simulation\n\n1 stack: 1 does not survive the loss of a zone.\n\n"
                + "### `flawed/network-and-web.yaml`\n\n**Does not survive**: does not survive the loss of az\\[0\\]: "
                + "WebAutoScalingGroup (all instances)\n\n| tier | type | az\\[0\\] | az\\[1\\] | placement |\n"
                + "|---|---|---|---|---|\n| WebAutoScalingGroup | `AWS::AutoScaling::AutoScalingGroup` | "
                + "**loses everything** | survives | VPCZoneIdentifier: az\\[0\\] |\n");
    }

    @Test
    void renderingIsDeterministic() {
        assertThat(SimulationJson.render(Simulate.files(EXAMPLES, "flawed", "fixed")))
                .isEqualTo(SimulationJson.render(Simulate.files(EXAMPLES, "flawed", "fixed")));
    }
}
