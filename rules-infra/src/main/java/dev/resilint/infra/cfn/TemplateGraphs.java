package dev.resilint.infra.cfn;

import dev.resilint.core.Location;
import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.cfn.eval.EvaluationContext;
import dev.resilint.infra.cfn.eval.Evaluator;
import dev.resilint.infra.graph.Completeness;
import dev.resilint.infra.graph.Locator;
import dev.resilint.infra.graph.Resource;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.infra.graph.ResourceGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link ResourceGraph} from a template, with locators that point at template keys. */
public final class TemplateGraphs {

    /** Resource metadata where AWS CDK records the construct path of the resource. */
    public static final String CDK_PATH = "aws:cdk:path";

    private TemplateGraphs() {
    }

    /** True when the document is a CloudFormation template: a Resources map and a template marker. */
    public static boolean isTemplate(MapNode root) {
        Optional<Node> resources = root.get("Resources");
        if (resources.isEmpty() || !(resources.get() instanceof MapNode map)) {
            return false;
        }
        if (root.has("AWSTemplateFormatVersion")) {
            return true;
        }
        for (MapNode.Entry e : map.entries()) {
            if (e.value() instanceof MapNode def && def.get("Type").orElse(null) instanceof ScalarNode type) {
                String t = type.text();
                if (t.startsWith("AWS::") || t.startsWith("Custom::") || t.startsWith("Alexa::")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static ResourceGraph build(TemplateFile template) {
        return build(template, Optional.empty());
    }

    /**
     * Builds the graph of a template whose parameters a parent stack passes ({@code passed}: the
     * parent's {@code Parameters} property of the stack resource, evaluated in the parent). Passed
     * parameters override defaults; when {@code passed} cannot be known as a whole, no parameter
     * of the template can be known either.
     */
    public static ResourceGraph build(TemplateFile template, Optional<Value> passed) {
        return build(template, EvaluationContext.of(template.root(), bindings(template.root(), passed)));
    }

    private static java.util.Map<String, Value> bindings(MapNode root, Optional<Value> passed) {
        java.util.Map<String, Value> values = new java.util.LinkedHashMap<>();
        if (passed.isEmpty()) {
            return values;
        }
        Optional<MapNode> known = passed.get().asMap();
        MapNode declared = root.get("Parameters").orElse(null) instanceof MapNode m ? m : null;
        if (known.isPresent()) {
            for (MapNode.Entry e : known.get().entries()) {
                values.put(e.key(), Symbols.valueOf(e.value()));
            }
        } else if (declared != null) {
            Value.Unknown why = passed.get().firstUnknown().orElse(Value.unknown(Value.Reason.UNKNOWN_CONDITION,
                    "the parent stack's Parameters depend on a condition"));
            for (String name : declared.keys()) {
                values.put(name, why);
            }
        }
        return values;
    }

    private static ResourceGraph build(TemplateFile template, EvaluationContext context) {
        List<Resource> resources = new ArrayList<>();
        MapNode resourcesMap = template.root().get("Resources").orElse(null) instanceof MapNode m ? m : null;
        if (resourcesMap != null) {
            for (MapNode.Entry e : resourcesMap.entries()) {
                if (!(e.value() instanceof MapNode def)) {
                    continue;
                }
                String type = def.get("Type").orElse(null) instanceof ScalarNode s ? s.text() : "";
                MapNode props = def.get("Properties").orElse(null) instanceof MapNode p ? p
                        : new MapNode(List.of(), def.mark(), "");
                String id = e.key();
                resources.add(new Resource(id, type, def, props, new TemplateLocator(template, id, type),
                        cdkPath(def), template.parent(), Optional.ofNullable(template.declaredTypes().get(id))));
            }
        }
        return new ResourceGraph(template.file(), resources, graph -> new Evaluator(graph, context),
                TemplateReferences::of, Completeness.COMPLETE);
    }

    /** The evaluator of a graph that this class built. */
    public static Evaluator evaluator(ResourceGraph graph) {
        return (Evaluator) graph.source();
    }

    /** Locates paths of one resource at the keys of its template. */
    private record TemplateLocator(TemplateFile template, String id, String type) implements Locator {
        @Override
        public Location locate(String path) {
            return TemplateGraphs.locate(template, id, type, path);
        }

        /** At the item's {@code key}, else the item, from the marks the evaluated item keeps. */
        @Override
        public Location locateInItem(String listPath, Value item, String key) {
            Location list = locate(listPath);
            if (!(list instanceof Location.Template t) || !(item instanceof Value.Known k)
                    || !(k.node() instanceof MapNode map)) {
                return list;
            }
            Mark mark = map.entry(key).map(MapNode.Entry::keyMark).orElse(map.mark());
            if (mark.line() <= 0) {
                return list;
            }
            return new Location.Template(t.file(), mark.line(), mark.column(), t.logicalPath(), t.resourceId(),
                    t.resourceType());
        }
    }

    /** The {@code aws:cdk:path} metadata of a resource that AWS CDK generated. */
    static Optional<String> cdkPath(MapNode definition) {
        if (definition.get("Metadata").orElse(null) instanceof MapNode metadata
                && metadata.get(CDK_PATH).orElse(null) instanceof ScalarNode path
                && !path.isNull() && !path.text().isBlank()) {
            return Optional.of(path.text());
        }
        return Optional.empty();
    }

    /**
     * The location of {@code Resources/<id>/<path>}: the logical path as asked (so fingerprints do
     * not change when a property is added), the line and column of the deepest key that exists. A
     * path part below a list is a 0-based index ({@code Properties/SubnetMappings/1/SubnetId}); a
     * path that ends at a list item points at the start of that item.
     */
    static Location locate(TemplateFile template, String id, String type, String path) {
        String logicalPath = "Resources/" + id + (path.isEmpty() ? "" : "/" + path);
        Mark mark = Mark.UNKNOWN;
        Node current = template.root();
        for (String part : logicalPath.split("/")) {
            if (current instanceof MapNode map) {
                Optional<MapNode.Entry> entry = map.entry(part);
                if (entry.isEmpty()) {
                    break;
                }
                mark = entry.get().keyMark();
                current = entry.get().value();
            } else if (current instanceof ListNode list) {
                int index = index(part);
                if (index < 0 || index >= list.size()) {
                    break;
                }
                current = list.get(index);
                mark = current.mark();
            } else {
                break;
            }
        }
        return new Location.Template(template.file(), mark.line(), mark.column(), logicalPath, id, type);
    }

    /** A list index written as a plain decimal number ({@code 0}, {@code 12}, not {@code 01}, {@code -1} or {@code +1}), or -1. */
    private static int index(String part) {
        if (part.isEmpty() || part.length() > 9 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(part);
    }

    /** The location of a template-level path such as {@code Metadata/resilint}. */
    static Location locateTop(TemplateFile template, String logicalPath, Mark mark) {
        return new Location.Template(template.file(), mark.line(), mark.column(), logicalPath, "", "");
    }
}
