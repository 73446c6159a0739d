package dev.resilint.infra.cfn;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.core.tree.TreeReader;
import dev.resilint.infra.cfn.eval.Intrinsics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CloudFormation template (YAML or JSON) and rewrites short-form tags into their long
 * form: {@code !GetAtt A.B.C} becomes {@code {"Fn::GetAtt": ["A", "B.C"]}}, {@code !Ref X} becomes
 * {@code {"Ref": "X"}}. Positions are kept. An unknown {@code !Tag} is an error naming its line.
 */
public final class TemplateLoader {

    private static final String YAML_CORE_TAG_PREFIX = "tag:yaml.org,2002:";

    private final TreeReader reader;

    public TemplateLoader(long maxBytes) {
        this.reader = new TreeReader(maxBytes);
    }

    /** Reads and normalizes a file. The root must be a map. */
    public MapNode load(Path file, String displayName) throws TreeReadException {
        return normalizeRoot(reader.read(file, displayName), displayName);
    }

    /** Parses and normalizes text. */
    public MapNode parse(String content, String displayName) throws TreeReadException {
        return normalizeRoot(reader.parse(content, displayName), displayName);
    }

    private static MapNode normalizeRoot(Node root, String file) throws TreeReadException {
        Node normalized = normalize(root, file);
        if (normalized instanceof MapNode map) {
            return map;
        }
        throw new TreeReadException(file, root.mark(), "a template must be a map at the top level, not "
                + root.kindDescription());
    }

    /** Rewrites short-form tags below {@code node} into long-form maps. */
    public static Node normalize(Node node, String file) throws TreeReadException {
        Node plain = normalizeChildren(node, file);
        String tag = node.tag();
        if (tag.isEmpty() || tag.startsWith(YAML_CORE_TAG_PREFIX)) { // !!str and other core tags
            return untagged(plain);
        }
        if (Intrinsics.isDirectiveTag(tag)) { // !Rain::Embed and other preprocessor directives
            return new MapNode(List.of(new MapNode.Entry(tag, node.mark(), untagged(plain))), node.mark(), "");
        }
        String key = Intrinsics.longForm(tag).orElseThrow(() -> new TreeReadException(file, node.mark(),
                "unknown tag !" + tag + Intrinsics.closest(tag).map(t -> "; did you mean !" + t + "?")
                        .orElse("; it is not a CloudFormation short-form function")));
        Node argument = untagged(plain);
        if (key.equals("Fn::GetAtt") && argument instanceof ScalarNode s) {
            argument = splitGetAtt(s);
        }
        return new MapNode(List.of(new MapNode.Entry(key, node.mark(), argument)), node.mark(), "");
    }

    private static Node normalizeChildren(Node node, String file) throws TreeReadException {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>(map.size());
            for (MapNode.Entry e : map.entries()) {
                if (!e.keyTag().isEmpty() && !e.keyTag().startsWith(YAML_CORE_TAG_PREFIX)) {
                    throw new TreeReadException(file, e.keyMark(), "tag !" + e.keyTag() + " on the key '" + e.key()
                            + "': CloudFormation keys are plain strings, not functions");
                }
                entries.add(new MapNode.Entry(e.key(), e.keyMark(), normalize(e.value(), file)));
            }
            return new MapNode(entries, map.mark(), map.tag());
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Node item : list.items()) {
                items.add(normalize(item, file));
            }
            return new ListNode(items, list.mark(), list.tag());
        }
        return node;
    }

    private static Node untagged(Node node) {
        if (node.tag().isEmpty()) {
            return node;
        }
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            map.entries().forEach(entries::add);
            return new MapNode(entries, map.mark(), "");
        }
        if (node instanceof ListNode list) {
            return new ListNode(list.items(), list.mark(), "");
        }
        ScalarNode s = (ScalarNode) node;
        return new ScalarNode(s.text(), s.type(), s.mark(), "");
    }

    /** {@code A.B.C} gives {@code ["A", "B.C"]}: the first dot separates resource and attribute. */
    private static Node splitGetAtt(ScalarNode s) {
        int dot = s.text().indexOf('.');
        if (dot <= 0) {
            return s;
        }
        Mark mark = s.mark();
        return new ListNode(List.of(ScalarNode.string(s.text().substring(0, dot), mark),
                ScalarNode.string(s.text().substring(dot + 1), mark)), mark, "");
    }
}
