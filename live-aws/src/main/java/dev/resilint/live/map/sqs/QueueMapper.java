package dev.resilint.live.map.sqs;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Json;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A queue of {@code ListQueues} with its {@code GetQueueAttributes(All)} as {@code AWS::SQS::Queue}.
 *
 * <p>SQS answers every attribute as a string; CloudFormation has integers and booleans, which they
 * become (an attribute that is not a number stays the string it was). {@code QueueName} comes from
 * the URL, so it is known even when the attributes could not be read. {@code RedrivePolicy} and
 * {@code RedriveAllowPolicy} are JSON strings in the API; CloudFormation takes them as a JSON object
 * or a string, and they are written as objects (what a rule reads through {@code embeddedJson} is
 * the same either way, and a path such as {@code RedrivePolicy/maxReceiveCount} is readable too),
 * with {@code deadLetterTargetArn} a reference to the dead-letter queue. A policy that is not a JSON
 * object stays the string, so that it is still set.
 *
 * <p>A queue is known by its URL (what {@code Ref} returns) and its ARN ({@code Fn::GetAtt Q.Arn});
 * a FIFO queue's ARN ends in {@code .fifo}, which the graph's references handle (a live resource's
 * id is its ARN).
 */
public final class QueueMapper {

    public static final String TYPE = "AWS::SQS::Queue";

    /** Attributes that CloudFormation has as integers. */
    static final List<String> INTEGERS = List.of("DelaySeconds", "KmsDataKeyReusePeriodSeconds",
            "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout");
    /** Attributes that CloudFormation has as booleans. */
    static final List<String> BOOLEANS = List.of("ContentBasedDeduplication", "FifoQueue", "SqsManagedSseEnabled");
    /** Attributes that are strings in both. */
    static final List<String> STRINGS = List.of("DeduplicationScope", "FifoThroughputLimit", "KmsMasterKeyId");

    private QueueMapper() {
    }

    /**
     * @param url the queue's URL, as {@code ListQueues} gives it
     * @param attributes its attributes by name, or null when they could not be read
     * @param tags its tags (by ARN), when they were asked for
     */
    public static LiveResource map(Scope scope, String url, Map<String, String> attributes, TagLookup tags) {
        String name = name(url);
        String arn = attributes != null && attributes.get("QueueArn") != null ? attributes.get("QueueArn")
                : arn(scope, url);
        Props p = Props.map().put("QueueName", name);
        if (attributes != null) {
            for (String key : INTEGERS) {
                putNumber(p, key, attributes.get(key));
            }
            for (String key : BOOLEANS) {
                String v = attributes.get(key);
                p.put(key, v == null ? null : Boolean.valueOf(v.strip()));
            }
            for (String key : STRINGS) {
                p.put(key, attributes.get(key));
            }
            p.put("RedrivePolicy", redrivePolicy(attributes.get("RedrivePolicy")));
            p.put("RedriveAllowPolicy", Json.objectOrString(attributes.get("RedriveAllowPolicy")));
        }
        tags.apply(p, arn);
        return LiveResource.of(TYPE, arn, name, scope, p.build(), Ids.of(url, "", arn, "Arn"));
    }

    /**
     * A redrive policy (an SQS queue's or an SNS subscription's) as a JSON object whose
     * {@code deadLetterTargetArn} refers to the dead-letter queue; the string itself when it is not
     * a JSON object; null when there is none.
     */
    public static Node redrivePolicy(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return Json.object(json).map(o -> (Node) Json.withRef(o, "deadLetterTargetArn", TYPE)).orElse(Props.str(json));
    }

    private static void putNumber(Props p, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            p.put(key, Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            p.put(key, value);
        }
    }

    /** The queue name: the last segment of its URL. */
    public static String name(String url) {
        String path = path(url);
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** The ARN of the queue at {@code url} ({@code https://sqs.<region>.amazonaws.com/<account>/<name>}). */
    public static String arn(Scope scope, String url) {
        String[] parts = path(url).replaceFirst("^/", "").split("/");
        String account = parts.length == 2 && parts[0].matches("\\d{12}") ? parts[0] : scope.account();
        return "arn:" + Arns.partition(scope.region()) + ":sqs:" + scope.region() + ":" + account + ":"
                + name(url);
    }

    private static String path(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null || path.isEmpty() ? url : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
