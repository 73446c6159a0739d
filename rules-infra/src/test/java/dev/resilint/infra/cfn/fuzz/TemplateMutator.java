package dev.resilint.infra.cfn.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.TemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Mutates real templates: the seeds are every template of the test resources and the examples
 * and the shared corpus when it is present ({@code CorpusTest.corpus()}), plus the folders named by
 * {@code -Dresilint.fuzz.seeds} (separated by the path separator), loaded once; a mutation picks a node of the tree (by its index in a
 * depth-first walk) and replaces it by a value of the {@link TemplateGrammar}, deletes it, doubles
 * a map entry under a new key, swaps a scalar for a word rules look at, or wraps it in a
 * {@code Fn::If}.
 */
public final class TemplateMutator {

    /**
     * Larger templates are left out: a mutation of a template of thousands of nodes costs a hundred
     * times one of a small template, and finds nothing a small one does not.
     */
    static final int MAX_SEED_NODES = 2_500;

    /** The seed templates, sorted by file name so that an input replays the same on every machine. */
    static final List<MapNode> SEEDS = load();

    private TemplateMutator() {
    }

    /** A seed chosen by {@code data}, mutated one to eight times. */
    public static MapNode mutated(FuzzedDataProvider data) {
        MapNode root = data.pickValue(SEEDS);
        int mutations = data.consumeInt(1, 8);
        for (int i = 0; i < mutations; i++) {
            Walk walk = new Walk(data, data.consumeInt(1, Math.max(1, count(root) - 1))); // never the root itself
            if (mutate(root, walk) instanceof MapNode map) {
                root = map;
            }
        }
        return root;
    }

    /** The node to mutate, counted down in a depth-first walk. */
    private static final class Walk {
        final FuzzedDataProvider data;
        int remaining;
        boolean done;

        Walk(FuzzedDataProvider data, int index) {
            this.data = data;
            this.remaining = index;
        }
    }

    private static int count(Node node) {
        int n = 1;
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries()) {
                n += count(e.value());
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                n += count(item);
            }
        }
        return n;
    }

    /** The tree with the walk's node mutated; null to delete {@code node} from its parent. */
    private static Node mutate(Node node, Walk walk) {
        if (walk.done) {
            return node;
        }
        if (walk.remaining == 0) {
            walk.done = true;
            return replacement(node, walk.data);
        }
        walk.remaining--;
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry e : map.entries()) {
                boolean child = !walk.done && walk.remaining == 0;
                Node value = mutate(e.value(), walk);
                if (value != null) {
                    entries.add(new MapNode.Entry(e.key(), e.keyMark(), value));
                    if (child && walk.data.consumeInt(0, 5) == 0 && !map.has(e.key() + "Copy")) {
                        entries.add(new MapNode.Entry(e.key() + "Copy", e.keyMark(), value));
                    }
                }
            }
            return new MapNode(entries, map.mark(), map.tag());
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                Node value = mutate(item, walk);
                if (value != null) {
                    items.add(value);
                }
            }
            return new ListNode(items, list.mark(), list.tag());
        }
        return node;
    }

    private static Node replacement(Node node, FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> null;
            case 1 -> node instanceof ScalarNode s
                    ? new ScalarNode(data.pickValue(TemplateGrammar.WORDS), ScalarNode.Type.STRING, s.mark(), "")
                    : TemplateGrammar.value(data);
            case 2 -> TemplateGrammar.map(TemplateGrammar.ordered("Fn::If", TemplateGrammar.list(List.of(
                    TemplateGrammar.scalar("Cond0"), node, TemplateGrammar.value(data)))));
            case 3 -> node instanceof MapNode map && map.has("Type")
                    ? withType(map, data.pickValue(TemplateGrammar.TYPES)) : TemplateGrammar.value(data);
            default -> TemplateGrammar.value(data);
        };
    }

    private static MapNode withType(MapNode map, String type) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry e : map.entries()) {
            entries.add(e.key().equals("Type")
                    ? new MapNode.Entry("Type", e.keyMark(), ScalarNode.string(type, e.value().mark())) : e);
        }
        return new MapNode(entries, map.mark(), map.tag());
    }

    private static List<MapNode> load() {
        List<Path> roots = new ArrayList<>(List.of(Path.of("src", "test", "resources", "sam"),
                Path.of("src", "test", "resources", "snapshots"), Path.of("..", "examples")));
        roots.add(dev.resilint.infra.cfn.CorpusTest.corpus()); // the shared corpus, when it is there
        String extra = System.getProperty("resilint.fuzz.seeds", "");
        for (String part : extra.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                roots.add(Path.of(part));
            }
        }
        TemplateLoader loader = new TemplateLoader(TreeReader.DEFAULT_MAX_BYTES);
        List<MapNode> seeds = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json|template)"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Path file : files) {
                try {
                    MapNode root1 = loader.load(file, file.toString());
                    if (root1.get("Resources").orElse(null) instanceof MapNode && count(root1) <= MAX_SEED_NODES) {
                        seeds.add(root1);
                    }
                } catch (TreeReadException e) {
                    // not a template: not a seed
                }
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seed templates below " + roots + " (run from the module directory)");
        }
        return List.copyOf(seeds);
    }
}
