package dev.resilint.live.map.appconfig;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Arns;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.appconfig.model.Environment;
import software.amazon.awssdk.services.appconfig.model.Monitor;

/**
 * An environment of {@code ListEnvironments} as {@code AWS::AppConfig::Environment}:
 * {@code ApplicationId} (a reference to its application), {@code Name}, {@code Description} and
 * {@code Monitors}, the CloudWatch alarms AppConfig watches during a deployment to roll it back, as
 * CloudFormation's {@code [{AlarmArn, AlarmRoleArn}]} (the API's names are CloudFormation's). An
 * {@code AlarmArn} that is the ARN of a collected alarm becomes a reference to it, as
 * {@code !GetAtt Alarm.Arn} would in a template.
 *
 * <p>An environment's id is unique only within its application; its ARN
 * ({@code arn:aws:appconfig:<region>:<account>:application/<app>/environment/<env>}), which the API does
 * not return, is its identity, and its id its identifier (what {@code Ref} returns). Tags are not read: no
 * rule reads them.
 */
public final class EnvironmentMapper {

    public static final String TYPE = "AWS::AppConfig::Environment";
    static final String APPLICATION = "AWS::AppConfig::Application";

    private EnvironmentMapper() {
    }

    /** The ARN of an environment. */
    public static String arn(Scope scope, String application, String environment) {
        return Arns.of(scope, "appconfig", "application/" + application + "/environment/" + environment);
    }

    public static LiveResource map(Scope scope, Environment e) {
        List<Node> monitors = e.hasMonitors() ? e.monitors().stream().map(EnvironmentMapper::monitor).toList() : null;
        Props p = Props.map().ref("ApplicationId", e.applicationId(), APPLICATION)
                .put("Name", e.name())
                .put("Description", e.description())
                .list("Monitors", monitors);
        String name = e.name() != null && !e.name().isBlank() ? e.name() : e.id();
        return LiveResource.of(TYPE, arn(scope, e.applicationId(), e.id()), e.applicationId() + "/" + name, scope,
                p.build(), Ids.of(e.id(), ""));
    }

    private static Node monitor(Monitor m) {
        return Props.map().put("AlarmArn", m.alarmArn()).put("AlarmRoleArn", m.alarmRoleArn()).build();
    }
}
