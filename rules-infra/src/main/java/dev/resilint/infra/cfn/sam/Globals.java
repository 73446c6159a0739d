package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A SAM template's {@code Globals}: each section ({@code Function}, {@code Api}, {@code HttpApi},
 * {@code SimpleTable}, {@code StateMachine}) is merged into the properties of every
 * {@code AWS::Serverless::<section>} resource, as SAM does: the resource's value wins, maps merge key
 * by key (recursively), lists are concatenated (global items first), intrinsic functions count as
 * plain values. The resource attribute {@code IgnoreGlobals} ({@code "*"} or a list of property
 * names) is honoured. A {@code Globals} or section that is not a map is ignored.
 */
final class Globals {

    private final Map<String, MapNode> sections;

    private Globals(Map<String, MapNode> sections) {
        this.sections = sections;
    }

    static Globals of(MapNode root) {
        Map<String, MapNode> sections = new HashMap<>();
        MapNode globals = plainMap(root, "Globals");
        if (globals != null) {
            for (MapNode.Entry e : globals.entries()) {
                MapNode section = plainMap(e.value());
                if (section != null) {
                    sections.put(e.key(), section);
                }
            }
        }
        return new Globals(sections);
    }

    /** The section, or null. */
    MapNode section(String name) {
        return sections.get(name);
    }

    /** The resource's properties with its Globals section merged in. */
    MapNode properties(MapNode def, String section) {
        MapNode local = plainMap(def, "Properties");
        Mark mark = local != null ? local.mark() : def.mark();
        if (local == null) {
            local = new MapNode(List.of(), mark, "");
        }
        MapNode global = sections.get(section);
        if (global == null) {
            return local;
        }
        Node ignore = def.get("IgnoreGlobals").orElse(null);
        if ("*".equals(text(ignore))) {
            return local;
        }
        Set<String> ignored = new HashSet<>();
        if (text(ignore) != null) {
            ignored.add(text(ignore));
        } else if (ignore instanceof ListNode l) {
            l.items().forEach(item -> {
                if (text(item) != null) {
                    ignored.add(text(item));
                }
            });
        }
        List<MapNode.Entry> kept = new ArrayList<>();
        for (MapNode.Entry e : global.entries()) {
            if (!ignored.contains(e.key())) {
                kept.add(e);
            }
        }
        return mergeMaps(new MapNode(kept, global.mark(), ""), local, mark);
    }

    /** {@code local} with the section merged in, as {@link #properties} does; {@code local} without one. */
    MapNode merged(String section, MapNode local, Mark mark) {
        MapNode global = sections.get(section);
        return global == null ? local : mergeMaps(global, local, mark);
    }

    /**
     * SAM's Globals merge: maps merge key by key (resource wins), lists concatenate (global items
     * first), anything else (including intrinsic functions and mismatched kinds) takes the resource's
     * value.
     */
    static Node merge(Node global, Node local) {
        MapNode gm = plainMap(global);
        MapNode lm = plainMap(local);
        if (gm != null && lm != null) {
            return mergeMaps(gm, lm, lm.mark());
        }
        if (global instanceof ListNode gl && local instanceof ListNode ll) {
            List<Node> items = new ArrayList<>(gl.items());
            items.addAll(ll.items());
            return new ListNode(items, ll.mark(), "");
        }
        return local;
    }

    static MapNode mergeMaps(MapNode global, MapNode local, Mark mark) {
        LinkedHashMap<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (MapNode.Entry e : global.entries()) {
            merged.put(e.key(), e);
        }
        for (MapNode.Entry e : local.entries()) {
            MapNode.Entry g = merged.get(e.key());
            merged.put(e.key(), g == null ? e : new MapNode.Entry(e.key(), e.keyMark(), merge(g.value(), e.value())));
        }
        return new MapNode(new ArrayList<>(merged.values()), mark, "");
    }
}
