package dev.resilint.infra.cfn;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.References.Edge;
import dev.resilint.infra.graph.References.Kind;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references of a template, for its graph's {@link References}: every {@code Ref},
 * {@code Fn::GetAtt}, {@code ${X}} or {@code ${X.Attr}} inside an {@code Fn::Sub} string (also in
 * {@code DefinitionSubstitutions}), and {@code DependsOn}, from one resource to another, found in
 * the template as written (both branches of an {@code Fn::If} count).
 */
final class TemplateReferences {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private TemplateReferences() {
    }

    static References of(ResourceGraph graph) {
        List<Edge> edges = new ArrayList<>();
        for (Resource r : graph.resources()) {
            for (MapNode.Entry e : r.definition().entries()) {
                if (e.key().equals("DependsOn")) {
                    for (String target : names(e.value())) {
                        if (graph.resource(target).isPresent()) {
                            edges.add(new Edge(r.id(), "DependsOn", target, "", Kind.DEPENDS_ON));
                        }
                    }
                } else if (!e.key().equals("Type") && !e.key().equals("Metadata")) {
                    scan(graph, r.id(), e.key(), e.value(), edges, 0);
                }
            }
        }
        return References.of(edges);
    }

    private static List<String> names(Node node) {
        List<String> names = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            names.add(s.text());
        } else if (node instanceof ListNode l) {
            for (Node n : l.items()) {
                if (n instanceof ScalarNode s) {
                    names.add(s.text());
                }
            }
        }
        return names;
    }

    private static void scan(ResourceGraph graph, String from, String path, Node node, List<Edge> out, int depth) {
        if (depth > 200) {
            return;
        }
        if (node instanceof ListNode l) {
            for (int i = 0; i < l.size(); i++) {
                scan(graph, from, path + "/" + i, l.get(i), out, depth + 1);
            }
            return;
        }
        if (!(node instanceof MapNode m)) {
            return;
        }
        if (m.size() == 1) {
            String key = m.keys().get(0);
            Node arg = m.get(key).orElseThrow();
            if (key.equals("Ref") && arg instanceof ScalarNode s) {
                add(graph, from, path, s.text(), "", Kind.REF, out);
                return;
            }
            if (key.equals("Fn::GetAtt")) {
                if (arg instanceof ListNode l && l.size() == 2 && l.get(0) instanceof ScalarNode id) {
                    String attr = l.get(1) instanceof ScalarNode a ? a.text() : "";
                    add(graph, from, path, id.text(), attr, Kind.GET_ATT, out);
                } else if (arg instanceof ScalarNode s && s.text().indexOf('.') > 0) {
                    add(graph, from, path, s.text().substring(0, s.text().indexOf('.')),
                            s.text().substring(s.text().indexOf('.') + 1), Kind.GET_ATT, out);
                }
                return;
            }
            if (key.equals("Fn::Sub")) {
                Node template = arg instanceof ListNode l && l.size() > 0 ? l.get(0) : arg;
                MapNode vars = arg instanceof ListNode l && l.size() == 2 && l.get(1) instanceof MapNode v ? v : null;
                if (template instanceof ScalarNode s) {
                    subReferences(graph, from, path, s.text(), vars, out);
                }
                if (vars != null) {
                    scan(graph, from, path, vars, out, depth + 1);
                }
                return;
            }
        }
        for (MapNode.Entry e : m.entries()) {
            scan(graph, from, path + "/" + e.key(), e.value(), out, depth + 1);
        }
    }

    private static void subReferences(ResourceGraph graph, String from, String path, String text, MapNode vars,
            List<Edge> out) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            if (vars != null && vars.has(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            String id = dot > 0 ? name.substring(0, dot) : name;
            String attr = dot > 0 ? name.substring(dot + 1) : "";
            add(graph, from, path, id, attr, Kind.SUB, out);
        }
    }

    private static void add(ResourceGraph graph, String from, String path, String to, String attribute, Kind kind,
            List<Edge> out) {
        if (graph.resource(to).isPresent()) {
            out.add(new Edge(from, path, to, attribute, kind));
        }
    }
}
