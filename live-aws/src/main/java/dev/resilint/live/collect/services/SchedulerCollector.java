package dev.resilint.live.collect.services;

import dev.resilint.live.aws.ReadFailure;
import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.scheduler.ScheduleMapper;
import dev.resilint.live.model.LiveResource;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;

/**
 * EventBridge Scheduler schedules of every schedule group: {@code ListSchedules} (100 a page), then
 * one {@code GetSchedule} per schedule, which the API makes unavoidable (the target's dead-letter
 * and retry settings are only there). A schedule deleted between the calls (one-time schedules
 * delete themselves) is gone; one whose details cannot be read is kept with what the list gave and
 * marked unread.
 */
public final class SchedulerCollector implements Collector {

    static final int PAGE = 100;

    @Override
    public String service() {
        return "scheduler";
    }

    @Override
    public List<String> types() {
        return List.of(ScheduleMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("scheduler:ListSchedules", "scheduler:GetSchedule");
    }

    @Override
    public void collect(ScopeReader in) {
        SchedulerClient scheduler = in.client(SchedulerClient.class, SchedulerClient::builder);
        in.read(types(), () -> {
            List<ScheduleSummary> all = in.pages("ListSchedules",
                    scheduler.listSchedulesPaginator(r -> r.maxResults(PAGE)), ListSchedulesResponse::schedules,
                    ListSchedulesResponse::nextToken);
            in.each(all, s -> schedule(in, scheduler, s)).forEach(s -> s.ifPresent(in::add));
        });
    }

    private static Optional<LiveResource> schedule(ScopeReader in, SchedulerClient scheduler, ScheduleSummary s) {
        try {
            Optional<GetScheduleResponse> detail = in.call("GetSchedule", () -> {
                try {
                    return Optional.of(scheduler.getSchedule(r -> r.name(s.name()).groupName(s.groupName())));
                } catch (ResourceNotFoundException gone) {
                    return Optional.empty();
                }
            });
            return detail.map(d -> ScheduleMapper.map(in.scope(), s, d));
        } catch (ReadFailure f) {
            return Optional.of(ScheduleMapper.map(in.scope(), s, null).withUnread(f.asUnknown()));
        }
    }
}
