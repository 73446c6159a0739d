package dev.resilint.live.map.events;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Json;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * A rule of {@code ListRules} with its {@code ListTargetsByRule} as {@code AWS::Events::Rule}:
 * {@code EventPattern} (a JSON string in the API, a JSON object in CloudFormation) as an object,
 * {@code EventBusName} a reference to the bus, and the {@code Targets} with their
 * {@code DeadLetterConfig.Arn} (a reference to the queue), {@code RetryPolicy}, input settings and
 * SQS parameters. A target's {@code Arn} stays the string the API gave; an ARN of a collected
 * resource links to it anyway. {@code Ref} returns the rule's name, {@code Fn::GetAtt R.Arn} its ARN.
 */
public final class RuleMapper {

    public static final String TYPE = "AWS::Events::Rule";

    private RuleMapper() {
    }

    /** @param targets the rule's targets, or null when they could not be read */
    public static LiveResource map(Scope scope, Rule r, List<Target> targets) {
        Props p = Props.map()
                .put("Name", r.name())
                .put("Description", r.description())
                .ref("EventBusName", r.eventBusName(), EventBusMapper.TYPE)
                .put("EventPattern", Json.objectOrString(r.eventPattern()))
                .put("ScheduleExpression", r.scheduleExpression())
                .put("State", r.stateAsString())
                .put("RoleArn", r.roleArn());
        if (targets != null) {
            p.list("Targets", targets.stream().map(RuleMapper::target).toList());
        }
        return LiveResource.of(TYPE, r.arn(), r.name(), scope, p.build(), Ids.of(r.name(), "", r.arn(), "Arn"));
    }

    private static Node target(Target t) {
        Props p = Props.map()
                .put("Id", t.id())
                .put("Arn", t.arn())
                .put("RoleArn", t.roleArn())
                .put("Input", t.input())
                .put("InputPath", t.inputPath());
        if (t.inputTransformer() != null) {
            p.put("InputTransformer", Props.map().put("InputTemplate", t.inputTransformer().inputTemplate())
                    .put("InputPathsMap", paths(t.inputTransformer().inputPathsMap())));
        }
        if (t.deadLetterConfig() != null) {
            p.putIfNotEmpty("DeadLetterConfig", Props.map().ref("Arn", t.deadLetterConfig().arn(), QueueMapper.TYPE));
        }
        if (t.retryPolicy() != null) {
            p.putIfNotEmpty("RetryPolicy", Props.map()
                    .put("MaximumRetryAttempts", t.retryPolicy().maximumRetryAttempts())
                    .put("MaximumEventAgeInSeconds", t.retryPolicy().maximumEventAgeInSeconds()));
        }
        if (t.sqsParameters() != null) {
            p.putIfNotEmpty("SqsParameters", Props.map().put("MessageGroupId", t.sqsParameters().messageGroupId()));
        }
        if (t.kinesisParameters() != null) {
            p.putIfNotEmpty("KinesisParameters", Props.map()
                    .put("PartitionKeyPath", t.kinesisParameters().partitionKeyPath()));
        }
        return p.build();
    }

    private static Props paths(Map<String, String> paths) {
        if (paths == null || paths.isEmpty()) {
            return null;
        }
        Props p = Props.map();
        new TreeMap<>(paths).forEach(p::put);
        return p;
    }
}
