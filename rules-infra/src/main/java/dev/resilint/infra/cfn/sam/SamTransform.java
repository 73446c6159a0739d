package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.TreeReadException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expands an AWS SAM template ({@code Transform: AWS::Serverless-2016-10-31}) into the plain
 * CloudFormation resources SAM would generate, closely enough for resilience rules. Every node it
 * creates carries the position of the SAM source that produced it, so that findings land on the
 * user's lines: a renamed property keeps its key's position, a generated property or resource
 * points at the SAM key that caused it (the SAM resource, event or property), a value taken from
 * {@code Globals} points into {@code Globals}. Values are copied as written, intrinsic functions
 * included; nothing is evaluated.
 *
 * <p>What is expanded (logical ids as SAM names them), one class of this package each:
 *
 * <ul>
 *   <li>{@link Globals}: merged into the properties of every serverless resource, then removed;
 *       {@code Transform} is kept.
 *   <li>{@code AWS::Serverless::Function} ({@link ServerlessFunction}) becomes
 *       {@code AWS::Lambda::Function} with its alias, version and CodeDeploy deployment group
 *       ({@link FunctionDeployment}), event invoke config and URL; its events
 *       ({@link FunctionEvents}, {@link EventRules}) become event source mappings, API Gateway
 *       methods and integrations, SNS subscriptions, EventBridge rules and schedules. Api and
 *       HttpApi events without an API id create SAM's implicit {@value #IMPLICIT_REST_API} (with
 *       stage {@code Prod}) or {@value #IMPLICIT_HTTP_API}, with the {@code Api}/{@code HttpApi}
 *       globals.
 *   <li>{@code AWS::Serverless::Api} ({@link ServerlessApi}) becomes an
 *       {@code AWS::ApiGateway::RestApi} with a deployment and a stage;
 *       {@code AWS::Serverless::HttpApi} ({@link ServerlessHttpApi}) an
 *       {@code AWS::ApiGatewayV2::Api} with a stage.
 *   <li>{@code AWS::Serverless::StateMachine} ({@link ServerlessStateMachine}) becomes
 *       {@code AWS::StepFunctions::StateMachine}, its schedule and EventBridge events rules
 *       targeting it.
 *   <li>{@code AWS::Serverless::SimpleTable} ({@link ServerlessSimpleTable}) becomes
 *       {@code AWS::DynamoDB::Table}.
 * </ul>
 *
 * <p>Left out: IAM roles and policies SAM generates, Lambda permissions (but for {@code S3}
 * events, whose permission stands for the bucket notification SAM writes into the bucket), queue
 * policies, API routes, paths, authorizers, models and CORS, and the events {@code AlexaSkill},
 * {@code Cognito}; event sources and integrations name the
 * function itself where SAM would name its alias. Other serverless types
 * ({@code LayerVersion}, {@code Application}, {@code Connector}, ...) are kept as they are.
 *
 * <p>The main generated resource keeps the SAM resource's attributes ({@code Condition},
 * {@code DependsOn}, {@code Metadata}, {@code DeletionPolicy}, {@code UpdateReplacePolicy});
 * generated child resources carry its {@code Condition}, {@code DeletionPolicy} and
 * {@code UpdateReplacePolicy} as SAM passes them ({@link Generated}). A generated id that
 * the template already uses is left to the template's resource ({@link Expansion}). Malformed SAM
 * (an event that is not a map or has no type, a {@code Globals} that is not a map) is left out
 * rather than failing the template.
 */
public final class SamTransform {

    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    public static final String IMPLICIT_REST_API = "ServerlessRestApi";
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    public static final String DEPLOYMENT_APPLICATION = "ServerlessDeploymentApplication";

    private SamTransform() {
    }

    /** True when the template declares the SAM transform (alone or in a list). */
    public static boolean isSam(MapNode root) {
        Node transform = root.get("Transform").orElse(null);
        if (SAM_TRANSFORM.equals(text(transform))) {
            return true;
        }
        if (transform instanceof ListNode list) {
            for (Node item : list.items()) {
                if (SAM_TRANSFORM.equals(text(item))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The CloudFormation equivalent of a SAM template; any other template is returned as it is
     * (the same instance).
     *
     * @throws TreeReadException naming {@code file} and the line of a SAM resource that cannot be
     *     expanded
     */
    public static MapNode expand(MapNode root, String file) throws TreeReadException {
        if (!isSam(root)) {
            return root;
        }
        return new Expansion(root).run(file);
    }

    /**
     * The SAM type of each resource that {@code expanded} (what {@link #expand} made of
     * {@code written}) holds under the id of a serverless resource of {@code written} with another
     * type ({@code Sessions -> AWS::Serverless::SimpleTable}): the main resource SAM generates keeps
     * the SAM resource's id. Empty when nothing was expanded.
     */
    public static Map<String, String> declaredTypes(MapNode written, MapNode expanded) {
        if (written == expanded || !(written.get("Resources").orElse(null) instanceof MapNode before)
                || !(expanded.get("Resources").orElse(null) instanceof MapNode after)) {
            return Map.of();
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (MapNode.Entry e : before.entries()) {
            String type = text(e.value() instanceof MapNode def ? def : null, "Type");
            String now = text(after.get(e.key()).orElse(null) instanceof MapNode def ? def : null, "Type");
            if (type != null && now != null && type.startsWith("AWS::Serverless::") && !type.equals(now)) {
                declared.put(e.key(), type);
            }
        }
        return declared;
    }
}
