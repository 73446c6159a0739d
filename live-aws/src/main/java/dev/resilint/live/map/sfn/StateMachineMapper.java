package dev.resilint.live.map.sfn;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.TagLookup;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * A state machine of {@code ListStateMachines} with its {@code DescribeStateMachine} as
 * {@code AWS::StepFunctions::StateMachine}. The definition is a JSON string in the API and is
 * written as {@code DefinitionString}, unchanged: the rules read it through {@code embeddedJson},
 * where every string that is exactly the ARN of a collected resource (a task's function, alias or
 * version) links to it as a template's {@code ${Fn.Arn}} does. A function named only by its name
 * inside the definition stays a name. {@code Ref} returns the state machine's ARN.
 */
public final class StateMachineMapper {

    public static final String TYPE = "AWS::StepFunctions::StateMachine";

    private StateMachineMapper() {
    }

    /**
     * @param detail what {@code DescribeStateMachine} answered, or null when it could not be read
     * @param tags its tags (by ARN), when they were asked for
     */
    public static LiveResource map(Scope scope, StateMachineListItem item, DescribeStateMachineResponse detail,
            TagLookup tags) {
        Props p = Props.map()
                .put("StateMachineName", item.name())
                .put("StateMachineType", item.typeAsString());
        if (detail != null) {
            p.put("StateMachineType", detail.typeAsString() != null ? detail.typeAsString() : item.typeAsString())
                    .put("DefinitionString", detail.definition())
                    .put("RoleArn", detail.roleArn());
            if (detail.loggingConfiguration() != null) {
                var log = detail.loggingConfiguration();
                p.putIfNotEmpty("LoggingConfiguration", Props.map().put("Level", log.levelAsString())
                        .put("IncludeExecutionData", log.includeExecutionData())
                        .list("Destinations", log.destinations().stream().map(StateMachineMapper::destination).toList()));
            }
            if (detail.tracingConfiguration() != null) {
                p.putIfNotEmpty("TracingConfiguration", Props.map().put("Enabled", detail.tracingConfiguration().enabled()));
            }
            if (detail.encryptionConfiguration() != null) {
                var e = detail.encryptionConfiguration();
                p.putIfNotEmpty("EncryptionConfiguration", Props.map().put("Type", e.typeAsString())
                        .put("KmsKeyId", e.kmsKeyId()).put("KmsDataKeyReusePeriodSeconds", e.kmsDataKeyReusePeriodSeconds()));
            }
        }
        tags.apply(p, item.stateMachineArn());
        return LiveResource.of(TYPE, item.stateMachineArn(), item.name(), scope, p.build(),
                Ids.of(item.stateMachineArn(), ""));
    }

    private static Node destination(LogDestination d) {
        Props p = Props.map();
        if (d.cloudWatchLogsLogGroup() != null) {
            p.put("CloudWatchLogsLogGroup", Props.map().put("LogGroupArn", d.cloudWatchLogsLogGroup().logGroupArn()));
        }
        return p.build();
    }
}
