package dev.resilint.live.map.cloudwatch;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;

/**
 * A composite alarm of {@code DescribeAlarms} as {@code AWS::CloudWatch::CompositeAlarm}: the
 * actions (left out when the API answers them empty, as a template that does not set them),
 * {@code ActionsEnabled}, and {@code AlarmRule} as the string AWS keeps, which names the alarms
 * it combines ({@code ALARM("orders-dlq-depth")} or their ARNs). {@code Ref} returns the name.
 */
public final class CompositeAlarmMapper {

    public static final String TYPE = "AWS::CloudWatch::CompositeAlarm";

    private CompositeAlarmMapper() {
    }

    public static LiveResource map(Scope scope, CompositeAlarm a) {
        Props p = Props.map()
                .put("AlarmName", a.alarmName())
                .put("AlarmDescription", a.alarmDescription())
                .put("ActionsEnabled", a.actionsEnabled())
                .strings("AlarmActions", a.alarmActions())
                .strings("OKActions", a.okActions())
                .strings("InsufficientDataActions", a.insufficientDataActions())
                .put("AlarmRule", a.alarmRule())
                .put("ActionsSuppressor", a.actionsSuppressor())
                .put("ActionsSuppressorWaitPeriod", a.actionsSuppressorWaitPeriod())
                .put("ActionsSuppressorExtensionPeriod", a.actionsSuppressorExtensionPeriod());
        return LiveResource.of(TYPE, a.alarmArn(), a.alarmName(), scope, p.build(),
                Ids.of(a.alarmName(), "", a.alarmArn(), "Arn"));
    }
}
