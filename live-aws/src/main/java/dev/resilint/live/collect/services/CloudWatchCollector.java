package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.cloudwatch.AlarmMapper;
import dev.resilint.live.map.cloudwatch.CompositeAlarmMapper;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;

/**
 * CloudWatch alarms: {@code DescribeAlarms} (100 a page), once for metric alarms and once for
 * composite alarms, since the API answers only metric alarms unless {@code AlarmTypes} names the
 * composite ones. Both types are read together: a failed call leaves both not evaluated (a rule
 * that looks for an alarm cannot trust half of them). Alarm tags are not read (no rule needs them).
 */
public final class CloudWatchCollector implements Collector {

    /** The most alarms {@code DescribeAlarms} answers in a page. */
    static final int PAGE = 100;

    @Override
    public String service() {
        return "monitoring";
    }

    @Override
    public List<String> types() {
        return List.of(AlarmMapper.TYPE, CompositeAlarmMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("cloudwatch:DescribeAlarms");
    }

    @Override
    public void collect(ScopeReader in) {
        CloudWatchClient cloudwatch = in.client(CloudWatchClient.class, CloudWatchClient::builder);
        in.read(types(), () -> {
            if (in.wants(AlarmMapper.TYPE)) {
                in.pages("DescribeAlarms", cloudwatch.describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM)
                                .maxRecords(PAGE)), DescribeAlarmsResponse::metricAlarms, DescribeAlarmsResponse::nextToken)
                        .forEach(a -> in.add(AlarmMapper.map(in.scope(), a)));
            }
            if (in.wants(CompositeAlarmMapper.TYPE)) {
                in.pages("DescribeAlarms", cloudwatch.describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.COMPOSITE_ALARM)
                                .maxRecords(PAGE)), DescribeAlarmsResponse::compositeAlarms, DescribeAlarmsResponse::nextToken)
                        .forEach(a -> in.add(CompositeAlarmMapper.map(in.scope(), a)));
            }
        });
    }
}
