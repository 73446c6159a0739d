package dev.resilint.live.map.s3;

import dev.resilint.core.tree.Mark;
import dev.resilint.core.tree.Node;
import dev.resilint.core.tree.ScalarNode;
import dev.resilint.infra.graph.Symbols;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;

/**
 * A {@code ListBuckets} bucket with its {@code GetBucketVersioning}, {@code GetBucketLogging} and
 * (when read) {@code GetBucketTagging} as {@code AWS::S3::Bucket}: {@code BucketName},
 * {@code VersioningConfiguration.Status} ({@code Enabled} or {@code Suspended}; left out for a bucket
 * never versioned, whose API answer has no status, as a template leaves it out),
 * {@code LoggingConfiguration} ({@code DestinationBucketName} a reference to the target bucket by
 * name, {@code LogFilePrefix}), {@code NotificationConfiguration} from
 * {@code GetBucketNotificationConfiguration} ({@code LambdaConfigurations}, {@code QueueConfigurations}
 * and {@code TopicConfigurations}, one entry per event as CloudFormation has one {@code Event} per
 * entry, with the target a reference by ARN and the key filter rules; {@code EventBridgeConfiguration}),
 * and {@code Tags}. Its ARN is {@code arn:<partition>:s3:::<name>};
 * {@code Ref} returns the name.
 */
public final class BucketMapper {

    public static final String TYPE = "AWS::S3::Bucket";

    /** The types a Lambda notification's {@code Function} may name: the function, or an alias or version of it. */
    static final String[] FUNCTION_OR_QUALIFIED = {"AWS::Lambda::Function", "AWS::Lambda::Alias",
        "AWS::Lambda::Version"};

    private BucketMapper() {
    }

    /** The ARN of the bucket named {@code name} in the scope's partition. */
    public static String arn(Scope scope, String name) {
        return "arn:" + Arns.partition(scope.region()) + ":s3:::" + name;
    }

    /**
     * What the detail calls of a bucket answered.
     *
     * @param versioning its {@code GetBucketVersioning}, or null when it failed
     * @param versioningUnread why it failed, or null: {@code VersioningConfiguration.Status} is then unknown
     * @param logging its {@code GetBucketLogging}, or null when it failed
     * @param loggingUnread why it failed, or null: {@code LoggingConfiguration.DestinationBucketName} is then
     *     unknown
     * @param notifications its {@code GetBucketNotificationConfiguration}, or null when it failed
     * @param notificationsUnread why it failed, or null: {@code NotificationConfiguration} is then unknown
     *     (never "no notifications")
     */
    public record Details(GetBucketVersioningResponse versioning, Value.Unknown versioningUnread,
            GetBucketLoggingResponse logging, Value.Unknown loggingUnread,
            GetBucketNotificationConfigurationResponse notifications, Value.Unknown notificationsUnread) {
    }

    /**
     * @param details what the bucket's detail calls answered
     * @param tags its tags, when read ({@link TagLookup#none()} otherwise)
     */
    public static LiveResource map(Scope scope, Bucket bucket, Details details, TagLookup tags) {
        String name = bucket.name();
        String arn = arn(scope, name);
        Props p = Props.map().put("BucketName", name);
        if (details.versioningUnread() != null) {
            p.put("VersioningConfiguration", Props.map().put("Status", unknown(details.versioningUnread())));
        } else if (details.versioning() != null && details.versioning().status() != null) {
            p.put("VersioningConfiguration", Props.map().put("Status", details.versioning().statusAsString()));
        }
        if (details.loggingUnread() != null) {
            Value.Unknown why = details.loggingUnread();
            // another bucket's judgement may depend on it (DR05: is that one this one's log target?)
            p.put("LoggingConfiguration", Props.map().put("DestinationBucketName", unknown(Value.unknown(why.reason(),
                    "where bucket " + name + " sends its access logs: " + why.detail()))));
        } else if (details.logging() != null && details.logging().loggingEnabled() != null) {
            LoggingEnabled l = details.logging().loggingEnabled();
            p.put("LoggingConfiguration", Props.map().ref("DestinationBucketName", l.targetBucket(), TYPE)
                    .put("LogFilePrefix", l.targetPrefix() == null || l.targetPrefix().isEmpty() ? null
                            : l.targetPrefix()));
        }
        if (details.notificationsUnread() != null) {
            Value.Unknown why = details.notificationsUnread();
            p.put("NotificationConfiguration", unknown(Value.unknown(why.reason(), "the notifications of bucket "
                    + name + ": " + why.detail())));
        } else if (details.notifications() != null) {
            p.putIfNotEmpty("NotificationConfiguration", notifications(details.notifications()));
        }
        tags.apply(p, arn);
        return LiveResource.of(TYPE, arn, name, scope, p.build(), Ids.of(name, "", arn, "Arn"));
    }

    private static Props notifications(GetBucketNotificationConfigurationResponse n) {
        List<Node> lambdas = new ArrayList<>();
        n.lambdaFunctionConfigurations().forEach(c -> c.eventsAsStrings().forEach(event -> lambdas.add(Props.map()
                .put("Event", event).ref("Function", c.lambdaFunctionArn(), FUNCTION_OR_QUALIFIED)
                .putIfNotEmpty("Filter", filter(c.filter())).build())));
        List<Node> queues = new ArrayList<>();
        n.queueConfigurations().forEach(c -> c.eventsAsStrings().forEach(event -> queues.add(Props.map()
                .put("Event", event).ref("Queue", c.queueArn(), "AWS::SQS::Queue")
                .putIfNotEmpty("Filter", filter(c.filter())).build())));
        List<Node> topics = new ArrayList<>();
        n.topicConfigurations().forEach(c -> c.eventsAsStrings().forEach(event -> topics.add(Props.map()
                .put("Event", event).ref("Topic", c.topicArn(), "AWS::SNS::Topic")
                .putIfNotEmpty("Filter", filter(c.filter())).build())));
        Props p = Props.map().list("LambdaConfigurations", lambdas).list("QueueConfigurations", queues)
                .list("TopicConfigurations", topics);
        if (n.eventBridgeConfiguration() != null) {
            p.put("EventBridgeConfiguration", Props.map().put("EventBridgeEnabled", true));
        }
        return p;
    }

    /** A notification's key filter as CloudFormation writes it: {@code S3Key.Rules[{Name, Value}]}. */
    private static Props filter(NotificationConfigurationFilter filter) {
        if (filter == null || filter.key() == null || filter.key().filterRules().isEmpty()) {
            return null;
        }
        List<Node> rules = filter.key().filterRules().stream()
                .map(r -> (Node) Props.map().put("Name", r.nameAsString()).put("Value", r.value()).build()).toList();
        return Props.map().put("S3Key", Props.map().list("Rules", rules));
    }

    private static ScalarNode unknown(Value.Unknown why) {
        return Symbols.unknownPlaceholder(why, Mark.UNKNOWN);
    }
}
