package dev.resilint.live.collect.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resilint.core.NotEvaluated;
import dev.resilint.infra.graph.Value;
import dev.resilint.live.IamPolicy;
import dev.resilint.live.fake.AwsError;
import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.FakeRegion;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.map.PropsText;
import dev.resilint.live.map.pipes.PipeMapper;
import dev.resilint.live.map.scheduler.ScheduleMapper;
import dev.resilint.live.twin.Scans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Pipes and the Scheduler collectors: a list call, then one detail call per resource. */
class PipesAndSchedulerCollectorTest {

    static final String ACCOUNT = "610987654321";
    static final String REGION = "us-east-2";
    static final String QUEUE = "arn:aws:sqs:us-east-2:610987654321:";
    static final String PIPE = "arn:aws:pipes:us-east-2:610987654321:pipe/";
    static final String SCHEDULE = "arn:aws:scheduler:us-east-2:610987654321:schedule/default/";
    @RegisterExtension
    static final FakeAws FAKE = FakeAws.start().strict();

    /** Pipes p1 to p3 from Kinesis streams, p1 with a dead-letter queue; schedules s1 to s3, s1 with one. */
    static FakeRegion serve() {
        FakeRegion us = FAKE.account(ACCOUNT).region(REGION);
        List<Map<String, Object>> pipes = new ArrayList<>();
        List<Map<String, Object>> schedules = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String source = "arn:aws:kinesis:us-east-2:610987654321:stream/s" + i;
            pipes.add(Map.of("Name", "p" + i, "Arn", PIPE + "p" + i, "Source", source, "DesiredState", "RUNNING"));
            us.answer("pipes", "DescribePipe", "Name", "p" + i, Map.of("Name", "p" + i, "Arn", PIPE + "p" + i,
                    "Source", source, "SourceParameters", Map.of("KinesisStreamParameters", i == 1
                            ? Map.of("StartingPosition", "LATEST", "DeadLetterConfig", Map.of("Arn", QUEUE + "pipe-parking"))
                            : Map.of("StartingPosition", "LATEST"))));
            schedules.add(Map.of("Name", "s" + i, "GroupName", "default", "Arn", SCHEDULE + "s" + i, "State", "ENABLED",
                    "Target", Map.of("Arn", QUEUE + "work")));
            us.answer("scheduler", "GetSchedule", "Name", "s" + i, Map.of("Name", "s" + i, "GroupName", "default",
                    "Arn", SCHEDULE + "s" + i, "ScheduleExpression", "rate(1 day)",
                    "FlexibleTimeWindow", Map.of("Mode", "OFF"), "Target", i == 1
                            ? Map.of("Arn", QUEUE + "work", "RoleArn", "arn:aws:iam::610987654321:role/s",
                                    "DeadLetterConfig", Map.of("Arn", QUEUE + "schedule-parking"))
                            : Map.of("Arn", QUEUE + "work", "RoleArn", "arn:aws:iam::610987654321:role/s")));
        }
        us.items("pipes", "ListPipes", pipes).items("scheduler", "ListSchedules", schedules);
        return us;
    }

    @Test
    void readsPipesOverPagesWithOneDescribeEach() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new PipesCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(PIPE + "p1", PIPE + "p2", PIPE + "p3");
        assertThat(PropsText.of(PropsText.at(run.resource(PIPE + "p1").properties(),
                "SourceParameters/KinesisStreamParameters/DeadLetterConfig")))
                .isEqualTo("{Arn: ref(AWS::SQS::Queue|AWS::SNS::Topic)\"" + QUEUE + "pipe-parking\"}");
        assertThat(run.completeness().get(PipeMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("pipes:ListPipes", 2L,
                "pipes:DescribePipe", 3L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void readsSchedulesOverPagesWithOneGetEach() {
        serve();

        ScanOfOne run = ScanOfOne.of(FAKE, new SchedulerCollector(), ACCOUNT, REGION, false);

        assertThat(run.arns()).containsExactly(SCHEDULE + "s1", SCHEDULE + "s2", SCHEDULE + "s3");
        assertThat(PropsText.of(PropsText.at(run.resource(SCHEDULE + "s1").properties(), "Target/DeadLetterConfig")))
                .isEqualTo("{Arn: ref(AWS::SQS::Queue)\"" + QUEUE + "schedule-parking\"}");
        assertThat(run.completeness().get(ScheduleMapper.TYPE)).isEmpty();
        assertThat(FAKE.calls().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("scheduler:ListSchedules", 2L,
                "scheduler:GetSchedule", 3L));
        assertThat(IamPolicy.actions()).containsAll(FAKE.calls().iamActions());
    }

    @Test
    void accessDeniedOnTheListCallsMakesTheTypesGapsAndNothingElseIsLost() {
        serve();
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("pipes", "ListPipes"));
        FAKE.inject(Fault.error(new AwsError("AccessDeniedException", 403, "no")).on("scheduler", "ListSchedules"));

        ScanOfOne pipes = ScanOfOne.of(FAKE, new PipesCollector(), ACCOUNT, REGION, false);
        ScanOfOne schedules = ScanOfOne.of(FAKE, new SchedulerCollector(), ACCOUNT, REGION, false);

        assertThat(pipes.resources()).isEmpty();
        assertThat(schedules.resources()).isEmpty();
        assertThat(pipes.completeness().get(PipeMapper.TYPE)).hasValueSatisfying(g ->
                assertThat(g.reason()).isEqualTo(NotEvaluated.Reason.ACCESS_DENIED));
        var results = Scans.run(Scans.caller(FAKE, ACCOUNT, REGION));
        assertThat(ScanOfOne.notEvaluated(results)).containsExactly("MQ01 AWS::Pipes::Pipe * ACCESS_DENIED",
                "MQ01 AWS::Scheduler::Schedule * ACCESS_DENIED", "MQ04 AWS::Scheduler::Schedule * ACCESS_DENIED",
                "MQ06 AWS::Pipes::Pipe * ACCESS_DENIED",
                "MQ06 AWS::Scheduler::Schedule * ACCESS_DENIED", "OB03 AWS::Pipes::Pipe * ACCESS_DENIED",
                "OB03 AWS::Scheduler::Schedule * ACCESS_DENIED");
    }

    @Test
    void aPipeOrScheduleWhoseDetailsCannotBeReadIsKeptWithWhatTheListGave() {
        serve().fail("pipes", "DescribePipe", "Name", "p2", new AwsError("AccessDeniedException", 403, "no"))
                .fail("scheduler", "GetSchedule", "Name", "s3", new AwsError("AccessDeniedException", 403, "no"))
                .fail("scheduler", "GetSchedule", "Name", "s2", new AwsError("ResourceNotFoundException", 404, "gone"));

        ScanOfOne pipes = ScanOfOne.of(FAKE, new PipesCollector(), ACCOUNT, REGION, false);
        ScanOfOne schedules = ScanOfOne.of(FAKE, new SchedulerCollector(), ACCOUNT, REGION, false);

        assertThat(pipes.resource(PIPE + "p2").unread()).hasValueSatisfying(u ->
                assertThat(u.reason()).isEqualTo(Value.Reason.ACCESS_DENIED));
        assertThat(PropsText.of(pipes.resource(PIPE + "p2").properties())).isEqualTo("{Name: \"p2\", "
                + "DesiredState: \"RUNNING\", Source: \"arn:aws:kinesis:us-east-2:610987654321:stream/s2\"}");
        // s2 was deleted (one-time schedules delete themselves), s3 is unread
        assertThat(schedules.arns()).containsExactly(SCHEDULE + "s1", SCHEDULE + "s3");
        assertThat(PropsText.of(schedules.resource(SCHEDULE + "s3").properties())).isEqualTo("{Name: \"s3\", "
                + "GroupName: \"default\", State: \"ENABLED\", Target: {Arn: \"" + QUEUE + "work\"}}");
        assertThat(schedules.resource(SCHEDULE + "s3").unread()).isPresent();
        assertThat(pipes.completeness().get(PipeMapper.TYPE)).isEmpty();
        assertThat(schedules.completeness().get(ScheduleMapper.TYPE)).isEmpty();
    }
}
