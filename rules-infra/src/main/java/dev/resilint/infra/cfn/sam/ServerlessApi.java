package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.alnum;
import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;
import static dev.resilint.infra.cfn.sam.SamNodes.list;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.text;
import static dev.resilint.infra.cfn.sam.SamValues.s3Location;
import static dev.resilint.infra.cfn.sam.SamValues.tagList;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AWS::Serverless::Api} (and SAM's implicit {@code ServerlessRestApi}) becomes
 * {@code AWS::ApiGateway::RestApi} plus {@code <Api>Deployment} (SAM appends a hash to that id) and
 * {@code <Api><StageName>Stage} carrying the stage settings, and for {@code Auth.UsagePlan} the usage
 * plan SAM creates ({@code <Api>UsagePlan} for {@code CreateUsagePlan: PER_API}, the one
 * {@code ServerlessUsagePlan} of every API with {@code SHARED}, which {@link Expansion} merges), without
 * its API key. Routes, paths, authorizers, models and CORS are left out.
 */
final class ServerlessApi {

    private ServerlessApi() {
    }

    /**
     * The REST API, its deployment and its stage, the REST API first.
     *
     * @param attributes the resource attributes of the REST API
     * @param childAttributes the resource attributes of the deployment and the stage
     */
    static List<MapNode.Entry> resources(String id, Origin o, MapNode p, List<MapNode.Entry> attributes,
            List<MapNode.Entry> childAttributes) {
        Mark k = o.key();
        Props api = new Props();
        for (MapNode.Entry e : p.entries()) {
            switch (e.key()) {
                case "Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "ApiKeySourceType", "Mode",
                        "FailOnWarnings", "DisableExecuteApiEndpoint" -> api.put(e);
                case "DefinitionBody" -> api.put("Body", e.keyMark(), e.value());
                case "DefinitionUri" -> api.put("BodyS3Location", e.keyMark(),
                        s3Location(e.value(), "Bucket", "Key", "Version"));
                case "EndpointConfiguration" -> api.put("EndpointConfiguration", e.keyMark(),
                        endpointConfiguration(e.value(), e.keyMark()));
                default -> {
                }
            }
        }
        List<MapNode.Entry> generated = new ArrayList<>();
        generated.add(resource(id, o, "AWS::ApiGateway::RestApi", api, attributes));

        String deploymentId = id + "Deployment";
        generated.add(resource(deploymentId, Origin.at(k), "AWS::ApiGateway::Deployment",
                new Props().put("RestApiId", k, ref(id, k)), childAttributes));

        MapNode.Entry stageName = p.entry("StageName").orElse(null);
        String name = stageName == null ? null : text(stageName.value());
        Props stage = new Props().put("RestApiId", k, ref(id, k)).put("DeploymentId", k, ref(deploymentId, k))
                .copy(p, "StageName", "CacheClusterEnabled", "CacheClusterSize", "MethodSettings", "TracingEnabled",
                        "Variables", "AccessLogSetting", "CanarySetting");
        p.entry("Tags").ifPresent(t -> stage.put("Tags", t.keyMark(), tagList(t.value(), t.keyMark(), null)));
        String stageId = id + (name == null ? "" : alnum(name)) + "Stage";
        generated.add(resource(stageId, Origin.at(k), "AWS::ApiGateway::Stage", stage, childAttributes));
        MapNode auth = plainMap(p, "Auth");
        MapNode plan = auth == null ? null : plainMap(auth, "UsagePlan");
        String create = plan == null ? null : text(plan, "CreateUsagePlan");
        if ("PER_API".equals(create) || "SHARED".equals(create)) {
            Mark pk = keyMark(auth, "UsagePlan", k);
            Props usagePlan = new Props().put("ApiStages", pk, list(pk, new Props().put("ApiId", pk, ref(id, pk))
                    .put("Stage", pk, ref(stageId, pk)).build(pk)))
                    .copy(plan, "Description", "Quota", "Throttle", "UsagePlanName", "Tags");
            generated.add(resource("PER_API".equals(create) ? id + "UsagePlan" : SHARED_USAGE_PLAN, Origin.at(pk),
                    "AWS::ApiGateway::UsagePlan", usagePlan, childAttributes));
        }
        return generated;
    }

    /** The id of the usage plan that every API with {@code CreateUsagePlan: SHARED} shares. */
    static final String SHARED_USAGE_PLAN = "ServerlessUsagePlan";

    /** The shared usage plan {@code first} with the API stages of {@code next} added, as SAM shares it. */
    static MapNode.Entry mergeSharedUsagePlan(MapNode.Entry first, MapNode.Entry next) {
        MapNode def = (MapNode) first.value();
        MapNode props = (MapNode) def.get("Properties").orElseThrow();
        ListNode stages = (ListNode) props.get("ApiStages").orElseThrow();
        ListNode more = (ListNode) ((MapNode) ((MapNode) next.value()).get("Properties").orElseThrow())
                .get("ApiStages").orElseThrow();
        List<Node> all = new ArrayList<>(stages.items());
        all.addAll(more.items());
        List<MapNode.Entry> propEntries = new ArrayList<>();
        for (MapNode.Entry e : props.entries()) {
            propEntries.add(e.key().equals("ApiStages")
                    ? new MapNode.Entry(e.key(), e.keyMark(), new ListNode(all, stages.mark(), stages.tag())) : e);
        }
        List<MapNode.Entry> defEntries = new ArrayList<>();
        for (MapNode.Entry e : def.entries()) {
            defEntries.add(e.key().equals("Properties")
                    ? new MapNode.Entry(e.key(), e.keyMark(), new MapNode(propEntries, props.mark(), props.tag())) : e);
        }
        return new MapNode.Entry(first.key(), first.keyMark(), new MapNode(defEntries, def.mark(), def.tag()));
    }

    /** SAM's {@code EndpointConfiguration} (a type, or {@code {Type, VPCEndpointIds}}) in CloudFormation's shape. */
    private static Node endpointConfiguration(Node value, Mark k) {
        MapNode config = plainMap(value);
        if (config == null) {
            return single("Types", k, list(value.mark(), value));
        }
        Props e = new Props();
        config.entry("Type").ifPresent(t -> e.put("Types", t.keyMark(), list(t.value().mark(), t.value())));
        e.rename(config, "VPCEndpointIds", "VpcEndpointIds").copy(config, "IpAddressType");
        return e.build(config.mark());
    }
}
