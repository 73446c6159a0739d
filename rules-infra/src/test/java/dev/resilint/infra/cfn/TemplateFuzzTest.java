package dev.resilint.infra.cfn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.resilint.infra.rules.InfraRules;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the template loader, the graph builder, the locator and the evaluator with Jazzer. The
 * fuzzer's bytes are template text; the only exception allowed anywhere is
 * {@link TreeReadException} from the loader. Seeds are in
 * {@code src/test/resources/dev/resilint/infra/cfn/TemplateFuzzTestInputs/fuzzTemplate/}.
 *
 * <p>Without {@code JAZZER_FUZZ} set, a {@code @FuzzTest} only replays its seeds. The {@code fuzz}
 * surefire execution in {@code rules-infra/pom.xml} sets {@code JAZZER_FUZZ=1} and runs this class
 * alone in its own JVM, so {@code mvn verify} fuzzes for {@code maxDuration} (15 s, about 25 s with
 * the agent's start). To fuzz longer, override the duration (or, from an IDE, set
 * {@code JAZZER_FUZZ=1} and raise {@code maxDuration} here):
 * <pre>
 * mvn -pl rules-infra test-compile surefire:test@fuzz -Djazzer.max_duration=10m
 * </pre>
 * The generated corpus and any crashing input go to {@code rules-infra/target/jazzer/}; copy a
 * crashing input into the seed directory above to keep it as a regression test.
 */
class TemplateFuzzTest {

    private static final TemplateLoader LOADER = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    /**
     * Every input is read twice: as a {@code .yaml} file is (JSON too, when it starts with a brace),
     * and by the JSON parser (a brace is put in front when there is none). One method, because
     * Jazzer fuzzes only one {@code @FuzzTest} per JVM.
     */
    @FuzzTest(maxDuration = "15s")
    void fuzzTemplate(byte[] data) {
        exercise(data, "fuzz.yaml", false);
        exercise(data, "fuzz.json", true);
    }

    static void exercise(byte[] data, String name, boolean json) {
        try {
            TreeReader.decode(data, name); // the check load() makes on a file's bytes
        } catch (TreeReadException e) {
            // allowed: binary or not UTF-8; go on with the lenient decoding below
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (json && !text.stripLeading().startsWith("{")) {
            text = "{" + text;
        }
        MapNode root;
        try {
            root = LOADER.parse(text, name);
        } catch (TreeReadException e) {
            return; // the one exception allowed
        }
        TemplateGraphs.isTemplate(root);
        ResourceGraph graph = TemplateGraphs.build(new TemplateFile(name, root));
        for (Resource resource : graph.resources()) {
            resource.locate("");
            walk(graph, resource, "", resource.properties());
        }
    }

    /** Evaluates and locates every property path below {@code node} (map keys and list indexes). */
    private static void walk(ResourceGraph graph, Resource resource, String prefix, Node node) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                String path = prefix.isEmpty() ? e.key() : prefix + "/" + e.key();
                TemplateGraphs.evaluator(graph).property(resource, path);
                resource.locateProperty(path);
                walk(graph, resource, path, e.value());
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.size(); i++) {
                String path = prefix + "/" + i;
                TemplateGraphs.evaluator(graph).property(resource, path);
                resource.locateProperty(path);
                walk(graph, resource, path, list.get(i));
            }
        }
    }
}
