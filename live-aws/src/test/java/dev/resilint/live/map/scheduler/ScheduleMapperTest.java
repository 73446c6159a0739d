package dev.resilint.live.map.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.live.map.PropsText;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

class ScheduleMapperTest {

    static final Scope SCOPE = new Scope("111122223333", "eu-west-1");
    static final String ARN = "arn:aws:scheduler:eu-west-1:111122223333:schedule/ops/nightly";
    static final ScheduleSummary SUMMARY = ScheduleSummary.builder().name("nightly").groupName("ops").arn(ARN)
            .state("ENABLED").target(t -> t.arn("arn:aws:lambda:eu-west-1:111122223333:function:report")).build();

    @Test
    void aScheduleWithItsTargetsDeadLetterAndRetrySettings() {
        LiveResource s = ScheduleMapper.map(SCOPE, SUMMARY, GetScheduleResponse.builder().name("nightly").groupName("ops")
                .arn(ARN).scheduleExpression("cron(0 2 * * ? *)").scheduleExpressionTimezone("Europe/Paris")
                .startDate(Instant.parse("2026-01-01T00:00:00Z")).flexibleTimeWindow(f -> f.mode("FLEXIBLE")
                        .maximumWindowInMinutes(15))
                .target(t -> t.arn("arn:aws:lambda:eu-west-1:111122223333:function:report")
                        .roleArn("arn:aws:iam::111122223333:role/scheduler")
                        .deadLetterConfig(d -> d.arn("arn:aws:sqs:eu-west-1:111122223333:sched-parking"))
                        .retryPolicy(r -> r.maximumRetryAttempts(2).maximumEventAgeInSeconds(600)))
                .build());

        assertThat(s.type()).isEqualTo("AWS::Scheduler::Schedule");
        assertThat(s.name()).isEqualTo("ops/nightly");
        assertThat(PropsText.of(s.properties())).isEqualTo("{Name: \"nightly\", GroupName: \"ops\", State: \"ENABLED\", "
                + "ScheduleExpression: \"cron(0 2 * * ? *)\", ScheduleExpressionTimezone: \"Europe/Paris\", "
                + "StartDate: \"2026-01-01T00:00:00Z\", FlexibleTimeWindow: {Mode: \"FLEXIBLE\", MaximumWindowInMinutes: 15}, "
                + "Target: {Arn: \"arn:aws:lambda:eu-west-1:111122223333:function:report\", "
                + "RoleArn: \"arn:aws:iam::111122223333:role/scheduler\", "
                + "DeadLetterConfig: {Arn: ref(AWS::SQS::Queue)\"arn:aws:sqs:eu-west-1:111122223333:sched-parking\"}, "
                + "RetryPolicy: {MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 2}}}");
        assertThat(s.identifiers()).containsExactlyInAnyOrderEntriesOf(Map.of("nightly", "", ARN, "Arn"));
    }

    @Test
    void withoutDetailsTheTargetArnOfTheListRemains() {
        assertThat(PropsText.of(ScheduleMapper.map(SCOPE, SUMMARY, null).properties())).isEqualTo("{Name: \"nightly\", "
                + "GroupName: \"ops\", State: \"ENABLED\", Target: {Arn: \"arn:aws:lambda:eu-west-1:111122223333:function:report\"}}");
    }
}
