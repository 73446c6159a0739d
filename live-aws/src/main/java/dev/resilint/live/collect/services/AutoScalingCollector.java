package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.autoscaling.AutoScalingGroupMapper;
import dev.resilint.live.map.autoscaling.LaunchConfigurationMapper;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeLaunchConfigurationsResponse;

/** Auto Scaling groups (tags included) and launch configurations: one paginated call each. */
public final class AutoScalingCollector implements Collector {

    @Override
    public String service() {
        return "autoscaling";
    }

    @Override
    public List<String> types() {
        return List.of(AutoScalingGroupMapper.TYPE, LaunchConfigurationMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations");
    }

    @Override
    public void collect(ScopeReader in) {
        AutoScalingClient client = in.client(AutoScalingClient.class, AutoScalingClient::builder);
        in.read(List.of(AutoScalingGroupMapper.TYPE), () -> in.pages("DescribeAutoScalingGroups",
                client.describeAutoScalingGroupsPaginator(r -> r.maxRecords(100)),
                DescribeAutoScalingGroupsResponse::autoScalingGroups, DescribeAutoScalingGroupsResponse::nextToken)
                .forEach(g -> in.add(AutoScalingGroupMapper.map(in.scope(), g))));
        in.read(List.of(LaunchConfigurationMapper.TYPE), () -> in.pages("DescribeLaunchConfigurations",
                client.describeLaunchConfigurationsPaginator(r -> r.maxRecords(100)),
                DescribeLaunchConfigurationsResponse::launchConfigurations,
                DescribeLaunchConfigurationsResponse::nextToken)
                .forEach(c -> in.add(LaunchConfigurationMapper.map(in.scope(), c))));
    }
}
