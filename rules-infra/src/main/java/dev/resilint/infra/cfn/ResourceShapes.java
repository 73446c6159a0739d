package dev.resilint.infra.cfn;

import dev.resilint.core.Problem;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.cfn.eval.Intrinsics;
import java.util.ArrayList;
import java.util.List;

/**
 * The resources of a template that CloudFormation would refuse for their shape, as cfn-lint's
 * E3001 does: an entry of {@code Resources} that is not a map, or whose {@code Type} is missing or
 * not a string. {@code Fn::ForEach} loops and a preprocessor's directive in place of the type
 * (Rain's {@code Rain::Module}) are left to what expands them. Each is an input error at its line; the rules still judge the other resources, so
 * that a malformed resource never passes silently and never hides the rest.
 */
final class ResourceShapes {

    private static final String FOR_EACH = "Fn::ForEach::";

    private ResourceShapes() {
    }

    /** The shape errors of the resources of {@code root}, in template order. */
    static List<Problem> problems(MapNode root, String file) {
        List<Problem> problems = new ArrayList<>();
        if (!(root.get("Resources").orElse(null) instanceof MapNode resources)) {
            return problems;
        }
        for (MapNode.Entry e : resources.entries()) {
            if (e.key().startsWith(FOR_EACH)) {
                continue; // AWS::LanguageExtensions: a list that CloudFormation expands into resources
            }
            String what = "resource " + e.key() + ": ";
            if (!(e.value() instanceof MapNode definition)) {
                problems.add(problem(file, e.keyMark(), what + "expected a map with Type and Properties, not "
                        + e.value().kindDescription()));
                continue;
            }
            MapNode.Entry type = definition.entry("Type").orElse(null);
            if (type == null) {
                problems.add(problem(file, e.keyMark(), what + "Type is missing"));
            } else if (!isTypeName(type.value()) && !isDirective(type.value())) {
                problems.add(problem(file, type.keyMark(), what + "Type must be a resource type name such as "
                        + "AWS::S3::Bucket, not " + describe(type.value())));
            }
        }
        return problems;
    }

    /** A preprocessor's directive in place of the type ({@code Type: {Rain::Module: bucket.yml}}). */
    private static boolean isDirective(Node node) {
        return node instanceof MapNode m && m.size() == 1 && Intrinsics.isDirectiveKey(m.keys().get(0));
    }

    private static boolean isTypeName(Node node) {
        return node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING && !s.text().isBlank();
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s && (s.isNull() || s.text().isBlank())) {
            return "empty";
        }
        if (node instanceof MapNode m && m.size() == 1 && (m.has("Ref") || m.keys().get(0).startsWith("Fn::"))) {
            return "a function (CloudFormation does not evaluate functions in Type)";
        }
        return node.kindDescription();
    }

    private static Problem problem(String file, Mark mark, String message) {
        return Problem.input(file, mark.line(), mark.column(), message);
    }
}
