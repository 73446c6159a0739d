package dev.resilint.infra.cfn.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.CorpusTest;
import dev.resilint.infra.cfn.TemplateLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshot tests of the SAM transform, as cfn-lint's: each folder below
 * {@code src/test/resources/sam/} is a case, its {@code template.yaml} the SAM input and its
 * {@code expected.yaml} the CloudFormation the transform must give, written by
 * {@link SnapshotYaml}. With {@code -Dresilint.updateSnapshots=true} (see {@code sam/update.sh})
 * the expected files are written instead of compared; review their diff before committing.
 * Positions, which a snapshot does not show, are checked by {@link SamLocationsTest}.
 */
class SamTransformTest {

    static final String UPDATE_PROPERTY = "resilint.updateSnapshots";

    private static final TemplateLoader LOADER = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);

    private static final Set<String> SAM_TYPES = Set.of("AWS::Serverless::Function", "AWS::Serverless::Api",
            "AWS::Serverless::HttpApi", "AWS::Serverless::StateMachine", "AWS::Serverless::SimpleTable");

    /** The case folders, in the source tree (so that updates land there). */
    static Path cases() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/sam");
    }

    static List<String> caseNames() throws IOException {
        try (Stream<Path> dirs = Files.list(cases())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("template.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /** A case's SAM input, parsed; its display name is {@code <case>/template.yaml}. */
    static MapNode template(String name) throws IOException, TreeReadException {
        return LOADER.load(cases().resolve(name).resolve("template.yaml"), name + "/template.yaml");
    }

    @Test
    void thereAreCases() throws IOException {
        assertThat(caseNames()).hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void expandsAsTheSnapshotSays(String name) throws Exception {
        MapNode expanded = SamTransform.expand(template(name), name + "/template.yaml");
        String actual = SnapshotYaml.write(expanded);

        if (expanded.get("Resources").orElse(null) instanceof MapNode resources) {
            assertNoServerlessTypes(resources, name);
            assertEveryMarkKnown(resources, name + ": Resources");
        }
        assertThat(SamTransform.expand(expanded, name)).as("expanding twice changes nothing").isEqualTo(expanded);
        assertSameTree(LOADER.parse(actual, name + "/expected.yaml"), expanded, name + ": snapshot reads back");

        Path expected = cases().resolve(name).resolve("expected.yaml");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expected).as("no expected.yaml for case %s: run src/test/resources/sam/update.sh", name)
                .isRegularFile();
        assertThat(actual).as("case %s (run src/test/resources/sam/update.sh to rewrite the expected files)", name)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- what a snapshot cannot show

    @Test
    void leavesNonSamTemplatesAloneAsTheSameInstance() throws Exception {
        MapNode root = LOADER.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 5
                """, "t.yaml");
        assertThat(SamTransform.expand(root, "t.yaml")).isSameAs(root);
        MapNode other = LOADER.parse("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                """, "t.yaml");
        assertThat(SamTransform.expand(other, "t.yaml")).isSameAs(other);
    }

    @Test
    void expandsEveryCorpusSamTemplate() throws IOException {
        Path corpus = CorpusTest.corpus();
        assumeTrue(Files.isDirectory(corpus), "corpus not present at " + corpus);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(SamTransformTest::isSamFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int expanded = 0;
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            MapNode root;
            try {
                root = LOADER.load(file, file.toString());
            } catch (TreeReadException e) {
                unreadable.add(e.display());
                continue;
            }
            MapNode result;
            try {
                result = SamTransform.expand(root, file.toString());
            } catch (TreeReadException e) {
                unreadable.add(e.display());
                continue;
            }
            if (!SamTransform.isSam(root)) {
                assertThat(result).isSameAs(root);
                continue;
            }
            expanded++;
            assertThat(result.has("Globals")).as(file.toString()).isFalse();
            if (result.get("Resources").orElse(null) instanceof MapNode resources) {
                assertNoServerlessTypes(resources, file.toString());
                assertEveryMarkKnown(resources, file + ": Resources");
            }
        }
        System.out.println("SAM corpus: " + files.size() + " files, " + expanded + " expanded, " + unreadable.size()
                + " unreadable");
        unreadable.forEach(u -> System.out.println("  " + u));
        assertThat(expanded).isGreaterThan(30);
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNoServerlessTypes(MapNode resources, String where) {
        for (MapNode.Entry e : resources.entries()) {
            if (e.value() instanceof MapNode def && def.get("Type").orElse(null) instanceof ScalarNode t) {
                assertThat(t.text()).as(where + ": " + e.key()).isNotIn(SAM_TYPES);
            }
        }
    }

    /** Every key and value below {@code node} points at a line of the source. */
    private static void assertEveryMarkKnown(Node node, String path) {
        assertThat(node.mark().line()).as(path).isPositive();
        if (node instanceof MapNode m) {
            for (MapNode.Entry e : m.entries()) {
                assertThat(e.keyMark().line()).as(path + "/" + e.key()).isPositive();
                assertEveryMarkKnown(e.value(), path + "/" + e.key());
            }
        } else if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                assertEveryMarkKnown(l.get(i), path + "/" + i);
            }
        }
    }

    /** The same keys in the same order, the same scalars of the same types; positions aside. */
    private static void assertSameTree(Node read, Node written, String path) {
        assertThat(read.getClass()).as(path).isEqualTo(written.getClass());
        if (written instanceof MapNode w) {
            MapNode r = (MapNode) read;
            assertThat(r.keys()).as(path).containsExactlyElementsOf(w.keys());
            for (MapNode.Entry e : w.entries()) {
                assertSameTree(r.get(e.key()).orElseThrow(), e.value(), path + "/" + e.key());
            }
        } else if (written instanceof ListNode w) {
            ListNode r = (ListNode) read;
            assertThat(r.size()).as(path).isEqualTo(w.size());
            for (int i = 0; i < w.size(); i++) {
                assertSameTree(r.get(i), w.get(i), path + "/" + i);
            }
        } else {
            ScalarNode w = (ScalarNode) written;
            ScalarNode r = (ScalarNode) read;
            assertThat(r.type()).as(path + " (" + w.text() + ")").isEqualTo(w.type());
            if (!w.isNull()) {
                assertThat(r.text()).as(path).isEqualTo(w.text());
            }
        }
    }

    private static boolean isSamFile(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")
                || name.endsWith(".template"))) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("AWS::Serverless-2016-10-31");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
