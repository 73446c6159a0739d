package dev.resilint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodesTest {

    private final TemplateLoader loader = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    @Test
    void plainValuesKeepTextAndIgnoreMarksTagsAndKeyOrder() throws Exception {
        Object yaml = Nodes.toPlain(loader.parse("A: 5\nB: true\nC: [x, !Ref P]\nD:\n", "t.yaml"));
        Object json = Nodes.toPlain(loader.parse(
                "{\n  \"C\": [\"x\", {\"Ref\": \"P\"}],\n  \"B\": \"true\", \"A\": 5, \"D\": null}", "t.json"));
        assertThat(yaml).isEqualTo(Map.of("A", "5", "B", "true", "C", List.of("x", Map.of("Ref", "P")), "D", ""));
        assertThat(json).isEqualTo(yaml);
        assertThat(Nodes.differences("", yaml, json)).isEmpty();
    }

    @Test
    void differencesNameEveryPath() throws Exception {
        Object left = Nodes.toPlain(loader.parse("A: 5\nB: {X: 1, Y: [1, 2]}\nC: 1\n", "t.yaml"));
        Object right = Nodes.toPlain(loader.parse("A: 5.0\nB: {X: 1, Y: [1, 3]}\nD: 1\n", "t.yaml"));
        assertThat(Nodes.differences("R", left, right)).extracting(Nodes.Difference::toString).containsExactly(
                "R/A: '5' != '5.0'", "R/B/Y/1: '2' != '3'", "R/C: only on the left", "R/D: only on the right");
    }
}
