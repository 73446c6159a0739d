package dev.resilint.infra.rules.support;

import dev.resilint.infra.graph.GraphView;
import dev.resilint.infra.graph.References;
import dev.resilint.infra.graph.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources that invoke a Lambda function asynchronously (invocation type {@code Event}): S3
 * bucket notifications (also CDK's {@code Custom::S3BucketNotifications}), SNS subscriptions and
 * inline topic subscriptions with protocol {@code lambda}, EventBridge rule targets, EventBridge
 * Scheduler schedules, SES receipt rules' Lambda actions (unless {@code RequestResponse}), IoT topic
 * rules' Lambda actions, CloudWatch Logs subscription filters, and Lambda permissions that let one
 * of these services invoke the function. Synchronous callers (API Gateway, function URLs, event
 * source mappings, Step Functions) are not among them.
 */
public final class AsyncInvocations {

    static final String BUCKET = "AWS::S3::Bucket";
    static final String CDK_NOTIFICATIONS = "Custom::S3BucketNotifications";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    static final String TOPIC = "AWS::SNS::Topic";
    static final String RULE = "AWS::Events::Rule";
    static final String SCHEDULE = "AWS::Scheduler::Schedule";
    static final String SES_RULE = "AWS::SES::ReceiptRule";
    static final String IOT_RULE = "AWS::IoT::TopicRule";
    static final String LOG_FILTER = "AWS::Logs::SubscriptionFilter";
    static final String PERMISSION = "AWS::Lambda::Permission";

    /** The types {@link #of} reads besides {@link Relations#FUNCTION_TYPES}: a rule that uses it declares them. */
    public static final List<String> TRIGGER_TYPES = List.of(BUCKET, CDK_NOTIFICATIONS, SUBSCRIPTION, TOPIC, RULE,
            SCHEDULE, SES_RULE, IOT_RULE, LOG_FILTER, PERMISSION);

    /**
     * The types among {@link #TRIGGER_TYPES} that only templates have, or that a live scan does not read:
     * inline topic subscriptions (live, each is an {@code AWS::SNS::Subscription}), CDK's bucket
     * notification resource (live, the bucket's own {@code NotificationConfiguration}), SES receipt rules,
     * IoT topic rules and CloudWatch Logs subscription filters. Each of these services invokes a function
     * only through a Lambda permission for its service principal, which is read: a rule reads them where
     * they are supported ({@link dev.resilint.core.RuleMetadata.Builder#readsWhereSupported}).
     */
    public static final List<String> READ_WHERE_SUPPORTED = List.of(CDK_NOTIFICATIONS, TOPIC, SES_RULE, IOT_RULE,
            LOG_FILTER);

    /** The service principals that invoke Lambda functions asynchronously. */
    static final Set<String> ASYNC_PRINCIPALS = Set.of("s3", "sns", "events", "scheduler", "ses", "iot", "logs");

    private static final Pattern INDEX = Pattern.compile("/(\\d+)/");

    private AsyncInvocations() {
    }

    /**
     * One asynchronous caller.
     *
     * @param caller the resource that invokes
     * @param describe how messages name it, such as {@code EventBridge rule Nightly}
     * @param qualifier what it invokes: {@code $LATEST} for the function itself, an alias's name, or
     *     empty when that cannot be known (a version, an alias without a literal name)
     */
    public record Invocation(Resource caller, String describe, Optional<String> qualifier) {
    }

    /** The asynchronous callers of {@code function} (directly or through its aliases and versions) that may exist. */
    public static List<Invocation> of(GraphView graph, Resource function) {
        List<Invocation> out = new ArrayList<>();
        List<Resource> targets = new ArrayList<>();
        targets.add(function);
        for (String type : List.of(Relations.ALIAS, Relations.VERSION)) {
            for (Resource r : graph.referrers(function, type)) {
                if (Relations.lambdaFunction(graph, r.id()).filter(f -> f.id().equals(function.id())).isPresent()) {
                    targets.add(r);
                }
            }
        }
        for (Resource target : targets) {
            Optional<String> qualifier = qualifier(graph, target);
            for (References.Edge e : graph.edgesTo(target)) {
                if (e.kind() == References.Kind.DEPENDS_ON) {
                    continue;
                }
                Optional<Resource> from = graph.resource(e.from());
                if (from.isEmpty() || !graph.mayExist(from.get()) || !TRIGGER_TYPES.contains(from.get().type())) {
                    continue;
                }
                describe(graph, from.get(), e.path()).ifPresent(d -> {
                    if (out.stream().noneMatch(i -> i.caller().id().equals(from.get().id()))) {
                        out.add(new Invocation(from.get(), d, qualifier));
                    }
                });
            }
        }
        return out;
    }

    private static Optional<String> qualifier(GraphView graph, Resource target) {
        return switch (target.type()) {
            case Relations.FUNCTION -> Optional.of("$LATEST");
            case Relations.ALIAS -> graph.property(target, "Name").asString();
            default -> Optional.empty();
        };
    }

    /** How the caller is named when the reference at {@code path} makes it an asynchronous invoker, else empty. */
    private static Optional<String> describe(GraphView graph, Resource from, String path) {
        String name = from.displayName();
        return switch (from.type()) {
            case BUCKET -> path.startsWith("Properties/NotificationConfiguration/LambdaConfigurations")
                    ? Optional.of("S3 bucket " + name + " (notifications)") : Optional.empty();
            case CDK_NOTIFICATIONS -> path.startsWith("Properties/NotificationConfiguration")
                    ? Optional.of("S3 bucket notifications " + name) : Optional.empty();
            case SUBSCRIPTION -> path.startsWith("Properties/Endpoint") && protocolIsLambda(graph, from, "Protocol")
                    ? Optional.of("SNS subscription " + name) : Optional.empty();
            case TOPIC -> index(path).filter(i -> path.startsWith("Properties/Subscription/" + i + "/Endpoint")
                    && protocolIsLambda(graph, from, "Subscription/" + i + "/Protocol"))
                    .map(i -> "SNS topic " + name);
            case RULE -> index(path).filter(i -> path.startsWith("Properties/Targets/" + i + "/Arn"))
                    .map(i -> "EventBridge rule " + name);
            case SCHEDULE -> path.startsWith("Properties/Target/Arn")
                    ? Optional.of("EventBridge Scheduler schedule " + name) : Optional.empty();
            case SES_RULE -> path.endsWith("/LambdaAction/FunctionArn") && !requestResponse(graph, from, path)
                    ? Optional.of("SES receipt rule " + name) : Optional.empty();
            case IOT_RULE -> path.startsWith("Properties/TopicRulePayload/") && path.endsWith("/Lambda/FunctionArn")
                    ? Optional.of("IoT topic rule " + name) : Optional.empty();
            case LOG_FILTER -> path.startsWith("Properties/DestinationArn")
                    ? Optional.of("CloudWatch Logs subscription filter " + name) : Optional.empty();
            case PERMISSION -> path.startsWith("Properties/FunctionName") ? asyncPrincipal(graph, from)
                    .map(p -> "the Lambda permission " + name + " for " + p) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean protocolIsLambda(GraphView graph, Resource from, String path) {
        return graph.property(from, path).asString().map(p -> p.equalsIgnoreCase("lambda")).orElse(false);
    }

    /** Whether the SES Lambda action's {@code InvocationType} (default {@code Event}) may be {@code RequestResponse}. */
    private static boolean requestResponse(GraphView graph, Resource from, String path) {
        String action = path.substring("Properties/".length(), path.length() - "/FunctionArn".length());
        return !graph.property(from, action + "/InvocationType")
                .always(v -> v.isAbsent() || v.asString().map("Event"::equals).orElse(false));
    }

    private static Optional<String> asyncPrincipal(GraphView graph, Resource permission) {
        Optional<String> action = graph.property(permission, "Action").asString();
        Optional<String> principal = graph.property(permission, "Principal").asString();
        if (action.isEmpty() || principal.isEmpty()
                || !(action.get().equals("lambda:InvokeFunction") || action.get().equals("lambda:*"))) {
            return Optional.empty();
        }
        String p = principal.get().toLowerCase(Locale.ROOT);
        if (!p.endsWith(".amazonaws.com")) {
            return Optional.empty();
        }
        String service = p.substring(0, p.indexOf('.'));
        return ASYNC_PRINCIPALS.contains(service) ? Optional.of(principal.get()) : Optional.empty();
    }

    private static Optional<String> index(String path) {
        Matcher m = INDEX.matcher(path);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
