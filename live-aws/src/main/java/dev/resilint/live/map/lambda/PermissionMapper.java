package dev.resilint.live.map.lambda;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Json;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The statements of a function's resource-based policy ({@code GetPolicy}, for the function or one of
 * its aliases or versions) as {@code AWS::Lambda::Permission}, the type CloudFormation creates each
 * such statement with: {@code Action}, {@code FunctionName} (a reference to the function, or to the
 * alias or version whose policy it is, by its qualified ARN), {@code Principal} (a service principal
 * such as {@code s3.amazonaws.com}, an account or {@code *}), and from the statement's
 * {@code Condition}, {@code SourceArn} ({@code AWS:SourceArn}), {@code SourceAccount}
 * ({@code AWS:SourceAccount}), {@code PrincipalOrgID} ({@code aws:PrincipalOrgID}) and
 * {@code FunctionUrlAuthType} ({@code lambda:FunctionUrlAuthType}). A statement with several actions
 * or principals is one permission per pair, as {@code AddPermission} grants one of each; a
 * {@code Deny} statement grants nothing and is left out. A permission has no ARN of its own: it is
 * known as {@code <qualified function ARN>/policy/<Sid>}, which nothing refers to. A policy that is
 * not a JSON object cannot be read: that is an error, never "no permissions".
 */
public final class PermissionMapper {

    public static final String TYPE = "AWS::Lambda::Permission";

    private PermissionMapper() {
    }

    /**
     * @param function the function whose policy was read
     * @param qualifier the alias or version whose policy it is, or null for the function's own
     * @param policy the policy document {@code GetPolicy} returned (a JSON string)
     * @throws IllegalArgumentException when the policy is not a JSON object
     */
    public static List<LiveResource> map(Scope scope, FunctionConfiguration function, String qualifier,
            String policy) {
        String target = qualifier == null ? function.functionArn() : function.functionArn() + ":" + qualifier;
        String owner = function.functionName() + (qualifier == null ? "" : ":" + qualifier);
        List<LiveResource> out = new ArrayList<>();
        Optional<MapNode> document = Json.object(policy);
        if (document.isEmpty()) {
            // never "no permissions": the collector makes the type a gap with this cause
            throw new IllegalArgumentException("the policy of function " + owner + " is not a JSON object");
        }
        List<Node> statements = items(document.get().get("Statement").orElse(null));
        for (int i = 0; i < statements.size(); i++) {
            if (!(statements.get(i) instanceof MapNode statement)
                    || !"Allow".equals(text(statement.get("Effect").orElse(null)))) {
                continue;
            }
            String sid = Optional.ofNullable(text(statement.get("Sid").orElse(null))).orElse(String.valueOf(i));
            List<String> actions = strings(statement.get("Action").orElse(null));
            List<String> principals = principals(statement.get("Principal").orElse(null));
            int n = 0;
            for (String action : actions) {
                for (String principal : principals) {
                    String suffix = actions.size() * principals.size() > 1 ? "#" + n++ : "";
                    Props p = Props.map()
                            .put("Action", action)
                            .ref("FunctionName", target, FunctionMapper.FUNCTION_OR_QUALIFIED)
                            .put("Principal", principal)
                            .put("SourceArn", condition(statement, "AWS:SourceArn"))
                            .put("SourceAccount", condition(statement, "AWS:SourceAccount"))
                            .put("PrincipalOrgID", condition(statement, "aws:PrincipalOrgID"))
                            .put("FunctionUrlAuthType", condition(statement, "lambda:FunctionUrlAuthType"));
                    out.add(LiveResource.of(TYPE, target + "/policy/" + sid + suffix, owner + " " + sid + suffix,
                            scope, p.build(), Ids.of()));
                }
            }
        }
        return out;
    }

    /**
     * The principals of a statement: a service's ({@code {"Service": "s3.amazonaws.com"}}), an account's
     * ({@code {"AWS": "arn:aws:iam::111122223333:root"}}, as {@code AddPermission} stores an account id), or
     * {@code *}.
     */
    private static List<String> principals(Node principal) {
        if (principal instanceof MapNode m) {
            List<String> out = new ArrayList<>();
            for (String key : List.of("Service", "AWS", "Federated", "CanonicalUser")) {
                out.addAll(strings(m.get(key).orElse(null)));
            }
            return out;
        }
        return strings(principal);
    }

    /** The value of condition key {@code key} under any operator ({@code ArnLike}, {@code StringEquals}), or null. */
    private static String condition(MapNode statement, String key) {
        if (!(statement.get("Condition").orElse(null) instanceof MapNode conditions)) {
            return null;
        }
        for (MapNode.Entry operator : conditions.entries()) {
            if (operator.value() instanceof MapNode keys) {
                for (MapNode.Entry e : keys.entries()) {
                    if (e.key().equalsIgnoreCase(key)) {
                        List<String> values = strings(e.value());
                        return values.size() == 1 ? values.get(0) : null;
                    }
                }
            }
        }
        return null;
    }

    private static List<Node> items(Node node) {
        if (node instanceof ListNode l) {
            return l.items();
        }
        return node == null ? List.of() : List.of(node);
    }

    private static List<String> strings(Node node) {
        return items(node).stream().map(PermissionMapper::text).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING ? s.text() : null;
    }
}
