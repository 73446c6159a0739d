package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.SamNodes.str;

import dev.resilint.core.tree.MapNode;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the resources the transform generates, and the resource attributes they carry: the main
 * resource of a SAM resource keeps its attributes ({@code Condition}, {@code DependsOn},
 * {@code Metadata}, {@code DeletionPolicy}, {@code UpdateReplacePolicy}, ...), generated child
 * resources get its {@code Condition}, {@code DeletionPolicy} and {@code UpdateReplacePolicy},
 * the attributes SAM passes through.
 */
final class Generated {

    private static final Set<String> NOT_ATTRIBUTES = Set.of("Type", "Properties", "IgnoreGlobals");

    /** What SAM passes from a SAM resource to the resources it generates for it. */
    private static final Set<String> PASS_THROUGH = Set.of("Condition", "DeletionPolicy", "UpdateReplacePolicy");

    private Generated() {
    }

    /** {@code id: {Type: type, Properties: props, <attributes>}} at the positions of {@code o}. */
    static MapNode.Entry resource(String id, Origin o, String type, MapNode props, List<MapNode.Entry> attributes) {
        List<MapNode.Entry> entries = new ArrayList<>();
        entries.add(new MapNode.Entry("Type", o.typeKey(), str(type, o.typeValue())));
        entries.add(new MapNode.Entry("Properties", o.propsKey(), props));
        Set<String> seen = new HashSet<>(Set.of("Type", "Properties"));
        for (MapNode.Entry a : attributes) {
            if (seen.add(a.key())) {
                entries.add(a);
            }
        }
        return new MapNode.Entry(id, o.key(), new MapNode(entries, o.def(), ""));
    }

    static MapNode.Entry resource(String id, Origin o, String type, Props props, List<MapNode.Entry> attributes) {
        return resource(id, o, type, props.build(o.props()), attributes);
    }

    /** The SAM resource's attributes, for the main generated resource. */
    static List<MapNode.Entry> attributes(MapNode def) {
        List<MapNode.Entry> attributes = new ArrayList<>();
        for (MapNode.Entry e : def.entries()) {
            if (!NOT_ATTRIBUTES.contains(e.key())) {
                attributes.add(e);
            }
        }
        return attributes;
    }

    /** The SAM resource's attributes that SAM passes through, for generated child resources. */
    static List<MapNode.Entry> passThrough(MapNode def) {
        List<MapNode.Entry> attributes = new ArrayList<>();
        for (MapNode.Entry e : def.entries()) {
            if (PASS_THROUGH.contains(e.key())) {
                attributes.add(e);
            }
        }
        return attributes;
    }

    /** Only the {@code Condition} of {@code attributes}. */
    static List<MapNode.Entry> conditionOnly(List<MapNode.Entry> attributes) {
        return attributes.stream().filter(a -> a.key().equals("Condition")).toList();
    }

    /** {@code attributes} and one more. */
    static List<MapNode.Entry> with(List<MapNode.Entry> attributes, MapNode.Entry extra) {
        List<MapNode.Entry> all = new ArrayList<>(attributes);
        all.add(extra);
        return all;
    }
}
