package dev.resilint.infra.cfn.sam;

import static dev.resilint.infra.cfn.sam.Generated.resource;
import static dev.resilint.infra.cfn.sam.SamNodes.bool;
import static dev.resilint.infra.cfn.sam.SamNodes.getAtt;
import static dev.resilint.infra.cfn.sam.SamNodes.integer;
import static dev.resilint.infra.cfn.sam.SamNodes.isTrue;
import static dev.resilint.infra.cfn.sam.SamNodes.keyMark;
import static dev.resilint.infra.cfn.sam.SamNodes.plainMap;
import static dev.resilint.infra.cfn.sam.SamNodes.ref;
import static dev.resilint.infra.cfn.sam.SamNodes.single;
import static dev.resilint.infra.cfn.sam.SamNodes.str;
import static dev.resilint.infra.cfn.sam.SamNodes.sub;
import static dev.resilint.infra.cfn.sam.SamNodes.text;

import dev.resilint.core.tree.MapNode;
import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.infra.cfn.sam.SamNodes.Props;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The resources a function's {@code Events} give, named {@code <F><Event>}: {@code SQS},
 * {@code Kinesis}, {@code DynamoDB}, {@code MSK}, {@code MQ}, {@code SelfManagedKafka},
 * {@code DocumentDB} an {@code AWS::Lambda::EventSourceMapping}; {@code Api} an
 * {@code AWS::ApiGateway::Method} {@code <F><Event>Method} with a Lambda proxy integration (SAM
 * writes it into the API's swagger instead); {@code HttpApi} an
 * {@code AWS::ApiGatewayV2::Integration} {@code <F><Event>Integration}; {@code SNS} an
 * {@code AWS::SNS::Subscription} (with SAM's queue and mapping for {@code SqsSubscription});
 * {@code Schedule}, {@code EventBridgeRule}, {@code CloudWatchEvent} and {@code ScheduleV2} the
 * rules and schedules of {@link EventRules}; {@code CloudWatchLogs} an
 * {@code AWS::Logs::SubscriptionFilter} and {@code IoTRule} an {@code AWS::IoT::TopicRule}
 * invoking the function; {@code S3} the {@code AWS::Lambda::Permission} {@code <F><Event>Permission}
 * for {@code s3.amazonaws.com} (SAM's edit of the bucket's notifications is left out). Api and
 * HttpApi events without an API id make the transform create SAM's implicit
 * {@code ServerlessRestApi} or {@code ServerlessHttpApi}. Other events ({@code AlexaSkill},
 * {@code Cognito}, ...) and events without a type give nothing.
 */
final class FunctionEvents {

    private static final Set<String> PULL_EVENTS = Set.of("SQS", "Kinesis", "DynamoDB", "MSK", "MQ",
            "SelfManagedKafka", "DocumentDB");

    private static final Set<String> MAPPING_PASS_THROUGH = Set.of("StartingPosition", "StartingPositionTimestamp",
            "BatchSize", "Enabled", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts",
            "BisectBatchOnFunctionError", "MaximumRecordAgeInSeconds", "ParallelizationFactor", "Topics", "Queues",
            "SourceAccessConfigurations", "TumblingWindowInSeconds", "FunctionResponseTypes", "FilterCriteria",
            "ScalingConfig", "KmsKeyArn", "MetricsConfig", "ProvisionedPollerConfig");

    private FunctionEvents() {
    }

    /** Adds the resources of event {@code ev} of function {@code fn} to {@code children}. */
    static void expand(Expansion x, String fn, MapNode.Entry ev, List<MapNode.Entry> attrs,
            List<MapNode.Entry> children) {
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
            case "Api" -> children.add(apiMethod(x, fn, id, o, ep, attrs));
            case "HttpApi" -> children.add(httpApiIntegration(x, fn, id, o, ep, attrs));
            case "SNS" -> snsSubscription(fn, id, o, ep, attrs, children);
            case "Schedule", "EventBridgeRule", "CloudWatchEvent" ->
                EventRules.eventsRule(id, o, type, ep, getAtt(fn, "Arn", k), "LambdaTarget", attrs, children);
            case "ScheduleV2" -> EventRules.schedule(id, o, ep, getAtt(fn, "Arn", k), "LambdaTarget", attrs, children);
            case "S3" -> children.add(invokePermission(fn, id, o, "s3.amazonaws.com", attrs));
            case "CloudWatchLogs" -> children.add(resource(id, o, "AWS::Logs::SubscriptionFilter", new Props()
                    .put("DestinationArn", k, getAtt(fn, "Arn", k)).copy(ep, "LogGroupName", "FilterPattern"), attrs));
            case "IoTRule" -> children.add(topicRule(fn, id, o, ep, attrs));
            default -> {
                // AlexaSkill, Cognito, ...: nothing resilience rules read
            }
        }
    }

    /**
     * The permission SAM gives {@code principal} to invoke the function ({@code <F><Event>Permission}).
     * For an {@code S3} event SAM also writes the notification into the bucket's
     * {@code NotificationConfiguration}; that edit of another resource is left out, and the
     * permission stands for the asynchronous caller.
     */
    private static MapNode.Entry invokePermission(String fn, String id, Origin o, String principal,
            List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props props = new Props().put("FunctionName", k, ref(fn, k)).put("Action", k, str("lambda:InvokeFunction", k))
                .put("Principal", k, str(principal, k));
        return resource(id + "Permission", o, "AWS::Lambda::Permission", props, attrs);
    }

    /** An {@code IoTRule} event's {@code AWS::IoT::TopicRule}, whose one action invokes the function. */
    private static MapNode.Entry topicRule(String fn, String id, Origin o, MapNode ep, List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props payload = new Props().put("RuleDisabled", k, bool(false, k)).copy(ep, "Sql", "AwsIotSqlVersion")
                .put("Actions", k, SamNodes.list(k, single("Lambda", k, single("FunctionArn", k, getAtt(fn, "Arn", k)))));
        return resource(id, o, "AWS::IoT::TopicRule", new Props().put("TopicRulePayload", k, payload.build(k)), attrs);
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

    private static MapNode.Entry apiMethod(Expansion x, String fn, String id, Origin o, MapNode ep,
            List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props props = new Props();
        if (ep.has("RestApiId")) {
            props.copy(ep, "RestApiId");
        } else {
            props.put("RestApiId", k, ref(SamTransform.IMPLICIT_REST_API, k));
            x.useImplicitRestApi(k);
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

    private static MapNode.Entry httpApiIntegration(Expansion x, String fn, String id, Origin o, MapNode ep,
            List<MapNode.Entry> attrs) {
        Mark k = o.key();
        Props props = new Props();
        if (ep.has("ApiId")) {
            props.copy(ep, "ApiId");
        } else {
            props.put("ApiId", k, ref(SamTransform.IMPLICIT_HTTP_API, k));
            x.useImplicitHttpApi(k);
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
}
