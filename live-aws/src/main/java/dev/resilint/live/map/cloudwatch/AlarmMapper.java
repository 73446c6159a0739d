package dev.resilint.live.map.cloudwatch;

import dev.resilint.core.tree.Node;
import dev.resilint.live.map.Ids;
import dev.resilint.live.map.Props;
import dev.resilint.live.model.LiveResource;
import dev.resilint.live.model.Scope;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * A metric alarm of {@code DescribeAlarms} as {@code AWS::CloudWatch::Alarm}. The API and
 * CloudFormation share their member names ({@code AlarmActions}, {@code OKActions},
 * {@code Dimensions} as {@code {Name, Value}}, {@code Metrics} as metric data queries with
 * {@code MetricStat.Metric}); action lists the API answers empty are left out, as a template
 * that does not set them, and a dimension value stays the literal AWS gives (a queue's name for
 * {@code QueueName}), which rules compare with the named resource's own name. {@code Ref} returns
 * the alarm's name.
 */
public final class AlarmMapper {

    public static final String TYPE = "AWS::CloudWatch::Alarm";

    private AlarmMapper() {
    }

    public static LiveResource map(Scope scope, MetricAlarm a) {
        Props p = Props.map()
                .put("AlarmName", a.alarmName())
                .put("AlarmDescription", a.alarmDescription())
                .put("ActionsEnabled", a.actionsEnabled())
                .strings("AlarmActions", a.alarmActions())
                .strings("OKActions", a.okActions())
                .strings("InsufficientDataActions", a.insufficientDataActions())
                .put("MetricName", a.metricName())
                .put("Namespace", a.namespace())
                .list("Dimensions", dimensions(a.dimensions()))
                .list("Metrics", a.hasMetrics() ? a.metrics().stream().map(AlarmMapper::query).toList() : null)
                .put("Statistic", a.statisticAsString())
                .put("ExtendedStatistic", a.extendedStatistic())
                .put("Period", a.period())
                .put("EvaluationPeriods", a.evaluationPeriods())
                .put("DatapointsToAlarm", a.datapointsToAlarm())
                .put("Threshold", a.threshold())
                .put("ThresholdMetricId", a.thresholdMetricId())
                .put("ComparisonOperator", a.comparisonOperatorAsString())
                .put("TreatMissingData", a.treatMissingData())
                .put("EvaluateLowSampleCountPercentile", a.evaluateLowSampleCountPercentile())
                .put("Unit", a.unitAsString());
        return LiveResource.of(TYPE, a.alarmArn(), a.alarmName(), scope, p.build(),
                Ids.of(a.alarmName(), "", a.alarmArn(), "Arn"));
    }

    /** {@code [{Name, Value}]}; null when there are none. */
    static List<Node> dimensions(List<Dimension> dimensions) {
        if (dimensions == null || dimensions.isEmpty()) {
            return null;
        }
        return dimensions.stream().map(d -> (Node) Props.map()
                .put("Name", d.name()).put("Value", d.value()).build()).toList();
    }

    private static Node query(MetricDataQuery q) {
        Props p = Props.map()
                .put("Id", q.id())
                .put("Expression", q.expression())
                .put("Label", q.label())
                .put("ReturnData", q.returnData())
                .put("Period", q.period())
                .put("AccountId", q.accountId());
        MetricStat stat = q.metricStat();
        if (stat != null) {
            Props metric = Props.map();
            if (stat.metric() != null) {
                metric.put("Namespace", stat.metric().namespace())
                        .put("MetricName", stat.metric().metricName())
                        .list("Dimensions", dimensions(stat.metric().dimensions()));
            }
            p.put("MetricStat", Props.map().putIfNotEmpty("Metric", metric).put("Period", stat.period())
                    .put("Stat", stat.stat()).put("Unit", stat.unitAsString()));
        }
        return p.build();
    }
}
