package dev.resilint.live.map.apigateway;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code GetDeployments} items as {@code AWS::ApiGateway::Deployment}.
 *
 * <p>Live semantics: a live deployment is an immutable snapshot of the API that stages point to
 * ({@code Stage.DeploymentId}); it holds no stage settings. A template's deployment with
 * {@code StageName} and {@code StageDescription} creates a stage as a side effect: in the account that
 * stage is an {@code AWS::ApiGateway::Stage} of its own, read with its settings by {@code GetStages}.
 * So a live deployment has neither {@code StageName} nor {@code StageDescription}, and a rule that
 * reads the settings of the stage a deployment created (CA02) finds them on that stage.
 */
public final class DeploymentMapper {

    public static final String TYPE = "AWS::ApiGateway::Deployment";

    private DeploymentMapper() {
    }

    public static LiveResource map(Scope scope, RestApi api, Deployment d) {
        Props p = Props.map().ref("RestApiId", api.id(), StageMapper.REST_API).put("Description", d.description());
        String arn = ApiGatewayArns.of(scope, "/restapis/" + api.id() + "/deployments/" + d.id());
        return LiveResource.of(TYPE, arn, api.name() + " deployment " + d.id(), scope, p.build(), Ids.of(d.id(), ""));
    }
}
