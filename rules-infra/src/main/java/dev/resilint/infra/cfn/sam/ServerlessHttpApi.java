package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.alnum;
import static dev.resilint.infra.cfn.sam.SamNodes.bool;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;
import static dev.resilint.infra.cfn.sam.SamValues.s3Location;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::Serverless::HttpApi} (and SAM's implicit {@code ServerlessHttpApi}) becomes
 * {@code AWS::ApiGatewayV2::Api} plus {@code <Api>ApiGatewayDefaultStage} (or
 * {@code <Api><StageName>Stage}), deployed automatically; unless the definition comes from
 * {@code DefinitionUri}, the stage is tagged {@code httpapi:createdBy: SAM} as SAM tags it. Routes
 * and authorizers are left out.
 */
final class ServerlessHttpApi {

    private static final String CREATED_BY = "httpapi:createdBy";

    private ServerlessHttpApi() {
    }

    /**
     * The HTTP API and its stage, the API first.
     *
     * @param attributes the resource attributes of the API
     * @param childAttributes the resource attributes of the stage
     */
    static List<MapNode.Entry> resources(String id, Origin o, MapNode p, List<MapNode.Entry> attributes,
            List<MapNode.Entry> childAttributes) {
        Mark k = o.key();
        Props api = new Props().put("ProtocolType", o.typeKey(), str("HTTP", o.typeValue()));
        for (MapNode.Entry e : p.entries()) {
            switch (e.key()) {
                case "Name", "Description", "DisableExecuteApiEndpoint", "FailOnWarnings", "Tags" -> api.put(e);
                case "DefinitionBody" -> api.put("Body", e.keyMark(), e.value());
                case "DefinitionUri" -> api.put("BodyS3Location", e.keyMark(),
                        s3Location(e.value(), "Bucket", "Key", "Version"));
                case "CorsConfiguration" -> {
                    if (plainMap(e.value()) != null) {
                        api.put(e);
                    }
                }
                default -> {
                }
            }
        }
        List<MapNode.Entry> generated = new ArrayList<>();
        generated.add(resource(id, o, "AWS::ApiGatewayV2::Api", api, attributes));

        MapNode.Entry stageName = p.entry("StageName").orElse(null);
        String name = stageName == null ? "$default" : text(stageName.value());
        String stageId = "$default".equals(name) ? id + "ApiGatewayDefaultStage"
                : id + (name == null ? "" : alnum(name)) + "Stage";
        Props stage = new Props().put("ApiId", k, ref(id, k));
        if (stageName != null) {
            stage.put(stageName);
        } else {
            stage.put("StageName", k, str("$default", k));
        }
        stage.put("AutoDeploy", k, bool(true, k)).copy(p, "DefaultRouteSettings", "RouteSettings",
                "AccessLogSettings", "StageVariables");
        MapNode.Entry tags = p.entry("Tags").orElse(null);
        Node body = p.get("DefinitionBody").orElse(null);
        if (!p.has("DefinitionUri") && (body == null || plainMap(body) != null)) {
            // SAM writes (or completes) the OpenAPI body and tags it and the stage as created by SAM
            stage.put("Tags", tags == null ? k : tags.keyMark(), createdByTags(tags, k));
        } else if (tags != null) {
            stage.put(tags);
        }
        generated.add(resource(stageId, Origin.at(k), "AWS::ApiGatewayV2::Stage", stage, childAttributes));
        return generated;
    }

    /** The API's {@code Tags} map with SAM's {@code httpapi:createdBy: SAM}; an intrinsic as it is. */
    private static Node createdByTags(MapNode.Entry tags, Mark k) {
        if (tags != null && plainMap(tags.value()) == null) {
            return tags.value();
        }
        Props t = new Props();
        if (tags != null) {
            plainMap(tags.value()).entries().forEach(t::put);
        }
        t.put(CREATED_BY, k, str("SAM", k));
        return t.build(tags == null ? k : tags.value().mark());
    }
}
