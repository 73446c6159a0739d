package dev.resilint.live.map.scheduler;

import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.map.sqs.QueueMapper;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * A schedule of {@code ListSchedules} with its {@code GetSchedule} as {@code AWS::Scheduler::Schedule}:
 * the expression and time window, and the {@code Target} with its {@code DeadLetterConfig.Arn} (a
 * reference to the queue), {@code RetryPolicy} and SQS parameters. The list call gives only the
 * target's ARN; a schedule whose details could not be read has just that. Dates are ISO-8601
 * strings, as a template writes them. {@code Ref} returns the schedule's name.
 */
public final class ScheduleMapper {

    public static final String TYPE = "AWS::Scheduler::Schedule";

    private ScheduleMapper() {
    }

    /** @param detail what {@code GetSchedule} answered, or null when it could not be read */
    public static LiveResource map(Scope scope, ScheduleSummary s, GetScheduleResponse detail) {
        Props p = Props.map()
                .put("Name", s.name())
                .put("GroupName", s.groupName())
                .put("State", s.stateAsString());
        if (detail == null) {
            if (s.target() != null) {
                p.putIfNotEmpty("Target", Props.map().put("Arn", s.target().arn()));
            }
        } else {
            p.put("Description", detail.description() == null || detail.description().isEmpty() ? null
                    : detail.description())
                    .put("ScheduleExpression", detail.scheduleExpression())
                    .put("ScheduleExpressionTimezone", detail.scheduleExpressionTimezone())
                    .put("StartDate", detail.startDate() == null ? null : detail.startDate().toString())
                    .put("EndDate", detail.endDate() == null ? null : detail.endDate().toString())
                    .put("KmsKeyArn", detail.kmsKeyArn())
                    .put("ActionAfterCompletion", detail.actionAfterCompletionAsString());
            if (detail.flexibleTimeWindow() != null) {
                p.putIfNotEmpty("FlexibleTimeWindow", Props.map().put("Mode", detail.flexibleTimeWindow().modeAsString())
                        .put("MaximumWindowInMinutes", detail.flexibleTimeWindow().maximumWindowInMinutes()));
            }
            if (detail.target() != null) {
                p.putIfNotEmpty("Target", target(detail.target()));
            }
        }
        return LiveResource.of(TYPE, s.arn(), s.groupName() + "/" + s.name(), scope, p.build(),
                Ids.of(s.name(), "", s.arn(), "Arn"));
    }

    private static Props target(Target t) {
        Props p = Props.map().put("Arn", t.arn()).put("RoleArn", t.roleArn()).put("Input", t.input());
        if (t.deadLetterConfig() != null) {
            p.putIfNotEmpty("DeadLetterConfig", Props.map().ref("Arn", t.deadLetterConfig().arn(), QueueMapper.TYPE));
        }
        if (t.retryPolicy() != null) {
            p.putIfNotEmpty("RetryPolicy", Props.map()
                    .put("MaximumEventAgeInSeconds", t.retryPolicy().maximumEventAgeInSeconds())
                    .put("MaximumRetryAttempts", t.retryPolicy().maximumRetryAttempts()));
        }
        if (t.sqsParameters() != null) {
            p.putIfNotEmpty("SqsParameters", Props.map().put("MessageGroupId", t.sqsParameters().messageGroupId()));
        }
        return p;
    }
}
