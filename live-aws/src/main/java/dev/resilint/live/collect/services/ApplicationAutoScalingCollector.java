package dev.resilint.live.collect.services;

import dev.resilint.live.collect.Collector;
import dev.resilint.live.collect.ScopeReader;
import dev.resilint.live.map.applicationautoscaling.ScalableTargetMapper;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/**
 * Application Auto Scaling: the scalable targets of DynamoDB ({@code DescribeScalableTargets} with
 * {@code ServiceNamespace=dynamodb}, pages of 50, the API's most), which say whether a provisioned
 * table's or index's capacity scales.
 *
 * <p>Only the {@code dynamodb} namespace is read: {@code AWS::ApplicationAutoScaling::ScalableTarget}
 * of a live scope holds DynamoDB's targets, and a rule that reads the type for another service (ECS
 * services, Aurora replicas) must first add that namespace here, or it would take the absence of that
 * service's targets for proof.
 */
public final class ApplicationAutoScalingCollector implements Collector {

    /** The most targets {@code DescribeScalableTargets} returns a page. */
    static final int PAGE = 50;

    @Override
    public String service() {
        return "application-autoscaling";
    }

    @Override
    public List<String> types() {
        return List.of(ScalableTargetMapper.TYPE);
    }

    @Override
    public List<String> actions() {
        return List.of("application-autoscaling:DescribeScalableTargets");
    }

    @Override
    public void collect(ScopeReader in) {
        ApplicationAutoScalingClient aas = in.client(ApplicationAutoScalingClient.class,
                ApplicationAutoScalingClient::builder);
        in.read(types(), () -> in.pages("DescribeScalableTargets",
                aas.describeScalableTargetsPaginator(r -> r.serviceNamespace(ServiceNamespace.DYNAMODB).maxResults(PAGE)),
                DescribeScalableTargetsResponse::scalableTargets, DescribeScalableTargetsResponse::nextToken)
                .forEach(t -> in.add(ScalableTargetMapper.map(in.scope(), t))));
    }
}
