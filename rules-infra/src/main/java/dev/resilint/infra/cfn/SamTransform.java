package dev.resilint.infra.cfn;

import static dev.resilint.infra.cfn.SamNodes.alnum;
import static dev.resilint.infra.cfn.SamNodes.bool;
import static dev.resilint.infra.cfn.SamNodes.getAtt;
import static dev.resilint.infra.cfn.SamNodes.integer;
import static dev.resilint.infra.cfn.SamNodes.isFalse;
import static dev.resilint.infra.cfn.SamNodes.isIntrinsic;
import static dev.resilint.infra.cfn.SamNodes.isTrue;
import static dev.resilint.infra.cfn.SamNodes.keyMark;
import static dev.resilint.infra.cfn.SamNodes.list;
import static dev.resilint.infra.cfn.SamNodes.mergeMaps;
import static dev.resilint.infra.cfn.SamNodes.plainMap;
import static dev.resilint.infra.cfn.SamNodes.ref;
import static dev.resilint.infra.cfn.SamNodes.single;
import static dev.resilint.infra.cfn.SamNodes.str;
import static dev.resilint.infra.cfn.SamNodes.sub;
import static dev.resilint.infra.cfn.SamNodes.text;

import dev.resilint.core.tree.ListNode;
import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.core.tree.TreeReadException;
import dev.resilint.infra.cfn.SamNodes.Props;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands an AWS SAM template ({@code Transform: AWS::Serverless-2016-10-31}) into the plain
 * CloudFormation resources SAM would generate, closely enough for resilience rules. Every node it
 * creates carries the position of the SAM source that produced it, so that findings land on the
 * user's lines: a renamed property keeps its key's position, a generated property or resource
 * points at the SAM key that caused it (the SAM resource, event or property), a value taken from
 * {@code Globals} points into {@code Globals}. Values are copied as written, intrinsic functions
 * included; nothing is evaluated.
 *
 * <p>What is expanded (logical ids as SAM names them):
 *
 * <ul>
 *   <li>{@code Globals}: each section ({@code Function}, {@code Api}, {@code HttpApi},
 *       {@code SimpleTable}, {@code StateMachine}) is merged into the properties of every
 *       {@code AWS::Serverless::<section>} resource, as SAM does: the resource's value wins, maps
 *       merge key by key (recursively), lists are concatenated (global items first), intrinsic
 *       functions count as plain values. The resource attribute {@code IgnoreGlobals} ({@code "*"}
 *       or a list of property names) is honoured. {@code Globals} is removed; {@code Transform} is
 *       kept.
 *   <li>{@code AWS::Serverless::Function} becomes {@code AWS::Lambda::Function} (same id) with
 *       {@code CodeUri}/{@code InlineCode}/{@code ImageUri} as {@code Code},
 *       {@code DeadLetterQueue} as {@code DeadLetterConfig}, {@code Tracing} as
 *       {@code TracingConfig}, {@code Tags} as a list (plus SAM's {@code lambda:createdBy} tag) and
 *       the CloudFormation properties passed through. {@code AutoPublishAlias} adds
 *       {@code <F>Version} (SAM appends a code hash to that id) and {@code <F>Alias<Name>};
 *       {@code DeploymentPreference} adds {@code ServerlessDeploymentApplication} and
 *       {@code <F>DeploymentGroup} (with SAM's automatic rollback and the alarms given), and an
 *       {@code UpdatePolicy} on the alias. {@code EventInvokeConfig} adds
 *       {@code <F>EventInvokeConfig} (and SAM's destination queue or topic when only a
 *       {@code Type} is given); {@code FunctionUrlConfig} adds {@code <F>Url}.
 *   <li>Function events: {@code SQS}, {@code Kinesis}, {@code DynamoDB}, {@code MSK}, {@code MQ},
 *       {@code SelfManagedKafka}, {@code DocumentDB} give an {@code AWS::Lambda::EventSourceMapping}
 *       {@code <F><Event>}; {@code Api} gives an {@code AWS::ApiGateway::Method}
 *       {@code <F><Event>Method} with a Lambda proxy integration (SAM writes it into the API's
 *       swagger instead); {@code HttpApi} gives an {@code AWS::ApiGatewayV2::Integration}
 *       {@code <F><Event>Integration}; {@code SNS} an {@code AWS::SNS::Subscription} (with SAM's
 *       queue and mapping for {@code SqsSubscription}); {@code Schedule}, {@code EventBridgeRule},
 *       {@code CloudWatchEvent} an {@code AWS::Events::Rule} and {@code ScheduleV2} an
 *       {@code AWS::Scheduler::Schedule}, targeting the function, with the dead-letter queue SAM
 *       creates for {@code DeadLetterConfig: {Type: SQS}}. Api and HttpApi events without an API id
 *       create SAM's implicit {@code ServerlessRestApi} (with stage {@code Prod}) or
 *       {@code ServerlessHttpApi}, with the {@code Api}/{@code HttpApi} globals.
 *   <li>{@code AWS::Serverless::Api} becomes {@code AWS::ApiGateway::RestApi} plus
 *       {@code <Api>Deployment} (SAM appends a hash) and {@code <Api><StageName>Stage} carrying the
 *       stage settings; {@code AWS::Serverless::HttpApi} becomes {@code AWS::ApiGatewayV2::Api}
 *       plus {@code <Api>ApiGatewayDefaultStage} (or {@code <Api><StageName>Stage}).
 *   <li>{@code AWS::Serverless::StateMachine} becomes {@code AWS::StepFunctions::StateMachine}
 *       with the definition kept as {@code Definition} (SAM serializes it into
 *       {@code DefinitionString}; keeping the tree keeps the positions); its schedule and
 *       EventBridge events become rules targeting it.
 *   <li>{@code AWS::Serverless::SimpleTable} becomes {@code AWS::DynamoDB::Table}.
 * </ul>
 *
 * <p>Left out: IAM roles and policies SAM generates, Lambda permissions, queue policies, API
 * routes, paths, authorizers, models and CORS, and the events {@code S3}, {@code CloudWatchLogs},
 * {@code IoTRule}, {@code AlexaSkill}, {@code Cognito}; event sources and integrations name the
 * function itself where SAM would name its alias. Other serverless types
 * ({@code LayerVersion}, {@code Application}, {@code Connector}, ...) are kept as they are.
 *
 * <p>The main generated resource keeps the SAM resource's attributes ({@code Condition},
 * {@code DependsOn}, {@code Metadata}, {@code DeletionPolicy}, {@code UpdateReplacePolicy});
 * generated child resources carry its {@code Condition}. A generated id that the template already
 * uses is left to the template's resource. Malformed SAM (an event that is not a map or has no
 * type, a {@code Globals} that is not a map) is left out rather than failing the template.
 */
public final class SamTransform {

    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    public static final String IMPLICIT_REST_API = "ServerlessRestApi";
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    public static final String DEPLOYMENT_APPLICATION = "ServerlessDeploymentApplication";

    private static final String PREFIX = "AWS::Serverless::";

    private static final Set<String> NOT_ATTRIBUTES = Set.of("Type", "Properties", "IgnoreGlobals");

    private static final Set<String> FUNCTION_PASS_THROUGH = Set.of("Description", "FunctionName", "Handler",
            "Runtime", "MemorySize", "Timeout", "Role", "VpcConfig", "Environment", "KmsKeyArn", "Layers",
            "ReservedConcurrentExecutions", "Architectures", "EphemeralStorage", "FileSystemConfigs", "ImageConfig",
            "PackageType", "CodeSigningConfigArn", "SnapStart", "RuntimeManagementConfig", "LoggingConfig",
            "RecursiveLoop", "TracingConfig");

    private static final Set<String> MAPPING_PASS_THROUGH = Set.of("StartingPosition", "StartingPositionTimestamp",
            "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts",
            "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "ParallelizationFactor", "Topics", "Queues",
            "SourceAccessConfigurations", "TumblingWindowInSeconds", "FunctionResponseTypes", "FilterCriteria",
            "ScalingConfig", "KmsKeyArn", "MetricsConfig", "ProvisionedPollerConfig");

    private static final Set<String> PULL_EVENTS = Set.of("SQS", "Kinesis", "DynamoDB", "MSK", "MQ",
            "SelfManagedKafka", "DocumentDB");

    private static final Set<String> CODEDEPLOY_PREDEFINED = Set.of("Canary10Percent5Minutes",
            "Canary10Percent10Minutes", "Canary10Percent15Minutes", "Canary10Percent30Minutes",
            "Linear10PercentEvery1Minute", "Linear10PercentEvery2Minutes", "Linear10PercentEvery3Minutes",
            "Linear10PercentEvery10Minutes", "AllAtOnce");

    private final MapNode root;
    private final Map<String, MapNode> globals = new HashMap<>();
    private final Set<String> userIds = new HashSet<>();
    private final LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    private Mark implicitRestApi;
    private Mark implicitHttpApi;
    private Mark deploymentApplication;

    private SamTransform(MapNode root) {
        this.root = root;
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
        return new SamTransform(root).run(file);
    }

    private MapNode run(String file) throws TreeReadException {
        MapNode globalsMap = plainMap(root, "Globals");
        if (globalsMap != null) {
            for (MapNode.Entry e : globalsMap.entries()) {
                MapNode section = plainMap(e.value());
                if (section != null) {
                    globals.put(e.key(), section);
                }
            }
        }
        MapNode resources = root.get("Resources").orElse(null) instanceof MapNode m ? m : null;
        if (resources != null) {
            userIds.addAll(resources.keys());
            for (MapNode.Entry e : resources.entries()) {
                try {
                    expandResource(e);
                } catch (RuntimeException ex) {
                    throw new TreeReadException(file, e.value().mark(), "cannot expand SAM resource '" + e.key()
                            + "': " + ex.getMessage());
                }
            }
            try {
                implicitResources();
            } catch (RuntimeException ex) {
                throw new TreeReadException(file, resources.mark(), "cannot expand SAM implicit resources: "
                        + ex.getMessage());
            }
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry e : root.entries()) {
            if (e.key().equals("Globals")) {
                continue;
            }
            if (e.key().equals("Resources") && resources != null) {
                entries.add(new MapNode.Entry("Resources", e.keyMark(),
                        new MapNode(new ArrayList<>(out.values()), resources.mark(), resources.tag())));
            } else {
                entries.add(e);
            }
        }
        return new MapNode(entries, root.mark(), root.tag());
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Where a generated resource comes from: positions for its id, body, Type and Properties. */
    private record Origin(Mark key, Mark def, Mark typeKey, Mark typeValue, Mark propsKey, Mark props) {

        /** A SAM resource or event entry: {@code Id: {Type: ..., Properties: ...}}. */
        static Origin of(MapNode.Entry entry) {
            Mark key = entry.keyMark();
            Mark def = entry.value().mark();
            MapNode body = entry.value() instanceof MapNode m ? m : null;
            Mark typeValue = body != null && body.get("Type").isPresent() ? body.get("Type").get().mark() : key;
            Mark props = body != null && body.get("Properties").isPresent() ? body.get("Properties").get().mark()
                    : def;
            return new Origin(key, def, keyMark(body, "Type", key), typeValue, keyMark(body, "Properties", key),
                    props);
        }

        /** A resource generated because of one key. */
        static Origin at(Mark mark) {
            return new Origin(mark, mark, mark, mark, mark, mark);
        }
    }

    private static MapNode.Entry resource(String id, Origin o, String type, MapNode props,
            List<MapNode.Entry> attributes) {
        List<MapNode.Entry> entries = new ArrayList<>();
        entries.add(new MapNode.Entry("Type", o.typeKey(), str(type, o.typeValue())));
        entries.add(new MapNode.Entry("Properties", o.propsKey(), props));
        Set<String> seen = new HashSet<>(Set.of("Type", "Properties"));
        for (MapNode.Entry a : attributes) {
            if (seen.add(a.key())) {
                entries.add(a);
            }
        }
        return new MapNode.Entry(id, o.key(), new MapNode(entries, o.def(), ""));
    }

    private static MapNode.Entry resource(String id, Origin o, String type, Props props,
            List<MapNode.Entry> attributes) {
        return resource(id, o, type, props.build(o.props()), attributes);
    }

    /** The SAM resource's attributes, for the main generated resource. */
    private static List<MapNode.Entry> attributes(MapNode def) {
        List<MapNode.Entry> attributes = new ArrayList<>();
        for (MapNode.Entry e : def.entries()) {
            if (!NOT_ATTRIBUTES.contains(e.key())) {
                attributes.add(e);
            }
        }
        return attributes;
    }

    /** The SAM resource's condition, for generated child resources. */
    private static List<MapNode.Entry> condition(MapNode def) {
        return def.entry("Condition").map(List::of).orElse(List.of());
    }

    private static List<MapNode.Entry> with(List<MapNode.Entry> attributes, MapNode.Entry extra) {
        List<MapNode.Entry> all = new ArrayList<>(attributes);
        all.add(extra);
        return all;
    }

    /** Adds the main resource of a SAM resource (its own id). */
    private void emitMain(MapNode.Entry entry) {
        out.put(entry.key(), entry);
    }

    /** Adds a generated resource unless its id is taken. */
    private void emitChild(MapNode.Entry entry) {
        if (!userIds.contains(entry.key()) && !out.containsKey(entry.key())) {
            out.put(entry.key(), entry);
        }
    }

    private void emitChildren(List<MapNode.Entry> entries) {
        entries.forEach(this::emitChild);
    }

    /** The resource's properties with its Globals section merged in. */
    private MapNode properties(MapNode def, String section) {
        MapNode local = plainMap(def, "Properties");
        Mark mark = local != null ? local.mark() : def.mark();
        if (local == null) {
            local = new MapNode(List.of(), mark, "");
        }
        MapNode global = globals.get(section);
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

    // ---------------------------------------------------------------- resources

    private void expandResource(MapNode.Entry entry) {
        MapNode def = entry.value() instanceof MapNode m ? m : null;
        String type = text(def, "Type");
        if (def == null || type == null || !type.startsWith(PREFIX)) {
            emitMain(entry);
            return;
        }
        switch (type) {
            case "AWS::Serverless::Function" -> function(entry, def, properties(def, "Function"));
            case "AWS::Serverless::Api" -> {
                List<MapNode.Entry> generated = restApi(entry.key(), Origin.of(entry), properties(def, "Api"),
                        attributes(def), condition(def));
                emitMain(generated.get(0));
                emitChildren(generated.subList(1, generated.size()));
            }
            case "AWS::Serverless::HttpApi" -> {
                List<MapNode.Entry> generated = httpApi(entry.key(), Origin.of(entry), properties(def, "HttpApi"),
                        attributes(def), condition(def));
                emitMain(generated.get(0));
                emitChildren(generated.subList(1, generated.size()));
            }
            case "AWS::Serverless::StateMachine" -> stateMachine(entry, def, properties(def, "StateMachine"));
            case "AWS::Serverless::SimpleTable" -> simpleTable(entry, def, properties(def, "SimpleTable"));
            default -> emitMain(entry);
        }
    }

    private void implicitResources() {
        if (implicitRestApi != null && !userIds.contains(IMPLICIT_REST_API)) {
            Mark m = implicitRestApi;
            MapNode local = single("StageName", m, str("Prod", m));
            MapNode global = globals.get("Api");
            MapNode props = global == null ? local : mergeMaps(global, local, m);
            emitChildren(restApi(IMPLICIT_REST_API, Origin.at(m), props, List.of(), List.of()));
        }
        if (implicitHttpApi != null && !userIds.contains(IMPLICIT_HTTP_API)) {
            Mark m = implicitHttpApi;
            MapNode global = globals.get("HttpApi");
            MapNode props = global == null ? new MapNode(List.of(), m, "") : global;
            emitChildren(httpApi(IMPLICIT_HTTP_API, Origin.at(m), props, List.of(), List.of()));
        }
        if (deploymentApplication != null) {
            Mark m = deploymentApplication;
            emitChild(resource(DEPLOYMENT_APPLICATION, Origin.at(m), "AWS::CodeDeploy::Application",
                    new Props().put("ComputePlatform", m, str("Lambda", m)), List.of()));
        }
    }

    // ---------------------------------------------------------------- function

    private void function(MapNode.Entry entry, MapNode def, MapNode p) {
        String fn = entry.key();
        Origin o = Origin.of(entry);
        List<MapNode.Entry> childAttributes = condition(def);
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
                    if (FUNCTION_PASS_THROUGH.contains(e.key())) {
                        props.put(e);
                    }
                }
            }
        }
        if (!props.has("Tags")) {
            props.put("Tags", o.key(), tagList(null, o.key(), "lambda:createdBy"));
        }
        emitMain(resource(fn, o, "AWS::Lambda::Function", props, attributes(def)));

        Node aliasName = alias(fn, p, childAttributes, children);

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
                functionEvent(fn, ev, childAttributes, children);
            }
        }
        emitChildren(children);
    }

    /** {@code AutoPublishAlias} and {@code DeploymentPreference}; returns the alias name or null. */
    private Node alias(String fn, MapNode p, List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        MapNode.Entry alias = p.entry("AutoPublishAlias").orElse(null);
        if (alias == null || (alias.value() instanceof ScalarNode s && s.isNull())) {
            return null;
        }
        Mark k = alias.keyMark();
        String versionId = fn + "Version";
        String aliasId = fn + "Alias" + alnum(text(alias.value()));
        Props version = new Props().put("FunctionName", k, ref(fn, k)).rename(p, "VersionDescription", "Description");
        children.add(resource(versionId, Origin.at(k), "AWS::Lambda::Version", version,
                with(attrs, new MapNode.Entry("DeletionPolicy", k, str("Retain", k)))));

        Props aliasProps = new Props().put("Name", k, alias.value()).put("FunctionName", k, ref(fn, k))
                .put("FunctionVersion", k, getAtt(versionId, "Version", k)).copy(p, "ProvisionedConcurrencyConfig");
        List<MapNode.Entry> aliasAttributes = attrs;
        MapNode.Entry preference = p.entry("DeploymentPreference").orElse(null);
        MapNode dp = preference == null ? null : plainMap(preference.value());
        if (dp != null && !isFalse(dp.get("Enabled").orElse(null))) {
            Mark d = preference.keyMark();
            String groupId = fn + "DeploymentGroup";
            Props update = new Props().put("ApplicationName", d, ref(DEPLOYMENT_APPLICATION, d))
                    .put("DeploymentGroupName", d, ref(groupId, d));
            MapNode hooks = plainMap(dp, "Hooks");
            update.rename(hooks, "PreTraffic", "BeforeAllowTrafficHook")
                    .rename(hooks, "PostTraffic", "AfterAllowTrafficHook");
            aliasAttributes = with(attrs, new MapNode.Entry("UpdatePolicy", d,
                    single("CodeDeployLambdaAliasUpdate", d, update.build(d))));
            children.add(deploymentGroup(groupId, preference, dp, attrs));
            if (deploymentApplication == null) {
                deploymentApplication = d;
            }
        }
        children.add(resource(aliasId, Origin.at(k), "AWS::Lambda::Alias", aliasProps, aliasAttributes));
        return alias.value();
    }

    private static MapNode.Entry deploymentGroup(String id, MapNode.Entry preference, MapNode dp,
            List<MapNode.Entry> attrs) {
        Mark d = preference.keyMark();
        Props g = new Props().put("ApplicationName", d, ref(DEPLOYMENT_APPLICATION, d));
        MapNode.Entry alarms = dp.entry("Alarms").orElse(null);
        if (alarms != null) {
            Mark a = alarms.keyMark();
            if (alarms.value() instanceof ListNode l && l.size() > 0) {
                List<Node> named = new ArrayList<>();
                for (Node alarm : l.items()) {
                    named.add(single("Name", alarm.mark(), alarm));
                }
                g.put("AlarmConfiguration", a, new Props().put("Enabled", a, bool(true, a))
                        .put("Alarms", a, new ListNode(named, l.mark(), "")).build(a));
            } else if (isIntrinsic(alarms.value())) {
                g.put("AlarmConfiguration", a, new Props().put("Enabled", a, bool(true, a))
                        .put("Alarms", a, alarms.value()).build(a));
            }
        }
        g.put("AutoRollbackConfiguration", d, new Props().put("Enabled", d, bool(true, d))
                .put("Events", d, list(d, str("DEPLOYMENT_FAILURE", d), str("DEPLOYMENT_STOP_ON_ALARM", d),
                        str("DEPLOYMENT_STOP_ON_REQUEST", d)))
                .build(d));
        dp.entry("Type").ifPresent(t -> g.put("DeploymentConfigName", t.keyMark(), deploymentConfig(t.value(), false)));
        g.put("DeploymentStyle", d, new Props().put("DeploymentType", d, str("BLUE_GREEN", d))
                .put("DeploymentOption", d, str("WITH_TRAFFIC_CONTROL", d)).build(d));
        g.rename(dp, "Role", "ServiceRoleArn").copy(dp, "TriggerConfigurations");
        return resource(id, Origin.at(d), "AWS::CodeDeploy::DeploymentGroup", g, attrs);
    }

    /** SAM's predefined deployment types become {@code CodeDeployDefault.Lambda<Type>}, also inside intrinsics. */
    private static Node deploymentConfig(Node type, boolean conditionName) {
        String t = text(type);
        if (t != null && !conditionName && CODEDEPLOY_PREDEFINED.contains(t)) {
            return str("CodeDeployDefault.Lambda" + t, type.mark());
        }
        if (type instanceof ListNode l) {
            List<Node> items = new ArrayList<>();
            for (Node item : l.items()) {
                items.add(deploymentConfig(item, false));
            }
            return new ListNode(items, l.mark(), l.tag());
        }
        if (type instanceof MapNode m && isIntrinsic(m)) {
            MapNode.Entry e = m.entries().iterator().next();
            Node arg = e.value();
            if (e.key().equals("Fn::If") && arg instanceof ListNode l && l.size() > 0) {
                List<Node> items = new ArrayList<>();
                items.add(l.get(0));
                for (int i = 1; i < l.size(); i++) {
                    items.add(deploymentConfig(l.get(i), false));
                }
                arg = new ListNode(items, l.mark(), l.tag());
            }
            return single(e.key(), e.keyMark(), arg);
        }
        return type;
    }

    private void eventInvokeConfig(String fn, MapNode.Entry invoke, Node aliasName, List<MapNode.Entry> attrs,
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

    private void functionEvent(String fn, MapNode.Entry ev, List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        MapNode event = plainMap(ev.value());
        String type = text(event, "Type");
        if (type == null) {
            return;
        }
        MapNode ep = plainMap(event, "Properties");
        if (ep == null) {
            ep = new MapNode(List.of(), event.mark(), "");
        }
        String id = fn + ev.key();
        Origin o = Origin.of(ev);
        Mark k = ev.keyMark();
        if (PULL_EVENTS.contains(type)) {
            children.add(eventSourceMapping(id, o, type, ep, ref(fn, k), attrs));
            return;
        }
        switch (type) {
            case "Api" -> children.add(apiMethod(fn, id, o, ep, attrs));
            case "HttpApi" -> children.add(httpApiIntegration(fn, id, o, ep, attrs));
            case "SNS" -> snsSubscription(fn, id, o, ep, attrs, children);
            case "Schedule", "EventBridgeRule", "CloudWatchEvent" ->
                eventsRule(id, o, type, ep, getAtt(fn, "Arn", k), "LambdaTarget", attrs, children);
            case "ScheduleV2" -> schedule(id, o, ep, getAtt(fn, "Arn", k), "LambdaTarget", attrs, children);
            default -> {
                // S3, CloudWatchLogs, IoTRule, AlexaSkill, Cognito, ...: nothing resilience rules read
            }
        }
    }

    private static MapNode.Entry eventSourceMapping(String id, Origin o, String type, MapNode ep, Node function,
            List<MapNode.Entry> attrs) {
        Props props = new Props().put("FunctionName", o.key(), function);
        String source = switch (type) {
            case "SQS" -> "Queue";
            case "MQ" -> "Broker";
            case "DocumentDB" -> "Cluster";
            case "SelfManagedKafka" -> "";
            default -> "Stream";
        };
        props.rename(ep, source, "EventSourceArn");
        for (MapNode.Entry e : ep.entries()) {
            Mark k = e.keyMark();
            if (MAPPING_PASS_THROUGH.contains(e.key())) {
                props.put(e);
            } else if (e.key().equals("DestinationConfig")) {
                props.put("DestinationConfig", k, streamDestinations(e.value()));
            } else if (e.key().equals("KafkaBootstrapServers")) {
                props.put("SelfManagedEventSource", k,
                        single("Endpoints", k, single("KafkaBootstrapServers", k, e.value())));
            } else if (e.key().equals("ConsumerGroupId") && (type.equals("MSK") || type.equals("SelfManagedKafka"))) {
                props.put(type.equals("MSK") ? "AmazonManagedKafkaEventSourceConfig"
                        : "SelfManagedKafkaEventSourceConfig", k, single("ConsumerGroupId", k, e.value()));
            }
        }
        if (type.equals("DocumentDB") && ep.has("DatabaseName")) {
            props.put("DocumentDBEventSourceConfig", keyMark(ep, "DatabaseName", o.key()),
                    new Props().copy(ep, "DatabaseName", "CollectionName", "FullDocument")
                            .build(keyMark(ep, "DatabaseName", o.key())));
        }
        return resource(id, o, "AWS::Lambda::EventSourceMapping", props, attrs);
    }

    /** A stream event's {@code DestinationConfig} without SAM's {@code Type} hints. */
    private static Node streamDestinations(Node value) {
        MapNode dc = plainMap(value);
        if (dc == null) {
            return value;
        }
        Props d = new Props();
        for (MapNode.Entry e : dc.entries()) {
            MapNode target = plainMap(e.value());
            if (target == null || !target.has("Type")) {
                d.put(e);
                continue;
            }
            Props t = new Props();
            for (MapNode.Entry te : target.entries()) {
                if (!te.key().equals("Type")) {
                    t.put(te);
                }
            }
            d.put(e.key(), e.keyMark(), t.build(target.mark()));
        }
        return d.build(dc.mark());
    }

    private MapNode.Entry apiMethod(String fn, String id, Origin o, MapNode ep, List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props props = new Props();
        if (ep.has("RestApiId")) {
            props.copy(ep, "RestApiId");
        } else {
            props.put("RestApiId", k, ref(IMPLICIT_REST_API, k));
            if (implicitRestApi == null) {
                implicitRestApi = k;
            }
        }
        ep.entry("Method").ifPresent(e -> props.put("HttpMethod", e.keyMark(), httpMethod(e.value())));
        Props integration = new Props().put("Type", k, str("AWS_PROXY", k))
                .put("IntegrationHttpMethod", k, str("POST", k))
                .put("Uri", k, sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${"
                        + fn + ".Arn}/invocations", k))
                .copy(ep, "TimeoutInMillis");
        props.put("Integration", k, integration.build(k));
        return resource(id + "Method", o, "AWS::ApiGateway::Method", props, attrs);
    }

    private static Node httpMethod(Node method) {
        String t = text(method);
        return t == null ? method : str(t.toUpperCase(Locale.ROOT), method.mark());
    }

    private MapNode.Entry httpApiIntegration(String fn, String id, Origin o, MapNode ep, List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props props = new Props();
        if (ep.has("ApiId")) {
            props.copy(ep, "ApiId");
        } else {
            props.put("ApiId", k, ref(IMPLICIT_HTTP_API, k));
            if (implicitHttpApi == null) {
                implicitHttpApi = k;
            }
        }
        props.put("IntegrationType", k, str("AWS_PROXY", k)).put("IntegrationUri", k, getAtt(fn, "Arn", k));
        if (ep.has("PayloadFormatVersion")) {
            props.copy(ep, "PayloadFormatVersion");
        } else {
            props.put("PayloadFormatVersion", k, str("2.0", k));
        }
        props.copy(ep, "TimeoutInMillis");
        return resource(id + "Integration", o, "AWS::ApiGatewayV2::Integration", props, attrs);
    }

    private static void snsSubscription(String fn, String id, Origin o, MapNode ep, List<MapNode.Entry> attrs,
            List<MapNode.Entry> children) {
        Mark k = o.key();
        Props props = new Props();
        MapNode.Entry sqs = ep.entry("SqsSubscription").orElse(null);
        MapNode existing = sqs == null ? null : plainMap(sqs.value());
        if (sqs != null && (isTrue(sqs.value()) || (existing != null && existing.has("QueueArn")))) {
            Mark q = sqs.keyMark();
            Node queueArn;
            Mark queueArnMark = q;
            if (existing == null) {
                String queueId = id + "Queue";
                children.add(resource(queueId, Origin.at(q), "AWS::SQS::Queue", new Props(), attrs));
                queueArn = getAtt(queueId, "Arn", q);
            } else {
                queueArn = existing.get("QueueArn").get();
                queueArnMark = keyMark(existing, "QueueArn", q);
            }
            props.put("Protocol", q, str("sqs", q)).put("Endpoint", queueArnMark, queueArn);
            Props mapping = new Props().put("FunctionName", q, ref(fn, q)).put("EventSourceArn", queueArnMark, queueArn);
            if (existing != null && existing.has("BatchSize")) {
                mapping.copy(existing, "BatchSize");
            } else {
                mapping.put("BatchSize", q, integer(10, q));
            }
            if (existing != null && existing.has("Enabled")) {
                mapping.copy(existing, "Enabled");
            } else {
                mapping.put("Enabled", q, bool(true, q));
            }
            children.add(resource(id + "EventSourceMapping", Origin.at(q), "AWS::Lambda::EventSourceMapping", mapping,
                    attrs));
        } else {
            props.put("Protocol", k, str("lambda", k)).put("Endpoint", k, getAtt(fn, "Arn", k));
        }
        props.rename(ep, "Topic", "TopicArn").copy(ep, "Region", "FilterPolicy", "FilterPolicyScope", "RedrivePolicy");
        children.add(resource(id, o, "AWS::SNS::Subscription", props, attrs));
    }

    /** An EventBridge rule for a {@code Schedule}, {@code EventBridgeRule} or {@code CloudWatchEvent} event. */
    private static void eventsRule(String id, Origin o, String type, MapNode ep, Node targetArn, String targetSuffix,
            List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        Mark k = o.key();
        Props props = new Props();
        if (type.equals("Schedule")) {
            props.rename(ep, "Schedule", "ScheduleExpression").copy(ep, "Name", "Description");
        } else {
            props.copy(ep, "EventBusName").rename(ep, "Pattern", "EventPattern").rename(ep, "RuleName", "Name");
        }
        state(ep, props, "ENABLED", "DISABLED");
        Props target = new Props().put("Arn", k, targetArn);
        MapNode t = plainMap(ep, "Target");
        if (t != null && t.has("Id")) {
            target.copy(t, "Id");
        } else {
            target.put("Id", k, str(id + targetSuffix, k));
        }
        target.copy(ep, "Input", "InputPath", "InputTransformer", "RetryPolicy");
        deadLetter(id, ep, target, attrs, children);
        props.put("Targets", k, list(k, target.build(k)));
        children.add(resource(id, o, "AWS::Events::Rule", props, attrs));
    }

    /** An EventBridge Scheduler schedule for a {@code ScheduleV2} event. */
    private static void schedule(String id, Origin o, MapNode ep, Node targetArn, String targetSuffix,
            List<MapNode.Entry> attrs, List<MapNode.Entry> children) {
        Mark k = o.key();
        Props props = new Props().copy(ep, "Name", "Description", "ScheduleExpression", "ScheduleExpressionTimezone",
                "StartDate", "EndDate", "GroupName", "KmsKeyArn", "State");
        if (ep.has("FlexibleTimeWindow")) {
            props.copy(ep, "FlexibleTimeWindow");
        } else {
            props.put("FlexibleTimeWindow", k, single("Mode", k, str("OFF", k)));
        }
        Props target = new Props().put("Arn", k, targetArn).copy(ep, "RoleArn", "Input", "RetryPolicy");
        deadLetter(id, ep, target, attrs, children);
        props.put("Target", k, target.build(k));
        children.add(resource(id, o, "AWS::Scheduler::Schedule", props, attrs));
    }

    private static void state(MapNode ep, Props props, String enabled, String disabled) {
        if (ep.has("State")) {
            props.copy(ep, "State");
            return;
        }
        ep.entry("Enabled").ifPresent(e -> {
            if (isTrue(e.value())) {
                props.put("State", e.keyMark(), str(enabled, e.value().mark()));
            } else if (isFalse(e.value())) {
                props.put("State", e.keyMark(), str(disabled, e.value().mark()));
            }
        });
    }

    /** A target's {@code DeadLetterConfig: {Arn}}, creating SAM's queue for {@code Type: SQS}. */
    private static void deadLetter(String ruleId, MapNode ep, Props target, List<MapNode.Entry> attrs,
            List<MapNode.Entry> children) {
        MapNode.Entry config = ep.entry("DeadLetterConfig").orElse(null);
        MapNode dlc = config == null ? null : plainMap(config.value());
        if (dlc == null) {
            return;
        }
        Mark c = config.keyMark();
        MapNode.Entry arn = dlc.entry("Arn").orElse(null);
        if (arn == null && "SQS".equals(text(dlc, "Type"))) {
            Mark t = keyMark(dlc, "Type", c);
            String queueId = text(dlc, "QueueLogicalId") != null ? text(dlc, "QueueLogicalId") : ruleId + "Queue";
            children.add(resource(queueId, Origin.at(t), "AWS::SQS::Queue", new Props(), attrs));
            arn = new MapNode.Entry("Arn", t, getAtt(queueId, "Arn", t));
        }
        if (arn != null) {
            target.put("DeadLetterConfig", c, single("Arn", arn.keyMark(), arn.value()));
        }
    }

    // ---------------------------------------------------------------- APIs

    private List<MapNode.Entry> restApi(String id, Origin o, MapNode p, List<MapNode.Entry> attributes,
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
        generated.add(resource(id + (name == null ? "" : alnum(name)) + "Stage", Origin.at(k),
                "AWS::ApiGateway::Stage", stage, childAttributes));
        return generated;
    }

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

    private List<MapNode.Entry> httpApi(String id, Origin o, MapNode p, List<MapNode.Entry> attributes,
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
                "AccessLogSettings", "StageVariables", "Tags");
        generated.add(resource(stageId, Origin.at(k), "AWS::ApiGatewayV2::Stage", stage, childAttributes));
        return generated;
    }

    // ---------------------------------------------------------------- state machine, table

    private void stateMachine(MapNode.Entry entry, MapNode def, MapNode p) {
        String sm = entry.key();
        Origin o = Origin.of(entry);
        Props props = new Props();
        for (MapNode.Entry e : p.entries()) {
            Mark k = e.keyMark();
            switch (e.key()) {
                case "Definition", "DefinitionSubstitutions" -> props.put(e);
                case "DefinitionUri" -> props.put("DefinitionS3Location", k,
                        s3Location(e.value(), "Bucket", "Key", "Version"));
                case "Role" -> props.put("RoleArn", k, e.value());
                case "Name" -> props.put("StateMachineName", k, e.value());
                case "Type" -> props.put("StateMachineType", k, e.value());
                case "Logging" -> props.put("LoggingConfiguration", k, e.value());
                case "Tracing" -> props.put("TracingConfiguration", k, e.value());
                case "Tags" -> props.put("Tags", k, tagList(e.value(), k, "stateMachine:createdBy"));
                default -> {
                }
            }
        }
        if (!props.has("Tags")) {
            props.put("Tags", o.key(), tagList(null, o.key(), "stateMachine:createdBy"));
        }
        emitMain(resource(sm, o, "AWS::StepFunctions::StateMachine", props, attributes(def)));

        List<MapNode.Entry> attrs = condition(def);
        List<MapNode.Entry> children = new ArrayList<>();
        MapNode events = plainMap(p, "Events");
        if (events != null) {
            for (MapNode.Entry ev : events.entries()) {
                MapNode event = plainMap(ev.value());
                String type = text(event, "Type");
                if (type == null) {
                    continue;
                }
                MapNode ep = plainMap(event, "Properties");
                if (ep == null) {
                    ep = new MapNode(List.of(), event.mark(), "");
                }
                Mark k = ev.keyMark();
                switch (type) {
                    case "Schedule", "EventBridgeRule", "CloudWatchEvent" -> eventsRule(sm + ev.key(), Origin.of(ev),
                            type, ep, ref(sm, k), "StepFunctionsTarget", attrs, children);
                    case "ScheduleV2" -> schedule(sm + ev.key(), Origin.of(ev), ep, ref(sm, k), "StepFunctionsTarget",
                            attrs, children);
                    default -> {
                        // Api events: SAM writes them into the API's swagger
                    }
                }
            }
        }
        emitChildren(children);
    }

    private void simpleTable(MapNode.Entry entry, MapNode def, MapNode p) {
        Origin o = Origin.of(entry);
        Mark k = o.key();
        MapNode.Entry primaryKey = p.entry("PrimaryKey").orElse(null);
        MapNode pk = primaryKey == null ? null : plainMap(primaryKey.value());
        Mark pkMark = primaryKey == null ? k : primaryKey.keyMark();
        Node name = pk != null && pk.has("Name") ? pk.get("Name").get() : str("id", pkMark);
        Mark nameMark = keyMark(pk, "Name", pkMark);
        Node type = pk != null && pk.has("Type") ? pk.get("Type").get() : str("String", pkMark);
        Mark typeMark = keyMark(pk, "Type", pkMark);
        String attributeType = switch (String.valueOf(text(type))) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> null;
        };
        Props props = new Props();
        if (primaryKey == null || pk != null) {
            props.put("AttributeDefinitions", pkMark, list(pkMark, new Props().put("AttributeName", nameMark, name)
                    .put("AttributeType", typeMark, attributeType == null ? type : str(attributeType, type.mark()))
                    .build(pkMark)));
            props.put("KeySchema", pkMark, list(pkMark, new Props().put("AttributeName", nameMark, name)
                    .put("KeyType", pkMark, str("HASH", pkMark)).build(pkMark)));
        }
        if (p.has("ProvisionedThroughput")) {
            props.copy(p, "ProvisionedThroughput");
        } else {
            props.put("BillingMode", k, str("PAY_PER_REQUEST", k));
        }
        props.copy(p, "TableName", "SSESpecification");
        p.entry("Tags").ifPresent(t -> props.put("Tags", t.keyMark(), tagList(t.value(), t.keyMark(), null)));
        emitMain(resource(entry.key(), o, "AWS::DynamoDB::Table", props, attributes(def)));
    }

    private static Node tagList(Node tags, Mark mark, String createdByKey) {
        if (tags != null && plainMap(tags) == null) {
            return tags; // an intrinsic or a list already
        }
        List<Node> items = new ArrayList<>();
        if (tags != null) {
            for (MapNode.Entry e : plainMap(tags).entries()) {
                items.add(new Props().put("Key", e.keyMark(), str(e.key(), e.keyMark())).put("Value", e.keyMark(),
                        e.value()).build(e.keyMark()));
            }
        }
        if (createdByKey != null) {
            items.add(new Props().put("Key", mark, str(createdByKey, mark)).put("Value", mark, str("SAM", mark))
                    .build(mark));
        }
        return new ListNode(items, tags != null ? tags.mark() : mark, "");
    }

    // ---------------------------------------------------------------- values

    /** A SAM {@code DeadLetterQueue: {Type, TargetArn}} as Lambda's {@code DeadLetterConfig: {TargetArn}}. */
    private static Node deadLetterConfig(Node value) {
        MapNode dlq = plainMap(value);
        if (dlq == null) {
            return isIntrinsic(value) ? value : null;
        }
        return new Props().copy(dlq, "TargetArn").build(dlq.mark());
    }

    /** An S3 location written as {@code s3://bucket/key?versionId=v} or {@code {Bucket, Key, Version}}. */
    private static Node s3Location(Node value, String bucketKey, String keyKey, String versionKey) {
        Mark m = value.mark();
        String t = text(value);
        if (t != null && t.startsWith("s3://")) {
            String rest = t.substring("s3://".length());
            String version = null;
            int query = rest.indexOf('?');
            if (query >= 0) {
                String q = rest.substring(query + 1);
                rest = rest.substring(0, query);
                for (String part : q.split("&")) {
                    if (part.startsWith("versionId=")) {
                        version = part.substring("versionId=".length());
                    }
                }
            }
            int slash = rest.indexOf('/');
            Props p = new Props().put(bucketKey, m, str(slash < 0 ? rest : rest.substring(0, slash), m))
                    .put(keyKey, m, str(slash < 0 ? "" : rest.substring(slash + 1), m));
            if (version != null) {
                p.put(versionKey, m, str(version, m));
            }
            return p.build(m);
        }
        MapNode location = plainMap(value);
        if (location != null) {
            return new Props().rename(location, "Bucket", bucketKey).rename(location, "Key", keyKey)
                    .rename(location, "Version", versionKey).build(location.mark());
        }
        return single(keyKey, m, value); // a local path that `sam package` would upload, or an intrinsic
    }
}
