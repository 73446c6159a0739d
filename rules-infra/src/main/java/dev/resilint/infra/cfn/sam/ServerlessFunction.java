package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.attributes;
import static dev.resilint.infra.cfn.sam.Generated.passThrough;
import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.getAtt;
import static dev.resilint.infra.cfn.sam.SamNodes.isIntrinsic;
import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.text;
import static dev.resilint.infra.cfn.sam.SamValues.s3Location;
import static dev.resilint.infra.cfn.sam.SamValues.tagList;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code AWS::Serverless::Function} becomes {@code AWS::Lambda::Function} (same id) with
 * {@code CodeUri}/{@code InlineCode}/{@code ImageUri} as {@code Code}, {@code DeadLetterQueue} as
 * {@code DeadLetterConfig}, {@code Tracing} as {@code TracingConfig}, {@code Tags} as a list (plus
 * SAM's {@code lambda:createdBy} tag) and the CloudFormation properties passed through.
 * {@code AutoPublishAlias} and {@code DeploymentPreference} are expanded by
 * {@link FunctionDeployment}. {@code EventInvokeConfig} adds {@code <F>EventInvokeConfig} (and
 * SAM's destination queue or topic when only a {@code Type} is given); {@code FunctionUrlConfig}
 * adds {@code <F>Url}. Its {@code Events} are expanded by {@link FunctionEvents}.
 */
final class ServerlessFunction {

    private static final Set<String> PASS_THROUGH = Set.of("Description", "FunctionName", "Handler",
            "Runtime", "MemorySize", "Timeout", "Role", "VpcConfig", "Environment", "KmsKeyArn", "Layers",
            "ReservedConcurrentExecutions", "Architectures", "EphemeralStorage", "FileSystemConfigs", "ImageConfig",
            "PackageType", "CodeSigningConfigArn", "SnapStart", "RuntimeManagementConfig", "LoggingConfig",
            "RecursiveLoop", "TracingConfig");

    private ServerlessFunction() {
    }

    /** Expands the function {@code entry} with definition {@code def} and properties {@code p} (Globals merged). */
    static void expand(Expansion x, MapNode.Entry entry, MapNode def, MapNode p) {
        String fn = entry.key();
        Origin o = Origin.of(entry);
        List<MapNode.Entry> childAttributes = passThrough(def);
        List<MapNode.Entry> children = new ArrayList<>();

        Props props = new Props();
        for (MapNode.Entry e : p.entries()) {
            Mark k = e.keyMark();
            switch (e.key()) {
                case "CodeUri" -> props.put("Code", k, s3Location(e.value(), "S3Bucket", "S3Key", "S3ObjectVersion"));
                case "InlineCode" -> props.put("Code", k, single("ZipFile", k, e.value()));
                case "ImageUri" -> props.put("Code", k, single("ImageUri", k, e.value()));
                case "DeadLetterQueue" -> props.put("DeadLetterConfig", k, deadLetterConfig(e.value()));
                case "Tracing" -> props.put("TracingConfig", k, single("Mode", k, e.value()));
                case "Tags" -> props.put("Tags", k, tagList(e.value(), k, "lambda:createdBy"));
                default -> {
                    if (PASS_THROUGH.contains(e.key())) {
                        props.put(e);
                    }
                }
            }
        }
        if (!props.has("Tags")) {
            props.put("Tags", o.key(), tagList(null, o.key(), "lambda:createdBy"));
        }
        x.emitMain(resource(fn, o, "AWS::Lambda::Function", props, attributes(def)));

        Node aliasName = FunctionDeployment.alias(x, fn, p, childAttributes, children);

        MapNode.Entry invoke = p.entry("EventInvokeConfig").orElse(null);
        if (invoke != null && plainMap(invoke.value()) != null) {
            eventInvokeConfig(fn, invoke, aliasName, childAttributes, children);
        }
        MapNode.Entry url = p.entry("FunctionUrlConfig").orElse(null);
        if (url != null && plainMap(url.value()) != null) {
            MapNode config = plainMap(url.value());
            Mark k = url.keyMark();
            Props u = new Props().put("TargetFunctionArn", k, ref(fn, k));
            if (aliasName != null) {
                u.put("Qualifier", k, aliasName);
            }
            u.copy(config, "AuthType", "Cors", "InvokeMode");
            children.add(resource(fn + "Url", Origin.at(k), "AWS::Lambda::Url", u, childAttributes));
        }

        MapNode events = plainMap(p, "Events");
        if (events != null) {
            for (MapNode.Entry ev : events.entries()) {
                FunctionEvents.expand(x, fn, ev, childAttributes, children);
            }
        }
        x.emitChildren(children);
    }

    /** A SAM {@code DeadLetterQueue: {Type, TargetArn}} as Lambda's {@code DeadLetterConfig: {TargetArn}}. */
    private static Node deadLetterConfig(Node value) {
        MapNode dlq = plainMap(value);
        if (dlq == null) {
            return isIntrinsic(value) ? value : null;
        }
        return new Props().copy(dlq, "TargetArn").build(dlq.mark());
    }

    private static void eventInvokeConfig(String fn, MapNode.Entry invoke, Node aliasName, List<MapNode.Entry> attrs,
            List<MapNode.Entry> children) {
        MapNode config = plainMap(invoke.value());
        Mark k = invoke.keyMark();
        String id = fn + "EventInvokeConfig";
        Props props = new Props().put("FunctionName", k, ref(fn, k))
                .put("Qualifier", k, aliasName != null ? aliasName : str("$LATEST", k))
                .copy(config, "MaximumEventAgeInSeconds", "MaximumRetryAttempts");
        MapNode.Entry destinations = config.entry("DestinationConfig").orElse(null);
        MapNode dc = destinations == null ? null : plainMap(destinations.value());
        if (dc != null) {
            Props d = new Props();
            for (MapNode.Entry e : dc.entries()) {
                MapNode target = plainMap(e.value());
                if (!(e.key().equals("OnSuccess") || e.key().equals("OnFailure")) || target == null) {
                    d.put(e);
                    continue;
                }
                Mark tk = e.keyMark();
                Node destination = target.get("Destination").orElse(null);
                Mark destinationMark = keyMark(target, "Destination", tk);
                String type = text(target, "Type");
                if (destination == null && ("SQS".equals(type) || "SNS".equals(type))) {
                    destinationMark = keyMark(target, "Type", tk);
                    boolean sqs = "SQS".equals(type);
                    String created = id + e.key() + (sqs ? "Queue" : "Topic");
                    children.add(resource(created, Origin.at(destinationMark), sqs ? "AWS::SQS::Queue"
                            : "AWS::SNS::Topic", new Props(), attrs));
                    destination = sqs ? getAtt(created, "Arn", destinationMark) : ref(created, destinationMark);
                }
                Props t = new Props().put("Destination", destinationMark, destination);
                d.put(e.key(), tk, t.build(target.mark()));
            }
            props.put("DestinationConfig", destinations.keyMark(), d.build(dc.mark()));
        } else if (destinations != null) {
            props.put(destinations);
        }
        children.add(resource(id, Origin.at(k), "AWS::Lambda::EventInvokeConfig", props, attrs));
    }
}
